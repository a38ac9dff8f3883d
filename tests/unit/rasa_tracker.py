"""A rasa_sdk Tracker as the action server receives it, and running one
action on it, for the unit tests of the Rasa layer modules (acties.py)."""
from __future__ import annotations

import asyncio
from typing import Any, Dict, Iterable, List, Optional, Tuple

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def maak_tracker(text: str = "", slots: Optional[Dict[str, Any]] = None, intent: Optional[str] = None,
                 confidence: float = 0.9, entities: Iterable[dict] = (), loop: Optional[str] = None,
                 requested: Optional[str] = None, events: Iterable[dict] = (), gevraagd: Iterable[str] = (),
                 sender: str = "test") -> Tracker:
    """The tracker after the user said `text`. With `requested`, the form asked
    that slot and Rasa's from_text mapping put the text in it; `gevraagd` are the
    questions asked before it."""
    slots = dict(slots or {})
    alle = [*events, *({"event": "slot", "name": "requested_slot", "value": v} for v in gevraagd if v),
            {"event": "user", "text": text}]
    if requested:
        slots["requested_slot"] = requested
        slots[requested] = text
        alle.append({"event": "slot", "name": requested, "value": text})
    return Tracker(sender_id=sender, slots=slots,
                   latest_message={"text": text, "intent": {"name": intent, "confidence": confidence},
                                   "entities": list(entities)},
                   events=alle, paused=False, followup_action=None,
                   active_loop={"name": loop} if loop else {}, latest_action_name="action_listen")


def voer_uit(action: Any, tracker: Tracker, domain: Optional[dict] = None) -> Tuple[List[dict], List[dict]]:
    """The messages the action sent and the events it returned (sync or async run)."""
    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, tracker, domain or {})
    events = asyncio.run(result) if asyncio.iscoroutine(result) else result
    return dispatcher.messages, events


def slots_van(events: Iterable[dict]) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
