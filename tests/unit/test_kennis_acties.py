"""Custom actions with CollectingDispatcher and trackers, without a server."""
import pytest
from rasa_sdk.events import SlotSet
from rasa_tracker import maak_tracker, voer_uit

from actions.gesprek.acties import ActionCrisis
from actions.kennis.acties import ActionKennisAntwoord, ActionKennisMeer, ActionVerder


def tracker(intent, entities=(), onderwerp=None, text="..."):
    return maak_tracker(text, {"kennis_onderwerp": onderwerp}, intent, 0.99,
                        [{"entity": e, "value": v} for e, v in entities])


def run(action, tr):
    return voer_uit(action, tr)


def button_titles(message):
    return [b["title"] for b in message.get("buttons") or []]


def test_figures_question_gets_the_figure_with_source_and_a_more_button():
    messages, events = run(ActionKennisAntwoord(), tracker("cijfers"))
    text = messages[0]["text"]
    assert "765.000" in text and "6%" in text
    assert "(bron: Hortulanus e.a., Universiteit Utrecht, 2003)" in text
    assert "Vertel meer" in button_titles(messages[0])
    assert events == [SlotSet("kennis_onderwerp", "cijfers")]


def test_types_question_names_all_four_types():
    messages, _ = run(ActionKennisAntwoord(), tracker("typologie"))
    answer = (messages[0]["text"] + " ".join(button_titles(messages[0]))).lower()
    for naam in ("dreigend", "situationeel", "structureel", "ggz"):
        assert naam in answer


def test_phase_named_by_entity_gets_that_phase():
    messages, events = run(ActionKennisAntwoord(), tracker("fase_uitleg", [("fase", "motivatie")]))
    assert messages[0]["text"].startswith("Fase motivatie")
    assert events == [SlotSet("kennis_onderwerp", "fase_motivatie")]


def test_more_gives_the_longer_text_of_the_current_topic():
    short, _ = run(ActionKennisAntwoord(), tracker("cijfers"))
    messages, events = run(ActionKennisMeer(), tracker("meer_vertellen", onderwerp="cijfers"))
    assert messages[0]["text"] != short[0]["text"]
    assert "48,6%" in messages[0]["text"]
    assert events == []


def test_button_for_another_topic_opens_that_topic():
    messages, events = run(ActionKennisMeer(),
                           tracker("meer_vertellen", [("onderwerp", "type_dreigend")], onderwerp="typologie"))
    assert events == [SlotSet("kennis_onderwerp", "type_dreigend")]
    assert messages[0]["text"]


def test_more_without_a_topic_asks_which_topic():
    messages, events = run(ActionKennisMeer(), tracker("meer_vertellen"))
    assert messages[0]["text"] == "Waarover wil je meer weten? Kies een onderwerp."
    assert messages[1]["response"] == "utter_wat_kun_je"


def test_unknown_topic_in_a_button_falls_back_to_the_menu():
    messages, events = run(ActionKennisMeer(), tracker("meer_vertellen", [("onderwerp", "<script>")]))
    assert [m.get("response") for m in messages] == ["utter_wat_kun_je"]
    assert events == []


@pytest.mark.parametrize("onderwerp", [None, "signalen"])
def test_crisis_routes_come_first_and_offer_to_continue(onderwerp):
    messages, events = run(ActionCrisis(), tracker("acute_zorg", onderwerp=onderwerp))
    text = messages[0]["text"]
    assert text.startswith("Wat je beschrijft klinkt ernstig.")
    for nummer in ("112", "113 of 0800-0113", "0800-2000"):
        assert nummer in text
    titles = button_titles(messages[0])
    if onderwerp:
        assert titles[0].startswith("Verder: ")
        assert "Wil je daarna verder waar we waren?" in text
    else:
        assert titles == ["Menu"]
    assert events == []


def test_continue_shows_the_topic_again():
    messages, events = run(ActionVerder(), tracker("bevestigen", onderwerp="gesprek_openen"))
    assert events == [SlotSet("kennis_onderwerp", "gesprek_openen")]
    assert messages[0]["text"]


@pytest.mark.parametrize("vraag, lijn, nummer", [
    ("Wat is het telefoonnummer van de Luisterlijn?", "De Luisterlijn", "088-0767 000"),
    ("wanneer kan ik veilig thuis bellen", "Veilig Thuis", "0800-2000"),
    ("is 113 gratis te bellen", "113 Zelfmoordpreventie", "0800-0113"),
    ("wanneer bel je 112", "Alarmnummer", "112"),
])
def test_een_vraag_naar_een_hulplijn_krijgt_die_lijn_met_tijden_doel_en_bron(vraag, lijn, nummer):
    messages, events = run(ActionKennisAntwoord(), tracker("doorverwijzen", text=vraag))
    tekst = messages[0]["text"]
    assert tekst.startswith(f"{lijn}: bel ") and nummer in tekst
    assert "(bron: " in tekst
    assert "Veilig Thuis" not in tekst or lijn == "Veilig Thuis"  # not the general referral
    assert button_titles(messages[0]) == ["Alle hulplijnen en verwijzen"]
    assert events == []


def test_de_luisterlijn_met_wat_kennis_md_erover_zegt():
    messages, _ = run(ActionKennisAntwoord(), tracker("doorverwijzen", text="nummer van de luisterlijn graag"))
    tekst = messages[0]["text"]
    for deel in ("dag en nacht", "anoniem", "chat", "mail", "eenzaamheid", "geen advies"):
        assert deel in tekst


def test_veilig_thuis_zegt_niets_zonder_bron_over_gratis_of_anoniem():
    messages, _ = run(ActionKennisAntwoord(), tracker("doorverwijzen", text="wat doet veilig thuis precies"))
    assert "gratis" not in messages[0]["text"] and "anoniem" not in messages[0]["text"]


def test_een_verwijsvraag_zonder_of_met_twee_lijnen_krijgt_het_algemene_antwoord():
    for vraag in ("naar wie verwijs ik door", "bel ik 113 of veilig thuis?"):
        messages, events = run(ActionKennisAntwoord(), tracker("doorverwijzen", text=vraag))
        assert events == [SlotSet("kennis_onderwerp", "doorverwijzen")]


def test_een_kennisvraag_die_acuut_gevaar_beschrijft_krijgt_eerst_de_crisisroutes_en_dan_het_antwoord():
    vraag = "hoe begin ik een gesprek met mijn buurman? hij spaart al weken zijn slaappillen op"
    messages, events = run(ActionKennisAntwoord(), tracker("gesprek_openen", text=vraag))
    assert messages[0]["text"].startswith("Wat je beschrijft klinkt ernstig.")
    assert "113" in messages[0]["text"] and "112" in messages[0]["text"]
    assert len(messages) == 2 and "113" not in messages[1]["text"]
    assert events == [SlotSet("kennis_onderwerp", "gesprek_openen")]


def test_een_algemene_kennisvraag_over_suicide_krijgt_de_routes_zonder_wat_je_beschrijft_klinkt_ernstig():
    # the word matches a crisis pattern, but the worker asks in general and states no danger
    vraag = "Is er een verband tussen eenzaamheid en suïcide?"
    messages, events = run(ActionKennisAntwoord(), tracker("gevolgen_isolement", text=vraag))
    assert messages[0]["text"].startswith("Gaat het om iemand die nu in gevaar is? Dan gaat veiligheid voor alles.")
    assert "113" in messages[0]["text"] and "112" in messages[0]["text"]
    assert len(messages) == 2 and messages[1]["text"].startswith("Ieder mens heeft behoefte aan contacten")
    assert events == [SlotSet("kennis_onderwerp", "gevolgen_isolement")]


def test_een_gewone_kennisvraag_krijgt_geen_crisisroutes():
    vraag = "hoe begin ik een gesprek met mijn buurman?"
    messages, _ = run(ActionKennisAntwoord(), tracker("gesprek_openen", text=vraag))
    assert len(messages) == 1 and "113" not in messages[0]["text"]
