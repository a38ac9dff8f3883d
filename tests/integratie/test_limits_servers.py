"""Bounded work per message with the real servers (bot/channels/limits.py,
issue 19): a 30,000-character message gets a kind Dutch notice and an answer
within seconds, the form it arrived in goes on, another conversation is
answered meanwhile, and a request over the size limit gets 413. Before, the
same message took 57 s and blocked every other conversation."""
from __future__ import annotations

import threading
import time
import uuid
from http.client import HTTPConnection

import pytest

from gedeeld import settings
from kanalen import active_loop, events, rest

BESCHRIJVING = "mevrouw is 81, haar man is vorig jaar overleden, ze komt niet meer buiten, de post stapelt zich op"
LANG = ("ze belt soms met haar dochter --- en verder 1,1,1,1 ...... " * 600)[:30_000]


@pytest.fixture(scope="module")
def rasa(servers_met_logs):
    return servers_met_logs


def test_a_30000_character_message_gets_a_kind_notice_and_the_form_goes_on(rasa):
    sender = f"lang-{uuid.uuid4().hex[:8]}"
    rest(sender, BESCHRIJVING)
    assert active_loop(sender) == "signalering_form"
    begin = time.monotonic()
    answer = rest(sender, LANG)
    seconds = time.monotonic() - begin
    assert answer[0].startswith("Je bericht is erg lang (30.000 tekens). Ik lees alleen de eerste 3.000 tekens."), \
        answer
    assert len(answer) > 1  # and the conversation goes on
    assert seconds < 5, f"{seconds:.1f} s"
    assert active_loop(sender) == "signalering_form"
    stored = [e["text"] for e in events(sender) if e["type"] == "user"]
    assert len(stored) == 2 and len(stored[1]) <= 3000


def test_another_conversation_is_answered_while_a_long_message_is_read(rasa):
    traag = threading.Thread(target=rest, args=(f"lang-{uuid.uuid4().hex[:8]}", LANG))
    traag.start()
    time.sleep(0.05)
    begin = time.monotonic()
    answer = rest(f"kort-{uuid.uuid4().hex[:8]}", "hallo")
    seconds = time.monotonic() - begin
    traag.join()
    assert "digitale assistent" in answer[0]
    assert seconds < 2, f"{seconds:.2f} s"


def test_a_request_over_the_size_limit_gets_413_and_stores_nothing(rasa):
    """Refused on its Content-Length, before the body is read (sending all of
    it would meet a closed connection)."""
    sender = f"groot-{uuid.uuid4().hex[:8]}"
    verbinding = HTTPConnection("127.0.0.1", int(settings.get("RASA_PORT")), timeout=30)
    verbinding.putrequest("POST", "/webhooks/rest/webhook")
    verbinding.putheader("Content-Type", "application/json")
    verbinding.putheader("Content-Length", str(1_200_000))
    verbinding.endheaders(f'{{"sender": "{sender}", "message": "'.encode())
    assert verbinding.getresponse().status == 413
    verbinding.close()
    assert events(sender) == []
