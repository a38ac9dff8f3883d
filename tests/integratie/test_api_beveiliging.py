"""The secured set-up: API_TOKEN, JWT_SECRET, WIDGET_JWT_SECRET and
CORS_ORIGINS set as an organisation would in `.env`, the servers started as
`make run` starts them. A missing or wrong token gets 401 from the REST
channel and the HTTP API and leaves the tracker database untouched; only the
configured origin gets CORS headers or a widget socket."""
from __future__ import annotations

import asyncio
import re
import time
import uuid
from email.message import Message
from typing import cast

import jwt
import pytest

from bot import servers, shell
from bot.channels import launch
from kanalen import Widget, events, http, model_voor_kanalen, omgeving, rasa_url

TOKEN = "api-token-" + uuid.uuid4().hex
JWT_SECRET = "jwt-geheim-" + uuid.uuid4().hex
WIDGET_SECRET = "widget-geheim-" + uuid.uuid4().hex
INTRANET = "https://intranet.voorbeeldstad.nl"
ELDERS = "https://elders.example.com"


@pytest.fixture(scope="module")
def rasa(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("beveiligd")
    with servers.own_ports(), omgeving(
            TRACKER_STORE_URL=f"sqlite:///{tmp / 'tracker.db'}", API_TOKEN=TOKEN, JWT_SECRET=JWT_SECRET,
            WIDGET_JWT_SECRET=WIDGET_SECRET, CORS_ORIGINS=f"{INTRANET}, http://localhost:1"):
        with servers.running(model_voor_kanalen(), log_dir=tmp):
            yield tmp


def token_jwt(secret=JWT_SECRET, **user):
    return jwt.encode({"user": user, "exp": int(time.time()) + 3600}, secret, algorithm="HS256")


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def rest(sender, query="", headers=None, message="hallo"):
    return http("POST", rasa_url(f"/webhooks/rest/webhook{query}"), {"sender": sender, "message": message}, headers)


def new_sender():
    return f"beveiligd-{uuid.uuid4().hex[:8]}"


# ---- REST channel ----

WRONG = {
    "no token": ("", None),
    "wrong token": ("?token=fout", None),
    "token of another length": (f"?token={TOKEN}x", None),
    "JWT signed with another secret": ("", bearer(token_jwt("ander-geheim", username="x", role="admin"))),
    "expired JWT": ("", bearer(jwt.encode({"user": {"role": "admin"}, "exp": int(time.time()) - 60},
                                          JWT_SECRET, algorithm="HS256"))),
    "JWT without exp": ("", bearer(jwt.encode({"user": {"role": "admin"}}, JWT_SECRET, algorithm="HS256"))),
    "not a JWT": ("", {"Authorization": "Bearer abc.def.ghi"}),
    "token in the header instead": ("", {"Authorization": f"Bearer {TOKEN}"}),
}


@pytest.mark.parametrize("case", list(WRONG))
def test_rest_with_a_wrong_token_gets_401_and_touches_no_conversation(rasa, case):
    query, headers = WRONG[case]
    sender = new_sender()
    status, _, answer = rest(sender, query, headers)
    assert status == 401, answer
    assert answer["reason"] == "NotAuthenticated"
    assert events(sender) == []


def test_rest_jwt_of_another_user_gets_403_and_touches_nothing(rasa):
    sender = new_sender()
    status, _, _ = rest(sender, headers=bearer(token_jwt(username="iemand-anders", role="user")))
    assert status == 403
    assert events(sender) == []


@pytest.mark.parametrize("how", ["token", "admin JWT", "own user JWT"])
def test_rest_with_the_right_token_or_jwt_answers_in_dutch(rasa, how):
    sender = new_sender()
    query, headers = {
        "token": (f"?token={TOKEN}", None),
        "admin JWT": ("", bearer(token_jwt(username="beheer", role="admin"))),
        "own user JWT": ("", bearer(token_jwt(username=sender, role="user"))),
    }[how]
    status, _, answer = rest(sender, query, headers)
    assert status == 200
    assert "digitale assistent, geen mens" in answer[0]["text"]
    assert [e["text"] for e in events(sender) if e["type"] == "user"] == ["hallo"]


# ---- the terminal (bot/shell.py) ----

@pytest.mark.parametrize("configured", ["token", "only a JWT secret"])
def test_the_terminal_talks_to_the_secured_rest_channel(rasa, configured):
    """`make shell` sends the token, or a JWT for its own conversation, and
    typing a button's number sends that button."""
    sender = new_sender()
    with omgeving(API_TOKEN=TOKEN if configured == "token" else ""):
        greeting, buttons = shell.weergave(shell.stuur(sender, "hallo"))
        number = next(str(i) for i, b in enumerate(buttons, 1) if b["title"] == "Signalen herkennen")
        answer, _ = shell.weergave(shell.stuur(sender, shell.te_sturen(number, buttons)))
    assert "digitale assistent, geen mens" in "\n".join(greeting)
    assert f"  {number}. Signalen herkennen" in greeting
    assert "signa" in "\n".join(answer).lower()
    assert [e["text"] for e in events(sender) if e["type"] == "user"][0] == "hallo"


# ---- HTTP API ----

def test_http_api_requires_the_token(rasa):
    sender = new_sender()
    for query, headers in [("", None), ("?token=fout", None),
                           ("", bearer(token_jwt("ander-geheim", username="x", role="admin")))]:
        status, _, _ = http("GET", rasa_url(f"/conversations/{sender}/tracker{query}"), headers=headers)
        assert status == 401
        status, _, _ = http("POST", rasa_url(f"/conversations/{sender}/messages{query}"),
                            {"text": "hallo", "sender": "user"}, headers)
        assert status == 401
        status, _, _ = http("POST", rasa_url(f"/model/parse{query}"), {"text": "hallo"}, headers)
        assert status == 401
    assert events(sender) == []
    status, _, tracker = http("GET", rasa_url(f"/conversations/{sender}/tracker?token={TOKEN}"))
    assert status == 200 and tracker["sender_id"] == sender
    status, _, tracker = http("GET", rasa_url(f"/conversations/{sender}/tracker"),
                              headers=bearer(token_jwt(username="beheer", role="admin")))
    assert status == 200


# ---- CORS ----

def preflight(origin, path="/webhooks/rest/webhook"):
    return http("OPTIONS", rasa_url(path), headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})


def test_cors_allows_only_the_configured_origins(rasa):
    _, headers, _ = preflight(INTRANET)
    assert headers.get_all("Access-Control-Allow-Origin") == [INTRANET]
    for origin in (ELDERS, "http://127.0.0.1:8005", "null"):
        _, headers, _ = preflight(origin)
        assert headers.get("Access-Control-Allow-Origin") is None, origin
        _, headers, _ = http("GET", rasa_url("/"), headers={"Origin": origin})
        assert headers.get("Access-Control-Allow-Origin") is None, origin


def test_socket_polling_has_one_cors_header_for_the_intranet_and_none_for_others(rasa):
    _, headers, _ = http("GET", rasa_url("/socket.io/?EIO=4&transport=polling"), headers={"Origin": INTRANET})
    # kanalen.http gives the response's headers (an email Message), typed as a dict
    assert cast(Message, headers).get_all("Access-Control-Allow-Origin") == [INTRANET]
    _, headers, _ = http("GET", rasa_url("/socket.io/?EIO=4&transport=polling"), headers={"Origin": ELDERS})
    assert headers.get("Access-Control-Allow-Origin") is None


# ---- the widget's socket ----

WIDGET_JWT = jwt.encode({"sub": "intranet-gebruiker", "exp": int(time.time()) + 3600}, WIDGET_SECRET, algorithm="HS256")


@pytest.mark.parametrize("origin,token", [
    (ELDERS, WIDGET_JWT),
    (None, WIDGET_JWT),
    (INTRANET, None),
    (INTRANET, jwt.encode({"sub": "x", "exp": int(time.time()) + 3600}, "ander-geheim", algorithm="HS256")),
])
def test_widget_socket_refuses_other_origins_and_missing_jwt(rasa, origin, token):
    async def scenario():
        widget = Widget()
        accepted = await widget.connect(origin, token)
        await widget.close()
        assert not accepted

    asyncio.run(scenario())


def test_widget_socket_keeps_its_own_conversation_and_sends_the_history(rasa):
    async def scenario():
        first = Widget()
        assert await first.connect(INTRANET, WIDGET_JWT)
        # an id that is not the widget's own (a Telegram or REST conversation) is replaced
        session_id, history = await first.session("4242")
        assert re.fullmatch(r"[0-9a-f]{32}", session_id) and history == {"session_id": session_id, "messages": []}
        answer = await first.say("hallo", session_id)
        assert "digitale assistent, geen mens" in answer["text"]
        # a message for another conversation than the socket's own is ignored
        other = uuid.uuid4().hex
        await first.client.emit("user_uttered", {"message": "hallo", "session_id": other})
        await asyncio.sleep(1)
        await first.close()

        second = Widget()
        assert await second.connect(INTRANET, WIDGET_JWT)
        again, history = await second.session(session_id)
        await second.close()
        return session_id, other, again, history

    session_id, other, again, history = asyncio.run(scenario())
    assert again == session_id
    messages = history["messages"]
    assert messages[0] == {"van": "gebruiker", "text": "hallo"}
    assert "digitale assistent, geen mens" in messages[1]["text"]
    assert [b["title"] for b in messages[-1]["quick_replies"]][:1] == ["Signalen herkennen"]
    assert events(other) == [] and events("4242") == []
    stored = [e for e in events(session_id) if e["type"] == "user"]
    assert {k: stored[0]["metadata"].get(k) for k in ("kanaal", "rol")} == {"kanaal": "widget", "rol": "professional"}


# ---- refusing an open API on the network ----

def test_launch_refuses_an_open_api_on_another_interface(capsys):
    with omgeving(SERVER_INTERFACE="0.0.0.0", API_TOKEN="", JWT_SECRET=""):
        assert launch.main(["run", "--model", "geen"]) == 2
    assert "API_TOKEN" in capsys.readouterr().err


def test_launch_adds_token_jwt_and_origins_without_a_command_line():
    with omgeving(API_TOKEN="t", JWT_SECRET="j", JWT_METHOD="HS256", CORS_ORIGINS="https://a.nl https://b.nl/"):
        extra = launch.extra_arguments()
    assert extra == ["--cors", "https://a.nl", "https://b.nl", "--auth-token", "t",
                     "--jwt-secret", "j", "--jwt-method", "HS256"]
    assert [launch.is_loopback(i) for i in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "10.0.0.5")] == [
        True, True, True, False, False]
