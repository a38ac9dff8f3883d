"""Starting the servers: a port that is already taken stops the start with
a Dutch message (before, the new server ended at once and the old one
answered in its place), and tests get ports of their own."""
from __future__ import annotations

import os
import socket

import pytest

from bot import servers


def test_a_taken_port_stops_the_start_with_a_clear_message():
    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = str(bezet.getsockname()[1])
        with servers.own_ports():
            os.environ["RASA_PORT"] = poort
            with pytest.raises(RuntimeError, match=f"Poort {poort} \\(RASA_PORT\\) is al in gebruik"):
                servers.start_rasa_server(servers.settings.MODELS_DIR / "bestaat-niet.tar.gz")


def test_own_ports_are_new_and_the_old_ones_come_back():
    voor = {naam: os.environ.get(naam) for naam in servers.PORT_SETTINGS}
    with servers.own_ports():
        binnen = {naam: os.environ.get(naam) for naam in servers.PORT_SETTINGS}
        assert binnen["RASA_PORT"] != voor["RASA_PORT"]
        assert binnen["ACTION_PORT"] != voor["ACTION_PORT"]
        assert binnen["ACTION_ENDPOINT_URL"] == f"http://localhost:{binnen['ACTION_PORT']}/webhook"
    assert {naam: os.environ.get(naam) for naam in servers.PORT_SETTINGS} == voor


def test_servers_of_tests_and_benchmarks_have_no_limit_per_address(monkeypatch):
    """All their load comes from 127.0.0.1: a limit per address would refuse most of it."""
    monkeypatch.setenv("RATE_LIMIT_PER_ADDRESS_PER_MINUTE", "120")
    with servers.own_ports():
        assert os.environ["RATE_LIMIT_PER_ADDRESS_PER_MINUTE"] == "0"
