"""The trainee intents of the NLU model (data/nlu/zetten.yml) next to the
safety intent. Asking the persona about dark thoughts is a good practice
move (zet_gevoelens_verkennen): read as acute_zorg it would break the role
with the crisis routes, which are meant for real danger about a real person.
Such danger must still be acute_zorg. None of these lines is a training
example. Needs the trained model (tests/conftest.py)."""
import pytest

OEFENVRAGEN = [
    "denkt u weleens dat het leven niet meer hoeft?",
    "Speelt u weleens met de gedachte om uit het leven te stappen?",
    "heb je weleens gedacht dat je er liever niet meer was?",
    "Komen er weleens gedachten dat het voor u niet meer hoeft?",
]
ECHT_GEVAAR = [
    "mijn buurman zegt dat hij er een eind aan wil maken",
    "ik wil niet meer leven",
    "hij zegt dat het leven voor hem niet meer hoeft",
    "ik denk dat mijn cliënt aan zelfmoord denkt",
    "mijn echte buurvrouw zei net dat ze dood wil",
    "wat doe je als iemand zegt dat hij er niet meer wil zijn",
]


def _intent(agent, loop, tekst):
    return loop.run_until_complete(agent.parse_message(tekst))["intent"]["name"]


@pytest.mark.parametrize("tekst", OEFENVRAGEN)
def test_een_vraag_aan_de_persona_over_donkere_gedachten_is_een_oefenzet(agent, event_loop_for_agent, tekst):
    assert _intent(agent, event_loop_for_agent, tekst) == "zet_gevoelens_verkennen"


@pytest.mark.parametrize("tekst", ECHT_GEVAAR)
def test_echt_gevaar_blijft_acuut(agent, event_loop_for_agent, tekst):
    assert _intent(agent, event_loop_for_agent, tekst) == "acute_zorg"


def _knoppen():
    from actions.oefenen.acties import INSTELLINGEN, WILLEKEURIG
    from actions.oefenen.personas import overzicht
    return [p["naam"] for p in overzicht()] + [WILLEKEURIG, *INSTELLINGEN]


@pytest.mark.parametrize("knop", _knoppen())
def test_een_knop_van_de_personakiezer_breekt_de_keuze_niet_af(agent, event_loop_for_agent, knop):
    """The picker's buttons send plain text; read as `stoppen` or `acute_zorg`
    the oefen_form would not take it (its slots exclude those intents)."""
    assert _intent(agent, event_loop_for_agent, knop) not in ("stoppen", "acute_zorg")
