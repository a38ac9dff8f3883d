"""The action server's answers are still checked after the launcher swaps in
the validator compiled once (bot/action_response.py)."""
from __future__ import annotations

import asyncio
import sys
from typing import Any, Dict
from unittest import mock

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot import action_response
from bot.channels import launch


@pytest.fixture
def geinstalleerd(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    action_response.install()


def draai_actie(antwoord: Dict[str, Any]) -> list:
    """Run a remote action whose action server answers `antwoord`."""
    domain = Domain.from_yaml("version: '3.1'\nslots:\n  rol:\n    type: text\n    mappings: []\n")
    actie = RemoteAction("action_test", EndpointConfig("http://127.0.0.1:1/webhook"))
    with mock.patch.object(EndpointConfig, "request", mock.AsyncMock(return_value=antwoord)):
        return asyncio.run(actie.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}),
                                     DialogueStateTracker("test", domain.slots), domain))


def test_een_geldig_antwoord_wordt_toegepast(geinstalleerd: None) -> None:
    events = draai_actie({"events": [{"event": "slot", "name": "rol", "value": "trainer"}], "responses": []})
    assert events == [SlotSet("rol", "trainer")]


@pytest.mark.parametrize("antwoord, fout", [
    ({"events": [{"event": "slot", "name": "rol"}], "responses": []}, "value"),
    ({"events": [{"event": "bestaat_niet"}], "responses": []}, "bestaat_niet"),
    ({"events": "geen lijst", "responses": []}, "geen lijst"),
    ({"events": [], "responses": ["geen object"]}, "geen object"),
])
def test_een_misvormd_antwoord_wordt_geweigerd(geinstalleerd: None, antwoord: Dict[str, Any], fout: str) -> None:
    with pytest.raises(ValidationError) as uitzondering:
        draai_actie(antwoord)
    assert fout in str(uitzondering.value)
    assert "Failed to validate Action server response" in uitzondering.value.message


def test_de_foutmelding_is_die_van_rasa_zelf(monkeypatch: pytest.MonkeyPatch) -> None:
    antwoord = {"events": [{"event": "bestaat_niet"}], "responses": []}
    with pytest.raises(ValidationError) as van_rasa:
        RemoteAction("action_test", None)._validate_action_result(antwoord)
    with pytest.raises(ValidationError) as van_ons:
        action_response.validate_action_result(None, antwoord)
    assert van_ons.value.message == van_rasa.value.message


def test_de_launcher_zet_de_gecompileerde_validator_in_rasa(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    monkeypatch.setattr(sys, "argv", sys.argv)
    with mock.patch("rasa.__main__.main") as rasa_main:
        assert launch.main(["run", "actions"]) == 0
    rasa_main.assert_called_once()
    assert RemoteAction._validate_action_result is action_response.validate_action_result
