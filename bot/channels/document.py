"""A document the assistant hands over: a personal action plan or the report
of a practice session, as the custom payload actions send with
`dispatcher.utter_message(json_message=...)` (see
actions/plan/export.py::export_payload):

    {"soort": "actieplan", "bestandsnaam": "actieplan-2026-11-23.md",
     "mime": "text/markdown", "markdown": "# Persoonlijk actieplan ..."}

Telegram and WhatsApp (bot/channels/telegram.py, bot/channels/whatsapp.py)
and the terminal (bot/shell.py) read it here; the widget reads the same
fields in the browser (web/widget/widget.js, `leesDocument`, with the same
file-name rules). A payload is a document
when its `markdown` is text that is not empty; anything else is some other
custom payload and keeps the channel's usual handling.

The file name comes from an action, but it ends up as a file on a phone or
a disk, so only letters, digits, '.', '-' and '_' are kept, it cannot start
with a dot (a hidden file) or name a folder, and it always ends in .md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

# What the chat calls each kind of document; anything else is "Het document".
NAMEN = {"actieplan": "Het actieplan", "oefenverslag": "Het verslag van je oefengesprek"}
STANDAARD_NAAM = "Het document"
MAX_STAM = 80


def veilige_bestandsnaam(naam: Any, soort: Any = None) -> str:
    """A safe file name ending in .md ("../x y.txt" becomes "x-y.txt.md")."""
    basis = re.split(r"[/\\]", naam if isinstance(naam, str) else "")[-1]
    stam = re.sub(r"\.md$", "", basis.strip(), flags=re.IGNORECASE)
    stam = re.sub(r"-{2,}", "-", re.sub(r"[^A-Za-z0-9._-]", "-", stam))
    stam = stam.lstrip(".-")[:MAX_STAM].rstrip(".-_")
    if not stam:
        stam = soort if isinstance(soort, str) and soort in NAMEN else "document"
    return stam + ".md"


@dataclass(frozen=True)
class Document:
    soort: str
    bestandsnaam: str
    markdown: str

    @property
    def naam(self) -> str:
        """'Het actieplan': how the chat speaks of it."""
        return NAMEN.get(self.soort, STANDAARD_NAAM)

    @property
    def bijschrift(self) -> str:
        """The caption of the file ("Het actieplan als document.")."""
        return f"{self.naam} als document." if self.soort in NAMEN else "Hier is het document."

    @property
    def als_tekst(self) -> str:
        """Said before the document comes as text, when the file could not be sent."""
        return f"{self.naam} kon ik niet als bestand sturen. Hier staat het als tekst."

    @property
    def kop(self) -> str:
        """One line that names the file, above the document shown as text."""
        return f"Document: {self.bestandsnaam}"


def lees(payload: Any) -> Optional[Document]:
    """The document in a custom payload, or None when it holds none."""
    if not isinstance(payload, dict):
        return None
    markdown = payload.get("markdown")
    if not isinstance(markdown, str) or not markdown.strip():
        return None
    gegeven = payload.get("soort")
    soort = gegeven if isinstance(gegeven, str) else ""
    return Document(soort, veilige_bestandsnaam(payload.get("bestandsnaam"), soort), markdown)
