"""bot/channels/gezondheid.py: which parts are reachable, without servers."""
from __future__ import annotations

import asyncio
import socket

from bot.channels import gezondheid


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_action_server_and_redis_are_named(monkeypatch, tmp_path):
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("ACTION_ENDPOINT_URL", f"http://127.0.0.1:{_vrije_poort()}/webhook")
    monkeypatch.setenv("LOCK_STORE_TYPE", "redis")
    monkeypatch.setenv("REDIS_HOST", "127.0.0.1")
    monkeypatch.setenv("REDIS_PORT", str(_vrije_poort()))

    assert asyncio.run(gezondheid.toestand()) == {
        "database": "ok", "actieserver": "niet bereikbaar", "redis": "niet bereikbaar"}


def test_redis_is_not_checked_when_not_configured(monkeypatch, tmp_path):
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("ACTION_ENDPOINT_URL", f"http://127.0.0.1:{_vrije_poort()}/webhook")
    monkeypatch.setenv("LOCK_STORE_TYPE", "in_memory")

    assert asyncio.run(gezondheid.toestand())["redis"] == "niet ingesteld"


def test_a_database_that_cannot_be_opened_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'weg' / 'tracker.db'}")
    monkeypatch.setenv("ACTION_ENDPOINT_URL", f"http://127.0.0.1:{_vrije_poort()}/webhook")
    monkeypatch.setenv("LOCK_STORE_TYPE", "in_memory")

    assert asyncio.run(gezondheid.toestand())["database"] == "niet bereikbaar"
