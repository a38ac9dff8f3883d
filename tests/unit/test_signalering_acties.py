"""The signalering form's actions with CollectingDispatcher and trackers,
without a model or server: what the worker sees and which slots are set."""

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_tracker import maak_tracker, slots_van, voer_uit

from actions.algemeen.yamlbestand import lees_mapping
from actions.gesprek.acties import ActionCrisis
from actions.signalering import casus, facetlezing
from actions.signalering.acties import (
    VRAAG_ACTIES,
    ActionBeeld,
    ActionCasusLezen,
    ValidateSignaleringForm,
)
from gedeeld import settings

DOMAIN = {"forms": {"signalering_form": {"required_slots": [
    "sig_contacten", "sig_deelname", "sig_duur", "sig_levensgebeurtenissen", "sig_problemen",
    "sig_houding_hulp", "sig_zegt_eenzaam", "sig_leeftijdsgroep"]}}}


def tracker(text, slots=None, requested=None, intent="casus_beschrijven", confidence=0.9, loop="signalering_form",
            entities=(), gevraagd=()):
    return maak_tracker(text, slots, intent, confidence, entities, loop, requested, gevraagd=gevraagd)


def valideer(tr):
    messages, events = voer_uit(ValidateSignaleringForm(), tr, DOMAIN)
    return [m.get("text") or "" for m in messages], {e["name"]: e["value"] for e in events}


def test_description_is_summarised_and_a_new_case_starts_clean(monkeypatch):
    monkeypatch.setattr(facetlezing, "lees", lambda tekst, gevonden: {})  # the estimate: below
    dispatcher = CollectingDispatcher()
    tr = tracker("mevrouw is 81, haar man is vorig jaar overleden en ze komt niet meer buiten",
                 slots={"sig_contacten": "regelmatig", "beeld_type": "dreigend"}, loop=None)
    events = ActionCasusLezen().run(dispatcher, tr, {})
    tekst = dispatcher.messages[0]["text"]
    assert tekst.startswith("Dit heb ik begrepen:\n- Hoe lang: al maanden ('vorig jaar')\n"
                            "- Ingrijpende gebeurtenis: partner overleden ('haar man is vorig jaar overleden')")
    assert "'weet ik niet', 'overslaan', 'vorige vraag' of 'stop'" in tekst
    gezet = {e["name"]: e["value"] for e in events}
    assert gezet["sig_leeftijdsgroep"] == "oudere" and gezet["sig_contacten"] is None and gezet["beeld_type"] is None
    assert "sig_typelezing" in gezet and gezet["sig_geschat"] is None
    assert gezet["sig_uit_beschrijving"] == ["sig_duur", "sig_leeftijdsgroep"]  # read from the words


def test_een_verbetering_in_het_formulier_is_verteld_en_niet_meer_alleen_gelezen():
    """What the worker says in the form, here contacts along with the question asked, is the worker's
    own answer: the type reading no longer outweighs the rules on it (beoordeling.py, step 6)."""
    slots = {"sig_contacten": "weinig", "sig_duur": "jaren", "sig_uit_beschrijving": ["sig_contacten", "sig_duur"],
             "sig_houding_hulp": "ze wil geen hulp en heeft met niemand contact"}
    _, gezet = valideer(tracker("ze wil geen hulp en heeft met niemand contact", slots=slots,
                                requested="sig_houding_hulp", intent="antwoord_geven"))
    assert gezet["sig_contacten"] == "geen" and gezet["sig_houding_hulp"] == "weigert"
    assert gezet["sig_uit_beschrijving"] == ["sig_duur"]


# --- an estimate from the description as a whole (facetlezing.py): shown, put to the worker, corrected ---
WEDUWE_ZONDER_WOORDEN = "mevrouw is 81, haar man is vorig jaar overleden. De kinderen wonen ver weg."


def test_een_schatting_staat_als_schatting_in_de_samenvatting_en_wordt_voorgelegd(monkeypatch):
    monkeypatch.setattr(facetlezing, "lees", lambda tekst, gevonden: {"sig_contacten": "weinig", "sig_duur": "jaren"})
    dispatcher = CollectingDispatcher()
    events = ActionCasusLezen().run(dispatcher, tracker(WEDUWE_ZONDER_WOORDEN, loop=None), {})
    tekst = dispatcher.messages[0]["text"]
    assert "- Contact: nog wel wat contact (mijn inschatting uit het hele verhaal)" in tekst
    # an estimate that outweighed the words says which words pointed elsewhere
    assert "- Hoe lang: al jaren (mijn inschatting uit het hele verhaal; ik las ook 'vorig jaar')" in tekst
    gezet = {e["name"]: e["value"] for e in events}
    assert gezet["sig_contacten"] == "weinig"
    assert gezet["sig_geschat"] == {"sig_contacten": "weinig", "sig_duur": "jaren"}
    _, events = voer_uit(ValidateSignaleringForm(), tracker("", gezet, intent="casus_beschrijven"), DOMAIN)
    assert SlotSet("requested_slot", "sig_contacten") in events  # an estimate is asked, not skipped
    vraag = CollectingDispatcher()
    VRAAG_ACTIES[0]().run(vraag, tracker("", gezet), {})
    assert vraag.messages[0]["text"].startswith("Dit is mijn inschatting uit je hele verhaal. "
                                                "Contact: nog wel wat contact. Klopt dat?")
    assert [k["title"] for k in vraag.messages[0]["buttons"]][:2] == ["Ja, dat klopt", "Geen contact"]


GESCHAT = {"sig_contacten": "weinig", "sig_deelname": "georganiseerde_activiteit", "sig_duur": "jaren",
           "sig_geschat": {"sig_contacten": "weinig", "sig_duur": "jaren"}}


def test_ja_bevestigt_een_schatting_en_dan_telt_ze_als_verteld():
    _, gezet = valideer(tracker("ja, dat klopt", slots={**GESCHAT, "sig_contacten": "ja, dat klopt"},
                                requested="sig_contacten", intent="antwoord_geven"))
    assert gezet["sig_contacten"] == "weinig" and gezet["sig_geschat"] == {"sig_duur": "jaren"}
    assert gezet["requested_slot"] == "sig_duur"  # the next estimate is put to the worker too


def test_nee_op_een_schatting_stelt_de_vraag_zelf():
    _, gezet = valideer(tracker("nee", slots={**GESCHAT, "sig_contacten": "nee"}, requested="sig_contacten",
                                intent="antwoord_geven"))
    assert gezet["sig_contacten"] is None and gezet["sig_geschat"] == {"sig_duur": "jaren"}
    assert gezet["requested_slot"] == "sig_contacten"
    vraag = CollectingDispatcher()
    VRAAG_ACTIES[0]().run(vraag, tracker("", {**GESCHAT, **gezet}), {})
    assert vraag.messages[0]["text"].startswith("Met wie heeft de persoon nog contact")


def test_een_ander_antwoord_op_een_schatting_verbetert_haar():
    _, gezet = valideer(tracker("ze heeft met niemand contact", slots={**GESCHAT, "sig_contacten": "x"},
                                requested="sig_contacten", intent="antwoord_geven"))
    assert gezet["sig_contacten"] == "geen" and gezet["sig_geschat"] == {"sig_duur": "jaren"}


def test_het_signaal_van_een_geschat_contact_volgt_de_verbetering():
    """The signal of estimated contacts is not stored: it cannot outlive a correction."""
    slots = {**GESCHAT, "sig_signalen": ["komt_niet_buiten"]}
    assert casus.naar_antwoorden(slots).signalen == {"komt_niet_buiten", "weinig_contact"}
    verbeterd = {**slots, "sig_contacten": "regelmatig", "sig_geschat": None}
    assert casus.naar_antwoorden(verbeterd).signalen == {"komt_niet_buiten"}


def test_de_beschrijving_als_geheel_kiest_het_type_als_de_vragen_overgeslagen_worden():
    tekst = ("Mevrouw Bakker (67) is sinds haar pensioen veel alleen. Ze mist haar collega's. "
             "Ze gaat soms naar de markt.")
    events = ActionCasusLezen().run(CollectingDispatcher(), tracker(tekst, loop=None), {})
    gezet = {e["name"]: e["value"] for e in events}
    assert gezet["sig_typelezing"] == "dreigend"
    overgeslagen = {**gezet, "sig_contacten": "weet_niet", "sig_deelname": "overgeslagen", "sig_duur": "weet_niet"}
    dispatcher = CollectingDispatcher()
    events = ActionBeeld().run(dispatcher, tracker("overslaan", slots=overgeslagen, loop=None), {})
    assert ("- Type: dit lijkt het meest op dreigend isolement, want de beschrijving als geheel lijkt veel op "
            "andere beschrijvingen van dit type") in dispatcher.messages[0]["text"]
    assert SlotSet("beeld_type", "dreigend") in events
    # the same answers without the reading: too little known to name a type
    zonder_lezing = {**overgeslagen, "sig_typelezing": None}
    zonder = ActionBeeld().run(CollectingDispatcher(), tracker("overslaan", slots=zonder_lezing, loop=None), {})
    assert SlotSet("beeld_type", None) in zonder


def test_description_with_acute_danger_gives_the_crisis_routes_first():
    dispatcher = CollectingDispatcher()
    events = ActionCasusLezen().run(dispatcher, tracker("meneer zegt dat hij er een eind aan wil maken", loop=None), {})
    assert "113" in dispatcher.messages[0]["text"] and "112" in dispatcher.messages[0]["text"]
    assert SlotSet("sig_acuut", True) in events


def test_an_answer_fills_the_question_and_the_next_question_follows():
    teksten, gezet = valideer(tracker("alleen de thuiszorg komt nog", requested="sig_contacten"))
    assert teksten == []
    assert gezet["sig_contacten"] == "alleen_functioneel"
    assert gezet["requested_slot"] == "sig_duur"  # participation is skipped without contacts


def test_een_kort_antwoord_op_een_andere_vraag_wordt_genoteerd_en_de_vraag_komt_terug():
    """Seen in a transcript: "geen andere problemen" to the contacts question was read as no contact."""
    teksten, gezet = valideer(tracker("geen andere problemen", requested="sig_contacten"))
    assert gezet["sig_problemen"] == ["geen"]
    assert gezet["sig_contacten"] is None and gezet["requested_slot"] == "sig_contacten"
    assert any(t.startswith("Ook genoteerd:") and "Andere problemen" in t for t in teksten)


def test_a_correction_changes_the_earlier_answer_and_asks_the_question_again():
    teksten, gezet = valideer(tracker("nee, ze heeft wel contact met haar dochter",
                                      slots={"sig_contacten": "geen"}, requested="sig_duur"))
    assert teksten == ["Aangepast:\n- Contact: nog wel wat contact"]
    assert gezet["sig_contacten"] == "weinig" and gezet["sig_duur"] is None
    assert gezet["requested_slot"] == "sig_deelname"  # now that there is contact, participation is asked


@pytest.mark.parametrize("text, waarde", [("weet ik niet", "weet_niet"), ("sla deze vraag over", "overgeslagen")])
def test_dont_know_and_skip_are_answers(text, waarde):
    _, gezet = valideer(tracker(text, requested="sig_duur"))
    assert gezet["sig_duur"] == waarde
    _, gezet = valideer(tracker(text, requested="sig_problemen"))
    assert gezet["sig_problemen"] == [waarde]


def test_free_text_in_a_list_slot_is_read_like_any_answer():
    tr = tracker("vorige vraag", slots={"sig_contacten": "geen", "sig_duur": "jaren"},
                 requested="sig_problemen", gevraagd=["sig_contacten", "sig_levensgebeurtenissen"])
    tr.slots["sig_problemen"] = ["vorige vraag"]  # Rasa's from_text mapping into a list slot
    teksten, gezet = valideer(tr)
    assert teksten == ["Goed, we gaan een vraag terug."]
    assert gezet["sig_levensgebeurtenissen"] is None and gezet["requested_slot"] == "sig_levensgebeurtenissen"


def test_back_goes_to_the_question_asked_before_not_to_an_answer_from_the_description():
    teksten, gezet = valideer(tracker("vorige vraag", slots={"sig_contacten": "geen", "sig_duur": "maanden"},
                                      requested="sig_problemen", gevraagd=["sig_contacten"]))
    assert teksten == ["Goed, we gaan een vraag terug."]
    assert gezet["sig_contacten"] is None and gezet["requested_slot"] == "sig_contacten"
    assert "sig_duur" not in gezet


def test_back_on_the_first_question_says_so():
    teksten, gezet = valideer(tracker("vorige vraag", requested="sig_contacten"))
    assert teksten == ["Dit is de eerste vraag, een vraag terug kan dus niet."]
    assert gezet["requested_slot"] == "sig_contacten"


def test_a_knowledge_question_is_answered_and_the_question_comes_again():
    teksten, gezet = valideer(tracker("wat is de participatieladder?", intent="participatieladder",
                                      requested="sig_contacten"))
    assert "Geïsoleerd" in teksten[0]
    assert gezet["sig_contacten"] is None and gezet["requested_slot"] == "sig_contacten"


def test_nonsense_gets_a_clear_retry():
    teksten, gezet = valideer(tracker("🙂🙂 <b>hallo</b>", intent="nlu_fallback", confidence=0.2,
                                      requested="sig_duur"))
    assert teksten == ["Dat kon ik niet goed plaatsen als antwoord op deze vraag. Kies een knop of zeg het in "
                       "andere woorden. 'Weet ik niet' mag ook."]
    assert gezet["sig_duur"] is None


def test_acute_words_inside_an_answer_still_give_the_crisis_routes():
    teksten, gezet = valideer(tracker("ze zegt dat ze niet meer wil leven", intent="casus_beschrijven",
                                      requested="sig_duur"))
    assert "113" in teksten[0]
    assert gezet["sig_acuut"] is True


def test_crisis_inside_the_form_offers_to_go_on_or_stop_and_marks_the_picture():
    dispatcher = CollectingDispatcher()
    events = ActionCrisis().run(dispatcher, tracker("help", intent="acute_zorg"), {})
    bericht = dispatcher.messages[0]
    assert "112" in bericht["text"] and "Wil je daarna verder met de vragen" in bericht["text"]
    assert [b["payload"] for b in bericht["buttons"]] == ["/bevestigen", "/stoppen"]
    assert events == [SlotSet("sig_acuut", True)]


LANGE_BESCHRIJVING = ("Mevrouw is 84 en woont sinds de dood van haar man alleen in een flat. Haar dochter woont in "
                      "het buitenland en belt af en toe. Ze zegt: 'Ik zie soms dagen niemand.' Ze komt weinig buiten.")


def crisis_gelezen(tekst, casus_kans):
    tr = tracker(tekst, intent="acute_zorg", loop=None)
    tr.latest_message["intent_ranking"] = [{"name": "acute_zorg", "confidence": 0.6},
                                           {"name": "casus_beschrijven", "confidence": casus_kans}]
    dispatcher = CollectingDispatcher()
    return dispatcher, ActionCrisis().run(dispatcher, tr, {})


def test_een_lange_beschrijving_die_als_acuut_gelezen_is_krijgt_de_hulplijnen_en_wordt_toch_gelezen():
    dispatcher, events = crisis_gelezen(LANGE_BESCHRIJVING, 0.2)
    teksten = [m.get("text") or "" for m in dispatcher.messages]
    assert "113" in teksten[0] and "112" in teksten[0]
    assert teksten[1].startswith("Dit heb ik begrepen") and "partner overleden" in teksten[1]
    assert SlotSet("sig_acuut", True) in events
    assert events[-1] == FollowupAction("signalering_form")


@pytest.mark.parametrize("tekst, casus_kans", [
    (LANGE_BESCHRIJVING, 0.05),  # the model saw no description in it
    ("mijn buurman ligt op de grond en kan niet meer opstaan", 0.3),  # short: a crisis message
])
def test_een_crisisbericht_krijgt_alleen_de_hulplijnen(tekst, casus_kans):
    dispatcher, events = crisis_gelezen(tekst, casus_kans)
    assert len(dispatcher.messages) == 1 and "113" in dispatcher.messages[0]["text"]
    assert events == []


def test_picture_is_shown_and_kept_in_slots():
    slots = {"sig_contacten": "alleen_functioneel", "sig_duur": "maanden", "sig_levensgebeurtenissen":
             ["overlijden_partner"], "sig_problemen": ["geen"], "sig_houding_hulp": "open",
             "sig_zegt_eenzaam": "ja", "sig_leeftijdsgroep": "oudere"}
    dispatcher = CollectingDispatcher()
    events = ActionBeeld().run(dispatcher, tracker("ja", slots=slots, loop=None), {})
    assert "situationeel isolement" in dispatcher.messages[0]["text"]
    assert [b["payload"] for b in dispatcher.messages[1]["buttons"]] == [
        "/aanpak_starten", "/interventie_zoeken", "/schaal_invullen"]
    gezet = {e["name"]: e["value"] for e in events}
    assert gezet == {"beeld_type": "situationeel", "beeld_trede": 1, "beeld_urgentie": "regulier",
                     "beeld_beleving": "beide", "beeld_redenen": [
                         "de partner is overleden", "het speelt al maanden", "er zijn alleen functionele contacten"]}


def test_the_scale_is_not_offered_when_the_person_does_not_say_they_are_lonely():
    dispatcher = CollectingDispatcher()
    ActionBeeld().run(dispatcher, tracker("nee", slots={"sig_zegt_eenzaam": "nee"}, loop=None), {})
    assert "/schaal_invullen" not in [b["payload"] for b in dispatcher.messages[1]["buttons"]]


# --- the test stories of tests/stories/test_signalering_beelden.yml, through the real actions ---
# Rasa's story test replays the slots a story states instead of running the
# actions; walking the same stories here makes those slots a claim that fails.
VERHALEN = lees_mapping(settings.ROOT / "tests" / "stories" / "test_signalering_beelden.yml")["stories"]


def _voer_stap_uit(stap: dict, slots: dict, beurt: dict) -> list:
    """Run the action of one story step on the slots so far; the messages it sent."""
    tekst, intent = beurt.pop("tekst", ""), beurt.get("intent")
    if stap["action"] == "action_casus_lezen":
        berichten, events = voer_uit(ActionCasusLezen(), tracker(tekst, slots, intent=intent, loop=None))
    elif stap["action"] == "signalering_form":
        vraag = slots.get("requested_slot") if tekst else None  # no text: the form is just activated
        berichten, events = voer_uit(ValidateSignaleringForm(), tracker(tekst, slots, requested=vraag, intent=intent),
                                     DOMAIN)
    else:
        berichten, events = voer_uit(ActionBeeld(), tracker(tekst, slots, loop=None))
    slots.update(slots_van(events))
    return [m.get("text") or "" for m in berichten]


def loop_verhaal(verhaal: dict) -> list:
    """Walk one story; every slot it states must be what the actions set. The bot's messages."""
    slots: dict = {}
    beurt: dict = {}
    berichten: list = []
    for stap in verhaal["steps"]:
        if "user" in stap:
            beurt = {"tekst": stap["user"], "intent": stap["intent"]}
        elif "action" in stap:
            berichten += _voer_stap_uit(stap, slots, beurt)
        for gezet in stap.get("slot_was_set", []):
            for slot, waarde in gezet.items():
                assert slots.get(slot) == waarde, f"{verhaal['story']}: {slot} is {slots.get(slot)!r}, niet {waarde!r}"
    return berichten


@pytest.mark.parametrize("verhaal", VERHALEN, ids=[v["story"] for v in VERHALEN])
def test_the_picture_stories_state_what_the_actions_really_set(verhaal):
    berichten = loop_verhaal(verhaal)
    assert berichten[-2].startswith("Mijn eerste beeld")


def test_the_stories_cover_every_type_loneliness_without_isolation_and_a_death_wish():
    beelden = [next(s["slot_was_set"] for s in reversed(v["steps"]) if "slot_was_set" in s) for v in VERHALEN]
    typen = [next(g["beeld_type"] for g in b if "beeld_type" in g) for b in beelden]
    belevingen = [next(g["beeld_beleving"] for g in b if "beeld_beleving" in g) for b in beelden]
    assert set(typen) >= {"dreigend", "situationeel", "structureel", "structureel_ggz", None}
    assert "eenzaamheid" in belevingen


def test_a_death_wish_in_the_description_gives_113_first_and_never_no_hurry():
    verhaal = next(v for v in VERHALEN if "doodswens" in v["story"])
    berichten = loop_verhaal(verhaal)
    assert "113" in berichten[0]
    assert "geen haast" not in berichten[-2] and "Urgentie: " in berichten[-2]
