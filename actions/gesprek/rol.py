"""Who talks to the assistant: a social worker or a volunteer.

The channel sends the role in the message metadata (bot/channels: widget
"professional", Telegram "vrijwilliger"); REST and the shell send none and
count as a professional. Plain Python: `rol` only reads a tracker's slot and
latest message.
"""
from __future__ import annotations

from typing import Any, Dict, Optional

SLOT_ROL = "rol"
ROLLEN = {"professional": "sociaal werker", "vrijwilliger": "vrijwilliger"}
STANDAARD_ROL = "sociaal werker"
VRIJWILLIGER = "vrijwilliger"


def rol_uit_metadata(metadata: Optional[Dict[str, Any]]) -> str:
    return ROLLEN.get((metadata or {}).get("rol", ""), STANDAARD_ROL)


def rol(tracker: Any) -> str:
    """The role from the slot, else from this message's metadata."""
    return tracker.get_slot(SLOT_ROL) or rol_uit_metadata(tracker.latest_message.get("metadata"))
