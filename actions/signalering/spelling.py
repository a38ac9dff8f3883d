"""Danger words read in their right spelling when a message has them a letter
or two off, or split: "suisidaal", "zelfmoort", "zelfmord plegen", "suiside", "zelf moord". Workers
and volunteers type fast in a chat, and a crisis must not hang on a letter.

Only the start of a word is compared with a stem from signalering.yml
(`gevaarwoorden`), so compounds are read too ("zelfmoortgedachten"). The first
two letters must match; one edit is allowed (a letter changed, added, left out
or two swapped), two on stems of nine letters or more ("zelfmort"), on stems
long enough that so few edits make no other Dutch word. Plain Python, no Rasa."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List, Optional, Pattern, Sequence, Tuple

WOORD = re.compile(r"[a-z]{5,}")


def afstanden(a: str, b: str, grens: int = 2) -> List[int]:
    """For every start of `a` (a[:0], a[:1], ...): the number of edits to `b`
    (letters changed, added, left out, or two neighbouring letters swapped:
    optimal string alignment), and `grens + 1` once it is sure to be more.
    One table for all starts: its rows are the starts of `a`."""
    uitkomst = [len(b)]
    vorige2: list = []
    vorige = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        rij = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            rij[j] = min(vorige[j] + 1, rij[j - 1] + 1, vorige[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rij[j] = min(rij[j], vorige2[j - 2] + 1)
        if min(rij) > grens:  # no longer start can come closer
            return uitkomst + [grens + 1] * (len(a) - i + 1)
        uitkomst.append(rij[-1])
        vorige2, vorige = vorige, rij
    return uitkomst


# Stems this long may be two edits off ("zelfmort"); shorter ones one.
LANG = 9


def _hersteld(woord: str, stammen: Sequence[str]) -> Optional[str]:
    """The word with its misspelled stem written right, or None when no stem is near enough.
    The first two letters must be the stem's (typing errors there are rare, and
    it keeps the work small). Of the lengths the start of the word may have, the
    one with the fewest edits wins; at equal edits a letter too many first ("overdossis").
    Not cached: a cache would keep the words of messages, names among them, in memory."""
    for stam in stammen:
        if woord[:2] != stam[:2] or woord.startswith(stam):
            continue
        grens = 2 if len(stam) >= LANG else 1
        lengtes = [n for n in (len(stam) + 1, len(stam), len(stam) - 1, len(stam) + 2, len(stam) - 2)
                   if n <= len(woord) and abs(n - len(stam)) <= grens]
        per_lengte = afstanden(woord[:len(stam) + grens], stam, grens)
        beste = min(lengtes, key=per_lengte.__getitem__, default=None)
        if beste is not None and per_lengte[beste] <= grens:
            return stam + woord[beste:]
    return None


@lru_cache(maxsize=8)
def _gesplitst(stammen: Tuple[str, ...]) -> Pattern[str]:
    """A stem written as two words ("zelf moord", "over dosis"), each part three letters or more."""
    delen = {f"{stam[:i]} {stam[i:]}" for stam in stammen for i in range(3, len(stam) - 2)}
    return re.compile(r"\b(" + "|".join(map(re.escape, sorted(delen, key=len, reverse=True))) + ")")


def herstel(tekst: str, stammen: Sequence[str]) -> str:
    """The text (lowercase, without accents) with every danger word a letter
    or two off, or split in two, written as the stem it misses."""
    stammen = tuple(stammen)
    tekst = _gesplitst(stammen).sub(lambda m: m.group(1).replace(" ", ""), tekst)
    return WOORD.sub(lambda m: _hersteld(m.group(0), stammen) or m.group(0), tekst)
