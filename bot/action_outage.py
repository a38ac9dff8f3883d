"""The action server out of reach, or an action failing on it, mid-conversation (issue 19).

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

A custom action that raises on the action server is handled the same way:
the action server answers 500 (bot/action_server.py, without echoing the
tracker), which Rasa also swallowed, leaving the worker without an answer
and the turn stored half-done. Now it raises `ActieMislukt`: the turn stops
before anything is stored, and the worker reads `MISLUKT` (try again, or say
it differently). The turn is not stored because the events of the failed
action are lost and the rest of the turn would run on a tracker without
them (a form's validation that never happened); stopping keeps the
conversation exactly where it was, a form at its question. A 400 (the
action rejected the message, `ActionExecutionRejection`) is Rasa's own
dialogue flow and stays as it was. Only the action's name is logged here;
the action server's log of the error is redacted (bot/log_redaction.py).
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


MISLUKT = ("Er ging iets mis aan onze kant bij het verwerken van je bericht. Probeer het nog eens, of zeg het "
           "op een andere manier. Wat we al besproken hebben, blijft bewaard en we gaan verder waar we waren.")


class BeurtGestopt(BaseException):
    """The turn must stop unstored; the worker reads `melding`.

    A `BaseException` so that Rasa's `except Exception` around an action lets it through."""

    melding = MELDING

    @property
    def actie(self) -> str:
        """The custom action the turn stopped at."""
        return str(self.args[0]) if self.args else ""


class ActieserverNietBereikbaar(BeurtGestopt):
    """The action server could not be reached."""


class ActieMislukt(BeurtGestopt):
    """A custom action raised on the action server (it answered 5xx)."""

    melding = MISLUKT


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


def _chain(error: BaseException) -> Iterator[BaseException]:
    """`error` and what it was raised from."""
    seen: Optional[BaseException] = error
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__


def _connection_failure(error: BaseException) -> bool:
    """Whether `error` (or what it was raised from) is a failed connection or a timeout."""
    import aiohttp

    return any(isinstance(e, (aiohttp.ClientConnectionError, asyncio.TimeoutError)) for e in _chain(error))


def _server_error(error: BaseException) -> bool:
    """Whether `error` (or what it was raised from) is a 5xx answer of the action server."""
    from rasa.utils.endpoints import ClientResponseError

    return any(isinstance(e, ClientResponseError) and e.status >= 500 for e in _chain(error))


def stop_reden(action: str, error: BaseException) -> Optional[BeurtGestopt]:
    """Why the turn must stop after `action` raised `error`; None: Rasa's own handling."""
    if _connection_failure(error):
        logger.error("Actieserver niet bereikbaar voor %s; de beurt stopt zonder iets op te slaan.", action)
        return ActieserverNietBereikbaar(action)
    if _server_error(error):
        logger.error("Actie %s mislukte op de actieserver; de beurt stopt zonder iets op te slaan.", action)
        return ActieMislukt(action)
    return None


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
            reden = stop_reden(self.name(), error) if _IN_CHANNEL.get() else None
            if reden is None:
                raise
            raise reden from error

    run_or_stop.outage_aware = True  # type: ignore[attr-defined]
    RemoteAction.run = run_or_stop
