"""The Dutch sentences of the intervention search (data/interventies/teksten.yml)."""
from __future__ import annotations

from functools import lru_cache

from actions.algemeen.yamlbestand import lees_mapping
from actions.interventies.catalogus import DATA_DIR


@lru_cache(maxsize=1)
def teksten() -> dict:
    return lees_mapping(DATA_DIR / "teksten.yml")
