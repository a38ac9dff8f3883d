"""Telegram for volunteers, end to end: the Rasa server as `make run` starts
it, its Bot API pointed at a fake Telegram server (tests/fake_telegram.py),
updates posted to /webhooks/telegram/webhook as Telegram posts them. The
fake records what the assistant sends; the tracker database shows what was
stored, and under which conversation id."""
from __future__ import annotations

import asyncio
import json

import pytest

from bot import opslag, servers
from bot.channels import telegram
from fake_telegram import FakeTelegram, knop_klik, update
from gedeeld import settings
from kanalen import (
    ACTIEPLAN,
    database_locked,
    events,
    http,
    model_voor_kanalen,
    omgeving,
    rasa_url,
    senders,
)

TOKEN = "123456789:TEST-token_for-the-fake-server"
SECRET = "geheim-van-de-webhook"
CHAT = 4242


@pytest.fixture(scope="module")
def fake():
    server = FakeTelegram(TOKEN).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def rasa(fake, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("telegram")
    with servers.own_ports(), omgeving(
            TRACKER_STORE_URL=f"sqlite:///{tmp / 'tracker.db'}", TELEGRAM_TOKEN=TOKEN,
            TELEGRAM_BOT_NAME=fake.username, TELEGRAM_WEBHOOK_SECRET=SECRET,
            TELEGRAM_API_URL=fake.url,
            TELEGRAM_WEBHOOK_URL=f"http://127.0.0.1:{settings.get('RASA_PORT')}/webhooks/telegram/webhook"):
        with servers.running(model_voor_kanalen(), log_dir=tmp):
            yield tmp


def post_update(body, secret=SECRET):
    headers = {telegram.SECRET_HEADER: secret} if secret is not None else {}
    status, _, answer = http("POST", rasa_url("/webhooks/telegram/webhook"), body, headers)
    return status, answer


def keyboard(message):
    return (message.get("reply_markup") or {}).get("inline_keyboard") or []


def buttons(message):
    return [button for row in keyboard(message) for button in row]


def assert_telegram_limits(messages):
    for message in messages:
        assert len(message["text"]) <= telegram.TEXT_MAX_CHARS
        for button in buttons(message):
            assert 1 <= len(button["callback_data"].encode("utf-8")) <= 64, button


# ---- end to end ----

def test_webhook_is_registered_with_the_secret_on_start(rasa, fake):
    calls = fake.wait_for(lambda: fake.calls_of("setWebhook"), timeout_s=30)
    assert calls[-1]["url"].endswith("/webhooks/telegram/webhook")
    assert calls[-1]["secret_token"] == SECRET
    assert json.loads(calls[-1]["allowed_updates"]) == ["message", "edited_message", "callback_query"]
    assert fake.calls_of("getMe")


def test_start_greets_with_an_inline_keyboard(rasa, fake):
    status, answer = post_update(update(1, CHAT, "/start"))
    assert (status, answer) == (200, {"status": "success"})
    messages = fake.wait_for(lambda: fake.messages_to(CHAT))
    assert "digitale assistent, geen mens" in messages[0]["text"]
    titles = [b["text"] for b in buttons(messages[-1])]
    assert "Signalen herkennen" in titles
    assert all(len(row) == 1 for row in keyboard(messages[-1])), "one button a row, readable on a phone"
    assert_telegram_limits(messages)


def test_button_click_is_acknowledged_and_answered(rasa, fake):
    greeting = fake.wait_for(lambda: [m for m in fake.messages_to(CHAT) if buttons(m)])[-1]
    signals = next(b for b in buttons(greeting) if b["text"] == "Signalen herkennen")
    before = len(fake.messages_to(CHAT))
    status, _ = post_update(knop_klik(2, CHAT, signals["callback_data"], keyboard(greeting)))
    assert status == 200
    answers = fake.wait_for(lambda: fake.messages_to(CHAT)[before:])
    assert "signa" in " ".join(m["text"] for m in answers).lower()
    assert "cb2" in [c["callback_query_id"] for c in fake.calls_of("answerCallbackQuery")]
    assert_telegram_limits(answers)


def test_forgotten_long_payload_falls_back_to_the_button_title(rasa, fake):
    """After a restart the server no longer knows a hashed callback: the
    button's title, which Telegram sends back with the click, is used."""
    data = "k:" + "0" * 32
    before = len(fake.messages_to(CHAT))
    status, _ = post_update(knop_klik(3, CHAT, data, [[{"text": "Signalen herkennen", "callback_data": data}]]))
    assert status == 200
    answers = fake.wait_for(lambda: fake.messages_to(CHAT)[before:])
    assert "signa" in " ".join(m["text"] for m in answers).lower()


def test_safety_message_gets_the_crisis_lines(rasa, fake):
    before = len(fake.messages_to(CHAT))
    post_update(update(4, CHAT, "ze wil niet meer leven"))
    answers = fake.wait_for(lambda: fake.messages_to(CHAT)[before:])
    assert "0800-0113" in " ".join(m["text"] for m in answers)
    assert_telegram_limits(answers)


def test_conversation_is_stored_under_a_pseudonym_with_the_volunteer_role(rasa, fake):
    fake.wait_for(lambda: fake.messages_to(CHAT))
    conversation = telegram.gesprek_id(CHAT, TOKEN)
    assert str(CHAT) not in senders()
    user_events = [e for e in events(conversation) if e["type"] == "user"]
    assert user_events, senders()
    assert user_events[0]["text"] == "/begroeten"
    assert all(e["input_channel"] == "telegram" for e in user_events)
    assert all({k: e["metadata"].get(k) for k in ("kanaal", "rol")} == {"kanaal": "telegram", "rol": "vrijwilliger"}
               for e in user_events)


def test_a_resent_update_is_handled_once(rasa, fake):
    body = update(5, CHAT, "dank je")
    before = len(fake.messages_to(CHAT))
    assert post_update(body)[0] == 200
    fake.wait_for(lambda: fake.messages_to(CHAT)[before:])
    handled = len(fake.messages_to(CHAT))
    assert post_update(body) == (200, {"status": "duplicate"})
    assert len(fake.messages_to(CHAT)) == handled
    assert sum(e.get("text") == "dank je" for e in events(telegram.gesprek_id(CHAT, TOKEN))) == 1


def test_a_failed_save_is_told_instead_of_the_answers_and_crisis_lines_still_come(rasa, fake):
    """The database can be read but not written: the turn runs, its save
    fails. Before, the volunteer got the turn's answers and then the failure
    message; now only the failure message, and for acute danger the crisis
    lines after it."""
    chat = 5050
    post_update(update(901, chat, "/start"))
    fake.wait_for(lambda: fake.messages_to(chat))
    with database_locked("shared"):
        before = len(fake.messages_to(chat))
        assert post_update(update(902, chat, "hoe herken ik eenzaamheid?"))[0] == 200
        verloren = [m["text"] for m in fake.messages_to(chat)[before:]]
        before = len(fake.messages_to(chat))
        assert post_update(update(903, chat, "ze wil niet meer leven"))[0] == 200
        crisis = [m["text"] for m in fake.messages_to(chat)[before:]]
    assert verloren == [opslag.MELDING]
    assert len(crisis) == 2 and crisis[0] == opslag.BIJ_CRISIS
    assert "0800-0113" in crisis[1] and "112" in crisis[1]
    assert not [e for e in events(telegram.gesprek_id(chat, TOKEN)) if e.get("text") in (
        "hoe herken ik eenzaamheid?", "ze wil niet meer leven")]


@pytest.mark.parametrize("body", [b"dit is geen json", b"[1, 2]", b"{}", json.dumps({"update_id": 77}).encode()])
def test_malformed_updates_get_200(rasa, body):
    status, _ = post_update(body)
    assert status == 200


def test_failures_while_answering_still_get_200(rasa, fake):
    """Telegram's own API fails on sending: the webhook still answers 200 (a
    500 would make Telegram resend the update again and again)."""
    fake.failing_chats.add(666)
    status, answer = post_update(update(6, 666, "hallo"))
    assert (status, answer) == (200, {"status": "success"})
    assert fake.wait_for(lambda: fake.messages_to(666))  # it tried


def test_only_private_chats_are_answered_and_only_text_is_read(rasa, fake):
    assert post_update(update(7, -100200, "hallo", chat_type="group"))[0] == 200
    assert post_update(update(8, 777, None, sticker={"file_id": "x", "file_unique_id": "y", "width": 1,
                                                     "height": 1, "is_animated": False}))[0] == 200
    answers = fake.wait_for(lambda: fake.messages_to(777))
    assert answers[0]["text"] == telegram.ALLEEN_TEKST
    assert fake.messages_to(-100200) == []
    assert events(telegram.gesprek_id(-100200, TOKEN)) == []


def test_updates_without_the_secret_are_refused_and_touch_nothing(rasa, fake):
    for secret in (None, "fout"):
        status, _ = post_update(update(9, 888, "hallo"), secret=secret)
        assert status == 403
    assert fake.messages_to(888) == []
    assert events(telegram.gesprek_id(888, TOKEN)) == []


def test_channel_is_off_without_a_token():
    channel = telegram.TelegramInput.from_credentials({"access_token": ""})
    assert not channel.enabled


# ---- the output channel against the fake server, without Rasa ----

LONG_PAYLOAD = '/meer_vertellen{"onderwerp":"signalen_bij_mensen_met_een_licht_verstandelijke_beperking"}'


def test_long_payloads_become_short_callback_data_and_come_back(fake):
    async def scenario():
        channel = telegram.TelegramInput(TOKEN, api_url=fake.url)
        out = telegram.TelegramAntwoord(channel.bot(), 5151, channel.knoppen)
        try:
            await out.send_text_with_buttons("tg-x", "Kies", [
                {"title": "Vertel meer over een heel lang onderwerp", "payload": LONG_PAYLOAD},
                {"title": "Menu", "payload": "/wat_kun_je"}])
            await out.send_text_message("tg-x", "x" * 5000)
        finally:
            await channel.bot().session.close()
        return channel

    assert len(LONG_PAYLOAD.encode()) > 64
    channel = asyncio.run(scenario())
    sent = fake.messages_to(5151)
    assert_telegram_limits(sent)
    data = [b["callback_data"] for b in buttons(sent[0])]
    assert data[1] == "/wat_kun_je"
    assert data[0].startswith("k:") and len(data[0]) <= 64
    assert channel.knoppen.payload(data[0], {}) == LONG_PAYLOAD
    assert [len(m["text"]) for m in sent[1:]] == [4096, 904]


def test_button_memory_is_bounded_and_falls_back_to_titles():
    memory = telegram.KnopGeheugen(capacity=2)
    keys = [memory.callback_data("/x" + "y" * 70 + str(i)) for i in range(3)]
    assert memory.payload(keys[2], {}) == "/x" + "y" * 70 + "2"
    assert memory.payload(keys[0], {keys[0]: "Titel"}) == "Titel"
    assert memory.payload(keys[0], {}) is None
    assert memory.callback_data("k:looks-like-ours").startswith("k:") and memory.payload(
        memory.callback_data("k:looks-like-ours"), {}) == "k:looks-like-ours"


def test_conversation_ids_do_not_show_the_chat_id():
    assert telegram.gesprek_id(CHAT, TOKEN) == telegram.gesprek_id("4242", TOKEN)
    assert telegram.gesprek_id(CHAT, TOKEN) != telegram.gesprek_id(CHAT, TOKEN + "x")
    assert str(CHAT) not in telegram.gesprek_id(CHAT, TOKEN)


# ---- documents (bot/channels/document.py) ----

def stuur_custom(fake, chat_id, *payloads):
    async def scenario():
        channel = telegram.TelegramInput(TOKEN, api_url=fake.url)
        out = telegram.TelegramAntwoord(channel.bot(), chat_id, channel.knoppen)
        try:
            for payload in payloads:
                await out.send_custom_json("tg-x", payload)
        finally:
            await channel.bot().session.close()

    asyncio.run(scenario())


def test_a_document_arrives_as_a_markdown_file_with_a_dutch_caption(fake):
    stuur_custom(fake, 6161, ACTIEPLAN, {**ACTIEPLAN, "soort": "oefenverslag", "bestandsnaam": "../../verslag.exe"})
    plan, verslag = fake.documents_to(6161)
    assert plan["document"].naam == "actieplan-2026-11-23.md"
    assert plan["document"].inhoud.decode("utf-8") == ACTIEPLAN["markdown"]
    assert plan["caption"] == "Het actieplan als document."
    assert verslag["document"].naam == "verslag.exe.md"
    assert verslag["caption"] == "Het verslag van je oefengesprek als document."
    assert fake.messages_to(6161) == []


def test_a_refused_document_comes_as_text_below_the_limit(fake):
    stappen = "\n".join(f"{i}. Een stap van het plan, met wie en wanneer: de bewoner en de buurman, in week {i}."
                        for i in range(1, 100))
    lang = {**ACTIEPLAN, "markdown": ACTIEPLAN["markdown"] + "\n## Stappen\n\n" + stappen + "\n"}
    assert len(lang["markdown"]) > 2 * telegram.TEXT_MAX_CHARS
    fake.failing_documents.add(6262)
    stuur_custom(fake, 6262, lang)
    assert len(fake.documents_to(6262)) == 1  # it tried
    intro, *delen = [m["text"] for m in fake.messages_to(6262)]
    assert intro == "Het actieplan kon ik niet als bestand sturen. Hier staat het als tekst."
    assert len(delen) == 3 and all(len(deel) <= telegram.TEXT_MAX_CHARS for deel in delen)
    assert "\n".join(delen) == lang["markdown"].strip()  # split between lines, nothing lost


def test_other_custom_payloads_send_their_text_or_nothing(fake):
    stuur_custom(fake, 6363, {"text": "Een gewone tekst."}, {"soort": "actieplan", "markdown": "  "},
                 {"iets": 1}, "los")
    assert [m["text"] for m in fake.messages_to(6363)] == ["Een gewone tekst."]
    assert fake.documents_to(6363) == []
