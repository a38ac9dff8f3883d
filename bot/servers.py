"""Start the action server and the Rasa server, wait until they answer, and
stop both cleanly (used by `make run`, `make shell`, the benchmark and tests);
serve the demo intranet page with the chat widget (`make run`)."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from bot import rasa_cli
from bot.leren import pagina as leren_pagina
from gedeeld import settings

# A loaded 2-core machine can need longer to start Rasa: SERVER_STARTUP_TIMEOUT_S.
STARTUP_TIMEOUT_S = float(os.environ.get("SERVER_STARTUP_TIMEOUT_S", "240"))


def ensure_port_free(name: str) -> None:
    """Refuse to start a server on a port something else already holds: the
    new server would stop at once, and the old one would answer in its place
    without anybody noticing."""
    port = int(settings.get(name))
    with socket.socket() as sock:
        if sock.connect_ex(("127.0.0.1", port)) == 0:
            raise RuntimeError(f"Poort {port} ({name}) is al in gebruik. Stop het programma dat die poort "
                               f"gebruikt, of kies in .env een andere {name}.")


def _start(args: List[str], log: Optional[Path], command: Optional[List[str]] = None) -> subprocess.Popen:
    out = open(log, "ab") if log else None
    env = rasa_cli.environment()
    env["SANIC_HOST"] = settings.get("SERVER_INTERFACE")  # the action server's interface
    env["LOG_FILE"] = str(log) if log else ""  # rotated by the server itself (bot/log_rotation.py)
    return subprocess.Popen(
        command or rasa_cli.command(*args), cwd=settings.ROOT, env=env,
        stdout=out, stderr=subprocess.STDOUT if out else None, start_new_session=True,
    )


def start_action_server(log: Optional[Path] = None, module: str = "bot.action_server") -> subprocess.Popen:
    """rasa_sdk's server through bot/action_server.py: redacted logs, no echo
    of the tracker on errors. (The fault tests give their own `module`,
    which wraps it.)"""
    ensure_port_free("ACTION_PORT")
    return _start([], log, [sys.executable, "-m", module, "--port", settings.get("ACTION_PORT")])


def start_rasa_server(model: Path, log: Optional[Path] = None) -> subprocess.Popen:
    """`rasa run` through bot/channels/launch.py, which adds the API token, JWT
    secret and allowed origins from the settings without showing them in
    the process list."""
    ensure_port_free("RASA_PORT")
    args = [
        "run", "--enable-api", "--model", str(model), "--port", settings.get("RASA_PORT"),
        "--interface", settings.get("SERVER_INTERFACE"),
        "--credentials", "credentials.yml", "--endpoints", "endpoints.yml",
    ]
    return _start(args, log, [sys.executable, "-m", "bot.channels.launch", *args])


def wait_until_up(url: str, process: subprocess.Popen, timeout_s: float = STARTUP_TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} did not start: the process ended with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout_s:.0f} s")


def stop(*processes: subprocess.Popen, grace_s: float = 10) -> None:
    """SIGTERM each process group, then SIGKILL what is still running."""
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("localhost", 0))
        return sock.getsockname()[1]


# Settings of a deployment that private test and benchmark servers must not
# take over from `.env`: with them a test server would require tokens the
# tests don't send, move the organisation's Telegram webhook to itself, or
# call WhatsApp's Cloud API with the organisation's token.
TELEGRAM_SETTINGS = ("TELEGRAM_TOKEN", "TELEGRAM_BOT_NAME", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET")
WHATSAPP_SETTINGS = ("WHATSAPP_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN",
                     "WHATSAPP_ID_KEY")
MESSAGING_SETTINGS = (*TELEGRAM_SETTINGS, *WHATSAPP_SETTINGS)
DEPLOYMENT_SETTINGS = ("API_TOKEN", "JWT_SECRET", "ACTION_TOKEN", "WIDGET_JWT_SECRET", "OIDC_ISSUER", "OIDC_AUDIENCE",
                       "OIDC_SESSION_KEY", "CORS_ORIGINS", "WIDGET_SERVER_URL", *MESSAGING_SETTINGS)


def use_free_ports(blank: Sequence[str] = DEPLOYMENT_SETTINGS) -> None:
    """Move this process's servers to free ports on 127.0.0.1, so tests and
    benchmarks do not collide with a `make run` on the same machine, and
    empty the settings in `blank`: by default they run as the embedded
    set-up (no tokens, no Telegram or WhatsApp; tests that need those set
    them themselves). The terminal (bot/shell.py) blanks only those of
    Telegram and WhatsApp and keeps the tokens."""
    settings.load()
    action_port, rasa_port = free_port(), free_port()
    os.environ["ACTION_PORT"] = str(action_port)
    os.environ["ACTION_ENDPOINT_URL"] = f"http://localhost:{action_port}/webhook"
    os.environ["RASA_PORT"] = str(rasa_port)
    os.environ["DEMO_PORT"] = str(free_port())
    os.environ["SERVER_INTERFACE"] = "127.0.0.1"
    no_address_limit()
    for name in blank:
        os.environ[name] = ""


def no_address_limit() -> None:
    """Switch the per-address rate limit off for the servers started from
    here: the load of tests and benchmarks all comes from 127.0.0.1, which
    the limit would count as one client."""
    os.environ["RATE_LIMIT_PER_ADDRESS_PER_MINUTE"] = "0"


def no_rate_limits() -> None:
    """Both rate limits off, for a benchmark's load: its one conversation of
    50 turns in a second or two would otherwise get the per-conversation
    limit's notice from the 31st turn on, and be timed on notices, not answers."""
    no_address_limit()
    os.environ["RATE_LIMIT_PER_MINUTE"] = "0"


PORT_SETTINGS = ("ACTION_PORT", "ACTION_ENDPOINT_URL", "RASA_PORT", "DEMO_PORT", "SERVER_INTERFACE")


@contextmanager
def own_ports() -> Iterator[None]:
    """Fresh free ports for the servers started in this block, and the
    earlier ones back after it: tests that start servers of their own do
    not meet the servers of another test that are still running."""
    with settings.overridden(**{name: os.environ.get(name) for name in PORT_SETTINGS}):
        use_free_ports(blank=())
        yield


def action_server_url() -> str:
    return f"http://localhost:{settings.get('ACTION_PORT')}/health"


def rasa_server_url() -> str:
    return f"http://localhost:{settings.get('RASA_PORT')}/"


@contextmanager
def running(model: Path, log_dir: Optional[Path] = None) -> Iterator[subprocess.Popen]:
    """Both servers, up and answering, for the duration of the block.

    Yields the Rasa server process (its memory is what the benchmark reports)."""
    settings.load()
    logs = (log_dir / "actions.log", log_dir / "rasa.log") if log_dir else (None, None)
    actions = start_action_server(logs[0])
    rasa = start_rasa_server(model, logs[1])
    try:
        wait_until_up(action_server_url(), actions)
        wait_until_up(rasa_server_url(), rasa)
        yield rasa
    finally:
        stop(rasa, actions)


# The demo intranet page (`make run`): web/demo/index.html with the widget of
# web/widget, its socket.io client from node_modules, and /config.js with
# the widget's settings. Only these paths are served, from 127.0.0.1.
WEB_DIR = settings.ROOT / "web"
DEMO_FILES: Dict[str, Tuple[Path, str]] = {
    "/": (WEB_DIR / "demo" / "index.html", "text/html; charset=utf-8"),
    "/demo.css": (WEB_DIR / "demo" / "demo.css", "text/css; charset=utf-8"),
    "/widget/widget.js": (WEB_DIR / "widget" / "widget.js", "text/javascript; charset=utf-8"),
    "/widget/widget.css": (WEB_DIR / "widget" / "widget.css", "text/css; charset=utf-8"),
    "/widget/vendor/socket.io.min.js": (
        settings.ROOT / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js",
        "text/javascript; charset=utf-8"),
}


def widget_server_url() -> str:
    """Where the browser reaches the Rasa server."""
    return (settings.get("WIDGET_SERVER_URL") or f"http://127.0.0.1:{settings.get('RASA_PORT')}").rstrip("/")


def widget_config() -> dict:
    return {"server": widget_server_url(), "bewaartermijnDagen": int(settings.get("RETENTION_DAYS"))}


def demo_url() -> str:
    return f"http://127.0.0.1:{settings.get('DEMO_PORT')}/"


def _content_security_policy() -> str:
    server = widget_server_url()
    socket_server = server.replace("http://", "ws://", 1).replace("https://", "wss://", 1)
    return ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' {server} {socket_server}; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")


class _DemoHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path, _, query = self.path.partition("?")
        if path in leren_pagina.PADEN:
            self._learning_page(path, query)
            return
        if path == "/favicon.ico":  # none, and no 404 in the browser's console
            self.send_response(204)
            self.end_headers()
            return
        if path == "/config.js":
            body = f"window.eenzaamheidWidget = {json.dumps(widget_config())};\n".encode()
            content_type = "text/javascript; charset=utf-8"
        elif path in DEMO_FILES and DEMO_FILES[path][0].is_file():
            file, content_type = DEMO_FILES[path]
            body = file.read_bytes()
        else:
            self.send_error(404, "Niet gevonden")
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if content_type.startswith("text/html"):
            self.send_header("Content-Security-Policy", _content_security_policy())
        self.end_headers()
        self.wfile.write(body)

    def _learning_page(self, path: str, query: str) -> None:
        """The review inbox and the insight report (bot/leren/pagina.py), behind the API token."""
        status, page = leren_pagina.antwoord(path, query, self.headers.get("Authorization"))
        body = page.encode()
        self.send_response(status)
        for name, value in [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body))),
                            ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"),
                            ("Referrer-Policy", "no-referrer"), ("Content-Security-Policy", leren_pagina.CSP)]:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def demo_site() -> Iterator[str]:
    """The demo page on 127.0.0.1:DEMO_PORT for the duration of the block; yields its URL."""
    settings.load()
    missing = [str(f) for f, _ in DEMO_FILES.values() if not f.is_file()]
    if missing:
        raise RuntimeError(f"The demo page needs {', '.join(missing)}: run `make install` (npm ci) first.")
    server = ThreadingHTTPServer(("127.0.0.1", int(settings.get("DEMO_PORT"))), _DemoHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    try:
        yield demo_url()
    finally:
        server.shutdown()
        server.server_close()
