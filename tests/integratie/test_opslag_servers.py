"""The tracker store's database out of reach mid-conversation, with the real
servers (bot/opslag.py, issue 19): the worker reads a clear Dutch message,
the lost turn is not stored and runs on no empty tracker, and once the
database is back the form goes on where it was. Before, Rasa's
FailSafeTrackerStore answered from a fresh tracker (the form gone) or kept
the turn in memory only."""
from __future__ import annotations

import asyncio
import uuid

import pytest

from bot.channels import auth
from bot.opslag import MELDING
from kanalen import Widget, active_loop, database_locked, events, http, rasa_url, rest

BESCHRIJVING = "mevrouw is 81, haar man is vorig jaar overleden, ze komt niet meer buiten, de post stapelt zich op"


@pytest.fixture(scope="module")
def rasa(servers_met_logs):
    return servers_met_logs


@pytest.mark.parametrize("mode", ["exclusive", "shared"])
def test_a_locked_database_gets_a_clear_message_and_the_form_goes_on_afterwards(rasa, mode):
    sender = f"opslag-{mode}-{uuid.uuid4().hex[:8]}"
    rest(sender, BESCHRIJVING)
    assert active_loop(sender) == "signalering_form"
    stored_before = events(sender)

    with database_locked(mode):
        answer = rest(sender, "ze heeft een dochter in Zwolle")

    assert answer == [MELDING]
    assert events(sender) == stored_before  # the lost turn is not stored
    assert active_loop(sender) == "signalering_form"
    answer = rest(sender, "ze heeft een dochter in Zwolle")
    assert answer and MELDING not in answer
    assert active_loop(sender) == "signalering_form"
    user_texts = [e["text"] for e in events(sender) if e["type"] == "user"]
    assert user_texts == [BESCHRIJVING, "ze heeft een dochter in Zwolle"]


def test_the_health_endpoint_names_a_locked_database(rasa):
    status, _, answer = http("GET", rasa_url("/webhooks/gezondheid/"))
    assert (status, answer) == (200, {"status": "ok", "database": "ok", "actieserver": "ok",
                                      "redis": "niet ingesteld"})
    with database_locked("exclusive"):
        status, _, answer = http("GET", rasa_url("/webhooks/gezondheid/"))
    assert (status, answer["status"], answer["database"], answer["actieserver"]) == (
        503, "niet bereikbaar", "niet bereikbaar", "ok")


def test_a_failed_save_on_the_widget_is_told_instead_of_the_turns_answers(rasa):
    """The database can be read but not written (SQLite held by a reader): the
    turn runs and its save fails. Before, the widget showed the turn's
    answers and then the failure message."""
    async def scenario():
        widget = Widget()
        assert await widget.connect(auth.allowed_origins()[0])
        sessie, _ = await widget.session()
        try:
            await widget.say(BESCHRIJVING, sessie)
            await widget.rest_van_de_beurt()
            assert active_loop(sessie) == "signalering_form"
            opgeslagen = events(sessie)
            with database_locked("shared"):
                verloren = [(await widget.say("ze heeft een dochter in Zwolle", sessie))["text"],
                            *await widget.rest_van_de_beurt()]
            assert verloren == [MELDING]
            assert events(sessie) == opgeslagen
            daarna = [(await widget.say("ze heeft een dochter in Zwolle", sessie))["text"],
                      *await widget.rest_van_de_beurt()]
            assert daarna and MELDING not in daarna
            assert active_loop(sessie) == "signalering_form"
        finally:
            await widget.close()

    asyncio.run(scenario())
