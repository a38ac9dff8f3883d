"""Helpers for the channel tests (browser widget, Telegram, REST, terminal,
secured API): the model to serve, HTTP calls that return the status instead
of raising, a temporary environment, a look into the SQLite tracker
database, and a document as actions send it."""
from __future__ import annotations

import json
import os
import sqlite3
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

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


@contextmanager
def omgeving(**values: str) -> Iterator[None]:
    """Set environment variables for the block, then put the old values back."""
    old = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in old.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


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
