"""Who may call the servers: allowed browser origins, API token and JWT.

The settings come from the environment (`.env`, see gedeeld/settings.py), which
the Rasa process inherits:

- `API_TOKEN`: callers pass it as `?token=...`, as Rasa's HTTP API expects;
- `JWT_SECRET` / `JWT_METHOD`: callers pass `Authorization: Bearer <jwt>` with
  the payload Rasa's HTTP API expects, `{"user": {"username": ..., "role":
  "admin" | "user"}}`; a "user" may only speak as the conversation named
  by its username; every JWT must carry `exp` (a token without one would
  be valid forever once leaked);
- `CORS_ORIGINS`: comma- or space-separated origins (`https://intranet.example.nl`);
  empty means only the demo page that `make run` serves.

With neither a token nor a JWT secret, nothing is required: the embedded
set-up listens on 127.0.0.1 only (bot/channels/launch.py refuses any other
interface without one).
"""
from __future__ import annotations

import hmac
import ipaddress
import os
import re
from typing import Any, Dict, List, Optional

import jwt

BEARER = "Bearer "


def _setting(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def allowed_origins() -> List[str]:
    configured = [o.rstrip("/") for o in re.split(r"[\s,]+", _setting("CORS_ORIGINS")) if o]
    if configured:
        return configured
    port = _setting("DEMO_PORT", "8005")
    return [f"http://127.0.0.1:{port}", f"http://localhost:{port}"]


def is_loopback(interface: str) -> bool:
    if interface == "localhost":
        return True
    try:
        return ipaddress.ip_address(interface).is_loopback
    except ValueError:
        return False


def api_token() -> str:
    return _setting("API_TOKEN")


def jwt_secret() -> str:
    return _setting("JWT_SECRET")


def jwt_method() -> str:
    return _setting("JWT_METHOD", "HS256") or "HS256"


def protection_configured() -> bool:
    return bool(api_token() or jwt_secret())


def decode_jwt(authorization: Optional[str], secret: str, method: str) -> Optional[Dict[str, Any]]:
    """The payload of a valid, unexpired `Bearer` token signed with `secret`
    and carrying `exp`, else None."""
    if not secret or not authorization or not authorization.startswith(BEARER):
        return None
    try:
        payload = jwt.decode(authorization[len(BEARER):].strip(), secret, algorithms=[method],
                             options={"require": ["exp"]})
    except jwt.PyJWTError:
        return None
    return payload if isinstance(payload, dict) else None


def check(token: Optional[str], authorization: Optional[str], conversation_id: Optional[str]) -> int:
    """200 when the caller may speak in `conversation_id`, else 401 (no or a
    wrong token/JWT) or 403 (a valid JWT of another user)."""
    if not protection_configured():
        return 200
    expected = api_token()
    if expected and token is not None and hmac.compare_digest(token.encode(), expected.encode()):
        return 200
    payload = decode_jwt(authorization, jwt_secret(), jwt_method())
    if payload is None:
        return 401
    user = payload.get("user") or {}
    if not isinstance(user, dict):
        return 403
    if user.get("role") == "admin":
        return 200
    if user.get("role") == "user" and conversation_id is not None and user.get("username") == conversation_id:
        return 200
    return 403
