"""A turn's answers held until the turn is stored (issue 19).

Rasa sends each answer to the channel while the turn runs and stores the
turn only at its end. When that save failed, the widget, Telegram and
WhatsApp had already shown the turn's answers, and "Ik kan dit gesprek nu
niet bewaren …" came after them: answers of a turn that does not exist, to
a question the conversation will ask again. (REST was spared: it answers
only once the turn is done.) `HeldOutputChannel` stands in for a channel's
output during the turn and keeps what Rasa sends; bot/opslag.py's `bewaakt`
passes it on (`release`) only after the turn was stored. After a failed turn
the worker gets the failure message and, of the held answers, only the
crisis routes (`crisisantwoorden`): a worker in acute danger still gets the
help lines, whatever else went wrong. A turn that could not give them (the
database unreadable, the action server out of reach or failing) gets them
from the same data when its message names acute danger or the action that
failed was `action_crisis` (`crisisroutes`). Inside a form an acute message
first reaches the form's validation (a custom action), so only the text
patterns can tell it then.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.core.channels.channel import OutputChannel

from actions.kennis.kennisbank import kennisbank
from actions.signalering import casus

Bericht = Tuple[Text, Dict[Text, Any]]
CRISIS_ACTIE = "action_crisis"


def is_crisisantwoord(message: Dict[Text, Any]) -> bool:
    """Whether `message` gives the crisis routes (action_crisis, from data/kennis/crisis.yml)."""
    return kennisbank().is_crisisantwoord(str(message.get("text") or ""))


def crisisroutes(sender_id: Text, tekst: Text, mislukte_actie: Optional[Text]) -> List[Bericht]:
    """The crisis routes for a lost turn that gave none: when its message names
    acute danger, or the action that failed was the one that gives them."""
    if mislukte_actie == CRISIS_ACTIE or casus.is_acuut(tekst):
        return [(sender_id, {"text": kennisbank().crisis_antwoord(None).tekst})]
    return []


class HeldOutputChannel(OutputChannel):
    """Keeps what Rasa sends until `release`; after that passes everything on
    at once (a reminder Rasa schedules with this channel, say). Rasa sends
    every answer of a turn through `send_response`."""

    def __init__(self, channel: OutputChannel) -> None:
        self.channel = channel
        self.held: List[Bericht] = []
        self.released = False

    def name(self) -> Text:  # the channel's name: responses can differ per channel
        return self.channel.name()

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        if self.released:
            await self.channel.send_response(recipient_id, message)
        else:
            self.held.append((recipient_id, dict(message)))

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text, **kwargs})

    async def release(self) -> None:
        """Send what was held, in order: the turn is stored."""
        self.released = True
        held, self.held = self.held, []
        for recipient_id, message in held:
            await self.channel.send_response(recipient_id, message)

    def crisisantwoorden(self) -> List[Bericht]:
        return [(recipient_id, message) for recipient_id, message in self.held if is_crisisantwoord(message)]
