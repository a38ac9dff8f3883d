"""For every test: free ports and a throw-away SQLite database, so no test
touches `make run`'s. Unit tests (tests/unit) need nothing more; the model,
the servers and the conversation fixtures are in tests/integratie/conftest.py."""
from __future__ import annotations

import gc
import os

import pytest

from gedeeld import naamherkenning

# Rasa, TensorFlow, spaCy and hypothesis, imported by this file and the test
# modules, are about a million objects that live as long as the session.
# Python's garbage collector would walk them at every full collection, while
# importing and after (2-3 s of `make check`): it waits until the tests are
# collected, and then leaves those objects out (pytest_collection_finish).
gc.disable()
from bot import servers  # noqa: E402  (imports TensorFlow: after gc.disable)


def pytest_collection_finish(session):
    gc.freeze()
    gc.enable()


@pytest.fixture(scope="session", autouse=True)
def isolated_settings(tmp_path_factory):
    """Free ports and a temporary database, so tests never touch `make run`'s."""
    os.environ["TRACKER_STORE_URL"] = f"sqlite:///{tmp_path_factory.mktemp('db') / 'tracker.db'}"
    servers.use_free_ports()
    yield


@pytest.fixture(scope="session", autouse=True)
def naamherkenning_geladen():
    """deduce's names load in the background (about 2 s); every test sees the
    redaction as a server does once it is ready, whatever order tests run in."""
    assert naamherkenning.wacht(120), "deduce laadt niet: zie de waarschuwing in het log"
