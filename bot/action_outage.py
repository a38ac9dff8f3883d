"""The action server out of reach mid-conversation (issue 19).

When Rasa cannot connect to the action server, `RemoteAction.run` raises a
`RasaException`, and Rasa's processor catches every `Exception` of an action:
it logs "Bot will continue, but the actions events are lost" and goes on
with the turn. In a form the worker then read nothing at all (the form's
validation is a custom action), and the turn was stored half-done.

`install()` makes a failed connection during a channel's message raise
`ActieserverNietBereikbaar` instead, which derives from `BaseException` on
purpose so that Rasa's `except Exception` lets it through: the turn stops
before anything is stored, and bot/opslag.py's `bewaakt` (which every
channel's `on_new_message` goes through, inside `in_channel()`) tells the
worker `MELDING` instead of answers. Once the action server is back, the
conversation goes on from the last stored turn: a form keeps its place.
Outside a channel's message (Rasa's HTTP API, reminders) nothing would catch
it, so there Rasa's own error stays.
"""
from __future__ import annotations

import asyncio
import logging
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterator, List, Optional

logger = logging.getLogger(__name__)

MELDING = ("Er ging iets mis aan mijn kant: een deel van de assistent geeft nu geen antwoord. "
           "Probeer het over een paar minuten opnieuw; wat we al besproken hebben, blijft bewaard "
           "en we gaan dan verder waar we waren.")


class ActieserverNietBereikbaar(BaseException):
    """The action server could not be reached; the turn must stop unstored."""


_IN_CHANNEL: ContextVar[bool] = ContextVar("in_channel", default=False)


@contextmanager
def in_channel() -> Iterator[None]:
    """Mark the block as handling a channel's message, whose caller catches
    `ActieserverNietBereikbaar` (bot/opslag.py `bewaakt`)."""
    token = _IN_CHANNEL.set(True)
    try:
        yield
    finally:
        _IN_CHANNEL.reset(token)


def _connection_failure(error: BaseException) -> bool:
    """Whether `error` (or what it was raised from) is a failed connection or a timeout."""
    import aiohttp

    seen: Optional[BaseException] = error
    while seen is not None:
        if isinstance(seen, (aiohttp.ClientConnectionError, asyncio.TimeoutError)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def install() -> None:
    """Patch Rasa's RemoteAction in this process (bot/channels/launch.py)."""
    from rasa.core.actions.action import RemoteAction

    if getattr(RemoteAction.run, "outage_aware", False):
        return
    run = RemoteAction.run

    async def run_or_stop(self: Any, *args: Any, **kwargs: Any) -> List[Any]:
        try:
            return await run(self, *args, **kwargs)
        except Exception as error:
            if not (_IN_CHANNEL.get() and _connection_failure(error)):
                raise
            logger.error("Actieserver niet bereikbaar voor %s; de beurt stopt zonder iets op te slaan.",
                         self.name())
            raise ActieserverNietBereikbaar(self.name()) from error

    run_or_stop.outage_aware = True  # type: ignore[attr-defined]
    RemoteAction.run = run_or_stop
