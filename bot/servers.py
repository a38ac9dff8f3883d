"""Start the action server and the Rasa server, wait until they answer, and
stop both cleanly (used by `make run`, `make shell`, the benchmark and tests)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

from bot import rasa_cli, settings

STARTUP_TIMEOUT_S = 240


def _start(args: List[str], log: Optional[Path]) -> subprocess.Popen:
    out = open(log, "ab") if log else None
    env = rasa_cli.environment()
    env["SANIC_HOST"] = settings.get("SERVER_INTERFACE")  # the action server's interface
    return subprocess.Popen(
        rasa_cli.command(*args), cwd=settings.ROOT, env=env,
        stdout=out, stderr=subprocess.STDOUT if out else None, start_new_session=True,
    )


def start_action_server(log: Optional[Path] = None) -> subprocess.Popen:
    return _start(["run", "actions", "--actions", "actions", "--port", settings.get("ACTION_PORT")], log)


def start_rasa_server(model: Path, log: Optional[Path] = None) -> subprocess.Popen:
    return _start([
        "run", "--enable-api", "--model", str(model), "--port", settings.get("RASA_PORT"),
        "--interface", settings.get("SERVER_INTERFACE"),
        "--credentials", "credentials.yml", "--endpoints", "endpoints.yml",
    ], log)


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


def use_free_ports() -> None:
    """Move this process's servers to free ports, so tests and benchmarks do
    not collide with a `make run` on the same machine."""
    settings.load()
    action_port, rasa_port = free_port(), free_port()
    os.environ["ACTION_PORT"] = str(action_port)
    os.environ["ACTION_ENDPOINT_URL"] = f"http://localhost:{action_port}/webhook"
    os.environ["RASA_PORT"] = str(rasa_port)


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
