"""Safety first: the crisis routes, at once, in every state."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import casus
from actions.antwoorden import zeg
from actions.kennis import SLOT_ONDERWERP
from actions.kennisbank import kennisbank
from actions.signalering import FORM as SIGNALERING_FORM


class ActionCrisis(Action):
    """Help lines first; then an offer to continue where the user was.

    Rules run this for `acute_zorg` wherever the conversation is. Forms do not
    fill a slot from an `acute_zorg` message (`not_intent`), so the form
    rejects it and this rule takes over; inside a form the offer is to go on
    with the questions or to stop (rules in data/rules/formulieren.yml)."""

    def name(self) -> Text:
        return "action_crisis"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        if tracker.active_loop_name:
            return self._in_formulier(dispatcher, tracker)
        topic_id = tracker.get_slot(SLOT_ONDERWERP)
        verder_met = kennisbank().onderwerp(topic_id) if topic_id else None
        zeg(dispatcher, kennisbank().crisis_antwoord(verder_met))
        return []

    @staticmethod
    def _in_formulier(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
        teksten = casus.gegevens()
        crisis = kennisbank().crisis_antwoord(None)
        dispatcher.utter_message(text=f"{crisis.tekst}\n{teksten['crisis_verder']}",
                                 buttons=[{"title": teksten["knop_verder"], "payload": "/bevestigen"},
                                          {"title": teksten["knop_stoppen"], "payload": "/stoppen"}])
        return [SlotSet(casus.ACUUT_SLOT, True)] if tracker.active_loop_name == SIGNALERING_FORM else []
