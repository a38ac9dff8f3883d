"""A fake Telegram Bot API server for the Telegram channel's tests.

It listens on 127.0.0.1 on a free port in a thread (tests/fake_api.py),
answers the Bot API methods the connector uses (`getMe`, `setWebhook`,
`sendMessage`, `sendDocument`, `answerCallbackQuery`) the way Telegram
does, and records every call with its parameters (`reply_markup` decoded,
an uploaded file as a `Bestand` with its name and bytes), so a test can see
exactly what the assistant sent. Chats in `failing_chats` get a 500 on
`sendMessage`, chats in `failing_documents` a 400 on `sendDocument`, as
when Telegram has trouble or refuses a file. Requests with another bot
token get 401.
"""
from __future__ import annotations

import json
import time
from email.message import Message
from typing import Any, Dict, List, Optional, Set, Tuple

from fake_api import Bestand, FakeApi, parse


class FakeTelegram(FakeApi):
    naam = "the fake Telegram server"

    def __init__(self, token: str, username: str = "EenzaamheidTestBot") -> None:
        super().__init__()
        self.token, self.username = token, username
        self.failing_chats: Set[int] = set()
        self.failing_documents: Set[int] = set()
        self._message_id = 0

    # ---- what the assistant sent ----

    def messages_to(self, chat_id: int) -> List[Dict[str, Any]]:
        return [p for p in self.calls_of("sendMessage") if str(p.get("chat_id")) == str(chat_id)]

    def documents_to(self, chat_id: int) -> List[Dict[str, Any]]:
        """`sendDocument` calls to the chat, also refused ones; `document` is a `Bestand`."""
        return [p for p in self.calls_of("sendDocument") if str(p.get("chat_id")) == str(chat_id)]

    # ---- the Bot API ----

    def _answer(self, http_method: str, path: str, headers: Message, body: bytes) -> Tuple[int, Any]:
        parts = path.split("?", 1)[0].strip("/").split("/")
        if len(parts) != 2 or parts[0] != f"bot{self.token}":
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = parts[1]
        params = parse(headers.get("Content-Type", ""), body)
        if isinstance(params.get("reply_markup"), str):
            params["reply_markup"] = json.loads(params["reply_markup"])
        self.record(method, params)
        if method == "getMe":
            return 200, {"ok": True, "result": {"id": int(self.token.split(":")[0]), "is_bot": True,
                                                "first_name": "Eenzaamheid", "username": self.username}}
        if method == "sendMessage":
            chat_id = int(params.get("chat_id", 0))
            if chat_id in self.failing_chats:
                return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
            return 200, {"ok": True, "result": self._message(chat_id, text=params.get("text", ""))}
        if method == "sendDocument":
            chat_id, document = int(params.get("chat_id", 0)), params.get("document")
            if chat_id in self.failing_documents or not isinstance(document, Bestand):
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request: file must be non-empty"}
            return 200, {"ok": True, "result": self._message(
                chat_id, caption=params.get("caption", ""),
                document={"file_id": f"doc{chat_id}", "file_unique_id": f"doc{chat_id}",
                          "file_name": document.naam, "file_size": len(document.inhoud)})}
        return 200, {"ok": True, "result": True}

    def _message(self, chat_id: int, **fields: Any) -> Dict[str, Any]:
        """The Message Telegram returns for something sent to a chat."""
        with self._lock:
            self._message_id += 1
            message_id = self._message_id
        return {"message_id": message_id, "date": int(time.time()), "chat": {"id": chat_id, "type": "private"},
                **fields}


def update(update_id: int, chat_id: int, text: Optional[str] = None, chat_type: str = "private",
           **message_fields: Any) -> Dict[str, Any]:
    """An Update with a message, as Telegram posts it to the webhook."""
    message: Dict[str, Any] = {
        "message_id": update_id, "date": int(time.time()),
        "chat": {"id": chat_id, "type": chat_type, "first_name": "Vrijwilliger"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "Vrijwilliger", "language_code": "nl"},
    }
    if text is not None:
        message["text"] = text
    message.update(message_fields)
    return {"update_id": update_id, "message": message}


def knop_klik(update_id: int, chat_id: int, data: str, keyboard: List[List[Dict[str, str]]]) -> Dict[str, Any]:
    """An Update for a click on an inline button of an earlier message."""
    return {"update_id": update_id, "callback_query": {
        "id": f"cb{update_id}", "chat_instance": "1",
        "from": {"id": chat_id, "is_bot": False, "first_name": "Vrijwilliger"},
        "data": data,
        "message": {"message_id": 999, "date": int(time.time()),
                    "chat": {"id": chat_id, "type": "private"}, "text": "…",
                    "reply_markup": {"inline_keyboard": keyboard}},
    }}
