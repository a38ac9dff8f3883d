"""The conversation database read as plain records for the review inbox and
the insight report: per conversation its channel, role, user messages (the
redacted texts, with the model's intent, confidence and runner-up), whether a
message ended in the fallback or was corrected right after, the crisis
answers, the pictures and interventions of the case log and the practice
sessions. Reading is SQLAlchemy Core on TRACKER_STORE_URL (SQLite or
PostgreSQL); turning rows into records (`gesprekken_uit`) is plain Python."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Tuple

import sqlalchemy as sa

from actions.gesprek.rol import SLOT_ROL, rol_uit_metadata
from bot.privacy import EVENTS
from gedeeld import gespreksverslag

FALLBACK_INTENT = "nlu_fallback"
FALLBACK_ACTIONS = frozenset({"action_niet_begrepen", "utter_please_rephrase",
                              "action_default_fallback", "action_default_ask_affirmation"})
CRISIS_ACTION = "action_crisis"
PRACTICE_SLOT = "oefen_sessie"
CRISIS_BUTTON = "/acute_zorg"
# "nee, ik bedoel ...", "nee ik bedoelde ...", "nee, ik wil eigenlijk ...": the
# worker says the answer was not what they asked.
CORRECTION = re.compile(r"^\s*nee\b[\s,.!]*(ik\s+)?(bedoel|bedoelde|vroeg|wil\s+eigenlijk)\b", re.IGNORECASE)


@dataclass
class Bericht:
    """One user message as stored (redacted)."""
    tijd: float
    tekst: str
    intent: Optional[str]
    zekerheid: float
    tweede: Optional[str]  # the runner-up intent
    knop: bool  # a button payload ("/intent"), not typed text
    fallback: bool = False
    gecorrigeerd: bool = False


@dataclass
class Gesprek:
    """One conversation (sender id) with what the report and inbox need."""
    id: str
    kanaal: str = "onbekend"
    rol: str = "onbekend"
    berichten: List[Bericht] = field(default_factory=list)
    crisis: List[float] = field(default_factory=list)  # times of the crisis answers
    oefensessies: List[Tuple[float, dict]] = field(default_factory=list)


def _intenties(parse_data: Dict[str, Any]) -> Tuple[Optional[str], float, Optional[str]]:
    """(intent, confidence, runner-up); for a fallback the model's own best
    guess and runner-up from the ranking, not "nlu_fallback"."""
    intent = parse_data.get("intent") or {}
    ranking = [r for r in parse_data.get("intent_ranking") or [] if r.get("name") != FALLBACK_INTENT]
    name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
    if name == FALLBACK_INTENT or name is None:
        name = ranking[0]["name"] if ranking else None
        confidence = float(ranking[0].get("confidence") or 0.0) if ranking else 0.0
        tweede = ranking[1]["name"] if len(ranking) > 1 else None
    else:
        tweede = next((r["name"] for r in ranking if r.get("name") != name), None)
    return name, confidence, tweede


def _bericht(event: Dict[str, Any]) -> Bericht:
    tekst = event.get("text") or ""
    parse_data = event.get("parse_data") or {}
    intent, zekerheid, tweede = _intenties(parse_data)
    gevallen = (parse_data.get("intent") or {}).get("name") == FALLBACK_INTENT
    return Bericht(tijd=float(event.get("timestamp") or 0.0), tekst=tekst, intent=intent, zekerheid=zekerheid,
                   tweede=tweede, knop=tekst.startswith("/"), fallback=gevallen)


def _markeer_correcties(berichten: List[Bericht]) -> None:
    """A message right after a fallback or a misunderstood answer that says
    "nee, ik bedoel..." (or clicks "Er is acuut gevaar" after a fallback)
    marks the message before it as corrected."""
    for vorige, volgende in zip(berichten, berichten[1:], strict=False):
        if CORRECTION.match(volgende.tekst) or (vorige.fallback and volgende.tekst.strip() == CRISIS_BUTTON):
            vorige.gecorrigeerd = True


def _verwerk(gesprek: Gesprek, event: Dict[str, Any], actief: Dict[str, Any]) -> None:
    soort = event.get("event")
    if soort == "user":
        if not gesprek.berichten:
            gesprek.kanaal = event.get("input_channel") or "onbekend"
            gesprek.rol = rol_uit_metadata(event.get("metadata"))
        gesprek.berichten.append(_bericht(event))
    elif soort == "action" and gesprek.berichten:
        if event.get("name") in FALLBACK_ACTIONS:
            gesprek.berichten[-1].fallback = True
        elif event.get("name") == CRISIS_ACTION:
            gesprek.crisis.append(float(event.get("timestamp") or 0.0))
    elif soort == "slot" and event.get("name") == SLOT_ROL and event.get("value"):
        gesprek.rol = str(event["value"])
    elif soort == "slot" and event.get("name") == PRACTICE_SLOT:
        _oefensessie(gesprek, event, actief)


def _oefensessie(gesprek: Gesprek, event: Dict[str, Any], actief: Dict[str, Any]) -> None:
    """A session is the slot's last value before it is cleared."""
    if event.get("value") is None:
        if actief.get(gesprek.id) is not None:
            gesprek.oefensessies.append(actief.pop(gesprek.id))
    else:
        actief[gesprek.id] = (float(event.get("timestamp") or 0.0), event["value"])


def gesprekken_uit(rijen: Iterable[Tuple[str, str]]) -> List[Gesprek]:
    """Conversations from (sender_id, event data) rows, each conversation's
    rows in time order."""
    gesprekken: Dict[str, Gesprek] = {}
    actief: Dict[str, Any] = {}
    for sender_id, data in rijen:
        gesprek = gesprekken.setdefault(sender_id, Gesprek(sender_id))
        _verwerk(gesprek, json.loads(data), actief)
    for sender_id, sessie in actief.items():
        gesprekken[sender_id].oefensessies.append(sessie)
    for gesprek in gesprekken.values():
        _markeer_correcties(gesprek.berichten)
    return [g for g in gesprekken.values() if g.berichten]


def lees_gesprekken(url: str) -> List[Gesprek]:
    query = (sa.select(EVENTS.c.sender_id, EVENTS.c.data)
             .order_by(EVENTS.c.sender_id, EVENTS.c.timestamp, EVENTS.c.id))
    with gespreksverslag.database(url).connect() as connection:
        if not sa.inspect(connection).has_table(EVENTS.name):
            return []
        return gesprekken_uit(connection.execute(query))


def lees_verslag(url: str) -> List[Dict[str, Any]]:
    """Every case-log entry (pictures, interventions), oldest first."""
    query = sa.select(gespreksverslag.TABLE).order_by(gespreksverslag.TABLE.c.timestamp, gespreksverslag.TABLE.c.id)
    with gespreksverslag.database(url).connect() as connection:
        return [{"conversation_id": r.conversation_id, "timestamp": r.timestamp, "moment": r.moment,
                 "voorgesteld_type": r.voorgesteld_type, "urgentie": r.urgentie,
                 "interventies": json.loads(r.interventies or "[]")} for r in connection.execute(query)]
