"""No identifying text in any log (bot/log_redaction.py, bot/action_server.py,
issue 19): a message full of identifiers, an action made to raise on a
tracker full of them, and then every log file is scanned. Before, the action
server answered 500 with the whole tracker as `request_body`, and Rasa logged
it with the traceback."""
from __future__ import annotations

import json
import uuid

from gedeeld import settings
from kanalen import http, rasa_url

IDENTIFIERS = ("Jansen", "111222333", "06-12345678", "NL91ABNA0417164300", "piet.jansen@voorbeeld.nl",
               "Dorpsstraat 12")
BERICHT = ("mevrouw Jansen, BSN 111222333, tel 06-12345678, IBAN NL91ABNA0417164300, "
           "mail piet.jansen@voorbeeld.nl, woont Dorpsstraat 12")


def test_a_failing_action_call_echoes_nothing_and_no_log_holds_an_identifier(servers_met_logs, capfd):
    """A call rasa_sdk cannot handle (a JSON list instead of an object) raises
    inside the action server; its own handler echoed the list back."""
    sender = f"log-{uuid.uuid4().hex[:8]}"
    http("POST", rasa_url("/webhooks/rest/webhook"), {"sender": sender, "message": BERICHT})
    status, _, answer = http("POST", settings.get("ACTION_ENDPOINT_URL"), [{"sender_id": sender, "text": BERICHT}])
    assert status == 500
    assert answer == {"error": "De actie kon niet worden uitgevoerd.", "action_name": None}
    logs = {path.name: path.read_text(encoding="utf-8", errors="replace")
            for path in servers_met_logs.glob("*.log")}
    assert set(logs) == {"actions.log", "rasa.log"}
    assert "Action (unknown) failed" in logs["actions.log"]  # the failure itself is logged
    captured = capfd.readouterr()
    for name, text in {**logs, "stdout": captured.out, "stderr": captured.err, "answer": json.dumps(answer)}.items():
        for identifier in IDENTIFIERS:
            assert identifier not in text, f"{identifier} in {name}"
