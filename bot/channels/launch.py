"""`python -m bot.channels.launch run ...`: `rasa run ...` with the security
settings added to its arguments inside this process.

Rasa takes the API token and JWT secret only as command-line options; given
on the command line they would show in every user's process list, so
bot/servers.py starts Rasa through this module, which adds `--auth-token`,
`--jwt-secret`/`--jwt-method` (when set) and `--cors` with the allowed
origins to `sys.argv` and then runs Rasa's own command line. It refuses to
start an open HTTP API on any interface other than loopback, and an
incomplete widget sign-in (OIDC_ISSUER without its audience or session key).
"""
from __future__ import annotations

import ipaddress
import os
import sys
from typing import List

from bot import log_redaction
from bot.channels import auth, limits, oidc


def is_loopback(interface: str) -> bool:
    if interface == "localhost":
        return True
    try:
        return ipaddress.ip_address(interface).is_loopback
    except ValueError:
        return False


def extra_arguments() -> List[str]:
    extra = ["--cors", *auth.allowed_origins()]
    if auth.api_token():
        extra += ["--auth-token", auth.api_token()]
    if auth.jwt_secret():
        extra += ["--jwt-secret", auth.jwt_secret(), "--jwt-method", auth.jwt_method()]
    return extra


def refusal(interface: str) -> str:
    return (f"SERVER_INTERFACE={interface} opens the servers to other machines, but neither API_TOKEN "
            "nor JWT_SECRET is set: the HTTP API would let anyone read and change conversations. "
            "Set one of them in .env (see .env.example), or listen on 127.0.0.1 behind a reverse proxy.")


def main(args: List[str]) -> int:
    if args[:1] == ["run"]:
        interface = os.environ.get("SERVER_INTERFACE", "127.0.0.1")
        if not is_loopback(interface) and not auth.protection_configured():
            print(refusal(interface), file=sys.stderr)
            return 2
        problem = oidc.configuration_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 2
        args = [*args, *extra_arguments()]
        os.environ.update(limits.request_size_setting())
        log_redaction.install()
    from rasa.__main__ import main as rasa_main

    from bot import action_response
    action_response.install()
    sys.argv = ["rasa", *args]
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
