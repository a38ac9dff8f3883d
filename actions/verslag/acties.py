"""The case log in the dialogue: shown on request (with the plan and the
picture when there are any) and closed after a goodbye."""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.plan.acties import heeft_plan, toon_plan
from actions.verslag.logboek import NIET_BEWAARD, schrijf_moment, verslag_tekst
from gedeeld import gespreksverslag

logger = logging.getLogger(__name__)


class ActionVerslagTonen(Action):
    """`verslag_maken`: the plan and the picture (summary and document) when
    there are any, then the case log of this conversation."""

    def name(self) -> Text:
        return "action_verslag_tonen"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        if heeft_plan(tracker) or tracker.get_slot("beeld_type"):
            toon_plan(dispatcher, tracker)
        try:
            entries = gespreksverslag.lees(tracker.sender_id)
        except Exception:  # noqa: BLE001
            logger.exception("Gespreksverslag niet gelezen")
            dispatcher.utter_message(text="Het verslag kan ik nu niet ophalen. Probeer het later nog eens.")
            return []
        dispatcher.utter_message(text=verslag_tekst(entries))
        return []


class ActionGesprekEinde(Action):
    """After a goodbye: mark the end in the log, when there is a log."""

    def name(self) -> Text:
        return "action_gesprek_einde"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        try:
            heeft_verslag = bool(gespreksverslag.lees(tracker.sender_id))
        except Exception:  # noqa: BLE001
            logger.exception("Gespreksverslag niet gelezen")
            dispatcher.utter_message(text=NIET_BEWAARD)
            return []
        if heeft_verslag:
            schrijf_moment(dispatcher, tracker, "einde")
        return []
