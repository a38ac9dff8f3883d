"""The case log (gespreksverslag): what is written at a moment and how it
reads in the chat. Storage and redaction live in gedeeld/gespreksverslag.py.
Plain Python: `schrijf_moment` only reads a tracker's sender, channel and role,
and tells the worker through the dispatcher when the log could not be written.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any, Dict, Sequence

from actions.gesprek.rol import rol
from actions.kennis.kennisbank import kennisbank
from gedeeld import gespreksverslag

logger = logging.getLogger(__name__)

MOMENT_NAMEN = {"beeld": "Eerste beeld gemaakt", "plan": "Plan gemaakt",
                "interventies": "Hulp in de buurt gezocht", "einde": "Gesprek afgesloten"}
NIET_BEWAARD = ("Let op: dit kon ik nu niet in het gespreksverslag zetten. We kunnen gewoon verder; "
                "schrijf zelf op wat je wilt onthouden, of vraag later nog eens om het verslag.")
URGENTIE_NAMEN = {"acuut": "acuut", "snel": "snel in actie komen", "regulier": "geen haast"}


def schrijf_moment(dispatcher: Any, tracker: Any, moment: str, **velden: Any) -> bool:
    """Write one entry. A database problem is logged and told to the worker
    (`NIET_BEWAARD`), never a crash: the conversation goes on."""
    try:
        gespreksverslag.schrijf(tracker.sender_id, moment, kanaal=tracker.get_latest_input_channel(),
                                rol=rol(tracker), **velden)
        return True
    except Exception:  # noqa: BLE001 - any storage failure: keep the conversation going
        logger.exception("Gespreksverslag niet geschreven (%s)", moment)
        dispatcher.utter_message(text=NIET_BEWAARD)
        return False


def _type_naam(type_id: str) -> str:
    onderwerp = kennisbank().onderwerp(f"type_{type_id}") if type_id else None
    return onderwerp.titel if onderwerp else type_id


def regel(entry: Dict[str, Any]) -> str:
    """One entry as a line: time, moment, and what was found."""
    tijd = datetime.fromtimestamp(entry["timestamp"]).strftime("%d-%m-%Y %H:%M")
    delen = [f"{tijd} {MOMENT_NAMEN.get(entry['moment'], entry['moment'])}"]
    if entry.get("voorgesteld_type"):
        delen.append(f"type: {_type_naam(entry['voorgesteld_type']).lower()}")
    if entry.get("trede"):
        delen.append(f"trede {entry['trede']}")
    if entry.get("urgentie"):
        delen.append(f"urgentie: {URGENTIE_NAMEN.get(entry['urgentie'], entry['urgentie'])}")
    if entry.get("fase"):
        delen.append(f"fase: {entry['fase']}")
    if entry.get("plan"):
        delen.append(f"plan: {entry['plan']}")
    if entry.get("interventies"):
        delen.append("aanbod: " + ", ".join(entry["interventies"]))
    return "- " + "; ".join(delen)


def verslag_tekst(entries: Sequence[Dict[str, Any]]) -> str:
    if not entries:
        return ("In het verslag van dit gesprek staat nog niets. Er komt iets in zodra je een eerste beeld "
                "van iemand maakt, hulp in de buurt zoekt of een plan maakt.")
    return "\n".join(["Verslag van dit gesprek (zonder namen of andere gegevens):",
                      *(regel(e) for e in entries)])
