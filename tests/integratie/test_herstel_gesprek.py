"""Conversation repair through the trained model and a real action server:
every form of domain.yml walked through every repair it declares in
data/kennis/herstel.yml (the matrix), the five conversations of issue 18,
and a walk that is paused and picked up again in a new session.

A form without a way in here (`START`), or a repair without a sentence and a
check (`ZIN`, `CONTROLE`), fails `test_de_matrix_kent_elk_formulier_en_elke_soort`."""
from __future__ import annotations

from typing import Callable, Dict, List

import pytest

from actions.aanpak import fasen as aanpak
from actions.algemeen import herstel

# How to reach a form's first question, as a user would.
START: Dict[str, List[str]] = {
    "signalering_form": ["Ik maak me zorgen om mijn buurvrouw van 80. Ze heeft geen contacten meer."],
    "schaal_form": ["Mijn buurvrouw is weduwe. Ze zegt zelf dat ze zich eenzaam voelt.", "stop",
                    "/schaal_invullen"],
    "interventie_form": ["/interventie_zoeken"],
    "aanpak_form": ["help me stap voor stap met deze cliënt"],
    "plan_form": ["ik wil een plan maken voor mijn buurman", "ja"],
    "oefen_form": ["/oefenen_starten"],
    "rollenspel_form": ["/oefenen_starten", "willekeurig", "huisbezoek"],
}
# An ordinary answer to the first question, for 'vorige vraag' and a correction of the answer before.
ANTWOORD = {"signalering_form": "weet ik niet", "schaal_form": "ja", "plan_form": "de bewoner"}
# The slot a correction changes. Signalering reads a correction in any answer
# (`ZIN`); the other forms correct the answer before, in their own words.
VERBETERD = {"signalering_form": "sig_contacten", "schaal_form": "schaal_1", "plan_form": "plan_aanduiding"}
VERBETERING = {"schaal_form": "nee, bij de vorige vraag bedoelde ik nee",
               "plan_form": "sorry, ik bedoelde de buurvrouw"}
ZIN = {
    herstel.TUSSENVRAAG: "hoe herken ik eenzaamheid eigenlijk?",
    herstel.VERDUIDELIJKING: "wat bedoel je?",
    herstel.VORIGE_VRAAG: "vorige vraag",
    herstel.OVERSLAAN: "overslaan",
    herstel.CORRECTIE: "nee, ze heeft wel contact met haar zoon",
    herstel.BESCHRIJVING: "mijn cliënt",
    herstel.VORIGE_FASE: "vorige fase",
    herstel.VOLGENDE_FASE: "volgende fase",
    herstel.VERDER: "ga verder",
    herstel.PAUZE: "later verder",
    herstel.NIEUWE_PERSOON: "nieuwe persoon",
    herstel.STOPPEN: "stop",
}


class Stand:
    """Where the conversation is: the form, its question and what the bot said last."""

    def __init__(self, gesprek, teksten: List[str]):
        tracker = gesprek.tracker()
        self.form, self.vraag = tracker.active_loop_name, tracker.get_slot("requested_slot")
        self.teksten, self.tracker = teksten, tracker


# A form that asks again in a shorter way after it said something in the same turn.
KORT_OPNIEUW = {"interventie_form": "Typ de gemeente, of kies:"}


def _zelfde_vraag_opnieuw(voor: Stand, na: Stand) -> None:
    assert (na.form, na.vraag) == (voor.form, voor.vraag)
    assert na.teksten[-1] in (voor.teksten[-1], KORT_OPNIEUW.get(voor.form)), "de vraag komt opnieuw"


def _tussenvraag(voor: Stand, na: Stand) -> None:
    assert len(na.teksten) >= 2 and na.teksten[0] != voor.teksten[-1], "eerst het antwoord op de vraag"
    _zelfde_vraag_opnieuw(voor, na)


def _verduidelijking(voor: Stand, na: Stand) -> None:
    assert na.teksten[0] == herstel.uitleg(voor.vraag)
    _zelfde_vraag_opnieuw(voor, na)


def _vorige_vraag(voor: Stand, na: Stand) -> None:
    assert na.form == voor.form and na.vraag != voor.vraag and na.tracker.get_slot(na.vraag) is None


def _overslaan(voor: Stand, na: Stand) -> None:
    """On without an answer: 'overgeslagen', or for the place the national offer."""
    assert na.vraag != voor.vraag
    gezet = [e.value for e in list(na.tracker.events)[len(voor.tracker.events):]
             if e.type_name == "slot" and e.key == voor.vraag]
    assert any(w in ("overgeslagen", ["overgeslagen"], "landelijk") for w in gezet), gezet


def _correctie(voor: Stand, na: Stand) -> None:
    assert any(t.startswith("Aangepast:") for t in na.teksten), na.teksten
    slot = VERBETERD[voor.form]
    assert voor.tracker.get_slot(slot) != na.tracker.get_slot(slot), slot
    if voor.form in VERBETERING:
        _zelfde_vraag_opnieuw(voor, na)


def _beschrijving(voor: Stand, na: Stand) -> None:
    assert na.tracker.get_slot("plan_aanduiding") == "mijn cliënt" and na.vraag != voor.vraag


def _vorige_fase(voor: Stand, na: Stand) -> None:
    assert na.form is None and na.teksten[0].startswith("Fase vier van vijf: Motivatie")


def _volgende_fase(voor: Stand, na: Stand) -> None:
    assert na.teksten[0] == herstel.melding("geen_volgende_fase")
    _zelfde_vraag_opnieuw(voor, na)


def _verder(voor: Stand, na: Stand) -> None:
    assert na.form is None and na.teksten[0].startswith("Fase een van vijf: Inzicht")


def _pauze(voor: Stand, na: Stand) -> None:
    assert na.form is None and na.teksten[0].startswith("Goed, we")


def _nieuwe_persoon(voor: Stand, na: Stand) -> None:
    assert na.teksten[0].startswith("Goed, we beginnen")
    assert (na.form, na.vraag) == ("aanpak_form", "aanpak_keuze") and na.teksten[-1] == aanpak.waar_sta_je_vraag()


def _stoppen(voor: Stand, na: Stand) -> None:
    assert na.form is None and na.teksten, [(e.type_name, getattr(e, "action_name", None) or getattr(e, "intent", None))
                                            for e in list(na.tracker.events)[-12:]]


CONTROLE: Dict[str, Callable[[Stand, Stand], None]] = {
    herstel.TUSSENVRAAG: _tussenvraag, herstel.VERDUIDELIJKING: _verduidelijking, herstel.VORIGE_VRAAG: _vorige_vraag,
    herstel.OVERSLAAN: _overslaan, herstel.CORRECTIE: _correctie, herstel.BESCHRIJVING: _beschrijving,
    herstel.VORIGE_FASE: _vorige_fase, herstel.VOLGENDE_FASE: _volgende_fase, herstel.VERDER: _verder,
    herstel.PAUZE: _pauze, herstel.NIEUWE_PERSOON: _nieuwe_persoon, herstel.STOPPEN: _stoppen,
}
MATRIX = sorted((form, soort) for form, soorten in herstel.formulieren().items() for soort in soorten)


def test_de_matrix_kent_elk_formulier_en_elke_soort():
    assert sorted(START) == sorted(herstel.formulieren())
    assert set(ZIN) == set(CONTROLE) == set(herstel.SOORTEN)
    assert all(form in ANTWOORD for form, soort in MATRIX if soort == herstel.VORIGE_VRAAG)
    assert all(form in VERBETERD for form, soort in MATRIX if soort == herstel.CORRECTIE)
    assert all(form in ANTWOORD for form in VERBETERING)


@pytest.mark.parametrize("form, soort", MATRIX, ids=[f"{f}-{s}" for f, s in MATRIX])
def test_elk_formulier_herstelt_elk_verklaard_herstel(gesprek, form, soort):
    teksten: List[str] = []
    for regel in START[form]:
        teksten = gesprek.teksten(regel)
    verbetering = VERBETERING.get(form) if soort == herstel.CORRECTIE else None
    if soort == herstel.VORIGE_VRAAG or verbetering:
        teksten = gesprek.teksten(ANTWOORD[form])
    voor = Stand(gesprek, teksten)
    assert voor.form == form, (form, teksten)
    na = Stand(gesprek, gesprek.teksten(verbetering or ZIN[soort]))
    CONTROLE[soort](voor, na)


def _gesprek(gesprek, regels: List[str]) -> List[List[str]]:
    return [gesprek.teksten(regel) for regel in regels]


# --- the five conversations of issue 18 -------------------------------------------------------------
def test_plan_van_aanpak_begint_bij_waar_sta_je_en_een_planverzoek_vraagt_eerst(gesprek):
    [antwoord] = _gesprek(gesprek, ["kun je me helpen met een plan van aanpak voor mijn cliënt"])
    assert antwoord[-1] == aanpak.waar_sta_je_vraag()
    assert gesprek.tracker().get_slot("aanpak") is None


def test_een_omschrijving_als_naam_en_de_navigatie_in_het_plan(gesprek, event_loop_for_agent):
    vraag, ja, client = _gesprek(gesprek, ["ik wil een plan maken voor mijn buurman", "ja", "mijn cliënt"])
    assert vraag[-1].startswith("Je wilt een plan maken.") and vraag[-1].endswith("Wil deze persoon dat al?")
    assert ja[-1].startswith("Hoe noemen we de persoon in het plan?")
    assert client[-1].startswith("Wat is het doel?") and gesprek.tracker().get_slot("plan_aanduiding") == "mijn cliënt"
    terug = gesprek.teksten("vorige fase")
    assert terug[0].startswith("Fase vier van vijf: Motivatie") and gesprek.tracker().active_loop_name is None
    overzicht = aanpak.overzicht_tekst(gesprek.tracker().get_slot("aanpak"))
    assert "- Inzicht: nog niet" in overzicht and "- Motivatie: hier ben je nu" in overzicht


def test_waar_sta_je_met_wat_bedoel_je_een_kennisvraag_en_ga_verder(gesprek):
    _gesprek(gesprek, ["help me stap voor stap met deze cliënt"])
    uitleg = gesprek.teksten("wat bedoel je?")
    assert uitleg[0] == herstel.uitleg("aanpak_keuze") and uitleg[-1] == aanpak.waar_sta_je_vraag()
    kennis = gesprek.teksten("hoe herken ik eenzaamheid eigenlijk?")
    assert "koppelen" not in kennis[0] and kennis[-1] == aanpak.waar_sta_je_vraag()
    assert gesprek.teksten("ga verder")[0].startswith("Fase een van vijf: Inzicht")


def test_na_stop_weer_verder_of_een_nieuwe_persoon(gesprek):
    _gesprek(gesprek, ["help me stap voor stap met deze cliënt", "ze wil weer iets gaan doen", "stop"])
    terug = gesprek.zeg("hoe begin ik met de aanpak?")
    assert terug[0]["text"].startswith("Welkom terug. Je was met deze persoon bij de fase motivatie.")
    assert "Nieuwe persoon" in [b["title"] for b in terug[0].get("buttons") or []]
    nieuw = gesprek.teksten('/aanpak_starten{"fase": "nieuwe_persoon"}')
    assert nieuw[0] == herstel.melding("nieuwe_persoon", naam="motivatie")
    assert nieuw[-1] == aanpak.waar_sta_je_vraag()
    assert gesprek.tracker().get_slot("aanpak")["eerder"]["fase"] == "motivatie"


def test_wat_bedoel_je_met_contact_in_de_signalering(gesprek):
    _gesprek(gesprek, ["Ik maak me zorgen om mijn buurvrouw, ze is sinds de zomer weduwe."])
    assert gesprek.tracker().get_slot("requested_slot") == "sig_contacten"
    uitleg = gesprek.teksten("wat bedoel je met contact?")
    assert uitleg[0] == herstel.uitleg("sig_contacten")


# --- paused and picked up an hour later (a new session) ---------------------------------------------
def test_plan_van_aanpak_met_tussenvragen_terug_pauze_en_een_uur_later(gesprek, agent, event_loop_for_agent):
    _gesprek(gesprek, ["kun je me helpen met een plan van aanpak voor mijn cliënt",
                       "ze zegt zelf dat ze zich eenzaam voelt"])
    assert gesprek.teksten("wat is sociaal isolement?")  # a question in between, outside the form
    assert gesprek.teksten("hoe herken ik eenzaamheid eigenlijk?")
    assert gesprek.teksten("volgende fase")[0].startswith("Fase drie van vijf: Eigen verhaal")
    assert gesprek.teksten("vorige fase")[0].startswith("Fase twee van vijf: Erkenning")
    gepauzeerd = gesprek.teksten("later verder")  # typed, as the assistant offers it
    assert gepauzeerd[0].startswith("Goed, we pauzeren. Ik onthoud waar je bent: de fase erkenning.")
    gesprek.teksten("/session_start")  # the session expired: a new one starts
    terug = gesprek.teksten("verder met de aanpak")[0]
    assert terug.startswith("Welkom terug. Je was met deze persoon bij de fase erkenning.")
    assert "- Inzicht: gedaan" in terug and "- Erkenning: hier ben je nu" in terug
    assert "- Eigen verhaal: nog niet" in terug and "- Motivatie: nog niet" in terug


# --- the commands the assistant offers, typed outside a form ----------------------------------------
def test_later_verder_getypt_zonder_aanpak_zegt_hoe_je_later_begint(gesprek):
    assert gesprek.teksten("later verder") == [herstel.melding("pauze_zonder_aanpak")]


def test_nieuwe_persoon_getypt_na_een_pauze_begint_opnieuw_en_bewaart_de_oude_aanpak(gesprek):
    _gesprek(gesprek, ["help me stap voor stap met deze cliënt", "ze wil weer iets gaan doen", "later verder"])
    nieuw = gesprek.teksten("nieuwe persoon")
    assert nieuw[0] == herstel.melding("nieuwe_persoon", naam="motivatie")
    assert nieuw[-1] == aanpak.waar_sta_je_vraag()
    assert gesprek.tracker().get_slot("aanpak")["eerder"]["fase"] == "motivatie"


def test_opnieuw_beginnen_getypt_zonder_aanpak_vraagt_waar_je_staat(gesprek):
    nieuw = gesprek.teksten("opnieuw beginnen")
    assert nieuw[0] == herstel.melding("nieuwe_persoon_zonder_aanpak") and nieuw[-1] == aanpak.waar_sta_je_vraag()


def test_vorige_fase_getypt_na_een_pauze_gaat_een_fase_terug(gesprek):
    _gesprek(gesprek, ["help me stap voor stap met deze cliënt", "ze wil weer iets gaan doen", "later verder"])
    assert gesprek.teksten("vorige fase")[0].startswith("Fase drie van vijf: Eigen verhaal")
