"""Checking a data entry field by field, collecting every problem.

A trainer or an organisation that edits a persona file or imports its
catalogue wants all that is wrong at once, in Dutch, not the first error
only; each schema check subclasses `Controle` with its own field rules.
"""
from __future__ import annotations

from typing import List, Optional, Sequence


class Controle:
    """Collects the reasons while the fields of one entry are read."""

    def __init__(self, waar: Optional[str] = None):
        self.waar = waar  # put before every reason: the file name, for example
        self.redenen: List[str] = []

    def fout(self, *delen: str) -> None:
        """One reason; several parts are joined as 'waar: veld: wat'."""
        self.redenen.append(": ".join([*([self.waar] if self.waar else []), *delen]))


class ControleFout(ValueError):
    """A check found problems; `redenen` holds every reason, in Dutch."""

    scheiding = "; "

    def __init__(self, redenen: Sequence[str]):
        self.redenen = list(redenen)
        super().__init__(self.scheiding.join(self.redenen))
