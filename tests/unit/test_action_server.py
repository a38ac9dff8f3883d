"""The action server listens on loopback or requires ACTION_TOKEN, and with
a token set refuses every call without it."""
from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

import pytest

from bot import action_server


def test_op_een_ander_adres_dan_loopback_is_een_token_nodig(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACTION_TOKEN", raising=False)
    assert action_server.refusal("127.0.0.1") is None
    assert (action_server.refusal("0.0.0.0") or "").startswith(
        "Niet gestart: de actieserver zou op 0.0.0.0 luisteren, bereikbaar voor andere computers, "
        "maar ACTION_TOKEN is leeg.")
    monkeypatch.setenv("ACTION_TOKEN", "actie-geheim")
    assert action_server.refusal("0.0.0.0") is None


def weiger(args: dict, path: str = "/webhook") -> object:
    antwoord = asyncio.run(action_server.check_token(SimpleNamespace(args=args, path=path)))
    return antwoord and (antwoord.status, json.loads(antwoord.body))


def test_met_een_token_wordt_een_aanroep_zonder_token_geweigerd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTION_TOKEN", "actie-geheim")

    assert weiger({}) == (401, {"error": "Geen of een verkeerd ACTION_TOKEN."})
    assert weiger({"token": "fout"}) == (401, {"error": "Geen of een verkeerd ACTION_TOKEN."})
    assert weiger({"token": "actie-geheim"}) is None
    assert weiger({}, "/health") is None  # servers.wait_until_up checks it without a token


def test_zonder_token_op_loopback_gaat_elke_aanroep_door(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACTION_TOKEN", raising=False)
    assert weiger({}) is None


def test_de_app_controleert_het_token_voor_elke_aanroep() -> None:
    app = action_server.create_app()
    assert action_server.check_token in [getattr(m, "func", m) for m in app.request_middleware]
