"""Reading a data file with a Dutch error that names it, for every loader."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Type

import yaml


class GegevensFout(ValueError):
    """A data file that cannot be read, when the loader has no error of its own."""


def lees_yaml(pad: Path, fout: Type[Exception] = GegevensFout) -> Any:
    """The file's YAML; `fout` with 'naam: kan het bestand niet lezen (...)' when it can't be read."""
    try:
        return yaml.safe_load(pad.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as oorzaak:
        raise fout(f"{pad.name}: kan het bestand niet lezen ({oorzaak})") from oorzaak


def lees_mapping(pad: Path, fout: Type[Exception] = GegevensFout, verwacht: str = "een YAML-mapping bovenaan") -> dict:
    """As `lees_yaml`, and the top must be a mapping ('naam: verwacht ...' otherwise)."""
    data = lees_yaml(pad, fout)
    if not isinstance(data, dict):
        raise fout(f"{pad.name}: verwacht {verwacht}")
    return data
