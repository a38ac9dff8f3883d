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

Per turn Rasa retrieves the tracker once and saves it once. Two costs of
Rasa's own store are taken out here (issue 14, README "Where the time goes"),
with the same rows in the database as before:

- `save` knows how many events of the tracker are stored already: the
  retrieve loaded them and earlier saves of the same tracker object wrote
  them, so Rasa's count query on every save is skipped. A tracker this store
  did not load or save (a new conversation, one built by the HTTP API) is
  counted in the database as Rasa does.
- `retrieve` reads only the `data` column instead of whole ORM objects, and
  finds each event's class by its name once: Rasa's `Event.resolve_by_type`
  walks all subclasses of `Event` for every event of every retrieve.
"""
from __future__ import annotations

import itertools
import json
import weakref
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, Iterator, List, Optional, Text, Tuple, Type

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


@lru_cache(maxsize=None)
def _event_class(type_name: str) -> Optional[Type[Event]]:
    return Event.resolve_by_type(type_name)


def deserialise_events(data: List[Dict[str, Any]]) -> List[Event]:
    """Rasa's `deserialise_events`, with the class of each event name looked up once."""
    events = []
    for item in data:
        event_class = _event_class(item["event"]) if "event" in item else None
        event = event_class._from_parameters(item) if event_class else None
        if event:
            events.append(event)
    return events


def _rij(sender_id: Text, event: Event) -> Dict[str, Any]:
    """The row Rasa's `SQLTrackerStore.save` writes for an event."""
    data = event.as_dict()
    return {"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
            "action_name": data.get("name"), "data": json.dumps(data)}


class StoredCounts:
    """How many events of a tracker object are in the database.

    Keyed by the object itself (a tracker is not hashable): an entry goes
    when its tracker is garbage collected, and an id Python reuses for
    another tracker is not trusted."""

    def __init__(self) -> None:
        self._counts: Dict[int, Tuple[weakref.ref, int]] = {}

    def remember(self, tracker: DialogueStateTracker, count: int) -> None:
        key = id(tracker)
        self._counts[key] = (weakref.ref(tracker, lambda _: self._counts.pop(key, None)), count)

    def get(self, tracker: DialogueStateTracker) -> Optional[int]:
        ref, count = self._counts.get(id(tracker), (None, 0))
        return count if ref is not None and ref() is tracker else None


class RedactingSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` that redacts every event before it is written."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stored = StoredCounts()

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool
                        ) -> Optional[DialogueStateTracker]:
        """Rasa's `_retrieve`, reading only the JSON of each event, and
        remembering how many events the tracker holds from the database."""
        with self.session_scope() as session:
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions)
            events = [json.loads(data) for (data,) in query.with_entities(self.SQLEvent.data)]
        if not self.domain or not events:
            return None
        tracker = DialogueStateTracker.from_events(sender_id, deserialise_events(events), self.domain.slots)
        self.stored.remember(tracker, len(events))
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's `save` (the same rows), with the new events written in one
        INSERT instead of one ORM object each: SQLAlchemy's unit of work cost
        more than the database for the ten or so events of a turn."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            rijen = [_rij(tracker.sender_id, event) for event in self._additional_events(session, tracker)]
            if rijen:
                session.execute(self.SQLEvent.__table__.insert(), rijen)
            session.commit()
        self.stored.remember(tracker, len(tracker.events))

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        stored = self.stored.get(tracker)
        new = (super()._additional_events(session, tracker) if stored is None
               else itertools.islice(tracker.events, stored, None))
        return (RedactedEvent.of(event) for event in new)

    async def _stream_new_events(
        self, event_broker: EventBroker, new_events: List[Event], sender_id: Text
    ) -> None:
        await super()._stream_new_events(
            event_broker, [RedactedEvent.of(event) for event in new_events], sender_id)
