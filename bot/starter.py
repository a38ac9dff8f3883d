"""Rasa's own starter assistant (`rasa init`), the yardstick of `make bench`:
created and trained once under var/bench/starter (offline: `rasa init` copies
the project from the installed Rasa package and trains it locally), then
served by a plain `rasa run` on a free port on 127.0.0.1."""
from __future__ import annotations

import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from bot import rasa_cli, servers
from gedeeld import settings

STARTER_DIR = settings.VAR_DIR / "bench" / "starter"


def model() -> Path:
    """The starter's trained model, created and trained on first use."""
    existing = sorted((STARTER_DIR / "models").glob("*.tar.gz"))
    if existing:
        return existing[-1]
    STARTER_DIR.mkdir(parents=True, exist_ok=True)
    print("Rasa's starter assistant: `rasa init` and training, once (a few minutes) ...", flush=True)
    with open(STARTER_DIR.parent / "starter-train.log", "ab") as log:
        subprocess.run(rasa_cli.command("init", "--no-prompt", "--init-dir", str(STARTER_DIR)),
                       cwd=STARTER_DIR.parent, env=rasa_cli.environment(), stdout=log, stderr=subprocess.STDOUT,
                       check=True)
    return sorted((STARTER_DIR / "models").glob("*.tar.gz"))[-1]


@contextmanager
def running(port: int) -> Iterator[subprocess.Popen]:
    """The starter assistant on 127.0.0.1:`port` (in-memory tracker store, as
    it comes), up and answering for the duration of the block."""
    path = model()
    with open(STARTER_DIR.parent / "starter.log", "ab") as log:
        process = subprocess.Popen(
            rasa_cli.command("run", "--model", str(path), "--port", str(port), "--interface", "127.0.0.1"),
            cwd=STARTER_DIR, env=rasa_cli.environment(), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
    try:
        servers.wait_until_up(f"http://127.0.0.1:{port}/", process)
        yield process
    finally:
        servers.stop(process)
