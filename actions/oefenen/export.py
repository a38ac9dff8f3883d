"""The practice session as a document for the chat: the transcript and the
feedback in Markdown (`sessie.verslag_markdown`), sent after the feedback
when the trainee stops.

The trainee types freely, so a line may name a real person: their own name
when they introduce themselves ("Goedemiddag, ik ben Sanne"), or someone
they know ("mijn buurvrouw Truus"). Those names and other identifying
details go (gedeeld/redactie.py, plus introductions, which it does not look
for); the persona's fictional names stay, so the transcript still reads
"mevrouw Verhoeven". The persona's own lines are fictional and stay as
they are. The state holds no conversation id, so the document has none.
"""
from __future__ import annotations

import copy
import re
from datetime import date
from typing import List, Optional

from actions.oefenen.feedback import verslag_markdown
from actions.oefenen.personas import Persona, personas
from gedeeld import document, redactie

SOORT = "oefenverslag"
NAAM = "[NAAM]"
_NAAMWOORD = r"[A-ZÀ-Þ][a-zß-ÿ'’]+"
# "ik ben Sanne", "mijn naam is Mark de Boer", "u spreekt met Ilse": the name
# is one or two capitalised words, with particles between them.
_VOORSTELLEN = re.compile(
    r"(?i:\b(?:ik ben|ik heet|mijn naam is|u spreekt met|je spreekt met|hier is)\s+)"
    rf"(?P<naam>{_NAAMWOORD}(?:\s+(?:(?:van|de|der|den|ter|ten|te)\s+)*{_NAAMWOORD})?)")


def _persona_woorden(persona: Persona) -> set:
    return set(f"{persona.naam} {persona.roepnaam} {persona.aanspreken}".split())


def zonder_namen(tekst: str, persona: Persona) -> str:
    """`tekst` without real names and other identifying details; the persona's names stay."""
    eigen = _persona_woorden(persona)
    vondsten = [v for v in redactie.vind(tekst)
                if not (v.kind == "NAAM" and set(tekst[v.start:v.end].split()) <= eigen)]
    schoon = redactie.vervang(tekst, vondsten)
    stukken: List[tuple] = [(m.start("naam"), m.end("naam")) for m in _VOORSTELLEN.finditer(schoon)
                            if not set(m.group("naam").split()) <= eigen]
    for start, eind in reversed(stukken):
        schoon = schoon[:start] + NAAM + schoon[eind:]
    return schoon


def verslag(state: dict) -> str:
    """The Markdown document, with the trainee's lines cleaned, also where the feedback quotes them."""
    persona = personas()[state["persona"]]
    schoon = copy.deepcopy(state)
    for item in schoon["geschiedenis"]:
        item["tekst"] = zonder_namen(item["tekst"], persona)
    return verslag_markdown(schoon)


def bestandsnaam(state: dict, vandaag: Optional[date] = None) -> str:
    """'oefengesprek-annie_verhoeven-2026-11-23.md'."""
    return document.bestandsnaam("oefengesprek", state["persona"], vandaag=vandaag)


def payload(state: dict, vandaag: Optional[date] = None) -> dict:
    """The custom payload the channels show as a document (bot/channels/document.py)."""
    return document.payload(SOORT, bestandsnaam(state, vandaag), verslag(state))
