"""What every form's Rasa layer shares: the class that asks one question.

Rasa asks a form's next question by running `action_ask_<slot>`; the
signalering, schaal and plan forms each need one such action per slot, so
one factory makes them all.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

Vragensteller = Callable[[CollectingDispatcher, Tracker], None]


def vraag_actie(slot: str, klassenaam: str, stel: Vragensteller, uitleg: str) -> type:
    """The `action_ask_<slot>` action class that asks its question with `stel`."""

    class ActionVraag(Action):
        def name(self) -> Text:
            return f"action_ask_{slot}"

        def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                domain: Dict[Text, Any]) -> List[EventType]:
            stel(dispatcher, tracker)
            return []

    ActionVraag.__name__ = klassenaam
    ActionVraag.__qualname__ = klassenaam
    ActionVraag.__doc__ = uitleg
    return ActionVraag
