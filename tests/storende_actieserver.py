"""`python -m tests.storende_actieserver --port N`: the action server of
bot/action_server.py for the fault tests only (tests/integratie/
test_storingen_servers.py). Any action called for a message that contains
`STORING` raises, with the message's text in its error, as a careless
action could; every other call runs as on the real server. The production
code has no such switch: only this file, which nothing outside tests/ starts,
installs it."""
from __future__ import annotations

import sys
from typing import Any, Dict, Optional

from rasa_sdk.executor import ActionExecutor

from bot import action_server

STORING = "[laat-de-actie-vallen]"


class GemaakteStoring(RuntimeError):
    """What an action raises here."""


def installeer() -> None:
    """Make every action raise for a message containing `STORING`."""
    run = ActionExecutor.run

    async def run_of_val(self: ActionExecutor, action_call: Dict[str, Any]) -> Optional[Dict[str, Any]]:
        tekst = str(((action_call.get("tracker") or {}).get("latest_message") or {}).get("text") or "")
        if STORING in tekst:
            raise GemaakteStoring(f"{action_call.get('next_action')} viel om bij: {tekst}")
        return await run(self, action_call)

    ActionExecutor.run = run_of_val


if __name__ == "__main__":
    installeer()
    action_server.main(sys.argv[1:])
