"""The terminal (`make shell`, bot/shell.py) without servers: what it prints
for an answer of the REST channel, and what a typed line sends. Against the
real servers it is tested in tests/integratie/test_api_beveiliging.py (with a token)."""
from __future__ import annotations

import json
import urllib.error
from email.message import Message
from typing import List

from bot import shell
from kanalen import ACTIEPLAN

KNOPPEN = [{"title": "Signalen herkennen", "payload": "/signalen_herkennen"},
           {"title": "Vertel meer", "payload": '/meer_vertellen{"onderwerp":"signalen"}'}]


def test_a_document_prints_as_readable_markdown_under_a_line_naming_the_file():
    regels, knoppen = shell.weergave([
        {"recipient_id": "t", "text": "Hier is het actieplan."},
        {"recipient_id": "t", "custom": ACTIEPLAN},
    ])
    uitvoer = "\n".join(regels)
    assert knoppen == []
    assert regels[0] == "Hier is het actieplan."
    assert "----- Document: actieplan-2026-11-23.md -----" in regels
    assert ACTIEPLAN["markdown"].strip() in uitvoer  # real line breaks, not "\n" in a JSON string
    assert "\\n" not in uitvoer and "{" not in uitvoer
    assert uitvoer.index("Document: actieplan") < uitvoer.index("# Persoonlijk actieplan") \
        < uitvoer.index(shell.EINDE_DOCUMENT)


def test_an_unsafe_file_name_is_shown_made_safe():
    regels, _ = shell.weergave([{"custom": {**ACTIEPLAN, "bestandsnaam": "../../plan van mij"}}])
    assert "----- Document: plan-van-mij.md -----" in regels


def test_buttons_are_numbered_across_the_answer_with_a_hint():
    regels, knoppen = shell.weergave([
        {"text": "Hallo!"},
        {"text": "Waar wil je mee beginnen?", "buttons": KNOPPEN[:1]},
        {"buttons": KNOPPEN[1:]},
    ])
    assert regels == ["Hallo!", "Waar wil je mee beginnen?", "  1. Signalen herkennen", "  2. Vertel meer",
                      shell.KNOP_UITLEG]
    assert knoppen == KNOPPEN


def test_other_custom_payloads_show_their_text_or_nothing():
    regels, _ = shell.weergave([{"custom": {"text": "Een gewone tekst."}}, {"custom": {"soort": "actieplan"}},
                                {"custom": "los"}, {"custom": {"markdown": 42}}])
    assert regels == ["Een gewone tekst."]


def test_typing_a_button_number_sends_its_payload():
    assert shell.te_sturen(" 2 ", KNOPPEN) == '/meer_vertellen{"onderwerp":"signalen"}'
    assert shell.te_sturen("1", KNOPPEN) == "/signalen_herkennen"
    assert shell.te_sturen("3", KNOPPEN) == "3"  # no such button: the number itself, e.g. an age
    assert shell.te_sturen("1", []) == "1"
    assert shell.te_sturen("  hallo ", KNOPPEN) == "hallo"


def run(regels, antwoorden):
    """A conversation in the terminal; returns what was sent and what was printed."""
    invoer = iter(regels)
    verstuurd: List[str] = []
    uitvoer: List[str] = []

    def lees(prompt):
        assert prompt == shell.PROMPT
        try:
            return next(invoer)
        except StopIteration:
            raise EOFError from None

    def antwoord(tekst):
        verstuurd.append(tekst)
        reactie = antwoorden.pop(0)
        if isinstance(reactie, Exception):
            raise reactie
        return reactie

    shell.gesprek(antwoord, lees, uitvoer.append)
    return verstuurd, uitvoer


def test_a_conversation_sends_the_chosen_button_and_prints_the_document():
    verstuurd, uitvoer = run(["hallo", "", "1", "/stop", "niet meer gelezen"], [
        [{"text": "Waar wil je mee beginnen?", "buttons": KNOPPEN}],
        [{"text": "Hier is het actieplan."}, {"custom": ACTIEPLAN}],
    ])
    assert verstuurd == ["hallo", "/signalen_herkennen"]
    assert "  1. Signalen herkennen" in uitvoer
    assert "# Persoonlijk actieplan" in "\n".join(uitvoer)


def test_errors_are_told_in_dutch_and_the_conversation_goes_on():
    geweigerd = urllib.error.HTTPError("http://x", 401, "Unauthorized", Message(), None)
    verstuurd, uitvoer = run(["a", "b", "c", "d"], [
        ConnectionRefusedError(), geweigerd, json.JSONDecodeError("x", "", 0), [{"text": "Toch gelukt."}]])
    assert verstuurd == ["a", "b", "c", "d"]
    assert uitvoer[:3] == [shell.GEEN_ANTWOORD, shell.GEWEIGERD, shell.GEEN_ANTWOORD]
    assert "Toch gelukt." in uitvoer
    assert uitvoer[-1] == ""  # Ctrl-D ends on a fresh line
