"""Choosing a persona and stopping the role play, without a model."""
from datetime import date

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.oefenen.acties import (
    WILLEKEURIG,
    ActionOefenenFeedback,
    ValidateRollenspelForm,
    instelling,
    persona_id,
    wil_hulp,
    wil_stoppen,
)
from actions.oefenen.beurt import beurt, start, teksten
from actions.oefenen.export import zonder_namen
from actions.oefenen.feedback import feedback
from actions.oefenen.personas import personas


@pytest.mark.parametrize("tekst, verwacht", [
    ("Annie Verhoeven", "annie_verhoeven"), ("annie", "annie_verhoeven"), ("met Gerard graag", "gerard_wolters"),
    ("samira_benali", "samira_benali"), ("Verras me", WILLEKEURIG), ("willekeurig", WILLEKEURIG), ("Piet", None),
])
def test_persona_by_name_or_random(tekst, verwacht):
    assert persona_id(tekst) == verwacht


@pytest.mark.parametrize("tekst, verwacht", [
    ("huisbezoek", "huisbezoek"), ("bij haar thuis", "huisbezoek"), ("in het buurthuis", "buurthuis"),
    ("telefonisch", "telefoon"), ("op de markt", None),
])
def test_setting(tekst, verwacht):
    assert instelling(tekst) == verwacht


@pytest.mark.parametrize("tekst, intent, verwacht", [
    ("stop het rollenspel", "oefenen_stoppen", True),
    ("hoe deed ik het?", "oefenen_stoppen", True),
    ("ik ben klaar", "stoppen", True),
    ("Het klinkt alsof de dagen lang zijn geworden.", "oefenen_stoppen", False),  # a reflection, read as stop
    ("stop maar met piekeren, zegt u dan", "gesprek_openen", False),
])
def test_only_a_stop_intent_with_a_stop_word_ends_the_role(tekst, intent, verwacht):
    assert wil_stoppen(tekst, intent) is verwacht


@pytest.mark.parametrize("tekst, verwacht", [
    ("wat kun je allemaal?", True), ("help", True),
    ("Waar genoot u vroeger van?", False),  # a good question, once read as wat_kun_je
])
def test_only_a_help_question_drops_the_role_for_a_moment(tekst, verwacht):
    assert wil_hulp(tekst, {"name": "wat_kun_je", "confidence": 0.95}) is verwacht


# --- stopping: the feedback, then the session as a document ------------------------------------
def _tracker(sessie):
    return Tracker("gesprek-7f3a9c", {"oefen_sessie": sessie}, {}, [], False, None,
                   {"name": "rollenspel_form"}, "action_listen")


def _gespeeld(regels, persona="annie_verhoeven"):
    state, _ = start(persona, "huisbezoek", seed=5)
    for regel in regels:
        state, _ = beurt(state, regel)
    return state


def test_stoppen_geeft_feedback_en_dan_het_gesprek_als_document():
    regels = ["Goedemiddag mevrouw Verhoeven, ik ben Sanne de Wit van de Zonnebloem.", "Hoe gaat het met u?",
              "Heeft u kinderen?", "Het klinkt alsof de dagen lang zijn.", "U moet echt vaker naar buiten."]
    state = _gespeeld(regels)
    dispatcher = CollectingDispatcher()
    ActionOefenenFeedback().run(dispatcher, _tracker(state), {})
    tekst, document = dispatcher.messages
    assert tekst["text"] == feedback(state)
    payload = document["custom"]
    assert payload["soort"] == "oefenverslag" and payload["mime"] == "text/markdown"
    assert payload["bestandsnaam"] == f"oefengesprek-annie_verhoeven-{date.today().isoformat()}.md"
    md = payload["markdown"]
    assert all(f"**Jij:** {regel}" in md for regel in regels[1:])  # the transcript, line by line
    assert all(item["antwoord"] in md for item in state["geschiedenis"])  # and what Annie said
    regel = teksten()["feedback"]["telling_regel"]
    assert regel.format(naam="open vragen", aantal=1) in md  # the feedback's counts
    assert regel.format(naam="adviezen en oplossingen", aantal=1) in md
    assert regel.format(naam="complexe reflecties en samenvattingen", aantal=1) in md
    # no real names, no conversation id; the persona's fictional name stays
    assert "Sanne" not in md and "de Wit" not in md and "gesprek-7f3a9c" not in md
    assert "**Jij:** Goedemiddag mevrouw Verhoeven, ik ben [NAAM] van de Zonnebloem." in md


def test_geen_document_als_er_nog_niets_gezegd_is():
    dispatcher = CollectingDispatcher()
    ActionOefenenFeedback().run(dispatcher, _tracker(_gespeeld([])), {})
    assert len(dispatcher.messages) == 1 and not dispatcher.messages[0]["custom"]
    assert "nog niets gezegd" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize("tekst, verwacht", [
    ("Dag meneer Wolters, u spreekt met Ilse.", "Dag meneer Wolters, u spreekt met [NAAM]."),
    ("Mijn buurvrouw Truus zegt dat ook altijd.", "Mijn buurvrouw [NAAM] zegt dat ook altijd."),
    ("Bel me gerust op 06-12345678.", "Bel me gerust op [TELEFOON]."),
    ("Ik ben benieuwd hoe het met u gaat.", "Ik ben benieuwd hoe het met u gaat."),
])
def test_het_verslag_noemt_geen_echte_namen(tekst, verwacht):
    assert zonder_namen(tekst, personas()["gerard_wolters"]) == verwacht


@pytest.mark.parametrize("intent, soort", [
    ({"name": "zet_bagatelliseren", "confidence": 0.92}, "bagatelliseren"),  # the model is sure: its move counts
    ({"name": "zet_bagatelliseren", "confidence": 0.5}, "eenvoudige_reflectie"),  # unsure: the rules decide
    ({"name": "begroeten", "confidence": 0.99}, "eenvoudige_reflectie"),  # not a move: the rules decide
])
def test_de_rol_leest_de_zet_ook_uit_het_nlu_model(intent, soort):
    state, _ = start("ruud_bakker", "telefoon", seed=2)
    tracker = Tracker("t", {"oefen_sessie": state}, {"text": "Nou ja, zo gaat dat.", "intent": intent}, [], False,
                      None, {"name": "rollenspel_form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    slots = ValidateRollenspelForm().validate_rollenspel_beurt("Nou ja, zo gaat dat.", dispatcher, tracker, {})
    laatste = slots["oefen_sessie"]["geschiedenis"][-1]
    assert laatste["soort"] == soort and dispatcher.messages[0]["text"] == laatste["antwoord"]


# --- a trainee who starts talking without choosing --------------------------------------------
def test_wie_meteen_begint_te_praten_krijgt_een_persona_en_een_plek():
    from rasa_tracker import maak_tracker, voer_uit

    from actions.oefenen.acties import ValidateOefenForm

    zin = "Goedemiddag, hoe gaat het met u vandaag?"
    tracker = maak_tracker(zin, {}, "begroeten", 0.6, loop="oefen_form", requested="oefen_persona")
    berichten, events = voer_uit(ValidateOefenForm(), tracker, {"forms": {"oefen_form": {
        "required_slots": ["oefen_persona", "oefen_instelling"]}}})
    gezet = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert gezet["oefen_persona"] == "annie_verhoeven"
    assert gezet["oefen_instelling"] == "huisbezoek"
    assert gezet["oefen_eerste_zin"] == zin
    assert not any("ken ik niet" in (b.get("text") or "") for b in berichten)


def test_een_onbekende_naam_blijft_een_vraag_om_te_kiezen():
    from rasa_tracker import maak_tracker, voer_uit

    from actions.oefenen.acties import ValidateOefenForm

    tracker = maak_tracker("Piet", {}, "antwoord_geven", 0.6, loop="oefen_form", requested="oefen_persona")
    berichten, events = voer_uit(ValidateOefenForm(), tracker, {"forms": {"oefen_form": {
        "required_slots": ["oefen_persona", "oefen_instelling"]}}})
    assert berichten[0]["text"] == "Die persoon ken ik niet. Kies een van de knoppen."
    assert {e["name"]: e["value"] for e in events if e.get("event") == "slot"}["oefen_persona"] is None


def test_het_rollenspel_begint_met_een_antwoord_in_de_rol_op_de_eerste_zin():
    from rasa_tracker import maak_tracker, voer_uit

    from actions.oefenen.acties import ActionOefenenBegin

    zin = "Goedemiddag, hoe gaat het met u vandaag?"
    tracker = maak_tracker(zin, {"oefen_persona": "annie_verhoeven", "oefen_instelling": "huisbezoek",
                                 "oefen_eerste_zin": zin}, "begroeten", 0.6)
    berichten, events = voer_uit(ActionOefenenBegin(), tracker)
    tekst = berichten[0]["text"]
    assert tekst.startswith("Je begon meteen te praten, dus ik kies Annie Verhoeven voor je.")
    assert "stop het rollenspel" in tekst
    sessie = next(e["value"] for e in events if e["name"] == "oefen_sessie")
    assert sessie["beurt"] == 1 and sessie["geschiedenis"]
    assert tekst.endswith(sessie["laatste_antwoord"])
    assert {"event": "slot", "name": "oefen_eerste_zin", "value": None, "timestamp": None} in events
