"""`GET /webhooks/gezondheid/`: whether what the assistant needs is reachable
(issue 19, point 3): the tracker store's database, the action server and,
when the lock store is Redis, Redis. 200 when all are, 503 otherwise, with
one line per part ("ok", "niet bereikbaar" or "niet ingesteld").

An input channel (credentials.yml) only because that is how the Rasa server
takes extra routes; it reads no message. It says nothing about conversations,
so it needs no token, and every check is bounded by `TIMEOUT`.
"""
from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable, Dict, Text
from urllib.parse import urlsplit, urlunsplit

import aiohttp
import sqlalchemy as sa
from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from gedeeld import gespreksverslag, settings

TIMEOUT = 3.0
OK, WEG, UIT = "ok", "niet bereikbaar", "niet ingesteld"


def _database_leesbaar() -> None:
    """Reads the schema, which needs a read lock on SQLite (a locked file fails)."""
    engine = gespreksverslag.database()
    with engine.connect() as connection:
        sa.inspect(connection).has_table("events")


async def database() -> None:
    await asyncio.get_running_loop().run_in_executor(None, _database_leesbaar)


async def actieserver() -> None:
    parts = urlsplit(settings.get("ACTION_ENDPOINT_URL"))
    url = urlunsplit((parts.scheme, parts.netloc, "/health", "", ""))
    async with aiohttp.ClientSession() as session, session.get(url) as answer:
        answer.raise_for_status()


async def redis() -> None:
    reader, writer = await asyncio.open_connection(settings.get("REDIS_HOST"), int(settings.get("REDIS_PORT")))
    try:
        writer.write(b"PING\r\n")
        await writer.drain()
        line = await reader.readline()
        if not (line.startswith(b"+PONG") or line.startswith(b"-NOAUTH")):  # NOAUTH: up, with a password
            raise ConnectionError(line[:40])
    finally:
        writer.close()


async def _bereikbaar(check: Callable[[], Awaitable[None]]) -> str:
    try:
        await asyncio.wait_for(check(), TIMEOUT)
        return OK
    except Exception:  # noqa: BLE001 - any failure means: not reachable
        return WEG


async def toestand() -> Dict[str, str]:
    checks: Dict[str, Callable[[], Awaitable[None]]] = {"database": database, "actieserver": actieserver}
    if settings.get("LOCK_STORE_TYPE") == "redis":
        checks["redis"] = redis
    uitkomsten = await asyncio.gather(*(_bereikbaar(check) for check in checks.values()))
    return {"redis": UIT, **dict(zip(checks, uitkomsten, strict=True))}


class GezondheidInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "gezondheid"

    @classmethod
    def from_credentials(cls, credentials: Any) -> "GezondheidInput":
        return cls()

    def blueprint(self, on_new_message: Any) -> Blueprint:
        blueprint = Blueprint("gezondheid", __name__)

        @blueprint.route("/", methods=["GET"])
        async def gezondheid(request: Request) -> HTTPResponse:
            delen = await toestand()
            goed = all(waarde != WEG for waarde in delen.values())
            return response.json({"status": OK if goed else WEG, **delen}, status=200 if goed else 503)

        return blueprint
