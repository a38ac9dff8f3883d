"""`python -m bot.channels.launch run ...`: `rasa run ...` with the security
settings added to its arguments inside this process.

Rasa takes the API token and JWT secret only as command-line options; given
on the command line they would show in every user's process list, so
bot/servers.py starts Rasa through this module, which adds `--auth-token`,
`--jwt-secret`/`--jwt-method` (when set) and `--cors` with the allowed
origins to `sys.argv` and then runs Rasa's own command line. It refuses to
start with an open HTTP API when any channel is reachable from outside (a
non-loopback interface, or a public WIDGET_SERVER_URL or TELEGRAM_WEBHOOK_URL,
which means a reverse proxy forwards to this machine), Telegram without its
webhook secret, an incomplete widget sign-in (OIDC_ISSUER without its
audience or session key), and a TRUSTED_PROXIES it cannot read.
"""
from __future__ import annotations

import os
import sys
from typing import List, Optional
from urllib.parse import urlsplit

from bot import log_redaction, log_rotation
from bot.channels import auth, limits, oidc
from bot.channels.auth import is_loopback


def extra_arguments() -> List[str]:
    extra = ["--cors", *auth.allowed_origins()]
    if auth.api_token():
        extra += ["--auth-token", auth.api_token()]
    if auth.jwt_secret():
        extra += ["--jwt-secret", auth.jwt_secret(), "--jwt-method", auth.jwt_method()]
    return extra


def _public(url: str) -> bool:
    """True when `url` is set and its host is not this machine."""
    return bool(url) and not is_loopback(urlsplit(url).hostname or "")


def exposure() -> List[str]:
    """Why the servers can be reached from other machines (empty: they cannot)."""
    interface = os.environ.get("SERVER_INTERFACE", "127.0.0.1")
    reasons = [] if is_loopback(interface) else [f"SERVER_INTERFACE={interface}"]
    for name in ("WIDGET_SERVER_URL", "TELEGRAM_WEBHOOK_URL"):
        value = os.environ.get(name, "").strip()
        if _public(value):
            reasons.append(f"{name}={value}")
    return reasons


def refusal() -> Optional[str]:
    """The Dutch reason not to start, or None when the settings are safe."""
    reasons = exposure()
    if reasons and not auth.protection_configured():
        return (f"Niet gestart: {' en '.join(reasons)} maakt de servers bereikbaar voor andere computers, "
                "maar API_TOKEN en JWT_SECRET zijn allebei leeg. Dan kan iedereen gesprekken lezen en "
                "veranderen. Zet er een van in .env (zie .env.example), of laat de servers alleen op "
                "127.0.0.1 luisteren zonder publiek adres.")
    if os.environ.get("TELEGRAM_TOKEN", "").strip() and not os.environ.get("TELEGRAM_WEBHOOK_SECRET", "").strip():
        return ("Niet gestart: Telegram staat aan (TELEGRAM_TOKEN), maar TELEGRAM_WEBHOOK_SECRET is leeg. "
                "Zonder dat geheim kan iedereen berichten sturen alsof ze van Telegram komen. Zet een "
                "willekeurige tekst in .env (bijvoorbeeld de uitvoer van: openssl rand -hex 32).")
    return oidc.configuration_problem() or limits.configuration_problem()


def main(args: List[str]) -> int:
    if args[:1] == ["run"]:
        problem = refusal()
        if problem:
            print(problem, file=sys.stderr)
            return 2
        args = [*args, *extra_arguments()]
        os.environ.update(limits.request_size_setting())
        log_redaction.install()
        log_rotation.install()
    from rasa.__main__ import main as rasa_main

    from bot import action_outage, action_response, gc_freeze, graph_runner, model_loading
    action_response.install()
    action_outage.install()
    gc_freeze.install()
    graph_runner.install()
    model_loading.install()
    sys.argv = ["rasa", *args]
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
