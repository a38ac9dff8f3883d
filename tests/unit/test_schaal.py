"""The De Jong Gierveld short scale (actions/signalering/schaal.py): scoring as the
developers prescribe it, and the remark that always comes with it."""
import pytest

from actions.signalering import schaal


def test_six_statements_three_emotional_three_social_with_the_positive_ones_marked():
    uitspraken = schaal.uitspraken()
    assert len(uitspraken) == 6
    assert [u["soort"] for u in uitspraken].count("emotioneel") == 3
    assert [u["tekst"] for u in uitspraken if u["positief"]] == [
        "Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen.",
        "Ik heb veel mensen op wie ik volledig kan vertrouwen.",
        "Er zijn voldoende mensen met wie ik me nauw verbonden voel."]


@pytest.mark.parametrize("antwoorden, score, uitslag", [
    (["nee", "ja", "ja", "nee", "ja", "nee"], 0, "niet"),           # nothing lonely
    (["ja", "ja", "ja", "nee", "ja", "nee"], 1, "niet"),            # one negative 'ja'
    (["min_of_meer", "min_of_meer", "ja", "nee", "ja", "nee"], 2, "matig"),  # 'min of meer' counts on both kinds
    (["ja", "nee", "nee", "ja", "ja", "nee"], 4, "matig"),
    (["ja", "nee", "nee", "ja", "nee", "nee"], 5, "sterk"),
    (["ja", "nee", "nee", "ja", "nee", "ja"], 6, "sterk"),
    (["min_of_meer"] * 6, 6, "sterk"),
])
def test_scores_and_bands(antwoorden, score, uitslag):
    resultaat = schaal.bereken(antwoorden)
    assert (resultaat.score, resultaat.uitslag_id) == (score, uitslag)
    assert resultaat.emotioneel + resultaat.sociaal == score


def test_emotional_and_social_parts():
    resultaat = schaal.bereken(["ja", "ja", "ja", "ja", "ja", "ja"])
    assert (resultaat.emotioneel, resultaat.sociaal) == (3, 0)


def test_a_wrong_number_of_answers_or_an_unknown_answer_is_refused():
    with pytest.raises(ValueError):
        schaal.bereken(["ja"] * 5)
    with pytest.raises(ValueError):
        schaal.bereken(["ja"] * 5 + ["misschien"])


@pytest.mark.parametrize("tekst, antwoord", [
    ("Ja", "ja"), ("min of meer", "min_of_meer"), ("een beetje", "min_of_meer"), ("nee hoor", "nee"),
    ("ja, soms wel", "min_of_meer"), ("weet ik niet", None), ("banaan", None),
])
def test_answers_are_read(tekst, antwoord):
    assert schaal.lees_antwoord(tekst) == antwoord


def test_result_names_score_band_source_and_that_it_is_a_research_instrument():
    tekst = schaal.uitslag_tekst(schaal.bereken(["ja", "nee", "nee", "ja", "ja", "nee"]))
    assert "4 van de 6 punten" in tekst and "matig eenzaam" in tekst
    assert "(bron: De Jong Gierveld en Van Tilburg, 2008)" in tekst
    assert "instrument voor onderzoek" in tekst and "geen diagnose" in tekst
    assert "(bron: V&VN-richtlijn eenzaamheid, 2021)" in tekst


def test_question_text_quotes_the_statement_with_its_number():
    assert schaal.vraag_tekst(0) == ("Uitspraak 1 van 6. Lees deze voor en kies wat de persoon antwoordt:\n"
                                     "'Ik ervaar een leegte om me heen.'")
