"""bot/action_outage.py: an action server that cannot be reached, or an
action that raises on it (a 5xx answer), stops the turn (Rasa's processor
would swallow the error and go on half-done); other action errors stay
Rasa's. What the worker reads: tests/unit/test_opslag.py."""
from __future__ import annotations

import asyncio

import pytest
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from bot import action_outage
from bot.servers import free_port
from lokale_server import Antwoord, LokaleServer, als_json


@pytest.fixture(scope="module", autouse=True)
def installed():
    original = RemoteAction.run
    action_outage.install()
    yield
    RemoteAction.run = original


def run(action: RemoteAction):
    tracker = DialogueStateTracker.from_events("iemand", [])
    return asyncio.run(action.run(CollectingOutputChannel(), None, tracker, Domain.empty()))


def nergens() -> EndpointConfig:
    return EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook")  # nothing listens there


def test_an_action_server_that_is_not_there_stops_the_turn_of_a_channels_message():
    with action_outage.in_channel(), pytest.raises(action_outage.ActieserverNietBereikbaar):
        run(RemoteAction("validate_signalering_form", nergens()))


def test_outside_a_channels_message_rasas_own_error_stays():
    """Rasa's HTTP API has nothing that would catch the BaseException."""
    with pytest.raises(RasaException, match="Couldn't connect"):
        run(RemoteAction("validate_signalering_form", nergens()))


@pytest.mark.parametrize("status", [500, 502, 503])
def test_an_action_that_raises_on_the_action_server_stops_the_turn_of_a_channels_message(status):
    with LokaleServer() as actieserver:
        actieserver.zet("/webhook", Antwoord(status, b'{"error": "De actie kon niet worden uitgevoerd."}'))
        with action_outage.in_channel(), pytest.raises(action_outage.ActieMislukt) as gestopt:
            run(RemoteAction("validate_signalering_form", EndpointConfig(actieserver.url("/webhook"))))
    assert gestopt.value.melding == action_outage.MISLUKT


def test_an_action_that_rejects_the_message_stays_rasas_dialogue_flow():
    """A 400 is a validation that rejects the message: Rasa's forms go on with it."""
    with LokaleServer() as actieserver:
        actieserver.zet("/webhook", als_json({"action_name": "validate_signalering_form", "error": "nee"}, 400))
        with action_outage.in_channel(), pytest.raises(ActionExecutionRejection):
            run(RemoteAction("validate_signalering_form", EndpointConfig(actieserver.url("/webhook"))))


def test_the_message_after_a_failed_action_is_kind_and_without_technical_words():
    assert "opnieuw" in action_outage.MISLUKT or "nog eens" in action_outage.MISLUKT
    assert "andere manier" in action_outage.MISLUKT and "bewaard" in action_outage.MISLUKT
    for woord in ("actie", "server", "fout", "error", "500", "exception"):
        assert woord not in action_outage.MISLUKT.lower(), woord


def test_other_action_errors_stay_rasas():
    with action_outage.in_channel(), pytest.raises(RasaException):
        run(RemoteAction("validate_signalering_form", None))  # no endpoint configured


def test_install_twice_patches_once():
    patched = RemoteAction.run
    action_outage.install()
    assert RemoteAction.run is patched

