"""Fail loudly, lose nothing, when the tracker store's database is down (issue 19).

Rasa wraps every tracker store in `FailSafeTrackerStore`: a failed retrieve
gives a fresh, empty tracker (a form or a walk is gone without a word, and the
turn runs on nothing) and a failed save goes to an in-memory store that is
never read back and keeps the unredacted tracker. `installeer` makes Rasa wrap
our store with an error callback that raises `OpslagNietBereikbaar` instead,
so no turn runs on an empty tracker and nothing goes to the in-memory
fallback. `bewaakt` wraps a channel's `on_new_message`: the worker then reads
`MELDING`, and once the database is back the conversation goes on from the
last stored turn. The turn's answers are held until it is stored
(bot/channels/held.py), so on every channel a failed save is told instead
of the answers, not after them; crisis routes among them are still sent,
after `BIJ_CRISIS`, and so are they when the turn could not give them but
its message names acute danger. The save stays on Rasa's event loop (moving it to a thread
let channels answer before the turn was stored).
"""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Coroutine, List, Optional

from rasa.core.channels.channel import OutputChannel, UserMessage

from bot import action_outage
from bot.action_outage import BeurtGestopt
from bot.channels.held import Bericht, HeldOutputChannel, crisisroutes

logger = logging.getLogger(__name__)

MELDING = ("Ik kan dit gesprek nu niet bewaren, en daarom ook niet verder helpen. "
           "Er is niets van je bericht opgeslagen. Probeer het over een paar minuten opnieuw; "
           "we gaan dan verder waar we waren.")
BIJ_CRISIS = ("Er ging iets mis aan mijn kant: ik kan dit gesprek nu niet bewaren. Wacht niet: "
              "bel nu meteen een van de hulplijnen hieronder.")


class OpslagNietBereikbaar(RuntimeError):
    """The tracker store's database could not be read or written."""


def _doorgeven(error: Exception) -> None:
    logger.error("Tracker store niet bereikbaar: %s", type(error).__name__)
    raise OpslagNietBereikbaar(type(error).__name__) from error


def installeer() -> None:
    """Rasa's agent wraps its tracker store with `_doorgeven` as error callback."""
    from rasa.core import agent
    from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore, TrackerStore

    def _create_tracker_store(store: Optional[TrackerStore], domain: Any) -> TrackerStore:
        if store is None:
            return FailSafeTrackerStore(InMemoryTrackerStore(domain))
        store.domain = domain
        return FailSafeTrackerStore(store, on_tracker_store_error=_doorgeven)

    agent.Agent._create_tracker_store = staticmethod(_create_tracker_store)


def bewaakt(on_new_message: Callable[[UserMessage], Awaitable[Any]]
            ) -> Callable[[UserMessage], Coroutine[Any, Any, Any]]:
    """`on_new_message` whose answers reach the worker only once the turn is
    stored (bot/channels/held.py). When the turn could not be read or
    stored the worker reads `MELDING` instead, and bot/action_outage.py's
    message when the action server could not be reached or an action failed
    on it; of the turn's answers only the crisis routes follow."""
    async def handle(message: UserMessage) -> Any:
        kanaal = message.output_channel
        vastgehouden = message.output_channel = HeldOutputChannel(kanaal)
        try:
            with action_outage.in_channel():
                resultaat = await on_new_message(message)
        except (OpslagNietBereikbaar, BeurtGestopt) as storing:
            crisis = vastgehouden.crisisantwoorden() or crisisroutes(
                message.sender_id, message.text or "", getattr(storing, "actie", None))
            await _meld(kanaal, message.sender_id, storing, crisis)
            return None
        finally:
            message.output_channel = kanaal
        await vastgehouden.release()
        return resultaat

    return handle


async def _meld(kanaal: OutputChannel, sender_id: str, storing: BaseException, crisis: List[Bericht]) -> None:
    """Tell the worker the turn was lost; then the crisis routes it gave, if any."""
    if crisis:
        melding = BIJ_CRISIS
    else:
        melding = storing.melding if isinstance(storing, BeurtGestopt) else MELDING
    await kanaal.send_text_message(sender_id, melding)
    for recipient_id, bericht in crisis:
        await kanaal.send_response(recipient_id, bericht)
