"""Reading a data file with a Dutch error that names it, for every loader."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Type

import yaml

# libyaml (PyYAML's C extension) reads the data files about nine times faster
# than the pure-Python loader, with the same result: 0.12 s instead of 1.1 s
# for data/ here, read at every start and in many tests. Its errors do not
# show the line they point at, so a file it refuses is read again by the
# pure-Python loader, which raises with that line.
_SNEL = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_uit(tekst: str) -> Any:
    """`yaml.safe_load(tekst)`, read by libyaml when it is installed."""
    try:
        return yaml.load(tekst, Loader=_SNEL)  # a safe loader, C or Python
    except yaml.YAMLError:
        return yaml.safe_load(tekst)


class GegevensFout(ValueError):
    """A data file that cannot be read, when the loader has no error of its own."""


def lees_yaml(pad: Path, fout: Type[Exception] = GegevensFout) -> Any:
    """The file's YAML; `fout` with 'naam: kan het bestand niet lezen (...)' when it can't be read."""
    try:
        return yaml_uit(pad.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as oorzaak:
        raise fout(f"{pad.name}: kan het bestand niet lezen ({oorzaak})") from oorzaak


def lees_mapping(pad: Path, fout: Type[Exception] = GegevensFout, verwacht: str = "een YAML-mapping bovenaan") -> dict:
    """As `lees_yaml`, and the top must be a mapping ('naam: verwacht ...' otherwise)."""
    data = lees_yaml(pad, fout)
    if not isinstance(data, dict):
        raise fout(f"{pad.name}: verwacht {verwacht}")
    return data
