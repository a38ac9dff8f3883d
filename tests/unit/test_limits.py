"""The limits of every channel (bot/channels/limits.py): what is read of a
long message, the rate limits per conversation and per address, and what
the worker is told."""
import asyncio
import uuid
from typing import Any, Dict, List, Tuple

import aiohttp
import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic import Sanic
from sanic.touchup.service import TouchUp

from bot import servers
from bot.channels import limits
from bot.channels.rest import SecuredRestInput


def test_a_long_text_is_cut_at_a_space_so_no_word_is_cut_in_two():
    tekst = "ze belt met 0612345678 " * 200
    kort = limits.inkorten(tekst, 3000)
    assert len(kort) <= 3000 and tekst.startswith(kort + " ")


def test_a_text_without_spaces_is_cut_hard_and_a_short_one_stays():
    assert limits.inkorten("x" * 5000, 3000) == "x" * 3000
    assert limits.inkorten("hallo", 3000) == "hallo"


def test_a_long_message_is_read_up_to_the_cap_after_a_kind_notice(monkeypatch):
    monkeypatch.setenv("MAX_MESSAGE_CHARS", "3000")
    gelezen = []

    async def on_new_message(message):
        gelezen.append(message.text)
        await message.output_channel.send_text_message(message.sender_id, "antwoord")

    uit = CollectingOutputChannel()
    asyncio.run(limits.capped(on_new_message)(UserMessage("woord " * 4999 + "woord!", uit, "iemand")))
    assert [m["text"] for m in uit.messages] == [
        "Je bericht is erg lang (30.000 tekens). Ik lees alleen de eerste 3.000 tekens. "
        "Stuur de rest gerust in een volgend bericht; we gaan verder waar we waren.", "antwoord"]
    assert len(gelezen[0]) <= 3000


def test_a_message_within_the_cap_passes_unchanged():
    gelezen = []

    async def on_new_message(message):
        gelezen.append(message.text)

    asyncio.run(limits.capped(on_new_message)(UserMessage("hallo", CollectingOutputChannel(), "iemand")))
    assert gelezen == ["hallo"]


def test_a_conversation_over_the_rate_limit_gets_a_kind_notice_and_others_go_on(monkeypatch):
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "3")
    gelezen = []

    async def on_new_message(message):
        gelezen.append((message.sender_id, message.text))

    handle = limits.capped(on_new_message)
    uit = CollectingOutputChannel()

    async def scenario():
        for n in range(5):
            await handle(UserMessage(f"bericht {n}", uit, "snel"))
        await handle(UserMessage("hallo", uit, "rustig"))

    asyncio.run(scenario())
    assert gelezen == [("snel", "bericht 0"), ("snel", "bericht 1"), ("snel", "bericht 2"), ("rustig", "hallo")]
    assert [(m["recipient_id"], m["text"]) for m in uit.messages] == [("snel", limits.TE_SNEL)] * 2
    assert limits.TE_SNEL.startswith("Je stuurt veel berichten kort na elkaar.")


def test_the_rate_limit_counts_only_the_last_minute():
    nu = [1000.0]
    tempo = limits.Tempo(klok=lambda: nu[0])
    assert [tempo.te_snel("a", 2) for _ in range(3)] == [False, False, True]
    nu[0] += 61
    assert tempo.te_snel("a", 2) is False
    assert list(tempo.tijden) == ["a"]


# --- per address (REST channel and widget socket) ----------------------------------------------
def test_the_client_address_is_the_peer_unless_the_peer_is_a_trusted_proxy(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "")
    assert limits.client_address("203.0.113.7", "198.51.100.1") == "203.0.113.7"  # nobody trusted: header ignored
    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1, 10.1.0.0/16")
    assert limits.client_address("203.0.113.7", "198.51.100.1") == "203.0.113.7"  # not a proxy: header ignored
    assert limits.client_address("127.0.0.1", "198.51.100.1") == "198.51.100.1"
    assert limits.client_address("127.0.0.1", None) == "127.0.0.1"


def test_a_forged_forwarded_for_cannot_choose_the_address(monkeypatch):
    """A client writes what it likes into the header; each trusted proxy
    appends the address it was called from, so the right-most untrusted one counts."""
    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1,10.1.0.0/16")
    assert limits.client_address("127.0.0.1", "1.2.3.4, 198.51.100.1") == "198.51.100.1"
    assert limits.client_address("127.0.0.1", "1.2.3.4, 198.51.100.1, 10.1.2.3") == "198.51.100.1"
    assert limits.client_address("127.0.0.1", "10.1.2.3") == "10.1.2.3"


def test_an_unreadable_trusted_proxies_stops_the_start_with_a_dutch_reason(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1, nginx.intern")
    assert (limits.configuration_problem() or "").startswith("Niet gestart: TRUSTED_PROXIES bevat iets")
    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1 ::1 10.0.0.0/8")
    assert limits.configuration_problem() is None


def test_an_address_over_its_limit_is_refused_whatever_conversations_it_uses(monkeypatch):
    monkeypatch.setenv("RATE_LIMIT_PER_ADDRESS_PER_MINUTE", "2")
    monkeypatch.setenv("TRUSTED_PROXIES", "")
    nu = [0.0]
    adressen = limits.AdresTempo(klok=lambda: nu[0])
    assert [adressen.te_snel("203.0.113.7", None) for _ in range(3)] == [False, False, True]
    assert adressen.te_snel("203.0.113.8", None) is False
    nu[0] += 61
    assert adressen.te_snel("203.0.113.7", None) is False
    monkeypatch.setenv("RATE_LIMIT_PER_ADDRESS_PER_MINUTE", "0")
    assert not any(adressen.te_snel("203.0.113.9", None) for _ in range(500))


@pytest.fixture
def sanic_in_dit_proces(monkeypatch):
    """Sanic 21.12 starts a second server in one process only in test mode, and
    its TouchUp can rewrite `Http.send` only once per process: a second rewrite
    (after tests/integratie/test_rest.py's server, in the full run) fails with
    KeyError 'send'. The rewrite already made is then kept."""
    monkeypatch.setattr(Sanic, "test_mode", True)
    herschrijf = TouchUp.run.__func__

    def eenmaal(cls, app):
        try:
            herschrijf(cls, app)
        except KeyError:
            pass

    monkeypatch.setattr(TouchUp, "run", classmethod(eenmaal))


async def _rest_berichten(verzoeken: List[Tuple[str, Dict[str, str]]]) -> List[Tuple[int, Any]]:
    """Post each (sender, headers) to Rasa's REST channel with ours around it,
    served by Sanic on 127.0.0.1; the conversation answers "antwoord"."""
    async def on_new_message(message):
        await message.output_channel.send_text_message(message.sender_id, "antwoord")

    app = Sanic(f"rest-{uuid.uuid4().hex}")
    app.blueprint(SecuredRestInput().blueprint(on_new_message), url_prefix="/webhooks/rest")
    port = servers.free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    await server.startup()
    uitkomsten = []
    try:
        async with aiohttp.ClientSession() as sessie:
            for sender, headers in verzoeken:
                async with sessie.post(f"http://127.0.0.1:{port}/webhooks/rest/webhook", headers=headers,
                                       json={"sender": sender, "message": "hallo"}) as antwoord:
                    uitkomsten.append((antwoord.status, await antwoord.json()))
    finally:
        server.close()
        await server.wait_closed()
    return uitkomsten


def test_the_rest_channel_answers_an_address_over_its_limit_with_a_kind_notice(monkeypatch, sanic_in_dit_proces):
    monkeypatch.setenv("RATE_LIMIT_PER_ADDRESS_PER_MINUTE", "2")
    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1")
    achter_proxy = [(f"gesprek-{n}", {"X-Forwarded-For": "198.51.100.1"}) for n in range(3)]
    uitkomsten = asyncio.run(_rest_berichten([*achter_proxy, ("ander", {"X-Forwarded-For": "198.51.100.2"})]))
    assert [status for status, _ in uitkomsten] == [200] * 4
    assert [body[0]["text"] for _, body in uitkomsten] == ["antwoord", "antwoord", limits.TE_DRUK, "antwoord"]
    assert uitkomsten[2][1] == [{"recipient_id": "gesprek-2", "text": limits.TE_DRUK}]


def test_the_rest_channel_ignores_forwarded_for_from_an_untrusted_peer(monkeypatch, sanic_in_dit_proces):
    monkeypatch.setenv("RATE_LIMIT_PER_ADDRESS_PER_MINUTE", "2")
    monkeypatch.setenv("TRUSTED_PROXIES", "")
    vervalst = [(f"gesprek-{n}", {"X-Forwarded-For": f"198.51.100.{n}"}) for n in range(3)]
    teksten = [body[0]["text"] for _, body in asyncio.run(_rest_berichten(vervalst))]
    assert teksten == ["antwoord", "antwoord", limits.TE_DRUK]


def test_a_rate_limit_of_0_lets_every_message_through(monkeypatch):
    monkeypatch.setenv("RATE_LIMIT_PER_MINUTE", "0")
    gelezen = []

    async def on_new_message(message):
        gelezen.append(message.text)

    handle = limits.capped(on_new_message)
    uit = CollectingOutputChannel()

    async def scenario():
        for n in range(40):
            await handle(UserMessage(f"bericht {n}", uit, "bench"))

    asyncio.run(scenario())
    assert len(gelezen) == 40 and uit.messages == []
