"""Integration fixtures: the trained model in an Agent, talking to a real
action server on a free port, with the throw-away SQLite tracker store of
tests/conftest.py."""
from __future__ import annotations

import asyncio
import logging
import uuid
from typing import List

import pytest

from bot import model, servers
from gedeeld import settings


@pytest.fixture(scope="session")
def trained_model():
    return model.ensure_model()


@pytest.fixture(scope="session")
def action_server(tmp_path_factory):
    log = tmp_path_factory.mktemp("logs") / "actions.log"
    process = servers.start_action_server(log)
    try:
        servers.wait_until_up(servers.action_server_url(), process)
        yield settings.get("ACTION_ENDPOINT_URL")
    finally:
        servers.stop(process)


@pytest.fixture(scope="session")
def event_loop_for_agent():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def agent(trained_model, action_server):
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    return Agent.load(str(trained_model), action_endpoint=EndpointConfig(action_server))


class Gesprek:
    """One conversation with the assistant, as a user would have it."""

    def __init__(self, agent, loop):
        self.agent, self.loop = agent, loop
        self.sender = f"test-{uuid.uuid4().hex[:8]}"

    def zeg(self, text: str) -> List[dict]:
        return self.loop.run_until_complete(self.agent.handle_text(text, sender_id=self.sender))

    def teksten(self, text: str) -> List[str]:
        return [m.get("text") or "" for m in self.zeg(text)]

    def tracker(self):
        return self.loop.run_until_complete(self.agent.tracker_store.retrieve(self.sender))


@pytest.fixture
def gesprek(agent, event_loop_for_agent):
    return Gesprek(agent, event_loop_for_agent)


@pytest.fixture(scope="session")
def servers_met_logs(tmp_path_factory):
    """Both servers as `make run` starts them, with their log files in the
    directory this yields; shared by the hardening tests (issue 19) so they
    start one pair of servers. They use the session's throw-away database."""
    from kanalen import model_voor_kanalen

    tmp = tmp_path_factory.mktemp("servers_met_logs")
    with servers.own_ports(), servers.running(model_voor_kanalen(), log_dir=tmp):
        yield tmp


@pytest.fixture
def eigen_poorten():
    """Ports of its own for a test that starts servers itself."""
    with servers.own_ports():
        yield


@pytest.fixture
def zonder_tekst_in_logs(caplog):
    """Rasa logs each message's text at debug level, and a failing test shows
    its captured log: a test on a held-out set must not show its lines."""
    from rasa.utils.log_utils import configure_structlog

    caplog.set_level(logging.WARNING)
    configure_structlog(logging.WARNING)
    loggers = [logging.getLogger(), logging.getLogger("rasa")]
    niveaus = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    yield
    for logger, niveau in zip(loggers, niveaus, strict=True):
        logger.setLevel(niveau)

