"""The danger model beside the crisis patterns (bot/nlu/gevaarmodel.py), in the
dialogue: messages that no pattern reads and DIET did not read as acute danger
now get the crisis answer; a description without danger is read on as before."""
import pytest

from actions.signalering import casus
from bot import crisis_bench


@pytest.mark.parametrize("tekst", [
    # DIET could not place it (nlu_fallback): before, "kun je dat anders zeggen?"
    "Het peutertje van de buren staat al een uur huilend op het balkon en er is niemand thuis.",
    "De tweeling van mijn cliënte is al sinds gisteren alleen thuis en er is geen eten.",
    # read as the care-avoidance topic: before, its answer without the routes
    "Ik ruik gas in het trappenhuis en de oude meneer van driehoog reageert niet op de bel.",
])
def test_gevaar_zonder_patroon_krijgt_het_crisisantwoord(gesprek, tekst):
    assert not casus.is_acuut(tekst), "this line is for the model: no pattern may read it"
    assert crisis_bench.crisis_herkend(gesprek.teksten(tekst))
    bericht = gesprek.tracker().latest_message
    assert bericht.parse_data.get(casus.GEVAAR_GELEZEN) is True


def test_een_mededeling_over_gevaar_krijgt_alleen_het_crisisantwoord(gesprek):
    # read by DIET as the care-avoidance topic, but it asks for no topic: before, the routes and then that topic
    teksten = gesprek.teksten("Ik ruik gas in het trappenhuis en de oude meneer van driehoog reageert niet op de bel.")
    assert crisis_bench.crisis_herkend(teksten) and len([t for t in teksten if t]) == 1


def test_een_vraag_over_opgeslagen_gegevens_krijgt_geen_crisisantwoord(gesprek):
    # 'opgeslagen' holds 'geslagen': before data/crisis/gewone_berichten.yml the model read danger (0.78)
    assert not crisis_bench.crisis_herkend(gesprek.teksten("Worden de gegevens van mijn cliënt ergens opgeslagen?"))
    assert not gesprek.tracker().latest_message.parse_data.get(casus.GEVAAR_GELEZEN)


@pytest.mark.parametrize("tekst", [
    "daar staat hij wel voor open",
    # DIET read this one as acute_zorg at full confidence until three answers about help in other
    # words joined antwoord_geven (data/nlu/formulieren.yml, eighteenth session)
    "ze staat er best voor open hoor",
])
def test_een_kort_antwoord_over_hulp_krijgt_geen_crisisantwoord(gesprek, tekst):
    # the model read "ze staat er open voor", an answer to the question about help, as acute danger
    # (seventeenth session; data/crisis/gewone_berichten.yml): the same kind in other words, in the form
    gesprek.teksten("Meneer (80) woont al jaren alleen en ziet niemand. Hij heeft geen andere problemen.")
    assert not crisis_bench.crisis_herkend(gesprek.teksten(tekst))
    assert not gesprek.tracker().latest_message.parse_data.get(casus.GEVAAR_GELEZEN)


def test_een_beschrijving_zonder_gevaar_wordt_gelezen_zonder_crisisroutes(gesprek):
    teksten = gesprek.teksten(
        "Meneer Hoving (79) is sinds de dood van zijn vrouw vorig jaar veel alleen. Hij gaat nog wel naar de "
        "markt, maar de biljartclub heeft hij opgezegd. Zijn dochter woont in Groningen en belt elke zondag.")
    assert not crisis_bench.crisis_herkend(teksten)
    assert not gesprek.tracker().latest_message.parse_data.get(casus.GEVAAR_GELEZEN)


def test_het_gevaarmodel_zit_in_het_getrainde_model_en_leest_als_de_bench(agent, event_loop_for_agent):
    # the model trained with Rasa and the one the benches train from the same data agree
    lezer = crisis_bench.gevaarlezer()
    for tekst in ("Het peutertje van de buren staat al een uur huilend op het balkon en er is niemand thuis.",
                  "Waar kan een eenzame oudere in Utrecht koffie drinken?"):
        data = event_loop_for_agent.run_until_complete(agent.parse_message(tekst))
        assert bool(data.get(casus.GEVAAR_GELEZEN)) == lezer(data["intent"]["name"], tekst)


def test_een_lange_beschrijving_waarin_diet_en_het_model_gevaar_zien_krijgt_het_crisisantwoord(gesprek):
    # read as a description (DIET: casus_beschrijven 0.40, acute danger second at 0.18) and by the model
    # at 0.90 where a long description needs 0.9: after the training lines of NLU development set 2
    # this missed the crisis answer; DIET's doubt lowers the bar to 0.8
    tekst = ("Echt wanhopig is ze niet, dacht ik altijd, mevrouw Schouten, ze maakt vaak grapjes over eenzaamheid. "
             "Maar ze appte net een foto van een gevuld bad en een föhn erbij, met de tekst 'zo, nu ben ik eindelijk "
             "van iedereen af'.")
    assert crisis_bench.crisis_herkend(gesprek.teksten(tekst))
