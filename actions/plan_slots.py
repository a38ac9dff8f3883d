"""The plan as the form's slots hold it, and showing it with the picture.

Used by the plan form (actions/plan_formulier.py) and by `verslag_maken`
(actions/verslag.py), which must not import each other.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Dict

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import plan, plan_export
from actions.aanpak_gesprek import SLOT_AANPAK

SLOT_CONCEPT = "plan_stappen_concept"
BEELD_SLOTS = ("beeld_type", "beeld_trede", "beeld_urgentie", "beeld_beleving", "beeld_redenen")


def slot(veld: str) -> str:
    return f"plan_{veld}"


def vandaag() -> date:
    return date.today()


def plan_uit(tracker: Tracker) -> Dict[str, Any]:
    """The plan as plan.py and plan_export.py know it, from the form's slots."""
    velden: Dict[str, Any] = {veld: tracker.get_slot(slot(veld)) for veld in plan.VELDEN}
    if not isinstance(velden["stappen"], list):
        velden["stappen"] = tracker.get_slot(SLOT_CONCEPT) or []
    return velden


def beeld_uit(tracker: Tracker) -> Dict[str, Any]:
    return {naam: tracker.get_slot(naam) for naam in BEELD_SLOTS}


def heeft_plan(tracker: Tracker) -> bool:
    """Something of a plan was filled in (the form need not be finished)."""
    return any(tracker.get_slot(slot(veld)) for veld in plan.VELDEN if veld != "aanduiding") \
        or bool(tracker.get_slot(SLOT_CONCEPT))


def toon_plan(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """The plan and the picture: a summary in the chat, then the Markdown document."""
    inhoud, beeld, state = plan_uit(tracker), beeld_uit(tracker), tracker.get_slot(SLOT_AANPAK)
    dispatcher.utter_message(text=plan_export.samenvatting(inhoud, beeld, vandaag()))
    dispatcher.utter_message(json_message=plan_export.export_payload(inhoud, beeld, vandaag(), state))
