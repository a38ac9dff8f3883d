"""The Dutch sentences of the intervention search (data/interventies/teksten.yml)."""
from __future__ import annotations

from functools import lru_cache

import yaml

from actions.interventies.catalogus import DATA_DIR


@lru_cache(maxsize=1)
def teksten() -> dict:
    return yaml.safe_load((DATA_DIR / "teksten.yml").read_text(encoding="utf-8"))
