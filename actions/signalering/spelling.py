"""Danger words read in their right spelling when a message has them one
letter off: "suisidaal", "zelfmoort", "zelfmord plegen", "suiside", "zelf moord". Workers
and volunteers type fast in a chat, and a crisis must not hang on a letter.

Only the start of a word is compared with a stem from signalering.yml
(`gevaarwoorden`), so compounds are read too ("zelfmoortgedachten"). The first
letter must match and one edit is allowed (a letter changed, added, left out
or two swapped), on stems long enough that one letter off is no other Dutch
word. Plain Python, no Rasa."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Pattern, Sequence, Tuple

WOORD = re.compile(r"[a-z]{5,}")


def afstand_hoogstens_een(a: str, b: str) -> bool:
    """Whether `a` becomes `b` with at most one edit: a letter changed, added,
    left out, or two neighbouring letters swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    begin = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[begin + 1:] == b[begin + 1:] or (a[begin:begin + 2] == b[begin:begin + 2][::-1]
                                                  and a[begin + 2:] == b[begin + 2:])
    kort, lang = (a, b) if len(a) < len(b) else (b, a)
    return kort[begin:] == lang[begin + 1:]


@lru_cache(maxsize=4096)
def _hersteld(woord: str, stammen: Sequence[str]) -> Optional[str]:
    """The word with its misspelled stem written right, or None when no stem is one edit off."""
    for stam in stammen:
        if woord[0] != stam[0] or woord.startswith(stam):
            continue
        for lengte in (len(stam) + 1, len(stam), len(stam) - 1):  # a letter too many first: "overdossis"
            if lengte <= len(woord) and afstand_hoogstens_een(woord[:lengte], stam):
                return stam + woord[lengte:]
    return None


@lru_cache(maxsize=8)
def _gesplitst(stammen: Tuple[str, ...]) -> Pattern[str]:
    """A stem written as two words ("zelf moord", "over dosis"), each part three letters or more."""
    delen = {f"{stam[:i]} {stam[i:]}" for stam in stammen for i in range(3, len(stam) - 2)}
    return re.compile(r"\b(" + "|".join(map(re.escape, sorted(delen, key=len, reverse=True))) + ")")


def herstel(tekst: str, stammen: Sequence[str]) -> str:
    """The text (lowercase, without accents) with every danger word one letter
    off, or split in two, written as the stem it misses."""
    stammen = tuple(stammen)
    tekst = _gesplitst(stammen).sub(lambda m: m.group(1).replace(" ", ""), tekst)
    return WOORD.sub(lambda m: _hersteld(m.group(0), stammen) or m.group(0), tekst)
