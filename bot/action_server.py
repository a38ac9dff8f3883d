"""`python -m bot.action_server --port N`: rasa_sdk's action server with
these changes (issue 19):

- every log line is redacted (bot/log_redaction.py), and its log file
  rotates daily and is kept no longer than RETENTION_DAYS (bot/log_rotation.py);
- an action that raises gets a 500 that says which action failed and never
  echoes the request: rasa_sdk's own handler answers with the whole tracker
  as `request_body`, which Rasa then puts in its error text and log;
- it listens on SANIC_HOST (bot/servers.py: SERVER_INTERFACE), loopback by
  default; on any other interface it starts only with ACTION_TOKEN set;
- with ACTION_TOKEN set, every call must carry it as `?token=` (Rasa sends it:
  endpoints.yml action_endpoint `token`), else 401: a forged call could read
  any conversation's case log.

Its request size stays Sanic's default: each call carries the whole tracker.
"""
from __future__ import annotations

import argparse
import hmac
import logging
import os
import sys
from typing import List, Optional

from rasa_sdk import endpoint
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.signalering import facetlezing, typelezing
from bot import log_redaction, log_rotation
from bot.channels.auth import is_loopback

logger = logging.getLogger(__name__)
FOUT = "De actie kon niet worden uitgevoerd."


def _action_name(request: Request) -> Optional[str]:
    try:
        body = request.json
    except Exception:  # noqa: BLE001 - a body that is not JSON names no action
        return None
    name = body.get("next_action") if isinstance(body, dict) else None
    return str(name) if name is not None else None


async def exception_handler(request: Request, exception: Exception) -> HTTPResponse:
    name = _action_name(request)
    logger.error("Action %s failed on %s", name or "(unknown)", request.path, exc_info=exception)
    return response.json({"error": FOUT, "action_name": name}, status=500)


def token() -> str:
    return os.environ.get("ACTION_TOKEN", "").strip()


async def check_token(request: Request) -> Optional[HTTPResponse]:
    """401 for a call without the ACTION_TOKEN (when one is set); /health
    stays open, it tells nothing about a conversation."""
    expected = token()
    if request.path == "/health":
        return None
    given = request.args.get("token") or ""
    if expected and not hmac.compare_digest(given.encode(), expected.encode()):
        return response.json({"error": "Geen of een verkeerd ACTION_TOKEN."}, status=401)
    return None


def refusal(host: str) -> Optional[str]:
    if is_loopback(host) or token():
        return None
    return (f"Niet gestart: de actieserver zou op {host} luisteren, bereikbaar voor andere computers, "
            "maar ACTION_TOKEN is leeg. Dan kan iedereen acties aanroepen en gespreksverslagen lezen. "
            "Zet ACTION_TOKEN in .env (bijvoorbeeld de uitvoer van: openssl rand -hex 32), of laat "
            "SERVER_INTERFACE op 127.0.0.1 staan.")


def create_app() -> Sanic:
    app = endpoint.create_app("actions", cors_origins=[])
    app.error_handler.add(Exception, exception_handler)
    app.register_middleware(check_token, "request")
    return app


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=5055)
    args = parser.parse_args(argv)
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"),
                        format="%(asctime)s %(levelname)s %(name)s - %(message)s")
    host = os.environ.get("SANIC_HOST", "127.0.0.1")
    problem = refusal(host)
    if problem:
        print(problem, file=sys.stderr)
        sys.exit(2)
    log_redaction.install()
    log_rotation.install()
    typelezing.model()  # trained once per change of its data (var/), else loaded: not on a worker's first description
    facetlezing.model()
    app = create_app()
    app.run(host, args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()


