"""The phased approach and the action plan in the dialogue, with
CollectingDispatcher and trackers, without a model or server: what the worker
sees, which slots are set, and what the case log keeps."""
import asyncio
import uuid
from datetime import date, timedelta

from rasa_sdk.executor import CollectingDispatcher
from rasa_tracker import maak_tracker, slots_van, voer_uit

from actions import plan
from actions.aanpak import fasen as aanpak
from actions.aanpak.acties import (
    ActionAanpakStap,
    ActionAanpakStarten,
    ActionAanpakTonen,
    ActionAskAanpakKeuze,
    ActionStoppen,
    ValidateAanpakForm,
)
from actions.gesprek.acties import ActionSessionStart
from actions.plan.acties import (
    ActionAskPlanStappen,
    ActionAskPlanVangnet,
    ActionPlanKlaar,
    ValidatePlanForm,
)
from actions.verslag.acties import ActionVerslagTonen
from gedeeld import gespreksverslag

PLAN_VELDEN = ["plan_aanduiding", "plan_doel", "plan_drijfveren", "plan_zelf", "plan_netwerk", "plan_stappen",
               "plan_vervolgdatum", "plan_vangnet"]
DOMAIN = {"forms": {"aanpak_form": {"required_slots": ["aanpak_keuze"]},
                    "plan_form": {"required_slots": PLAN_VELDEN}}}


def tracker(text="", slots=None, intent="aanpak_starten", confidence=0.95, entities=(), loop=None,
            requested=None, events=(), sender=None):
    # requested first, then the user message: the order Rasa's from_text mapping gives
    return maak_tracker(text, slots, intent, confidence, entities, loop, requested, events,
                        sender=sender or f"test-{uuid.uuid4().hex[:8]}")


def run(action, tr):
    messages, events = voer_uit(action, tr, DOMAIN)
    return messages, slots_van(events)


def teksten(messages):
    return [m.get("text") or "" for m in messages]


def knoppen(messages):
    return [b["title"] for m in messages for b in m.get("buttons") or []]


# --- starting: ask where you stand, unless the request says it ------------------------------------------
def test_a_plain_request_leaves_the_question_where_you_stand_to_the_form():
    _, gezet = run(ActionAanpakStarten(), tracker("help me stap voor stap met deze cliënt"))
    assert gezet == {}


def test_a_request_for_a_plan_asks_first_and_goes_to_the_plan_during_a_walk():
    _, gezet = run(ActionAanpakStarten(), tracker("ik wil een plan maken voor mijn buurman"))
    assert gezet == {}  # the form asks whether the person wants to change something
    _, gezet = run(ActionAanpakStarten(), tracker("ik wil een plan maken voor mijn buurman",
                                                   slots={"aanpak": aanpak.start("motivatie")}))
    assert gezet == {"aanpak_keuze": "actieplan"}


def test_a_phase_named_by_the_model_or_by_number_is_taken():
    _, gezet = run(ActionAanpakStarten(), tracker("we zitten in de motivatiefase",
                                                   entities=[{"entity": "fase", "value": "motivatie"}]))
    assert gezet == {"aanpak_keuze": "motivatie"}
    _, gezet = run(ActionAanpakStarten(), tracker("ga naar fase drie", slots={"aanpak": aanpak.start()}))
    assert gezet == {"aanpak_keuze": "eigen_verhaal"}


def test_a_walk_under_way_is_resumed():
    _, gezet = run(ActionAanpakStarten(), tracker("verder met de aanpak", slots={"aanpak": aanpak.start("erkenning")}))
    assert gezet == {"aanpak_keuze": "verder"}


def test_the_question_where_you_stand_offers_every_phase():
    messages, _ = run(ActionAskAanpakKeuze(), tracker())
    assert teksten(messages)[0].startswith("Waar sta je met deze persoon?")
    assert knoppen(messages) == [titel for _, titel in aanpak.waar_sta_je_keuzes()]


def test_the_answer_in_own_words_a_button_or_something_unclear():
    form = ValidateAanpakForm()
    for text, fase in [("ik ken hem nog maar net", "inzicht"), ("ze zegt zelf dat ze zich eenzaam voelt", "erkenning"),
                       ("De persoon wil iets veranderen", "motivatie")]:
        messages, gezet = run(form, tracker(text, intent="antwoord_geven", loop="aanpak_form",
                                            requested="aanpak_keuze"))
        assert gezet["aanpak_keuze"] == fase and not messages, text
    messages, gezet = run(form, tracker("", intent="antwoord_geven", loop="aanpak_form", requested="aanpak_keuze"))
    assert gezet["aanpak_keuze"] is None and not messages  # the question itself is asked by the form
    messages, gezet = run(form, tracker("de koffie was koud", intent="antwoord_geven", loop="aanpak_form",
                                        requested="aanpak_keuze"))
    assert gezet["aanpak_keuze"] is None
    assert teksten(messages) == ["Dat kon ik niet aan een fase koppelen. Kies een fase, of zeg 'bij het begin'."]


# --- showing a phase ------------------------------------------------------------------------------------------
def test_the_chosen_phase_with_its_buttons_and_the_walk_in_the_slots():
    messages, gezet = run(ActionAanpakTonen(), tracker(slots={"aanpak_keuze": "erkenning"}))
    tekst = teksten(messages)[0]
    assert tekst.startswith("Fase twee van vijf: Erkenning")
    assert "Vragen die je kunt stellen:" in tekst and "Zeg 'volgende fase'" in tekst
    assert knoppen(messages) == ["Volgende fase", "Vorige fase", "Later verder"]
    assert gezet["aanpak"]["fase"] == "erkenning" and gezet["aanpak"]["gedaan"] == ["inzicht"]
    assert gezet["aanpak_keuze"] is None and gezet["aanpak_plan_vragen"] is False


def test_the_walk_adapts_to_a_person_who_keeps_help_off():
    messages, gezet = run(ActionAanpakTonen(), tracker(slots={"aanpak_keuze": "inzicht",
                                                              "beeld_type": "structureel_ggz",
                                                              "sig_houding_hulp": "weigert"}))
    assert "Als de persoon hulp afhoudt:" in teksten(messages)[0]
    assert gezet["aanpak"]["zorgmijdend"] is True and gezet["aanpak"]["type"] == "structureel_ggz"


def test_straight_to_the_plan_warns_gently_and_leaves_the_buttons_to_the_form():
    messages, gezet = run(ActionAanpakTonen(), tracker(slots={"aanpak_keuze": "actieplan"}))
    tekst = teksten(messages)[0]
    assert tekst.startswith("Je wilt een plan maken. Een plan werkt het best als de persoon zelf iets wil veranderen.")
    assert "Fase vijf van vijf" in tekst and "Zeg 'plan maken'" not in tekst
    assert knoppen(messages) == [] and gezet["aanpak"]["fase"] == "actieplan" and gezet["aanpak_plan_vragen"] is True


def test_coming_back_shows_where_you_were():
    state = aanpak.volgende(aanpak.start("erkenning"))
    messages, gezet = run(ActionAanpakTonen(), tracker(slots={"aanpak_keuze": "verder", "aanpak": state}))
    tekst = teksten(messages)[0]
    assert tekst.startswith("Welkom terug. Je was met deze persoon bij de fase eigen verhaal.")
    assert "- Erkenning: gedaan" in tekst and "- Eigen verhaal: hier ben je nu" in tekst
    assert "- Inzicht: nog niet" in tekst  # the walk started at erkenning on request: inzicht was not done
    assert gezet["aanpak"]["gedaan"] == ["erkenning"]
    assert knoppen(messages)[-1] == "Nieuwe persoon"


def test_next_and_back():
    state = aanpak.start("erkenning")
    messages, gezet = run(ActionAanpakStap(), tracker("volgende fase", slots={"aanpak": state}, intent="fase_volgende"))
    assert (teksten(messages)[0].startswith("Fase drie van vijf: Eigen verhaal")
            and gezet["aanpak"]["fase"] == "eigen_verhaal")
    messages, gezet = run(ActionAanpakStap(), tracker("vorige fase", slots={"aanpak": gezet["aanpak"]},
                                                      intent="fase_vorige"))
    assert teksten(messages)[0].startswith("Fase twee van vijf: Erkenning") and gezet["aanpak"]["fase"] == "erkenning"
    messages, _ = run(ActionAanpakStap(), tracker("vorige fase", slots={"aanpak": aanpak.start()},
                                                  intent="fase_vorige"))
    assert teksten(messages)[0].startswith("Dit is al de eerste fase. Verder terug kan niet.")


def test_next_without_a_walk_offers_to_start():
    messages, gezet = run(ActionAanpakStap(), tracker("volgende fase", intent="fase_volgende"))
    assert teksten(messages)[0].startswith("Je bent nog niet met de aanpak begonnen.")
    assert knoppen(messages) == ["Start de aanpak"] and gezet == {}


def test_stopping_during_a_walk_is_pausing():
    messages, _ = run(ActionStoppen(), tracker("ik wil pauzeren", slots={"aanpak": aanpak.start("motivatie")},
                                               intent="stoppen"))
    assert teksten(messages) == ["Goed, we pauzeren. Ik onthoud waar je bent: de fase motivatie. Kom terug wanneer je "
                                 "wilt, ook over een paar dagen, en zeg 'verder met de aanpak'."]
    messages, _ = run(ActionStoppen(), tracker("laat maar", intent="stoppen"))
    assert messages[0]["response"] == "utter_geen_probleem"


# --- the plan form ---------------------------------------------------------------------------------------------
def antwoord(veld, text, slots=None, intent="antwoord_geven", confidence=0.9):
    return run(ValidatePlanForm(), tracker(text, slots=slots, intent=intent, confidence=confidence, loop="plan_form",
                                           requested=f"plan_{veld}"))


def test_each_bad_answer_gets_its_own_message_and_the_question_stays_open():
    gisteren = (date.today() - timedelta(days=1)).strftime("%d-%m-%Y")
    gevallen = [
        ("aanduiding", "Jan Jansen", "Dat lijkt een naam. Een naam zetten we niet in het plan"),
        ("doel", "weet ik niet", "Zonder doel kun je nog geen plan maken."),
        ("vervolgdatum", gisteren, "Die datum is al voorbij:"),
        ("vervolgdatum", "ergens binnenkort", "Die datum kan ik niet lezen."),
        ("stappen", "bellen met de biljartclub, volgende week dinsdag", "Bij deze stap staat niet wie hem zet."),
        ("vangnet", "niemand", "Er moet altijd iemand zijn die de persoon kan bellen."),
    ]
    for veld, text, begin in gevallen:
        messages, gezet = antwoord(veld, text)
        assert any(t.startswith(begin) for t in teksten(messages)), (veld, text, teksten(messages))
        assert gezet[f"plan_{veld}"] is None, (veld, text)


def test_good_answers_are_kept_cleaned():
    _, gezet = antwoord("aanduiding", "j.k.")
    assert gezet["plan_aanduiding"] == "J.K."
    messages, gezet = antwoord("vervolgdatum", "over twee weken")
    verwacht = (date.today() + timedelta(days=14)).isoformat()
    assert gezet["plan_vervolgdatum"] == verwacht and teksten(messages)[0].startswith("Genoteerd: ")
    messages, gezet = antwoord("netwerk", "Buurman Kees wil wel eens mee")
    assert "Kees" not in gezet["plan_netwerk"] and "buurman" in gezet["plan_netwerk"].lower()
    assert teksten(messages)[0].startswith("Ik heb iets weggehaald dat op een naam")


def test_steps_one_by_one_until_klaar():
    eerste = "bellen met de biljartclub, door de bewoner met de buurman, volgende week dinsdag"
    messages, gezet = antwoord("stappen", eerste)
    assert teksten(messages)[0].startswith("Genoteerd als stap een: Bellen met de biljartclub") or \
        teksten(messages)[0].startswith("Genoteerd als stap een: bellen met de biljartclub")
    assert gezet["plan_stappen"] is None and len(gezet["plan_stappen_concept"]) == 1
    concept = gezet["plan_stappen_concept"]
    messages, gezet = antwoord("stappen", "klaar", slots={"plan_stappen_concept": concept})
    assert teksten(messages) == [
        "Een plan heeft minstens twee stappen. Er staat er nu een. Wat is nog een kleine stap?"]
    assert gezet["plan_stappen"] is None
    _, gezet = antwoord("stappen", "samen koffie drinken in het buurthuis, door de werker, over twee weken",
                        slots={"plan_stappen_concept": concept})
    concept = gezet["plan_stappen_concept"]
    assert len(concept) == 2 and gezet["plan_stappen"] is None
    _, gezet = antwoord("stappen", "klaar", slots={"plan_stappen_concept": concept})
    assert gezet["plan_stappen"] == concept


def test_the_next_step_question_counts_the_steps():
    concept = [{"wat": "a", "wie": "b", "wanneer": "c"}]
    messages, _ = run(ActionAskPlanStappen(), tracker(slots={"plan_stappen_concept": concept}, loop="plan_form"))
    assert teksten(messages)[0] == "Wat is de volgende stap? Of zeg 'klaar' als het plan genoeg stappen heeft."
    assert knoppen(messages) == ["klaar"]


def test_several_steps_on_separate_lines_fill_the_steps_at_once():
    tekst = ("1. bellen met de sjoelclub, door de bewoner, volgende week maandag\n"
             "2. samen naar de inloop, door de buurvrouw, over twee weken")
    messages, gezet = antwoord("stappen", tekst)
    assert len(gezet["plan_stappen"]) == 2
    assert [t.split(":")[0] for t in teksten(messages)] == ["Genoteerd als stap een", "Genoteerd als stap twee"]


def test_the_safety_net_comes_first_for_a_person_who_keeps_help_off():
    form = ValidatePlanForm()
    tr = tracker(slots={"beeld_type": "structureel_ggz", "sig_houding_hulp": "weigert"}, loop="plan_form")
    volgorde = asyncio.run(form.required_slots(PLAN_VELDEN, CollectingDispatcher(), tr, DOMAIN))
    assert volgorde[:2] == ["plan_aanduiding", "plan_vangnet"]
    messages, _ = run(ActionAskPlanVangnet(), tr)
    assert teksten(messages)[-1].startswith("Eerst het vangnet: vertrouwen en iemand om op terug te vallen")


def test_a_knowledge_question_in_the_middle_of_the_plan_is_answered_not_written_down():
    messages, gezet = antwoord("zelf", "wat is de participatieladder?", intent="participatieladder", confidence=0.97)
    assert gezet["plan_zelf"] is None
    assert "participatieladder" in teksten(messages)[0].lower()


# --- the finished plan: chat, document, case log ----------------------------------------------------------------
VOLLEDIG = {
    "plan_aanduiding": "de bewoner", "plan_doel": "Ik wil weer ergens bij horen.",
    "plan_drijfveren": "hield vroeger de lijstjes bij van de sjoelclub", "plan_zelf": "zelf de club bellen",
    "plan_netwerk": "de buurman", "plan_vervolgdatum": (date.today() + timedelta(days=14)).isoformat(),
    "plan_vangnet": "de buurvrouw",
    "plan_stappen": [{"wat": "Bellen met de sjoelclub", "wie": "de bewoner", "wanneer": "maandag", "datum": None},
                     {"wat": "Samen naar de inloop", "wie": "de buurman", "wanneer": "woensdag", "datum": None}],
    "beeld_type": "situationeel", "beeld_trede": 1.0, "beeld_urgentie": "regulier",
    "aanpak": aanpak.start("actieplan"),
}


def test_the_finished_plan_in_the_chat_as_a_document_and_in_the_case_log():
    sender = f"plan-{uuid.uuid4().hex[:8]}"
    messages, _ = run(ActionPlanKlaar(), tracker(slots=VOLLEDIG, sender=sender))
    assert teksten(messages)[0].startswith("Het plan is klaar.")
    samenvatting = teksten(messages)[1]
    assert "- Doel: 'Ik wil weer ergens bij horen.'" in samenvatting
    assert "Bellen met de sjoelclub (de bewoner, maandag)" in samenvatting
    document = messages[2]["custom"]
    assert document["soort"] == "actieplan" and document["mime"] == "text/markdown"
    assert document["bestandsnaam"] == f"actieplan-{date.today().isoformat()}.md"
    assert document["markdown"].startswith("# Persoonlijk actieplan voor de bewoner")
    assert "1. Bellen met de sjoelclub. Wie: de bewoner. Wanneer: maandag." in document["markdown"]
    assert "situationeel isolement" in document["markdown"]
    [entry] = gespreksverslag.lees(sender)
    assert entry["moment"] == "plan" and entry["fase"] == "persoonlijk actieplan"
    assert entry["plan"].startswith("twee stappen, samen terugkijken: ")
    assert "horen" not in entry["plan"] and "buurman" not in entry["plan"]


def test_verslag_maken_exports_the_plan_and_then_shows_the_log():
    messages, _ = run(ActionVerslagTonen(), tracker("maak er een document van", slots=VOLLEDIG, intent="verslag_maken"))
    assert messages[1]["custom"]["markdown"].startswith("# Persoonlijk actieplan")
    assert teksten(messages)[2].startswith("In het verslag van dit gesprek staat nog niets.")


def test_verslag_maken_without_plan_or_picture_shows_only_the_log():
    messages, _ = run(ActionVerslagTonen(), tracker("verslag", intent="verslag_maken"))
    assert len(messages) == 1 and not messages[0].get("custom")


# --- a new session days later ---------------------------------------------------------------------------------
def test_a_new_session_keeps_the_walk_the_plan_and_the_picture_but_not_open_form_answers():
    slots = {**VOLLEDIG, "aanpak_plan_vragen": True, "rol": "sociaal werker", "sig_contacten": "geen",
             "requested_slot": "plan_doel"}
    _, gezet = run(ActionSessionStart(), tracker(slots=slots))
    assert gezet["aanpak"] == VOLLEDIG["aanpak"] and "aanpak_plan_vragen" not in gezet
    assert gezet["plan_doel"] == "Ik wil weer ergens bij horen." and gezet["beeld_type"] == "situationeel"
    assert gezet["rol"] == "sociaal werker"
    assert "sig_contacten" not in gezet and "requested_slot" not in gezet


def test_plan_module_reads_klaar():
    assert plan.is_klaar("Klaar.") and plan.is_klaar("dat is alles") and not plan.is_klaar("klaar met koken, door mij")
