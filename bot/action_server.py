"""`python -m bot.action_server --port N`: rasa_sdk's action server with
these changes (issue 19):

- every log line is redacted (bot/log_redaction.py);
- an action that raises gets a 500 that says which action failed and never
  echoes the request: rasa_sdk's own handler answers with the whole tracker
  as `request_body`, which Rasa then puts in its error text and log;
- it listens on SANIC_HOST (bot/servers.py: SERVER_INTERFACE), loopback by default.

Its request size stays Sanic's default: each call carries the whole tracker.
"""
from __future__ import annotations

import argparse
import logging
import os
from typing import List, Optional

from rasa_sdk import endpoint
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import log_redaction

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


def create_app() -> Sanic:
    app = endpoint.create_app("actions", cors_origins=[])
    app.error_handler.add(Exception, exception_handler)
    return app


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=5055)
    args = parser.parse_args(argv)
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"),
                        format="%(asctime)s %(levelname)s %(name)s - %(message)s")
    log_redaction.install()
    app = create_app()
    host = os.environ.get("SANIC_HOST", "127.0.0.1")
    app.run(host, args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()


