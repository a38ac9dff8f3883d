"""Rasa's REST channel (`POST /webhooks/rest/webhook`) behind the same token
or JWT as the HTTP API.

Rasa's `--auth-token` and `--jwt-secret` protect only the HTTP API; its
channels stay open. Here a request middleware of the channel's blueprint
checks every request but the health check and CORS preflights before the
message is read, so a request with a missing or wrong token gets 401 and no
conversation is created or changed.
"""
from __future__ import annotations

import json
from typing import Any, Optional, Text

from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import auth, limits

REASONS = {401: ("NotAuthenticated", "Geen of een onjuist token."),
           403: ("NotAuthorized", "Dit token mag niet in dit gesprek.")}


def refusal(status: int) -> HTTPResponse:
    reason, message = REASONS[status]
    return response.json({"status": "failure", "reason": reason, "message": message, "code": status},
                         status=status)


def _sender(request: Request) -> Optional[str]:
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return None
    sender = body.get("sender") if isinstance(body, dict) else None
    return str(sender) if sender is not None else None


class SecuredRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Any) -> Blueprint:
        blueprint = super().blueprint(limits.capped(on_new_message))

        @blueprint.middleware("request")
        async def require_token(request: Request) -> Optional[HTTPResponse]:
            if request.method == "OPTIONS" or (request.method == "GET" and request.path.rstrip("/").endswith("/rest")):
                return None
            status = auth.check(request.args.get("token"), request.headers.get("Authorization"),
                                _sender(request))
            return None if status == 200 else refusal(status)

        return blueprint
