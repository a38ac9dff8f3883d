"""Train a model only when its inputs changed, judged by content hash.

The model file is named after the hash of `config.yml`, `domain.yml` and every
file of the Rasa training data (`data/nlu`, `data/stories`, `data/rules`) and
of the danger model's corpus and code (`data/crisis`, `data/beschrijvingen`,
`bot/nlu/gevaarmodel.py`), so "is there a model for this data?" is a file
lookup. The knowledge base, the
intervention catalogue and the practice personas (`data/kennis`,
`data/interventies`, `data/oefenen`) are read by the action server when it
starts; changing them needs a restart, not a new model.
"""
from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Iterable, Optional

from bot import rasa_cli
from gedeeld import settings

TRAINING_INPUTS = ("config.yml", "domain.yml", *rasa_cli.TRAINING_DATA, "data/crisis", "data/beschrijvingen",
                   "bot/nlu/gevaarmodel.py")
MODELS_KEPT = 3


def _input_files() -> Iterable[Path]:
    for name in TRAINING_INPUTS:
        path = settings.ROOT / name
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        elif path.exists():
            yield path


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in _input_files():
        digest.update(str(path.relative_to(settings.ROOT)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def model_name(hash_: Optional[str] = None) -> str:
    return f"nl-{hash_ or fingerprint()}"


def model_path(hash_: Optional[str] = None) -> Path:
    return settings.MODELS_DIR / f"{model_name(hash_)}.tar.gz"


def training_info(path: Path) -> dict:
    """What was recorded when the model at `path` was trained."""
    info = path.with_suffix("").with_suffix(".json")
    return json.loads(info.read_text()) if info.exists() else {}


def validate() -> None:
    rasa_cli.run("data", "validate", "--fail-on-warnings", *rasa_cli.data_args())


def ensure_model() -> Path:
    """Return the model for the current inputs, training it if missing."""
    path = model_path()
    if path.exists():
        print(f"Model is up to date: {path.relative_to(settings.ROOT)}")
        return path
    validate()
    started = time.monotonic()
    rasa_cli.run(
        "train", *rasa_cli.data_args(), "--out", str(settings.MODELS_DIR),
        "--fixed-model-name", model_name(),
    )
    seconds = round(time.monotonic() - started, 1)
    path.with_suffix("").with_suffix(".json").write_text(json.dumps({"training_seconds": seconds}))
    print(f"Trained {path.relative_to(settings.ROOT)} in {seconds} s")
    _remove_old_models(keep=path)
    return path


def _remove_old_models(keep: Path) -> None:
    models = sorted(settings.MODELS_DIR.glob("nl-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    for old in [m for m in models if m != keep][: max(0, len(models) - MODELS_KEPT)]:
        old.unlink()
        old.with_suffix("").with_suffix(".json").unlink(missing_ok=True)
