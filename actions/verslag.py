"""The case log (gespreksverslag): written at meaningful moments, shown on
request. Storage and redaction live in bot/gespreksverslag.py; this module
decides when to write and how the log reads in the chat."""
from __future__ import annotations

import logging
import os
from datetime import datetime
from typing import Any, Dict, List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.kennisbank import kennisbank
from actions.plan_slots import heeft_plan, toon_plan
from bot import gespreksverslag

logger = logging.getLogger(__name__)

# Who talks to the assistant: the channel sends it in the message metadata
# (bot/channels: widget "professional", Telegram and WhatsApp
# "vrijwilliger"); REST and the shell send none and count as a professional.
SLOT_ROL = "rol"
ROLLEN = {"professional": "sociaal werker", "vrijwilliger": "vrijwilliger"}
STANDAARD_ROL = "sociaal werker"
VRIJWILLIGER = "vrijwilliger"

MOMENT_NAMEN = {"beeld": "Eerste beeld gemaakt", "plan": "Plan gemaakt",
                "interventies": "Hulp in de buurt gezocht", "einde": "Gesprek afgesloten"}
URGENTIE_NAMEN = {"acuut": "acuut", "snel": "snel in actie komen", "regulier": "geen haast"}


def rol_uit_metadata(metadata: Optional[Dict[str, Any]]) -> str:
    return ROLLEN.get((metadata or {}).get("rol", ""), STANDAARD_ROL)


def rol(tracker: Tracker) -> str:
    return tracker.get_slot(SLOT_ROL) or rol_uit_metadata(tracker.latest_message.get("metadata"))


def schrijf_moment(tracker: Tracker, moment: str, **velden: Any) -> bool:
    """Write one entry; a database problem is logged, never shown as a crash,
    because the worker's answer matters more than the log line."""
    try:
        gespreksverslag.schrijf(tracker.sender_id, moment, kanaal=tracker.get_latest_input_channel(),
                                rol=rol(tracker), **velden)
        return True
    except Exception:  # noqa: BLE001 - any storage failure: keep the conversation going
        logger.exception("Gespreksverslag niet geschreven (%s)", moment)
        return False


def _type_naam(type_id: Optional[str]) -> Optional[str]:
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
            return []
        if heeft_verslag:
            schrijf_moment(tracker, "einde")
        return []


def privacy_zin() -> str:
    """The one-sentence privacy notice; the retention period comes from the settings."""
    dagen = os.environ.get("RETENTION_DAYS", "90")
    return (f"Typ geen namen of andere gegevens waaraan iemand te herkennen is. Ik bewaar dit gesprek zonder "
            f"zulke gegevens, en niet langer dan {dagen} dagen.")


VRIJWILLIGER_WELKOM = ("Je bent vrijwilliger. Maak je je zorgen over iemand? Bespreek het altijd ook met je "
                       "coördinator. Die weet wie je erbij kunt halen.")


class ActionBegroeten(Action):
    """The greeting of every channel, with the privacy notice."""

    def name(self) -> Text:
        return "action_begroeten"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            domain: Dict[Text, Any]) -> List[EventType]:
        wie = rol(tracker)
        extra = f"\n{VRIJWILLIGER_WELKOM}" if wie == VRIJWILLIGER else ""
        dispatcher.utter_message(response="utter_begroeten", privacy=privacy_zin() + extra)
        return [SlotSet(SLOT_ROL, wie)]
