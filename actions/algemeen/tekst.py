"""Small text helpers every feature uses when it reads or writes Dutch."""
from __future__ import annotations

from typing import Iterable, Optional


def normaal(tekst: Optional[str]) -> str:
    """Curly quotes made straight and white space folded, so patterns see one form."""
    return " ".join((tekst or "").replace("’", "'").replace("‘", "'").split())


def opsomming(delen: Iterable[str], en: str = "en") -> str:
    """'a', 'a en b', 'a, b en c'."""
    lijst = list(delen)
    if len(lijst) < 2:
        return "".join(lijst)
    return f"{', '.join(lijst[:-1])} {en} {lijst[-1]}"
