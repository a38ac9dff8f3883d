"""A new session keeps the work on one person: the walk, the plan and the picture.

Rasa starts a new session after `session_expiration_time` (domain.yml) and
then forgets every slot. A worker who pauses the approach and comes back days
later must find it where they left it, so these slots go along; the answers
of an unfinished form do not (a half-filled signalering starts afresh).
The tracker store keeps the events, so this also holds after a restart.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import plan
from actions.aanpak_gesprek import SLOT_AANPAK
from actions.plan_slots import BEELD_SLOTS, SLOT_CONCEPT, slot
from actions.verslag import SLOT_ROL

MEE_NAAR_NIEUWE_SESSIE = (SLOT_ROL, SLOT_AANPAK, SLOT_CONCEPT, *BEELD_SLOTS,
                          *(slot(veld) for veld in plan.VELDEN))


class ActionSessionStart(Action):
    def name(self) -> Text:
        return "action_session_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        mee = [SlotSet(naam, tracker.get_slot(naam)) for naam in MEE_NAAR_NIEUWE_SESSIE
               if tracker.get_slot(naam) is not None]
        return [SessionStarted(), *mee, ActionExecuted("action_listen")]
