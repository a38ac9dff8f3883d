"""For every test: free ports and a throw-away SQLite database, so no test
touches `make run`'s. Unit tests (tests/unit) need nothing more; the model,
the servers and the conversation fixtures are in tests/integratie/conftest.py."""
from __future__ import annotations

import os

import pytest

from bot import servers


@pytest.fixture(scope="session", autouse=True)
def isolated_settings(tmp_path_factory):
    """Free ports and a temporary database, so tests never touch `make run`'s."""
    os.environ["TRACKER_STORE_URL"] = f"sqlite:///{tmp_path_factory.mktemp('db') / 'tracker.db'}"
    servers.use_free_ports()
    yield
