"""`python -m bot.privacy` end to end: a SQLite database with several
conversations, written by the redacting tracker store and the case log, old
and new; each command run as a subprocess, the database read afterwards."""
from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, Set

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tracker_store import RedactingSQLTrackerStore
from gedeeld import gespreksverslag
from gedeeld.settings import ROOT

DAY = 24 * 3600
NOW = time.time()
# conversation id: (ages in days of its turns of events, ages in days of its case log entries)
CONVERSATIONS = {
    "oud": ([200], [200, 199]),
    "oud-zonder-verslag": ([120], []),
    "alleen-verslag": ([], [100]),
    "lang-lopend": ([200], [10]),  # last activity 10 days ago: stays, without its old events
    "actief": ([200, 2], [120, 2]),  # chats now and then: only the recent turn and entry stay
    "nieuw": ([0], [0, 0]),
}
EVENTS_PER_CONVERSATION = 4


def events(age_days: float):
    at = NOW - age_days * DAY
    return [ActionExecuted("action_listen", timestamp=at),
            UserUttered("Mevrouw Jansen, 06-12345678, woont in Nijmegen.",
                        {"name": "beschrijven", "confidence": 0.9}, timestamp=at),
            BotUttered("Dank je. Wat zie je bij mevrouw Jansen?", timestamp=at),
            ActionExecuted("action_listen", timestamp=at)]


@pytest.fixture
def database(tmp_path) -> Path:
    path = tmp_path / "tracker.db"
    url = f"sqlite:///{path}"
    store = RedactingSQLTrackerStore(host=url)
    for conversation_id, (ages, case_log) in CONVERSATIONS.items():
        if ages:
            tracker = DialogueStateTracker.from_events(conversation_id, [e for age in ages for e in events(age)])
            asyncio.run(store.save(tracker))
        for entry_age in case_log:
            gespreksverslag.schrijf(conversation_id, "plan", rol="werker", plan="Belt zoon Kees op 06-87654321.",
                                    tijdstip=NOW - entry_age * DAY, url=url)
    store.engine.dispose()
    return path


def privacy(database: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "TRACKER_STORE_URL": f"sqlite:///{database}", "RETENTION_DAYS": "90", **env}
    return subprocess.run([sys.executable, "-m", "bot.privacy", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


def stored(database: Path) -> Dict[str, Set[str]]:
    with sqlite3.connect(database) as db:
        return {table: {row[0] for row in db.execute(f"select distinct {column} from {table}")}
                for table, column in [("events", "sender_id"), ("gespreksverslag", "conversation_id")]}


def test_purge_removes_conversations_inactive_longer_than_asked(database):
    result = privacy(database, "purge", "--older-than", "90d")

    assert result.returncode == 0, result.stderr
    assert result.stdout == ("3 gesprekken verwijderd die ouder zijn dan 90 dagen; uit 2 lopende gesprekken "
                             "alles ouder dan 90 dagen verwijderd (16 gebeurtenissen en 4 verslagregels).\n")
    assert stored(database) == {"events": {"actief", "nieuw"},
                                "gespreksverslag": {"lang-lopend", "actief", "nieuw"}}

    again = privacy(database, "purge", "--older-than", "90")
    assert (again.returncode, again.stdout) == (0, "Geen gesprekken ouder dan 90 dagen; niets verwijderd.\n")


def test_purge_removes_old_events_and_entries_inside_a_conversation_that_is_still_active(database):
    result = privacy(database, "purge", "--older-than", "90d")

    assert result.returncode == 0, result.stderr
    url = f"sqlite:///{database}"
    with sqlite3.connect(database) as db:
        ages = [(NOW - t) / DAY for (t,) in db.execute("select timestamp from events where sender_id = 'actief'")]
    assert len(ages) == EVENTS_PER_CONVERSATION and max(ages) < 3
    assert [round((NOW - e["timestamp"]) / DAY) for e in gespreksverslag.lees("actief", url)] == [2]
    store = RedactingSQLTrackerStore(host=url)
    tracker = asyncio.run(store.retrieve("actief"))
    store.engine.dispose()
    assert tracker is not None
    assert tracker.latest_message.text == "Mevrouw [NAAM], [TELEFOON], woont in Nijmegen."
    assert len(tracker.events) == EVENTS_PER_CONVERSATION


def test_purge_takes_the_retention_period_from_the_settings(database):
    result = privacy(database, "purge", RETENTION_DAYS="150")

    assert result.returncode == 0, result.stderr
    assert result.stdout == ("1 gesprek verwijderd dat ouder is dan 150 dagen; uit 2 lopende gesprekken "
                             "alles ouder dan 150 dagen verwijderd (12 gebeurtenissen en 2 verslagregels).\n")
    assert "oud" not in stored(database)["events"] | stored(database)["gespreksverslag"]
    assert "oud-zonder-verslag" in stored(database)["events"]
    assert gespreksverslag.lees("actief", f"sqlite:///{database}")[0]["timestamp"] < NOW - 100 * DAY


@pytest.mark.parametrize("value", ["abc", "-5d", "90 dagen", ""])
def test_purge_refuses_a_wrong_period_and_removes_nothing(database, value):
    before = stored(database)

    result = privacy(database, "purge", f"--older-than={value}")

    assert result.returncode == 2
    assert f"Ongeldige waarde voor --older-than: {value!r}" in result.stderr
    assert stored(database) == before


def test_erase_removes_one_conversation_entirely(database):
    result = privacy(database, "erase", "nieuw")

    assert result.returncode == 0, result.stderr
    assert result.stdout == "Gesprek nieuw gewist: 4 gebeurtenissen en 2 verslagregels verwijderd.\n"
    remaining = set(CONVERSATIONS) - {"nieuw"}
    assert stored(database) == {"events": remaining - {"alleen-verslag"},
                                "gespreksverslag": remaining - {"oud-zonder-verslag"}}


@pytest.mark.parametrize("command", ["erase", "export"])
def test_an_unknown_conversation_is_an_error(database, command):
    before = stored(database)

    result = privacy(database, command, "bestaat-niet")

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "Fout: Onbekend gesprek: 'bestaat-niet'. Er is niets over opgeslagen.\n"
    assert stored(database) == before


def test_export_gives_everything_stored_about_one_conversation_as_json(database):
    result = privacy(database, "export", "nieuw")

    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["conversation_id"] == "nieuw"
    assert [e["event"] for e in data["events"]] == ["action", "user", "bot", "action"]
    assert data["events"][1]["text"] == "Mevrouw [NAAM], [TELEFOON], woont in Nijmegen."
    assert [e["plan"] for e in data["gespreksverslag"]] == ["Belt zoon [NAAM] op [TELEFOON]."] * 2
    assert "Jansen" not in result.stdout and "Kees" not in result.stdout
    assert result.stderr == "Gesprek nieuw geëxporteerd: 4 gebeurtenissen en 2 verslagregels.\n"
    assert stored(database)["events"] == set(CONVERSATIONS) - {"alleen-verslag"}


def test_a_missing_sqlite_database_is_reported(tmp_path):
    result = privacy(tmp_path / "bestaat-niet.db", "erase", "nieuw")

    assert result.returncode == 3
    assert "bestaat niet" in result.stderr
    assert not (tmp_path / "bestaat-niet.db").exists()


def test_an_unreachable_database_is_reported_without_its_password(tmp_path):
    result = privacy(tmp_path / "x.db", "purge",
                     TRACKER_STORE_URL="postgresql://rasa:geheim@127.0.0.1:1/rasa")

    assert result.returncode == 3
    assert result.stderr.startswith("Fout: Kan de database postgresql://rasa:***@127.0.0.1:1/rasa niet bereiken")
    assert "geheim" not in result.stderr


def test_a_command_is_required(database):
    result = privacy(database)

    assert result.returncode == 2
    assert "Fout:" in result.stderr
