"""A Markdown document handed over in the chat, as the custom payload the
channels read (bot/channels/document.py):

    {"soort": "oefenverslag", "bestandsnaam": "oefengesprek-annie_verhoeven-2026-11-23.md",
     "mime": "text/markdown", "markdown": "# ..."}

Shared by every action that hands over a document, so the shape is written
down once. File names hold a kind and a date, never a person's name or a
conversation id.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

MIME = "text/markdown"


def bestandsnaam(*delen: str, vandaag: Optional[date] = None) -> str:
    """'oefengesprek-annie_verhoeven-2026-11-23.md': the parts, then the date."""
    return "-".join([*delen, (vandaag or date.today()).isoformat()]) + ".md"


def payload(soort: str, naam: str, markdown: str) -> dict:
    """The custom payload for `dispatcher.utter_message(json_message=...)`."""
    return {"soort": soort, "bestandsnaam": naam, "mime": MIME, "markdown": markdown}
