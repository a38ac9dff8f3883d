"""bot/opslag.py: a tracker store that cannot be read or written raises
instead of giving an empty tracker or an in-memory copy, and the channel
tells the worker so, instead of the answers of the lost turn (but never
instead of its crisis routes)."""
from __future__ import annotations

import asyncio
from typing import Callable, List, Optional, Tuple

import pytest
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.exc import OperationalError

from actions.kennis.kennisbank import kennisbank
from bot import action_outage, opslag
from bot.channels import telegram
from bot.channels.telegram import TelegramAntwoord
from bot.channels.widget import WidgetOutput
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


# --- a turn's answers are held until it is stored (bot/channels/held.py) ----------------------
class FakeSocket:
    def __init__(self):
        self.uit: List[str] = []

    async def emit(self, event, data=None, room=None, **_):
        self.uit.append(data["text"])


class FakeTelegram:
    def __init__(self):
        self.uit: List[str] = []

    async def send_message(self, chat_id, text, reply_markup=None, **_):
        self.uit.append(text)


def kanaal(naam: str) -> Tuple[OutputChannel, Callable[[], List[str]]]:
    """A channel's real output, and what the worker has seen of it so far."""
    if naam == "widget":
        socket = FakeSocket()
        return WidgetOutput(socket, "bot_uttered"), lambda: list(socket.uit)
    if naam == "telegram":
        app = FakeTelegram()
        return TelegramAntwoord(app, 4242, telegram.KnopGeheugen()), lambda: list(app.uit)
    rest = CollectingOutputChannel()
    return rest, lambda: [m["text"] for m in rest.messages]


def beurt(naam: str, antwoorden: List[str], storing: Optional[BaseException] = None) -> Tuple[List[str], List[str]]:
    """What the worker saw while the turn ran (until the save), and in the end,
    when Rasa sends `antwoorden` as it does (`send_response`) and then the
    save raises `storing`."""
    uit, gezien = kanaal(naam)
    tijdens: List[str] = []

    async def on_new_message(message):
        for antwoord in antwoorden:
            await message.output_channel.send_response(message.sender_id, {"text": antwoord})
        tijdens.extend(gezien())
        if storing is not None:
            raise storing

    asyncio.run(opslag.bewaakt(on_new_message)(UserMessage("ze is 81", uit, "iemand")))
    return tijdens, gezien()


KANALEN = ["widget", "telegram", "rest"]


@pytest.mark.parametrize("naam", KANALEN)
def test_the_answers_of_a_stored_turn_reach_the_worker_once_it_is_stored(naam):
    tijdens, daarna = beurt(naam, ["Dank je.", "Heeft ze familie in de buurt?"])
    assert (tijdens, daarna) == ([], ["Dank je.", "Heeft ze familie in de buurt?"])


@pytest.mark.parametrize("naam", KANALEN)
def test_a_failed_save_is_told_instead_of_the_turns_answers(naam):
    """Before, the widget and Telegram showed "Heeft ze familie in de buurt?" and then the failure."""
    storing = opslag.OpslagNietBereikbaar("OperationalError")
    _, gezien = beurt(naam, ["Dank je.", "Heeft ze familie in de buurt?"], storing)
    assert gezien == [opslag.MELDING]


@pytest.mark.parametrize("naam", KANALEN)
@pytest.mark.parametrize("storing", [opslag.OpslagNietBereikbaar("OperationalError"),
                                     action_outage.ActieMislukt("action_na_de_crisis")], ids=["opslag", "actie"])
def test_the_crisis_routes_of_a_lost_turn_still_reach_the_worker(naam, storing):
    crisis = kennisbank().crisis_antwoord(None).tekst
    _, gezien = beurt(naam, [crisis, "Wil je daarna verder waar we waren?"], storing)
    assert gezien == [opslag.BIJ_CRISIS, crisis]
    assert "112" in crisis and "113" in crisis


@pytest.mark.parametrize("tekst, storing", [
    ("ze wil niet meer leven", opslag.OpslagNietBereikbaar("OperationalError")),
    ("ze wil niet meer leven", action_outage.ActieserverNietBereikbaar("validate_signalering_form")),
    ("help, wat moet ik doen", action_outage.ActieserverNietBereikbaar("action_crisis")),
    ("help, wat moet ik doen", action_outage.ActieMislukt("action_crisis")),
], ids=["database-weg", "actieserver-weg-in-formulier", "crisisactie-onbereikbaar", "crisisactie-mislukt"])
def test_a_lost_turn_that_could_not_give_the_crisis_routes_still_gives_them(tekst, storing):
    """Before, a worker in acute danger read only "probeer het over een paar minuten opnieuw"."""
    async def on_new_message(message):
        raise storing

    uit = CollectingOutputChannel()
    asyncio.run(opslag.bewaakt(on_new_message)(UserMessage(tekst, uit, "iemand")))
    assert [m["text"] for m in uit.messages] == [opslag.BIJ_CRISIS, kennisbank().crisis_antwoord(None).tekst]
