"""The De Jong Gierveld short scale in the dialogue: one statement at a time,
then the result with its remark. Scoring lives in schaal.py."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import schaal

FORM = "schaal_form"


def _maak_vraag_actie(index: int, slot: str) -> type:
    class ActionSchaalVraag(Action):
        def name(self) -> Text:
            return f"action_ask_{slot}"

        def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                domain: Dict[Text, Any]) -> List[EventType]:
            knoppen = [{"title": k["titel"], "payload": k["antwoord"]} for k in schaal.gegevens()["knoppen"]]
            dispatcher.utter_message(text=schaal.vraag_tekst(index), buttons=knoppen)
            return []

    ActionSchaalVraag.__name__ = f"ActionSchaalVraag_{slot}"
    ActionSchaalVraag.__doc__ = f"Reads out statement {index + 1} of the scale."
    return ActionSchaalVraag


VRAAG_ACTIES = [_maak_vraag_actie(index, slot) for index, slot in enumerate(schaal.slots())]


class ValidateSchaalForm(FormValidationAction):
    """Only ja, min of meer and nee count; anything else asks again."""

    def name(self) -> Text:
        return f"validate_{FORM}"

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        vraag = tracker.get_slot("requested_slot")
        tekst = tracker.slots_to_validate().get(vraag) if vraag else None
        if not isinstance(tekst, str):
            return []
        antwoord = schaal.lees_antwoord(tekst)
        if antwoord is None:
            dispatcher.utter_message(text=schaal.gegevens()["niet_begrepen"])
        return [SlotSet(vraag, antwoord)]


class ActionSchaalUitslag(Action):
    """The score with its source and the research-instrument remark."""

    def name(self) -> Text:
        return "action_schaal_uitslag"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        uitslag = schaal.bereken([tracker.get_slot(slot) for slot in schaal.slots()])
        dispatcher.utter_message(text=schaal.uitslag_tekst(uitslag),
                                 buttons=[{"title": "Start de aanpak", "payload": "/aanpak_starten"},
                                          {"title": "Alles wat ik kan", "payload": "/wat_kun_je"}])
        return [SlotSet("schaal_uitslag", uitslag.uitslag_id),
                *(SlotSet(slot, None) for slot in schaal.slots())]
