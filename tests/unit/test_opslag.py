"""bot/opslag.py: a tracker store that cannot be read or written raises
instead of giving an empty tracker or an in-memory copy, and the channel
tells the worker so."""
from __future__ import annotations

import asyncio

import pytest
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.exc import OperationalError

from bot import action_outage, opslag
from bot.tracker_store import RedactingSQLTrackerStore


class KapotteStore(RedactingSQLTrackerStore):
    async def retrieve(self, sender_id):
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    async def save(self, tracker):
        raise OperationalError("INSERT", {}, Exception("database is locked"))


@pytest.fixture
def store(tmp_path):
    return Agent._create_tracker_store(KapotteStore(host=f"sqlite:///{tmp_path / 't.db'}"), Domain.empty())


def test_a_failed_retrieve_raises_instead_of_giving_an_empty_tracker(store):
    with pytest.raises(opslag.OpslagNietBereikbaar):
        asyncio.run(store.get_or_create_tracker("gesprek-1"))


def test_a_failed_save_keeps_nothing_in_memory(store):
    tracker = DialogueStateTracker.from_events("gesprek-1", [UserUttered("Mevrouw Jansen, 06-12345678")])
    with pytest.raises(opslag.OpslagNietBereikbaar):
        asyncio.run(store.save(tracker))
    assert store._fallback_tracker_store is None


@pytest.mark.parametrize("storing, melding", [
    (opslag.OpslagNietBereikbaar("OperationalError"), opslag.MELDING),
    (action_outage.ActieserverNietBereikbaar("validate_signalering_form"), action_outage.MELDING),
    (action_outage.ActieMislukt("validate_signalering_form"), action_outage.MISLUKT),
], ids=["database", "actieserver", "actie-mislukt"])
def test_the_worker_reads_a_clear_dutch_message_and_no_answer_of_the_lost_turn(storing, melding):
    async def on_new_message(message):
        await message.output_channel.send_text_message(message.sender_id, "Hoe oud is ze?")
        raise storing

    uit = CollectingOutputChannel()
    asyncio.run(opslag.bewaakt(on_new_message)(UserMessage("ze is 81", uit, "iemand")))
    assert [m["text"] for m in uit.messages] == [melding]
    assert "niet bewaren" in opslag.MELDING and "opnieuw" in opslag.MELDING
    assert "opnieuw" in action_outage.MELDING and "bewaard" in action_outage.MELDING
