"""Run Rasa's own command line from this repository, with our settings."""
from __future__ import annotations

import os
import subprocess
import sys
from typing import Dict, List, Sequence

from gedeeld import settings

TRAINING_DATA = ["data/nlu", "data/stories", "data/rules"]


def environment() -> Dict[str, str]:
    """The environment for Rasa processes: settings plus quieter logging."""
    settings.load()
    env = dict(os.environ)
    env["RASA_TELEMETRY_ENABLED"] = "false"  # no network at run time
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("PYTHONWARNINGS", "ignore")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(settings.ROOT), env.get("PYTHONPATH")]))
    return env


def command(*args: str) -> List[str]:
    """`python -m rasa ARGS` with this interpreter (so cwd is importable)."""
    return [sys.executable, "-m", "rasa", *args]


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run a Rasa command in the foreground, from the repository root."""
    return subprocess.run(command(*args), cwd=settings.ROOT, env=environment(), check=check)


def data_args() -> Sequence[str]:
    return ["--config", "config.yml", "--domain", "domain.yml", "--data", *TRAINING_DATA]
