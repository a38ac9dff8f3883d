"""The REST channel (bot/channels/rest.py) hands a document over unchanged.

No dialogue sends a document yet, so the channel runs here in its own Sanic
server, in a thread of this process, and gets its answer the way Rasa's
processor hands over an action's message (`output_channel.send_response`
with the text and the `json_message` as `custom`). The secured set-up with
the real servers is in tests/integratie/test_api_beveiliging.py."""
from __future__ import annotations

import asyncio
import threading
import uuid

import pytest
from sanic import Sanic

from bot import servers
from bot.channels.rest import SecuredRestInput
from kanalen import ACTIEPLAN, http, omgeving

TOKEN = "rest-token-" + uuid.uuid4().hex


@pytest.fixture(scope="module")
def webhook():
    """The URL of a REST channel whose answer is a summary and the document.
    One Sanic app for the module: Sanic 21.12 fails to start a second app's
    server in the same process."""
    async def on_new_message(message):
        await message.output_channel.send_response(
            message.sender_id, {"text": "Hier is het actieplan.", "custom": dict(ACTIEPLAN)})

    app = Sanic(f"rest-{uuid.uuid4().hex}")
    app.blueprint(SecuredRestInput().blueprint(on_new_message), url_prefix="/webhooks/rest")
    port = servers.free_port()
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True))
    loop.run_until_complete(server.startup())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=10)
    server.close()
    loop.run_until_complete(server.wait_closed())
    loop.close()


def post(url):
    status, _, answer = http("POST", url, {"sender": "rest-test", "message": "maak het actieplan"})
    return status, answer


def test_a_document_passes_through_unchanged_as_custom(webhook):
    with omgeving(API_TOKEN="", JWT_SECRET=""):
        status, answer = post(webhook)
    assert status == 200
    assert answer == [{"recipient_id": "rest-test", "text": "Hier is het actieplan."},
                      {"recipient_id": "rest-test", "custom": ACTIEPLAN}]


def test_a_document_needs_the_token_like_any_answer(webhook):
    with omgeving(API_TOKEN=TOKEN, JWT_SECRET=""):
        assert post(webhook)[0] == 401
        status, answer = post(f"{webhook}?token={TOKEN}")
    assert status == 200 and answer[1]["custom"] == ACTIEPLAN
