"""Rasa's SQL tracker store, writing only redacted events.

Rasa runs NLU, the policies and the actions of a turn on the tracker in
memory, and hands it to the tracker store's `save` at the end of the turn.
`SQLTrackerStore.save` takes the events it has not stored yet from
`_additional_events` and writes `event.as_dict()` of each; this subclass
redacts those dicts (gedeeld/redactie.py) on the way. So the turn itself sees
what the worker typed, the database never does, and the next turn starts
from the redacted history: user texts, entity values, slot values and bot
texts all read "[NAAM]", "[TELEFOON]", ... Events sent to an event broker,
if one is ever configured, are redacted the same way.

`endpoints.yml` selects it with `type: bot.tracker_store.RedactingSQLTrackerStore`
and `url: ${TRACKER_STORE_URL}`. Rasa hands a custom store's `url` over as
`host`, and `SQLTrackerStore` uses a host that contains "://" as the complete
SQLAlchemy URL, so `sqlite:///var/tracker.db` and
`postgresql://user:password@host:5432/rasa` both work as they are.

Rasa imports this module (from endpoints.yml) before its agent wraps the store
in `FailSafeTrackerStore`; importing it installs bot/opslag.py, so a database
that cannot be read or written is told to the worker instead of silently
giving an empty conversation or an unredacted copy in memory.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

from bot import opslag
from gedeeld.redactie import redigeer_waarde, vind

opslag.installeer()

# Keys whose values are names the dialogue needs back (intent, action, slot
# and entity names, policy, ids), never free text.
IDENTIFIER_KEYS = frozenset({
    "event", "name", "intent", "intent_ranking", "entity", "extractor", "role", "group",
    "policy", "message_id", "input_channel", "action_name",
})


def redigeer_event(data: Dict[str, Any]) -> Dict[str, Any]:
    """A redacted copy of one event's dict (`Event.as_dict()`)."""
    redacted = redigeer_waarde(data, keep=IDENTIFIER_KEYS)
    parse_data = data.get("parse_data")
    if isinstance(parse_data, dict) and parse_data.get("entities"):
        redacted["parse_data"]["entities"] = _redact_entities(
            parse_data.get("text") or data.get("text") or "", parse_data["entities"],
            redacted["parse_data"]["entities"])
    return redacted


def _redact_entities(text: str, originals: List[Dict], redacted: List[Dict]) -> List[Dict]:
    """An entity whose span in the text is (part of) an identifying detail
    loses its value even when the value alone looks harmless ("Jansen" from
    "mevrouw Jansen"); "Nijmegen" or "6512" keep theirs."""
    findings = vind(text)
    for original, entity in zip(originals, redacted, strict=False):
        start, end = original.get("start"), original.get("end")
        if start is None or end is None or entity.get("value") != original.get("value"):
            continue
        hits = [f for f in findings if f.overlaps(start, end)]
        if hits:
            entity["value"] = " ".join(f.replacement for f in hits)
    return redacted


@dataclass(frozen=True)
class RedactedEvent:
    """What `SQLTrackerStore.save` and the event broker read of an event."""
    type_name: str
    data: Dict[str, Any]

    @classmethod
    def of(cls, event: Event) -> "RedactedEvent":
        return cls(event.type_name, redigeer_event(event.as_dict()))

    def as_dict(self) -> Dict[str, Any]:
        return self.data


class RedactingSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` that redacts every event before it is written."""

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        return (RedactedEvent.of(event) for event in super()._additional_events(session, tracker))

    async def _stream_new_events(
        self, event_broker: EventBroker, new_events: List[Event], sender_id: Text
    ) -> None:
        await super()._stream_new_events(
            event_broker, [RedactedEvent.of(event) for event in new_events], sender_id)
