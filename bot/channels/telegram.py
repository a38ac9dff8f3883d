"""Telegram for volunteers: Rasa's Telegram connector, made safe to run.

Configured in credentials.yml from the settings (`.env`): `TELEGRAM_TOKEN`
(from @BotFather; empty keeps the channel off), `TELEGRAM_BOT_NAME`,
`TELEGRAM_WEBHOOK_URL` (the public https address of
/webhooks/telegram/webhook), `TELEGRAM_WEBHOOK_SECRET` and `TELEGRAM_API_URL`
(Telegram's Bot API, or the organisation's own Bot API server; the tests
point it at a fake one). What differs from `rasa.core.channels.telegram`:

- the Bot API base URL is configurable;
- the webhook is registered once the server runs, on the server's own event
  loop (Rasa does it with `asyncio.run` while building the app, which leaves
  the HTTP session on a closed loop), with Telegram's `secret_token`; updates
  without that secret get 403;
- the webhook answers 200 to every update from Telegram, also when handling
  it fails (Rasa answers 500 in debug mode, and Telegram then resends the
  same update again and again); a resent update (same `update_id`) is
  handled once;
- buttons become an inline keyboard with one button a row. Telegram allows
  at most 64 bytes of `callback_data`: a longer payload is sent as "k:" and a
  hash, remembered here, and when a server restart has forgotten it the
  button's title (which Telegram sends back with the click) is used as the
  user's text; clicks are acknowledged (`answerCallbackQuery`);
- `/start` greets (it becomes the intent `/begroeten`);
- a document (an action plan, a practice report: bot/channels/document.py)
  is sent as a file (`sendDocument`, UTF-8 Markdown) with a short caption;
  when Telegram refuses the file, as text messages under its 4096-character
  limit. Other custom payloads send their `text`, if any;
- only private chats are answered, and the conversation id is a keyed hash
  of the chat id ("tg-..."), so the tracker store holds no Telegram ids;
  `python -m bot.channels.telegram gesprek CHAT_ID` prints it, e.g. for
  `python -m bot.privacy erase`;
- messages carry the metadata `{"kanaal": "telegram", "rol": "vrijwilliger"}`.
"""
from __future__ import annotations

import hmac
import io
import json
import logging
import sys
from typing import Any, Dict, List, Optional, Text

from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import document as documenten
from bot.channels import limits, messaging
from bot.channels.messaging import ALLEEN_TEKST, FOUT

logger = logging.getLogger(__name__)

CALLBACK_DATA_MAX_BYTES = 64
TEXT_MAX_CHARS = 4096
METADATA = messaging.metadata("telegram")
START_PAYLOAD = "/begroeten"
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
REQUEST_TIMEOUT_S = 15


def gesprek_id(chat_id: Any, token: str) -> str:
    """The conversation id of a Telegram chat: a keyed hash, not the chat id."""
    return messaging.pseudoniem("tg", token, chat_id)


class KnopGeheugen(messaging.KnopGeheugen):
    """Turns button payloads into Telegram callback data (≤ 64 bytes) and back."""

    max_bytes = CALLBACK_DATA_MAX_BYTES


class TelegramAntwoord(OutputChannel):
    """The answers to one update, sent to that update's chat (the recipient id
    Rasa passes is the pseudonymous conversation id)."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    def __init__(self, bot: Bot, chat_id: int, knoppen: KnopGeheugen) -> None:
        self.bot, self.chat_id, self.knoppen = bot, chat_id, knoppen

    async def _send(self, text: str, reply_markup: Any = None) -> None:
        parts = list(messaging.delen(text, TEXT_MAX_CHARS)) or ["…"]
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            await self.bot.send_message(self.chat_id, part, reply_markup=reply_markup if last else None,
                                        disable_web_page_preview=True)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self._send(text)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]],
                                     **kwargs: Any) -> None:
        markup = InlineKeyboardMarkup()
        for button in buttons:
            title, payload = str(button.get("title", "")), str(button.get("payload", ""))
            if title and payload:
                markup.row(InlineKeyboardButton(title, callback_data=self.knoppen.callback_data(payload)))
        await self._send(text, markup)

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self._send(image)

    async def send_attachment(self, recipient_id: Text, attachment: Text, **kwargs: Any) -> None:
        await self._send(str(attachment))

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        document = documenten.lees(json_message)
        if document:
            await self._send_document(document)
            return
        text = json_message.get("text") if isinstance(json_message, dict) else None
        if text:
            await self._send(str(text))

    async def _send_document(self, document: documenten.Document) -> None:
        bestand = InputFile(io.BytesIO(document.markdown.encode("utf-8")), filename=document.bestandsnaam)
        try:
            await self.bot.send_document(self.chat_id, bestand, caption=document.bijschrift)
        except Exception as error:  # noqa: BLE001 - the volunteer still gets the text
            logger.warning("sendDocument failed, sending the document as text: %s", error)
            await self._send(document.als_tekst)
            await self._send(document.markdown)


class TelegramInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        return cls(
            access_token=str(credentials.get("access_token") or "").strip(),
            verify=str(credentials.get("verify") or "").strip(),
            webhook_url=str(credentials.get("webhook_url") or "").strip(),
            secret_token=str(credentials.get("secret_token") or "").strip(),
            api_url=str(credentials.get("api_url") or "").strip() or "https://api.telegram.org",
        )

    def __init__(self, access_token: str, verify: str = "", webhook_url: str = "", secret_token: str = "",
                 api_url: str = "https://api.telegram.org") -> None:
        self.access_token, self.verify, self.webhook_url = access_token, verify, webhook_url
        self.secret_token, self.api_url = secret_token, api_url
        self.knoppen = KnopGeheugen()
        self._bot: Optional[Bot] = None
        self._gezien = messaging.Gezien()

    @property
    def enabled(self) -> bool:
        return bool(self.access_token)

    def bot(self) -> Bot:
        """One Bot API client, created on the server's event loop."""
        if self._bot is None:
            self._bot = Bot(self.access_token, server=TelegramAPIServer.from_base(self.api_url),
                            timeout=REQUEST_TIMEOUT_S)
        return self._bot

    def get_output_channel(self) -> Optional[OutputChannel]:
        # Answers need the chat of the update they answer; the conversation id
        # is a hash, so there is no output channel for other uses.
        return None

    async def registreer_webhook(self) -> None:
        bot = self.bot()
        try:
            me = await bot.get_me()
            if self.verify and me.username != self.verify:
                logger.warning("TELEGRAM_BOT_NAME is %r but the token belongs to %r", self.verify, me.username)
            if not self.webhook_url:
                logger.warning("TELEGRAM_WEBHOOK_URL is empty: Telegram does not know where to send messages")
                return
            data: Dict[str, Any] = {"url": self.webhook_url, "allowed_updates": json.dumps(ALLOWED_UPDATES)}
            if self.secret_token:
                data["secret_token"] = self.secret_token
            await bot.request("setWebhook", data)
            logger.info("Telegram webhook set to %s", self.webhook_url)
        except Exception as error:  # noqa: BLE001 - the other channels keep working
            logger.error("Could not register the Telegram webhook: %s", error)

    async def _verwerk(self, update: Update, on_new_message: Any) -> None:
        bot = self.bot()
        if update.callback_query:
            query = update.callback_query
            try:
                await bot.answer_callback_query(query.id)
            except Exception as error:  # noqa: BLE001 - only the button's spinner; the click is still handled
                logger.warning("answerCallbackQuery failed: %s", error)
            message = query.message
            if message is None or not query.data:
                return
            titels = {b.callback_data: b.text for row in (message.reply_markup.inline_keyboard
                                                         if message.reply_markup else []) for b in row}
            text = self.knoppen.payload(query.data, titels)
        else:
            message = update.message or update.edited_message
            if message is None:
                return
            text = message.text
        chat = message.chat
        if chat is None or chat.type != "private":
            logger.info("Telegram update from a %s chat ignored", getattr(chat, "type", "unknown"))
            return
        if not text:
            await bot.send_message(chat.id, ALLEEN_TEKST)
            return
        if text == "/start" or text.startswith("/start "):
            text = START_PAYLOAD
        antwoord = TelegramAntwoord(bot, chat.id, self.knoppen)
        try:
            await on_new_message(UserMessage(text, antwoord, gesprek_id(chat.id, self.access_token),
                                             input_channel=self.name(), metadata=dict(METADATA)))
        except Exception:
            logger.exception("Handling a Telegram message failed")
            try:
                await bot.send_message(chat.id, FOUT)
            except Exception as error:  # noqa: BLE001 - best effort; the failure is already logged
                logger.warning("Could not tell the user about the failure: %s", error)

    def blueprint(self, on_new_message: Any) -> Blueprint:
        on_new_message = limits.capped(on_new_message)
        blueprint = Blueprint("telegram_webhook", __name__)

        @blueprint.listener("after_server_start")
        async def start(_app: Any, _loop: Any) -> None:
            if self.enabled:
                await self.registreer_webhook()

        @blueprint.listener("before_server_stop")
        async def stop(_app: Any, _loop: Any) -> None:
            if self._bot is not None and self._bot._session is not None:
                await self._bot._session.close()

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.enabled else "off"})

        @blueprint.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.enabled:
                return response.json({"status": "off"}, status=404)
            if self.secret_token and not hmac.compare_digest(
                    request.headers.get(SECRET_HEADER, "").encode(), self.secret_token.encode()):
                return response.json({"status": "forbidden"}, status=403)
            # From here on every answer is 200: Telegram resends anything else.
            try:
                data = json.loads(request.body or b"")
                update = Update.to_object(data) if isinstance(data, dict) else None
            except Exception:  # noqa: BLE001 - a malformed update is ignored with a 200, or Telegram resends it
                update = None
            if update is None:
                logger.warning("Telegram webhook: not an update, ignored")
                return response.json({"status": "ignored"})
            if self._gezien.al_gezien(update.update_id):
                return response.json({"status": "duplicate"})
            try:
                await self._verwerk(update, on_new_message)
            except Exception:
                logger.exception("Telegram update could not be handled")
            return response.json({"status": "success"})

        return blueprint


def main(argv: List[str]) -> int:
    """`python -m bot.channels.telegram gesprek CHAT_ID`: the conversation id."""
    from gedeeld import settings

    settings.load()
    if len(argv) != 2 or argv[0] != "gesprek":
        print("gebruik: python -m bot.channels.telegram gesprek CHAT_ID", file=sys.stderr)
        return 2
    token = settings.get("TELEGRAM_TOKEN")
    if not token:
        print("TELEGRAM_TOKEN is niet ingesteld", file=sys.stderr)
        return 1
    print(gesprek_id(argv[1], token))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
