"""Choosing a persona and stopping the role play, without a model."""
import pytest

from actions.rollenspel import WILLEKEURIG, instelling, persona_id, wil_hulp, wil_stoppen


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
