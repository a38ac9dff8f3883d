"""Whole conversations with the trained model and the real action server:
what a worker types, and what the assistant answers."""
import time

import pytest
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

RUNGS = ["1. Geïsoleerd", "2. Sociale contacten buitenshuis", "3. Deelname aan georganiseerde activiteiten",
         "4. Onbetaald werk", "5. Betaald werk met ondersteuning", "6. Betaald werk"]


def test_greeting_says_it_is_a_digital_assistant_in_dutch(gesprek):
    antwoord = gesprek.teksten("hallo")[0]
    assert "digitale assistent, geen mens" in antwoord
    assert "eenzaamheid en sociaal isolement" in antwoord


def test_question_about_113_gives_the_exact_numbers_with_source(gesprek):
    antwoord = " ".join(gesprek.teksten("wat is het nummer van 113 zelfmoordpreventie?"))
    assert "113 of 0800-0113" in antwoord
    assert "(bron: 113.nl; ANP, 2025)" in antwoord


def test_participation_ladder_gives_all_six_rungs_with_source(gesprek):
    antwoord = " ".join(gesprek.teksten("wat is de participatieladder?"))
    for rung in RUNGS:
        assert rung in antwoord
    assert "(bron: participatieladder van VNG en Divosa" in antwoord


def test_types_of_isolation_are_four_with_source(gesprek):
    berichten = gesprek.zeg("welke typen sociaal isolement zijn er?")
    tekst = berichten[0]["text"].lower()
    knoppen = " ".join(b["title"].lower() for b in berichten[0].get("buttons", []))
    for naam in ("dreigend", "situationeel", "structureel", "ggz"):
        assert naam in tekst + knoppen
    gesprek.zeg("vertel meer")
    assert gesprek.tracker().get_slot("kennis_onderwerp") == "typologie"


def test_figures_name_source_and_year(gesprek):
    antwoord = " ".join(gesprek.teksten("hoeveel mensen in nederland zijn eenzaam?"))
    assert "(bron: " in antwoord
    assert "765.000" in antwoord or "30%" in antwoord


def test_more_after_a_knowledge_answer_gives_the_longer_text(gesprek):
    kort = gesprek.teksten("hoe herken ik eenzaamheid bij ouderen?")[0]
    meer = gesprek.teksten("ja graag")[0]
    assert meer and meer != kort


def test_acute_danger_interrupts_and_offers_to_continue(gesprek):
    gesprek.zeg("hoe begin ik een gesprek over eenzaamheid?")
    crisis = gesprek.zeg("mijn cliënt zei net dat hij er een eind aan wil maken")
    assert crisis[0]["text"].startswith("Wat je beschrijft klinkt ernstig.")
    assert "112" in crisis[0]["text"] and "0800-0113" in crisis[0]["text"]
    assert crisis[0]["buttons"][0]["title"].startswith("Verder: ")
    verder = gesprek.zeg("ja")
    assert gesprek.tracker().get_slot("kennis_onderwerp") == "gesprek_openen"
    assert verder[0]["text"]


def test_violence_gets_veilig_thuis(gesprek):
    antwoord = gesprek.teksten("haar zoon slaat haar en ze is bang")[0]
    assert "Veilig Thuis: bel 0800-2000" in antwoord


def test_out_of_scope_is_said_kindly(gesprek):
    antwoord = gesprek.teksten("wie wint de eredivisie dit jaar?")[0]
    assert antwoord.startswith("Daar kan ik je helaas niet mee helpen.")


@pytest.mark.parametrize("bericht", ["", "😀😀😀", "<script>alert('x')</script>", "a" * 5000,
                                     "asdfgh qwerty zxcvb"])
def test_odd_input_gets_a_dutch_answer_and_no_error(gesprek, bericht):
    antwoorden = gesprek.teksten(bericht)
    assert antwoorden and all(antwoorden)
    assert "<script>" not in " ".join(antwoorden)


def test_expired_session_restarts_cleanly(gesprek):
    old = time.time() - 3 * 3600
    events = [ActionExecuted("action_session_start", timestamp=old), SessionStarted(timestamp=old),
              ActionExecuted("action_listen", timestamp=old),
              UserUttered("wat zijn signalen", {"name": "signalen_herkennen", "confidence": 1.0}, timestamp=old),
              ActionExecuted("action_kennis_antwoord", timestamp=old),
              SlotSet("kennis_onderwerp", "signalen", timestamp=old),
              ActionExecuted("action_listen", timestamp=old)]
    tracker = DialogueStateTracker.from_events(gesprek.sender, events)
    gesprek.loop.run_until_complete(gesprek.agent.tracker_store.save(tracker))

    antwoord = gesprek.teksten("hallo")[0]

    store = gesprek.agent.tracker_store
    full = gesprek.loop.run_until_complete(store.retrieve_full_tracker(gesprek.sender))
    assert sum(isinstance(e, SessionStarted) for e in full.events) == 2
    assert gesprek.tracker().get_slot("kennis_onderwerp") is None
    assert "digitale assistent" in antwoord


# Issue 16: the seed topics, asked in words that are neither in data/nlu nor in tests/nlu_ontwikkel.yml.
@pytest.mark.parametrize("vraag, begin, bron", [
    ("Ik bezoek als vrijwilliger elke week een oude man en maak me zorgen om hem, bij wie moet ik zijn?",
     "Vrijwilligers zijn belangrijk", "Machielse (LESI) in Welzijn+"),
    # read as a practice move (zet_netwerk_verkennen 0.37, participatiesamenleving 0.24): a question
    # outside practice gets the knowledge topic the model also saw (actions/gesprek/modus.py)
    ("Wat doet de gemeente als iemand geen familie of vrienden heeft om hulp aan te vragen?",
     "Meedoen in de samenleving", "Machielse (LESI) in Welzijn+"),
    ("Gaat sociaal isolement alleen over ouderen of ook over jonge gezinnen?",
     "Sociaal isolement komt voor bij alle leeftijden", "Schenkels (Charlois' Welzijn) in Welzijn+"),
    ("Hoe kunnen de huisarts, het wijkteam en de welzijnsorganisatie beter samenwerken?",
     "Sociaal isolement hangt vaak samen met andere vragen", "Van der Hout (gemeente Rotterdam) in Welzijn+"),
    ("Wat voor gevolgen heeft langdurige eenzaamheid voor iemands gezondheid?",
     "Ieder mens heeft behoefte aan contacten", "PHH Academie"),
    ("Hoe ga ik om met het stigma dat eenzame mensen mislukt zijn?",
     "Mensen die ernstig vereenzaamd zijn, worden vaak gezien als 'mislukt'", "Handreiking Ernstige vereenzaming"),
])
def test_een_seedonderwerp_krijgt_zijn_eigen_antwoord_met_bron(gesprek, vraag, begin, bron):
    antwoord = gesprek.teksten(vraag)[0]
    assert antwoord.startswith(begin)
    assert "(bron: " in antwoord and bron in antwoord


def test_na_het_antwoord_over_zorg_mijden_opent_de_knop_het_antwoord_over_stigma(gesprek):
    berichten = gesprek.zeg("/zorgmijding")  # the topic as a button opens it; the NLU is tested above
    assert berichten[0]["text"].startswith("Sommige mensen houden hulp af.")
    knop = next(k for k in berichten[0]["buttons"] if k["title"] == "Stigma voorkomen")
    stigma = gesprek.zeg(knop["payload"])[0]
    assert stigma["text"].startswith("Mensen die ernstig vereenzaamd zijn, worden vaak gezien als 'mislukt'.")
    assert "(bron: Handreiking Ernstige vereenzaming, jaartal onbekend)" in stigma["text"]
    meer = next(k for k in stigma["buttons"] if k["title"] == "Vertel meer")
    assert "Samen Sterk zonder Stigma" in gesprek.zeg(meer["payload"])[0]["text"]


def test_een_vrijwilliger_die_acuut_gevaar_meldt_krijgt_eerst_de_crisisroutes(gesprek):
    berichten = gesprek.teksten("ik ben vrijwilliger en mijn maatje zei net dat hij er een eind aan wil maken")
    assert "0800-0113" in berichten[0] and "112" in berichten[0]
