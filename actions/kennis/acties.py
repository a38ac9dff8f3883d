"""Answers to the knowledge intents, short first, with "Vertel meer" behind it."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.kennis.kennisbank import Antwoord, Onderwerp, kennisbank
from actions.signalering.casus import GEVAAR_GELEZEN, acuut_gelezen, bewering_acuut, is_vraag

SLOT_ONDERWERP = "kennis_onderwerp"
VERWIJS_INTENT = "doorverwijzen"


def zeg(dispatcher: CollectingDispatcher, antwoord: Antwoord) -> None:
    """Send an `Antwoord` from the knowledge base, with its buttons."""
    buttons = [{"title": knop.titel, "payload": knop.payload} for knop in antwoord.knoppen]
    dispatcher.utter_message(text=antwoord.tekst, buttons=buttons or None)


def gevraagd_onderwerp(tracker: Tracker) -> Optional[Onderwerp]:
    """The topic the latest message asks for: a phase by name, a button's
    topic id, or the topic that answers the intent."""
    kennis = kennisbank()
    fase = next(tracker.get_latest_entity_values("fase"), None)
    if fase and kennis.onderwerp(f"fase_{fase}"):
        return kennis.onderwerp(f"fase_{fase}")
    topic_id = next(tracker.get_latest_entity_values("onderwerp"), None)
    if topic_id:
        return kennis.onderwerp(topic_id)
    intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
    return kennis.onderwerp_voor_intent(intent)


def gevraagde_hulplijn(tracker: Tracker) -> Optional[str]:
    """A referral question that names one help line gets that line, not the
    general referral answer."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    if intent != VERWIJS_INTENT:
        return None
    return kennisbank().genoemde_hulplijn(tracker.latest_message.get("text") or "")


def _huidig_onderwerp(tracker: Tracker) -> Optional[Onderwerp]:
    topic_id = tracker.get_slot(SLOT_ONDERWERP)
    return kennisbank().onderwerp(topic_id) if topic_id else None


def toon_kort(dispatcher: CollectingDispatcher, onderwerp: Optional[Onderwerp]) -> List[EventType]:
    if onderwerp is None:
        dispatcher.utter_message(response="utter_wat_kun_je")
        return []
    zeg(dispatcher, kennisbank().kort_antwoord(onderwerp))
    return [SlotSet(SLOT_ONDERWERP, onderwerp.id)]


def toon_meer(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """"Vertel meer": the longer text of the current topic, or, when a button
    names another topic, that topic's short answer."""
    huidig = _huidig_onderwerp(tracker)
    gevraagd_id = next(tracker.get_latest_entity_values("onderwerp"), None)
    if gevraagd_id and (huidig is None or gevraagd_id != huidig.id):
        return toon_kort(dispatcher, kennisbank().onderwerp(gevraagd_id))
    if huidig is None:
        dispatcher.utter_message(text="Waarover wil je meer weten? Kies een onderwerp.")
        dispatcher.utter_message(response="utter_wat_kun_je")
        return []
    if not huidig.meer:
        dispatcher.utter_message(text="Meer dan dit heb ik er niet over. Wil je iets anders weten?",
                                 buttons=[{"title": "Alles wat ik kan", "payload": "/wat_kun_je"}])
        return []
    zeg(dispatcher, kennisbank().meer_antwoord(huidig))
    return []


class ActionKennisAntwoord(Action):
    """The short answer to a knowledge question."""

    def name(self) -> Text:
        return "action_kennis_antwoord"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        lijn = gevraagde_hulplijn(tracker)
        if lijn:
            zeg(dispatcher, kennisbank().hulplijn_antwoord(lijn))
            return []
        if _noemt_acuut_gevaar(tracker):
            zeg(dispatcher, kennisbank().crisis_antwoord(None, algemene_vraag=_algemene_vraag(tracker)))
        return toon_kort(dispatcher, gevraagd_onderwerp(tracker))


def _noemt_acuut_gevaar(tracker: Tracker) -> bool:
    """A knowledge question that describes acute danger ("hoe begin ik een
    gesprek met mijn buurman, hij spaart zijn pillen op") gets the crisis
    routes before the answer. The referral answer holds them already."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return intent != VERWIJS_INTENT and acuut_gelezen(tracker.latest_message)


def _algemene_vraag(tracker: Tracker) -> bool:
    """A question that names danger only by a crisis pattern, in general: no clause
    says it is happening, and the danger model read none ("Is er een verband
    tussen eenzaamheid en suïcide?"). The routes still come first, but not after
    "Wat je beschrijft klinkt ernstig"."""
    bericht = tracker.latest_message
    tekst = bericht.get("text") or ""
    return not bericht.get(GEVAAR_GELEZEN) and is_vraag(tekst) and not bewering_acuut(tekst)


class ActionKennisMeer(Action):
    """"Vertel meer" (see `toon_meer`)."""

    def name(self) -> Text:
        return "action_kennis_meer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        return toon_meer(dispatcher, tracker)


class ActionVerder(Action):
    """Back to where the user was (after a crisis answer): the current topic again."""

    def name(self) -> Text:
        return "action_verder"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        return toon_kort(dispatcher, _huidig_onderwerp(tracker))
