"""What the fake web APIs of the channel tests (tests/fake_telegram.py,
tests/fake_whatsapp.py) share: an HTTP server on 127.0.0.1 on a free port in
a thread, a record of every call with its parameters (a JSON body, form
fields, or multipart with each uploaded file as a `Bestand`), and waiting
until the assistant has sent something. A subclass answers in `_answer`."""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Tuple, TypeVar, cast
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
    mime: str = ""


def _veld(part: Any) -> Any:
    if part.get_filename() is not None:
        return Bestand(part.get_filename(), part.get_payload(decode=True), part.get_content_type())
    return part.get_content()


def parse(content_type: str, body: bytes) -> Dict[str, Any]:
    """The parameters of a request body."""
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


T = TypeVar("T", bound="FakeApi")


class FakeApi:
    naam = "the fake server"

    def __init__(self) -> None:
        self.calls: List[Aanroep] = []
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, answer = fake._answer(self.command, self.path, self.headers, body)
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

    def _answer(self, http_method: str, path: str, headers: Message, body: bytes) -> Tuple[int, Any]:
        raise NotImplementedError

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}"

    def start(self: T) -> T:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()

    def record(self, method: str, params: Dict[str, Any]) -> None:
        with self._lock:
            self.calls.append(Aanroep(method, params))

    def calls_of(self, method: str) -> List[Dict[str, Any]]:
        with self._lock:
            return [c.params for c in self.calls if c.method == method]

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
        raise AssertionError(f"{self.naam} did not see it within {timeout_s:.0f} s")
