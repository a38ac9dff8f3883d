"""A real HTTP server for tests of the web-service clients: it listens on a
free port in a thread, answers each path from a script, and counts the
requests it gets (so caching and retries are checked on the server side)."""
from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Antwoord:
    status: int = 200
    body: bytes = b""
    vertraging: float = 0.0  # seconds before the answer starts


def als_json(data: Any, status: int = 200, vertraging: float = 0.0) -> Antwoord:
    return Antwoord(status, json.dumps(data).encode("utf-8"), vertraging)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a slow handler must not hold up the test's teardown

    def handle_error(self, request, client_address):
        """The client gave up (read timeout): writing to it fails, as expected."""


class LokaleServer:
    def __init__(self):
        self._script: Dict[str, List[Antwoord]] = {}
        self.aantal: Dict[str, int] = defaultdict(int)
        self.queries: Dict[str, List[Dict[str, List[str]]]] = defaultdict(list)
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                delen = urlsplit(self.path)
                antwoord = server._volgende(delen.path, parse_qs(delen.query))
                time.sleep(antwoord.vertraging)
                self.send_response(antwoord.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(antwoord.body)))
                self.end_headers()
                self.wfile.write(antwoord.body)

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.do_GET()

            def log_message(self, *args):
                pass

        self._http = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._http.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def zet(self, pad: str, *antwoorden: Antwoord) -> None:
        """Answer `pad` with these in turn; the last one repeats."""
        self._script[pad] = list(antwoorden)

    def _volgende(self, pad: str, query: Dict[str, List[str]]) -> Antwoord:
        with self._lock:
            self.aantal[pad] += 1
            self.queries[pad].append(query)
            script = self._script.get(pad) or [Antwoord(404)]
            return script.pop(0) if len(script) > 1 else script[0]

    def url(self, pad: str = "") -> str:
        host, port = self._http.server_address[:2]
        assert isinstance(host, str)
        return f"http://{host}:{port}{pad}"

    def __enter__(self) -> "LokaleServer":
        self._thread.start()
        return self

    def __exit__(self, *_):
        self._http.shutdown()
        self._http.server_close()
