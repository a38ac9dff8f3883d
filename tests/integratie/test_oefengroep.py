"""The trainer's group summary: practice sessions stored through the
redacting tracker store, read back by `python -m bot.oefengroep`."""
from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from rasa.shared.core.events import ActionExecuted, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from actions.oefenen.beurt import beurt, start
from actions.oefenen.groep import samenvatting
from bot.oefengroep import sessies_uit
from bot.tracker_store import RedactingSQLTrackerStore
from gedeeld.settings import ROOT

SCRIPTS = yaml.safe_load((ROOT / "tests" / "oefenen_transcripten.yml").read_text(encoding="utf-8"))


def speel(persona_id: str, soort: str) -> list:
    """The slot events a practice session leaves: its state after each turn, then cleared."""
    state, _ = start(persona_id, "huisbezoek", seed=1)
    events = [ActionExecuted("action_listen"), SlotSet("oefen_sessie", state)]
    for regel in SCRIPTS[persona_id][soort]:
        state, _ = beurt(state, regel)
        events.append(SlotSet("oefen_sessie", state))
    return events + [SlotSet("oefen_sessie", None)]


@pytest.fixture
def database(tmp_path) -> Path:
    path = tmp_path / "tracker.db"
    store = RedactingSQLTrackerStore(host=f"sqlite:///{path}")
    gesprekken = {"groep-a": speel("annie_verhoeven", "sterk") + speel("annie_verhoeven", "zwak"),
                  "groep-b": speel("ruud_bakker", "zwak")}
    for sender, events in gesprekken.items():
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    store.engine.dispose()
    return path


def test_the_summary_counts_sessions_per_persona_and_quotes_no_one(database):
    resultaat = subprocess.run([sys.executable, "-m", "bot.oefengroep"], cwd=ROOT, capture_output=True, text=True,
                               env={**os.environ, "TRACKER_STORE_URL": f"sqlite:///{database}"}, timeout=120)
    assert resultaat.returncode == 0, resultaat.stderr
    tekst = resultaat.stdout
    assert "3 oefengesprekken" in tekst
    assert "- Annie Verhoeven: 2 keer; vertrouwen gemiddeld van 3,0 naar" in tekst
    assert "- Ruud Bakker: 1 keer; vertrouwen gemiddeld van 2,0 naar 0,0 op 10" in tekst
    assert "bagatelliseren" in tekst and "MITI 3.1.1" in tekst
    for regel in SCRIPTS["annie_verhoeven"]["zwak"] + ["groep-a", "groep-b"]:
        assert regel not in tekst


def test_a_missing_database_is_a_clear_error(tmp_path):
    resultaat = subprocess.run([sys.executable, "-m", "bot.oefengroep"], cwd=ROOT, capture_output=True, text=True,
                               env={**os.environ, "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'nergens.db'}"},
                               timeout=120)
    assert resultaat.returncode == 3 and "bestaat niet" in resultaat.stderr


def test_only_finished_or_last_states_count():
    rijen = [("x", '{"event": "slot", "name": "oefen_sessie", "value": {"n": 1}}'),
             ("x", '{"event": "slot", "name": "oefen_sessie", "value": {"n": 2}}'),
             ("x", '{"event": "slot", "name": "oefen_sessie", "value": null}'),
             ("y", '{"event": "slot", "name": "oefen_sessie", "value": {"n": 3}}'),
             ("y", '{"event": "user", "text": "hallo"}')]
    assert sessies_uit(rijen) == [{"n": 2}, {"n": 3}]


def test_no_sessions_says_so():
    assert "nog geen oefengesprekken" in samenvatting([])
