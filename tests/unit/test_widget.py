"""The widget channel's pieces that need no server: which conversation ids
a widget may use, the history it gets back after a reload, and the limit
per address of its socket handlers."""
import asyncio
from types import SimpleNamespace
from typing import Any, List, Tuple

import pytest
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from sanic.compat import Header
from socketio.exceptions import ConnectionRefusedError as SocketRefused

from bot.channels import limits
from bot.channels.widget import WidgetInput, geldige_sessie, geschiedenis, verlopen


def test_only_the_widgets_own_ids_are_accepted():
    assert geldige_sessie("0123456789abcdef0123456789abcdef")
    for other in ("4242", "tg-0123456789abcdef0123456789abcdef", "rest-test", "0123456789ABCDEF0123456789ABCDEF",
                  "0123456789abcdef0123456789abcdef\n", None, 42, ""):
        assert not geldige_sessie(other), other


def test_history_shows_what_the_user_saw():
    knoppen = [{"title": "Signalen herkennen", "payload": "/signalen_herkennen"},
               {"title": "Vertel meer", "payload": '/meer_vertellen{"onderwerp":"signalen"}'}]
    history = geschiedenis([
        SessionStarted(), ActionExecuted("action_listen"),
        UserUttered("/begroeten"),  # the widget's own opening: not shown
        BotUttered("Hallo!\n\nWaar wil je mee beginnen?", data={"buttons": knoppen}),
        UserUttered("/signalen_herkennen"),  # a click: shown as the button's title
        SlotSet("x", 1),
        BotUttered("Signalen zijn:\n- weinig contact\n- somberheid", data={}),
        UserUttered("mevrouw [NAAM] is <b>eenzaam</b>"),
        BotUttered(None, data={"buttons": knoppen[:1]}),
        UserUttered('/meer_vertellen{"onderwerp":"signalen"}'),  # not a button of the answer before: left out
    ])
    assert history == [
        {"van": "assistent", "text": "Hallo!"},
        {"van": "assistent", "text": "Waar wil je mee beginnen?", "quick_replies": [
            {"content_type": "text", **k} for k in knoppen]},
        {"van": "gebruiker", "text": "Signalen herkennen"},
        {"van": "assistent", "text": "Signalen zijn:\n- weinig contact\n- somberheid"},
        {"van": "gebruiker", "text": "mevrouw [NAAM] is <b>eenzaam</b>"},
        {"van": "assistent", "text": "", "quick_replies": [{"content_type": "text", **knoppen[0]}]},
    ]


def test_history_is_bounded():
    events = [UserUttered(f"vraag {i}") for i in range(500)]
    history = geschiedenis(events)
    assert len(history) == 200 and history[-1]["text"] == "vraag 499"


def test_history_brings_back_custom_payloads_such_as_documents():
    """The widget shows a document again as a card after a reload
    (tests/widget_browser.mjs); here the channel's part: the payload comes
    back as it was sent, `{"custom": ...}`, after the text before it."""
    document = {"soort": "actieplan", "bestandsnaam": "actieplan-2026-11-23.md", "mime": "text/markdown",
                "markdown": "# Persoonlijk actieplan\n\n## Doel\n"}
    history = geschiedenis([
        BotUttered("Hier is het actieplan.", data={"custom": document}),
        BotUttered(None, data={"custom": "geen object"}),
    ])
    assert history == [{"van": "assistent", "text": "Hier is het actieplan."},
                       {"van": "assistent", "custom": document}]


def test_a_session_older_than_the_session_expiry_is_not_replayed():
    events = [UserUttered("hallo", timestamp=1000.0), BotUttered("Dag!", timestamp=1001.0)]

    assert verlopen(events, 120, nu=1001.0 + 119 * 60) is False
    assert verlopen(events, 120, nu=1001.0 + 121 * 60) is True
    assert verlopen(events, 0, nu=1001.0 + 10**9) is False  # sessions that never expire
    assert verlopen([], 120, nu=10**9) is False


class Socket:
    """The widget channel's socket.io handlers, with what they emit recorded."""

    def __init__(self, on_new_message):
        kanaal = WidgetInput.from_credentials({"user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered",
                                              "session_persistence": True})
        kanaal.blueprint(on_new_message)
        self.sio = kanaal.sio
        self.handlers = self.sio.handlers["/"]
        self.uit: List[Tuple[str, Any]] = []

        async def emit(event, data=None, room=None, **_):
            self.uit.append((event, data))

        async def enter_room(*_, **__):
            return None

        self.sio.emit, self.sio.enter_room = emit, enter_room

    async def verbind(self, sid: str, peer: str, *doorgestuurd: str) -> bool:
        """Connect from `peer`, with one X-Forwarded-For line per proxy in `doorgestuurd`."""
        headers = Header([("X-Forwarded-For", adres) for adres in doorgestuurd])
        environ = {"HTTP_ORIGIN": ORIGIN, "REMOTE_ADDR": "127.0.0.1",
                   "sanic.request": SimpleNamespace(ip=peer, headers=headers)}
        if doorgestuurd:
            environ["HTTP_X_FORWARDED_FOR"] = doorgestuurd[-1]  # what engineio keeps of them
        return await self.handlers["connect"](sid, environ, None)

    async def zeg(self, sid: str, sessie: str, tekst: str) -> None:
        await self.handlers["session_request"](sid, {"session_id": sessie})
        await self.handlers["user_uttered"](sid, {"message": tekst, "session_id": sessie})


ORIGIN = "https://intranet.example.nl"
SESSIE = "0123456789abcdef0123456789abcdef"


def test_an_address_over_its_limit_gets_a_kind_notice_on_the_widget_socket(monkeypatch):
    monkeypatch.setenv("CORS_ORIGINS", ORIGIN)
    monkeypatch.setenv("RATE_LIMIT_PER_ADDRESS_PER_MINUTE", "3")
    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1")
    gelezen = []

    async def on_new_message(message):
        gelezen.append(message.text)

    socket = Socket(on_new_message)

    async def scenario():
        assert await socket.verbind("a", "127.0.0.1", "198.51.100.1")  # 1: the connection
        for n in range(3):  # 2 and 3 are read, the third is over the limit
            await socket.zeg("a", SESSIE, f"bericht {n}")
        with pytest.raises(SocketRefused) as geweigerd:
            await socket.verbind("b", "127.0.0.1", "198.51.100.1")
        assert geweigerd.value.error_args == {"message": limits.TE_DRUK, "data": {"tijdelijk": True}}
        assert await socket.verbind("c", "127.0.0.1", "198.51.100.2")  # another worker behind the same proxy
        assert await socket.verbind("d", "203.0.113.5", "198.51.100.1")  # a header from an untrusted peer is ignored

    asyncio.run(scenario())
    assert gelezen == ["bericht 0", "bericht 1"]
    assert [data for event, data in socket.uit if event == "bot_uttered"] == [{"text": limits.TE_DRUK}]


def test_behind_a_proxy_and_haproxy_the_widget_counts_each_worker(monkeypatch):
    """HAProxy (option forwardfor) appends its own X-Forwarded-For line after the one of the proxy in front."""
    monkeypatch.setenv("CORS_ORIGINS", ORIGIN)
    monkeypatch.setenv("RATE_LIMIT_PER_ADDRESS_PER_MINUTE", "1")
    monkeypatch.setenv("TRUSTED_PROXIES", "172.30.80.0/24")
    socket = Socket(lambda message: asyncio.sleep(0))

    async def scenario():
        assert await socket.verbind("a", "172.30.80.10", "198.51.100.1", "172.30.80.1")
        assert await socket.verbind("b", "172.30.80.10", "198.51.100.2", "172.30.80.1")  # another worker
        with pytest.raises(SocketRefused):
            await socket.verbind("c", "172.30.80.10", "198.51.100.1", "172.30.80.1")

    asyncio.run(scenario())
