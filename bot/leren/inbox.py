"""The review inbox: user messages the assistant did not understand, grouped.

A message is in the inbox when it ended in the fallback, when the model's
confidence was below a threshold, or when the worker corrected it right after
("nee, ik bedoel...", or "Er is acuut gevaar" after a fallback). Button
payloads are not typed questions and stay out. Similar messages are grouped
by their lemma n-grams (words and word pairs without stop words): a message
joins the first group with a message that shares at least 40% of the
n-grams of the shorter of the two. Plain
Python; the lemmatizer is passed in (spaCy's Dutch lookup tables, as the NLU
pipeline uses, from `lemmatizer()`).
"""
from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, FrozenSet, List, Optional, Sequence

from bot.leren.gegevens import Bericht, Gesprek

Lemmatizer = Callable[[str], List[str]]
STANDAARD_DREMPEL = 0.5
STANDAARD_DAGEN = 30
GELIJKENIS = 0.4  # share of the smaller set of n-grams two messages must have in common
WOORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass
class Item:
    """One message in the inbox, with why it is there."""
    bericht: Bericht
    redenen: List[str]


@dataclass
class Groep:
    """Similar messages; `nummer` is what the reviewer refers to."""
    nummer: int
    items: List[Item] = field(default_factory=list)
    kenmerken: List[FrozenSet[str]] = field(default_factory=list)  # of each message

    @property
    def aantal(self) -> int:
        return len(self.items)

    def _meest(self, waarden: Sequence[Optional[str]]) -> str:
        geteld = Counter(w for w in waarden if w)
        return geteld.most_common(1)[0][0] if geteld else "-"

    @property
    def intent(self) -> str:
        return self._meest([i.bericht.intent for i in self.items])

    @property
    def tweede(self) -> str:
        return self._meest([i.bericht.tweede for i in self.items])


def redenen(bericht: Bericht, drempel: float) -> List[str]:
    """Why a message belongs in the inbox (empty: it does not)."""
    if bericht.knop:
        return []
    gevonden = []
    if bericht.fallback:
        gevonden.append("niet begrepen")
    if bericht.zekerheid < drempel:
        gevonden.append(f"onzeker ({bericht.zekerheid:.2f})")
    if bericht.gecorrigeerd:
        gevonden.append("gecorrigeerd")
    return gevonden


def items(gesprekken: Sequence[Gesprek], dagen: int = STANDAARD_DAGEN, drempel: float = STANDAARD_DREMPEL,
          nu: Optional[float] = None) -> List[Item]:
    """The inbox messages of the last `dagen` days, oldest first."""
    vanaf = (time.time() if nu is None else nu) - dagen * 24 * 3600
    gevonden = [Item(b, r) for g in gesprekken for b in g.berichten
                if b.tijd >= vanaf and (r := redenen(b, drempel))]
    return sorted(gevonden, key=lambda i: (i.bericht.tijd, i.bericht.tekst))


def kenmerken(tekst: str, lemmas: Lemmatizer) -> FrozenSet[str]:
    """Lemma unigrams and bigrams of the words that carry meaning."""
    woorden = [w for w in lemmas(tekst) if WOORD.fullmatch(w) and w not in STOPWOORDEN]
    return frozenset(woorden + [f"{a} {b}" for a, b in zip(woorden, woorden[1:], strict=False)])


def _gelijkenis(a: FrozenSet[str], b: FrozenSet[str]) -> float:
    """Overlap coefficient: a short question inside a longer one still matches."""
    return len(a & b) / min(len(a), len(b)) if a and b else float(a == b)


def groepeer(inbox: Sequence[Item], lemmas: Lemmatizer) -> List[Groep]:
    """Groups of similar messages, largest first, numbered from 1."""
    groepen: List[Groep] = []
    for item in inbox:
        eigen = kenmerken(item.bericht.tekst, lemmas)
        groep = next((g for g in groepen if any(_gelijkenis(k, eigen) >= GELIJKENIS for k in g.kenmerken)), None)
        if groep is None:
            groep = Groep(0)
            groepen.append(groep)
        groep.items.append(item)
        groep.kenmerken.append(eigen)
    groepen.sort(key=lambda g: -g.aantal)  # stable: equal sizes keep first-seen order
    for nummer, groep in enumerate(groepen, 1):
        groep.nummer = nummer
    return groepen


def lemmatizer() -> Lemmatizer:
    """spaCy's blank Dutch pipeline with the lookup lemmatizer (var/spacy_nl),
    the one the NLU pipeline uses."""
    import spacy

    from gedeeld import settings

    nlp = spacy.load(settings.ROOT / "var" / "spacy_nl")
    return lambda tekst: [(t.lemma_ or t.text).lower() for t in nlp(tekst)]


def _stopwoorden() -> FrozenSet[str]:
    from spacy.lang.nl.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


STOPWOORDEN = _stopwoorden()
