"""Rasa's REST channel (`POST /webhooks/rest/webhook`) behind the same token
or JWT as the HTTP API.

Rasa's `--auth-token` and `--jwt-secret` protect only the HTTP API; its
channels stay open. Here a request middleware of the channel's blueprint
checks every request but the health check and CORS preflights before the
message is read, so a request with a missing or wrong token gets 401 and no
conversation is created or changed. A body that is not a message (no JSON,
invalid UTF-8, JSON that is not an object with a text as message) gets 400
with a Dutch reason, and nothing is stored (issue 19). An address over
`RATE_LIMIT_PER_ADDRESS_PER_MINUTE` (bot/channels/limits.py) gets the kind
notice `limits.TE_DRUK` as the answer, and its message is not read.
"""
from __future__ import annotations

import json
from typing import Any, Optional, Text

from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import auth, limits

ONLEESBAAR = ("Dit bericht kan ik niet lezen. Stuur een JSON-object met \"sender\" en \"message\" (een tekst), "
              "in UTF-8. Er is niets van opgeslagen.")
REASONS = {401: ("NotAuthenticated", "Geen of een onjuist token."),
           403: ("NotAuthorized", "Dit token mag niet in dit gesprek.")}


def refusal(status: int) -> HTTPResponse:
    reason, message = REASONS[status]
    return response.json({"status": "failure", "reason": reason, "message": message, "code": status},
                         status=status)


def _body(request: Request) -> Any:
    """The request's JSON, or None when it is no JSON in UTF-8."""
    try:
        return json.loads(request.body or b"{}")
    except ValueError:  # also invalid UTF-8 (UnicodeDecodeError)
        return None


def _sender(body: Any) -> Optional[str]:
    sender = body.get("sender") if isinstance(body, dict) else None
    return str(sender) if sender is not None else None


def is_message(body: Any) -> bool:
    """Whether `body` is what Rasa's REST channel reads: an object whose
    message is a text and whose sender, if given, a text or a number.
    Anything else made Rasa answer 500, or 400 in English."""
    return (isinstance(body, dict) and isinstance(body.get("message"), str)
            and isinstance(body.get("sender", ""), (str, int)) and not isinstance(body.get("sender"), bool))


def unreadable() -> HTTPResponse:
    return response.json({"status": "failure", "reason": "BadRequest", "message": ONLEESBAAR, "code": 400},
                         status=400)


def refusal_of(request: Request, adressen: limits.AdresTempo) -> Optional[HTTPResponse]:
    """The answer to a request that may not reach the conversation, or None."""
    if request.method == "OPTIONS" or (request.method == "GET" and request.path.rstrip("/").endswith("/rest")):
        return None
    body = _body(request)
    status = auth.check(request.args.get("token"), request.headers.get("Authorization"), _sender(body))
    if status != 200:
        return refusal(status)
    if request.method == "POST" and not is_message(body):
        return unreadable()
    if request.method == "POST" and adressen.te_snel(request.ip, limits.forwarded_for(request)):
        return response.json([{"recipient_id": _sender(body), "text": limits.TE_DRUK}])
    return None


class SecuredRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Any) -> Blueprint:
        blueprint = super().blueprint(limits.capped(on_new_message))
        adressen = limits.AdresTempo()

        @blueprint.middleware("request")
        async def check_request(request: Request) -> Optional[HTTPResponse]:
            return refusal_of(request, adressen)

        return blueprint
