"""Fill a conversation database through the real model and action server:
an Agent with the redacting SQL tracker store (as `make run` uses) on the
database of TRACKER_STORE_URL, so what is stored is exactly what the servers
store. Used by the review-inbox and insight-report tests and for trying them."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from gedeeld import settings

METADATA = {"socketio": {"rol": "professional"}, "telegram": {"rol": "vrijwilliger"}, "rest": {}}


def agent(model: Path, action_endpoint: str) -> Any:
    """The trained model with the redacting tracker store on TRACKER_STORE_URL."""
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    from bot.tracker_store import RedactingSQLTrackerStore

    store = RedactingSQLTrackerStore(host=settings.get("TRACKER_STORE_URL"))
    return Agent.load(str(model), action_endpoint=EndpointConfig(action_endpoint), tracker_store=store)


async def _zeg(agent: Any, sender: str, kanaal: str, tekst: str) -> List[Dict[str, Any]]:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    uit = CollectingOutputChannel()
    await agent.handle_message(UserMessage(tekst, uit, sender, input_channel=kanaal,
                                           metadata=METADATA.get(kanaal) or None))
    return uit.messages


def voer(agent: Any, gesprekken: Sequence[tuple], loop: Optional[asyncio.AbstractEventLoop] = None) -> Dict[str, list]:
    """Hold each (sender, channel, [texts]) conversation; returns the bot's
    answers per sender, one list per user message."""
    loop = loop or asyncio.new_event_loop()
    antwoorden: Dict[str, list] = {}
    for sender, kanaal, teksten in gesprekken:
        antwoorden[sender] = [loop.run_until_complete(_zeg(agent, sender, kanaal, t)) for t in teksten]
    return antwoorden
