"""Safety first: the crisis routes, at once, in every state."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.antwoorden import zeg
from actions.kennis import SLOT_ONDERWERP
from actions.kennisbank import kennisbank


class ActionCrisis(Action):
    """Help lines first; then an offer to continue where the user was.

    Rules run this for `acute_zorg` wherever the conversation is; forms must
    not fill a slot from an `acute_zorg` message (`not_intent`), so the form
    rejects it and this rule takes over."""

    def name(self) -> Text:
        return "action_crisis"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        topic_id = tracker.get_slot(SLOT_ONDERWERP)
        verder_met = kennisbank().onderwerp(topic_id) if topic_id else None
        zeg(dispatcher, kennisbank().crisis_antwoord(verder_met))
        return []
