"""Helpers for the channel tests (browser widget, Telegram, REST, terminal,
secured API, sign-in): the model to serve, HTTP calls that return the status
instead of raising, a temporary environment, a look into the SQLite tracker
database, a document as actions send it, and a socket.io client speaking the
widget's protocol."""
from __future__ import annotations

import asyncio
import json
import sqlite3
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import socketio

from bot import model
from gedeeld import settings

# A document payload as actions send it (actions/plan/export.py::export_payload).
ACTIEPLAN = {"soort": "actieplan", "bestandsnaam": "actieplan-2026-11-23.md", "mime": "text/markdown",
             "markdown": "# Persoonlijk actieplan\n\nGemaakt op maandag 23 november 2026.\n\n## Doel\n\n"
                         "> Ik wil weer ergens bij horen, net als vroeger bij de sjoelclub. Geïsoleerd, één, café.\n"}


def model_voor_kanalen() -> Path:
    """The model for the current data when it exists (as after `make test`'s
    training step); otherwise the newest trained model, since these tests are
    about the channels, not about NLU; only without any model, train."""
    current = model.model_path()
    if current.exists():
        return current
    trained = sorted(settings.MODELS_DIR.glob("nl-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return trained[-1] if trained else model.ensure_model()


def omgeving(**values: str):
    """Set environment variables for the block, then put the old values back."""
    return settings.overridden(**values)


def rasa_url(path: str) -> str:
    return f"http://127.0.0.1:{settings.get('RASA_PORT')}{path}"


def http(method: str, url: str, body: Any = None, headers: Optional[Dict[str, str]] = None,
         timeout: float = 60) -> Tuple[int, Dict[str, str], Any]:
    """(status, headers, JSON body or text) of one request; never raises on an HTTP error."""
    data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(url, data=data, method=method, headers={
        **({"Content-Type": "application/json"} if data is not None else {}), **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, answer_headers, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, answer_headers, raw = error.code, error.headers, error.read()
    try:
        content: Any = json.loads(raw) if raw else None
    except ValueError:
        content = raw.decode("utf-8", "replace")
    return status, answer_headers, content


def database_path() -> Path:
    url = settings.get("TRACKER_STORE_URL")
    assert url.startswith("sqlite:///"), url
    return Path(url[len("sqlite:///"):])


@contextmanager
def database_locked(mode: str) -> Iterator[None]:
    """The SQLite file locked by another process: EXCLUSIVE blocks reading and
    writing, a read transaction (SHARED) blocks writing only."""
    db = sqlite3.connect(database_path(), isolation_level=None)
    db.execute("BEGIN EXCLUSIVE" if mode == "exclusive" else "BEGIN")
    if mode == "shared":
        db.execute("SELECT count(*) FROM events").fetchall()
    try:
        yield
    finally:
        db.execute("ROLLBACK")
        db.close()


def _query(sql: str, *params: Any) -> List[tuple]:
    """Rows of `sql` on the conversation database; none when the database or
    its events table does not exist yet."""
    path = database_path()
    if not path.exists():
        return []
    with sqlite3.connect(path) as db:
        if not db.execute("select 1 from sqlite_master where name = 'events'").fetchone():
            return []
        return db.execute(sql, params).fetchall()


def events(sender_id: str) -> List[Dict[str, Any]]:
    """Every stored event of one conversation, oldest first."""
    rows = _query("select type_name, data from events where sender_id = ? order by id", sender_id)
    return [{"type": t, **json.loads(d)} for t, d in rows]


def senders() -> List[str]:
    return [row[0] for row in _query("select distinct sender_id from events")]


class Widget:
    """A socket.io v4 client speaking the widget's protocol."""

    def __init__(self):
        self.client = socketio.AsyncClient(reconnection=False)
        self.confirmed: asyncio.Queue = asyncio.Queue()
        self.history: asyncio.Queue = asyncio.Queue()
        self.bot: asyncio.Queue = asyncio.Queue()
        self.refusal: Optional[Dict[str, Any]] = None  # the server's reason, as the widget gets it
        self.client.on("session_confirm", self.confirmed.put_nowait)
        self.client.on("session_history", self.history.put_nowait)
        self.client.on("bot_uttered", self.bot.put_nowait)
        self.client.on("connect_error", self._refused)

    def _refused(self, data: Any = None) -> None:
        self.refusal = data

    async def connect(self, origin: Optional[str], token: Optional[str] = None) -> bool:
        """True when the server accepts the socket.io connection, False when it refuses it."""
        try:
            await self.client.connect(rasa_url(""), headers={"Origin": origin} if origin else {},
                                      transports=["polling"], auth={"token": token} if token else None, wait=False)
        except socketio.exceptions.ConnectionError:
            return False
        for _ in range(200):
            if self.client.namespaces:
                return True
            if self.client.failed_namespaces:
                return False
            await asyncio.sleep(0.05)
        raise AssertionError("the server did not answer the connection within 10 s")

    async def session(self, session_id: Optional[str] = None) -> Tuple[str, Dict[str, Any]]:
        await self.client.emit("session_request", {"session_id": session_id})
        confirmed = await asyncio.wait_for(self.confirmed.get(), 10)
        history = await asyncio.wait_for(self.history.get(), 10)
        return confirmed, history

    async def close(self) -> None:
        """Disconnect without waiting for the pending long-poll to end."""
        await self.client.eio.disconnect(abort=True)

    async def say(self, text: str, session_id: str) -> Dict[str, Any]:
        await self.client.emit("user_uttered", {"message": text, "session_id": session_id})
        return await asyncio.wait_for(self.bot.get(), 60)

    async def rest_van_de_beurt(self, stil_s: float = 2.0) -> List[str]:
        """The texts that follow the first answer of a turn, until none came for `stil_s`."""
        teksten = []
        while True:
            try:
                teksten.append((await asyncio.wait_for(self.bot.get(), stil_s)).get("text") or "")
            except asyncio.TimeoutError:
                return teksten


def rest(sender: str, message: str) -> List[str]:
    """The texts the REST channel answers to one message (asserts 200)."""
    status, _, answer = http("POST", rasa_url("/webhooks/rest/webhook"), {"sender": sender, "message": message})
    assert status == 200, answer
    return [m.get("text") or "" for m in answer]


def active_loop(sender: str) -> Optional[str]:
    """The conversation's active form, through the HTTP API."""
    _, _, tracker = http("GET", rasa_url(f"/conversations/{sender}/tracker"))
    return (tracker.get("active_loop") or {}).get("name")
