"""The redacting tracker store, on SQLite and on a real PostgreSQL server:
what reaches the database is read back without Rasa (the SQLite file's bytes
and its rows through sqlite3, PostgreSQL's rows through psycopg2)."""
from __future__ import annotations

import asyncio
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Iterable, List

import pytest
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

import postgres_server
from bot.tracker_store import RedactingSQLTrackerStore
from gedeeld.settings import ROOT
from redactiecorpus import CORPUS

DOMAIN = Domain.from_dict({
    "intents": ["beschrijven"],
    "entities": ["gemeente", "postcode", "naam"],
    "slots": {name: {"type": "any", "mappings": [{"type": "custom"}]} for name in ("notitie", "gemeente")},
})
MESSAGES = [
    "Mevrouw Jansen (81) uit Nijmegen, Hoofdstraat 12, postcode 6512, heeft 4 kinderen.",
    "Haar BSN is 123456782 en ze is geboren op 3 mei 1941.",
    "Bel haar zoon op 06-12345678 of mail j.jansen@example.nl.",
    "De huur gaat van NL91 ABNA 0417 1643 00 af.",
]
IDENTIFYING = ["Jansen", "Hoofdstraat 12", "123456782", "3 mei 1941", "06-12345678",
               "j.jansen@example.nl", "NL91 ABNA 0417 1643 00"]
HARMLESS = ["postcode 6512", "4 kinderen", "Nijmegen", "(81)"]


@dataclass
class Storage:
    """A database and how to read it without Rasa."""
    url: str
    query: Callable[[str], List[tuple]]
    dump: Callable[[], bytes]  # everything stored, as the database holds it


def _sqlite_query(path: Path, sql: str) -> List[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


def _sqlite_dump(path: Path) -> bytes:
    """The file's bytes (plus any journal), and every row as SQL."""
    raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    with sqlite3.connect(path) as db:
        return raw + "\n".join(db.iterdump()).encode()


def _postgres_dump(url: str) -> bytes:
    tables = postgres_server.query(
        url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
    return "\n".join(repr(postgres_server.query(url, f'SELECT * FROM "{name}"')) for (name,) in tables).encode()


@pytest.fixture(scope="session")
def postgres_url():
    with postgres_server.server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def storage(request, tmp_path):
    if request.param == "sqlite":
        path = tmp_path / "tracker.db"
        yield Storage(f"sqlite:///{path}", lambda sql: _sqlite_query(path, sql), lambda: _sqlite_dump(path))
    else:
        with postgres_server.database(request.getfixturevalue("postgres_url")) as url:
            yield Storage(url, lambda sql: postgres_server.query(url, sql), lambda: _postgres_dump(url))


@pytest.fixture
def store(storage):
    store = RedactingSQLTrackerStore(host=storage.url, domain=DOMAIN)
    yield store
    store.engine.dispose()


def user(text: str, entities: Iterable[str] = ()) -> UserUttered:
    """A parsed user message; `entities` are gemeente/naam values in `text`."""
    spans = [{"entity": "naam" if value == "Jansen" else "gemeente", "value": value,
              "start": text.index(value), "end": text.index(value) + len(value)} for value in entities]
    return UserUttered(text, {"name": "beschrijven", "confidence": 0.93}, entities=spans)


def conversation(sender: str) -> DialogueStateTracker:
    events = [ActionExecuted("action_listen"), user(MESSAGES[0], ["Jansen", "Nijmegen"]),
              SlotSet("gemeente", "Nijmegen"), SlotSet("notitie", {"wie": "mevrouw Jansen", "tel": "06-12345678"}),
              BotUttered("Ik noteer: mevrouw Jansen uit Nijmegen.", {"buttons": [
                  {"title": "Klopt, mevrouw Jansen", "payload": "/bevestigen"}]}),
              ActionExecuted("action_listen")]
    for text in MESSAGES[1:]:
        events += [user(text), BotUttered(f"Je schreef: {text}"), ActionExecuted("action_listen")]
    return DialogueStateTracker.from_events(sender, events, DOMAIN.slots)


def save(store: TrackerStore, tracker: DialogueStateTracker) -> None:
    asyncio.run(store.save(tracker))


def forms(text: str) -> List[bytes]:
    """How `text` can appear in the database: as is, and JSON-escaped."""
    return [text.encode(), json.dumps(text)[1:-1].encode()]


def absent(needle: str, dump: bytes) -> bool:
    return not any(form.lower() in dump.lower() for form in forms(needle))


def stored_events(storage: Storage, sender: str) -> List[Dict]:
    rows = storage.query(f"SELECT data FROM events WHERE sender_id = '{sender}' ORDER BY id")
    return [json.loads(data) for (data,) in rows]


def test_nothing_identifying_reaches_the_database(store, storage):
    save(store, conversation("gesprek-1"))

    dump = storage.dump()
    assert [needle for needle in IDENTIFYING if not absent(needle, dump)] == []
    assert [needle for needle in HARMLESS if absent(needle, dump)] == []


def test_intent_entities_and_slots_are_stored_redacted(store, storage):
    save(store, conversation("gesprek-1"))

    events = stored_events(storage, "gesprek-1")
    first = events[1]
    assert first["text"] == ("Mevrouw [NAAM] (81) uit Nijmegen, [ADRES], postcode 6512, heeft 4 kinderen.")
    assert first["parse_data"]["text"] == first["text"]
    assert first["parse_data"]["intent"] == {"name": "beschrijven", "confidence": 0.93}
    assert [(e["entity"], e["value"]) for e in first["parse_data"]["entities"]] == [
        ("naam", "[NAAM]"), ("gemeente", "Nijmegen")]
    assert events[2] == {**events[2], "name": "gemeente", "value": "Nijmegen"}
    assert events[3]["value"] == {"wie": "mevrouw [NAAM]", "tel": "[TELEFOON]"}
    assert events[4]["text"] == "Ik noteer: mevrouw [NAAM] uit Nijmegen."
    assert events[4]["data"]["buttons"] == [{"title": "Klopt, mevrouw [NAAM]", "payload": "/bevestigen"}]
    intents = storage.query("SELECT intent_name FROM events WHERE type_name = 'user' ORDER BY id")
    assert intents == [("beschrijven",)] * len(MESSAGES)


def test_the_turn_keeps_what_was_typed_and_the_next_turn_adds_only_new_events(store, storage):
    tracker = conversation("gesprek-1")
    save(store, tracker)
    assert tracker.latest_message.text == MESSAGES[-1]

    restored = asyncio.run(store.retrieve("gesprek-1"))
    assert restored.latest_message.text == "De huur gaat van [IBAN] af."
    assert restored.get_slot("gemeente") == "Nijmegen"
    restored.update(user("En haar buurvrouw Marie belt soms."))
    save(store, restored)

    events = stored_events(storage, "gesprek-1")
    assert len(events) == len(tracker.events) + 1
    assert events[-1]["text"] == "En haar buurvrouw [NAAM] belt soms."


def test_the_whole_corpus_is_stored_as_expected(store, storage):
    events = [ActionExecuted("action_listen")]
    for entry in CORPUS:
        events += [user(entry["tekst"]), BotUttered(entry["tekst"]), SlotSet("notitie", entry["tekst"])]
    save(store, DialogueStateTracker.from_events("corpus", events, DOMAIN.slots))

    stored = stored_events(storage, "corpus")
    texts = [e["text"] for e in stored if e["event"] in {"user", "bot"}]
    slots = [e["value"] for e in stored if e["event"] == "slot"]
    expected = [entry["verwacht"] for entry in CORPUS]
    assert texts[0::2] == expected
    assert texts[1::2] == expected
    assert slots == expected
    # "Piet" must go from "mijn cliënt Piet", but stays in a known miss.
    kept = " ".join(expected).lower()
    parts = {part for entry in CORPUS for part in entry.get("weg", []) if part.lower() not in kept}
    assert len(parts) > 60
    dump = storage.dump()
    assert sorted(part for part in parts if not absent(part, dump)) == []


class RecordingBroker(EventBroker):
    def __init__(self) -> None:
        self.published: List[Dict] = []

    def publish(self, event: Dict) -> None:
        self.published.append(event)


def test_an_event_broker_gets_redacted_events_too(tmp_path):
    broker = RecordingBroker()
    store = RedactingSQLTrackerStore(host=f"sqlite:///{tmp_path / 'tracker.db'}", domain=DOMAIN,
                                     event_broker=broker)
    save(store, conversation("gesprek-1"))

    published = json.dumps(broker.published).encode()
    assert len(broker.published) == len(conversation("gesprek-1").events)
    assert [needle for needle in IDENTIFYING if not absent(needle, published)] == []


def test_endpoints_yml_selects_the_redacting_store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    monkeypatch.setenv("TRACKER_STORE_URL", url)

    store = TrackerStore.create(read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store"), DOMAIN)

    assert type(store) is RedactingSQLTrackerStore
    assert str(store.engine.url) == url


@pytest.mark.parametrize("ci, outcome", [("true", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_without_a_postgres_server_ci_fails_and_elsewhere_skips(monkeypatch, ci, outcome):
    monkeypatch.delenv("TEST_POSTGRES_URL", raising=False)
    monkeypatch.setenv("CI", ci)
    monkeypatch.setattr(postgres_server, "_bin_dir", lambda: None)

    with pytest.raises(outcome, match="PostgreSQL"):
        with postgres_server.server():
            pass


def _turn(store: RedactingSQLTrackerStore, sender: str, text: str) -> DialogueStateTracker:
    """One turn as Rasa's processor runs it: retrieve, add the turn's events, save."""
    tracker = asyncio.run(store.get_or_create_tracker(sender))
    tracker.update(user(text))
    tracker.update(SlotSet("notitie", text))
    tracker.update(BotUttered(f"Je schreef: {text}"))
    tracker.update(ActionExecuted("action_listen"))
    save(store, tracker)
    return tracker


def test_a_long_conversation_is_stored_once_and_restored_whole(store, storage):
    texts = [f"Beurt {n}: mevrouw Jansen belde op 06-12345678." for n in range(40)]
    for text in texts:
        last = _turn(store, "lang", text)

    events = stored_events(storage, "lang")
    restored = asyncio.run(store.retrieve("lang"))
    assert len(events) == len(last.events) == 1 + 4 * len(texts)
    assert [e["text"] for e in events if e["event"] == "user"] == [
        f"Beurt {n}: mevrouw [NAAM] belde op [TELEFOON]." for n in range(40)]
    assert [e.as_dict() for e in restored.events] == events
    assert restored.get_slot("notitie") == "Beurt 39: mevrouw [NAAM] belde op [TELEFOON]."
    assert [needle for needle in ("Jansen", "06-12345678") if not absent(needle, storage.dump())] == []


def test_saving_one_tracker_twice_stores_each_event_once(store, storage):
    asyncio.run(store.get_or_create_tracker("twee-keer"))
    tracker = asyncio.run(store.retrieve("twee-keer"))
    tracker.update(user(MESSAGES[0], ["Jansen", "Nijmegen"]))
    save(store, tracker)
    tracker.update(BotUttered("Dank je."))
    save(store, tracker)
    save(store, tracker)

    assert [e["event"] for e in stored_events(storage, "twee-keer")] == ["action", "user", "bot"]


def test_a_tracker_the_store_did_not_load_is_counted_in_the_database(store, storage):
    save(store, conversation("extern"))
    rebuilt = DialogueStateTracker.from_events("extern", [*conversation("extern").events, user("Nog iets.")],
                                               DOMAIN.slots)
    save(store, rebuilt)

    events = stored_events(storage, "extern")
    assert len(events) == len(conversation("extern").events) + 1
    assert events[-1]["text"] == "Nog iets."


def test_a_new_session_restores_only_its_own_events(store, storage):
    _turn(store, "sessies", "Eerste sessie met mevrouw Jansen.")
    tracker = asyncio.run(store.retrieve("sessies"))
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    save(store, tracker)
    _turn(store, "sessies", "Tweede sessie.")

    restored = asyncio.run(store.retrieve("sessies"))
    full = asyncio.run(store.retrieve_full_tracker("sessies"))
    assert [e.text for e in restored.events if isinstance(e, UserUttered)] == ["Tweede sessie."]
    assert [e.text for e in full.events if isinstance(e, UserUttered)] == [
        "Eerste sessie met mevrouw [NAAM].", "Tweede sessie."]
    assert len(stored_events(storage, "sessies")) == len(full.events)



def test_every_column_is_written_as_rasas_own_store_writes_it(store, storage, tmp_path):
    """The store writes a turn's events in one INSERT; the rows must be the
    ones Rasa's `SQLTrackerStore.save` writes (here with nothing to redact)."""
    from rasa.core.tracker_store import SQLTrackerStore

    events = [ActionExecuted("action_listen"), user("Hoe herken ik eenzaamheid?"),
              ActionExecuted("action_kennis_antwoord"), BotUttered("Let op deze signalen."),
              SlotSet("gemeente", "Utrecht"), ActionExecuted("action_listen")]
    save(store, DialogueStateTracker.from_events("kolommen", events, DOMAIN.slots))
    rasa_db = tmp_path / "rasa.db"
    rasa_store = SQLTrackerStore(host=f"sqlite:///{rasa_db}", domain=DOMAIN)
    save(rasa_store, DialogueStateTracker.from_events("kolommen", events, DOMAIN.slots))
    rasa_store.engine.dispose()

    kolommen = "sender_id, type_name, timestamp, intent_name, action_name, data"
    ons = storage.query(f"SELECT {kolommen} FROM events WHERE sender_id = 'kolommen' ORDER BY id")
    van_rasa = _sqlite_query(rasa_db, f"SELECT {kolommen} FROM events ORDER BY id")
    assert [(r[0], r[1], round(float(r[2]), 3), r[3], r[4], json.loads(r[5])) for r in ons] == [
        (r[0], r[1], round(float(r[2]), 3), r[3], r[4], json.loads(r[5])) for r in van_rasa]
    assert [r[1] for r in ons] == ["action", "user", "action", "bot", "slot", "action"]
