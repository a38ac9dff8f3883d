"""A fake Telegram Bot API server for the Telegram channel's tests.

It listens on 127.0.0.1 on a free port in a thread, answers the Bot API
methods the connector uses (`getMe`, `setWebhook`, `sendMessage`,
`sendDocument`, `answerCallbackQuery`) the way Telegram does, and records
every call with its parameters (`reply_markup` decoded, an uploaded file as
a `Bestand` with its name and bytes), so a test can see exactly what the
assistant sent. Chats in `failing_chats` get a 500 on `sendMessage`, chats in
`failing_documents` a 400 on `sendDocument`, as when Telegram has trouble or
refuses a file. Requests with another bot token get 401.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Set, cast
from urllib.parse import parse_qsl


@dataclass
class Aanroep:
    method: str
    params: Dict[str, Any]
    at: float = field(default_factory=time.monotonic)


@dataclass
class Bestand:
    """A file uploaded in a multipart request."""
    naam: str
    inhoud: bytes


def _veld(part: Any) -> Any:
    if part.get_filename() is not None:
        return Bestand(part.get_filename(), part.get_payload(decode=True))
    return part.get_content()


def _parse(content_type: str, body: bytes) -> Dict[str, Any]:
    if not body:
        return {}
    if content_type.startswith("application/json"):
        return json.loads(body)
    if content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body)
        # a form-data part's name parameter is a plain string
        return {cast(str, part.get_param("name", header="content-disposition")): _veld(part)
                for part in message.iter_parts()}
    return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))


class FakeTelegram:
    def __init__(self, token: str, username: str = "EenzaamheidTestBot") -> None:
        self.token, self.username = token, username
        self.calls: List[Aanroep] = []
        self.failing_chats: Set[int] = set()
        self.failing_documents: Set[int] = set()
        self._lock = threading.Lock()
        self._message_id = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, answer = fake._answer(self.path, self.headers.get("Content-Type", ""), body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _handle

            def log_message(self, *args: Any) -> None:
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self._thread = threading.Thread(target=self._http.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}"

    def start(self) -> "FakeTelegram":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()

    # ---- what the assistant sent ----

    def calls_of(self, method: str) -> List[Dict[str, Any]]:
        with self._lock:
            return [c.params for c in self.calls if c.method == method]

    def messages_to(self, chat_id: int) -> List[Dict[str, Any]]:
        return [p for p in self.calls_of("sendMessage") if str(p.get("chat_id")) == str(chat_id)]

    def documents_to(self, chat_id: int) -> List[Dict[str, Any]]:
        """`sendDocument` calls to the chat, also refused ones; `document` is a `Bestand`."""
        return [p for p in self.calls_of("sendDocument") if str(p.get("chat_id")) == str(chat_id)]

    def wait_for(self, condition: Callable[[], Any], timeout_s: float = 60, settle_s: float = 0.5) -> Any:
        """Wait until `condition()` is truthy, then a little longer for the
        rest of a multi-message answer; returns the condition's value."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            value = condition()
            if value:
                time.sleep(settle_s)
                return condition()
            time.sleep(0.05)
        raise AssertionError(f"the fake Telegram server did not see it within {timeout_s:.0f} s")

    # ---- the Bot API ----

    def _answer(self, path: str, content_type: str, body: bytes):
        parts = path.split("?", 1)[0].strip("/").split("/")
        if len(parts) != 2 or parts[0] != f"bot{self.token}":
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = parts[1]
        params = _parse(content_type, body)
        if isinstance(params.get("reply_markup"), str):
            params["reply_markup"] = json.loads(params["reply_markup"])
        with self._lock:
            self.calls.append(Aanroep(method, params))
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
