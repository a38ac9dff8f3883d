"""Adversarial inputs and a timer for the linear-time tests of the redaction
and the description patterns (issue 19): one message must never cost
seconds because a pattern starts a match at almost every position.

Each input is one short unit repeated to `LENGTE` characters: runs of the
characters the patterns repeat (dashes, dots, digits with separators, letters,
street words, titles, particles), in upper and lower case."""
from __future__ import annotations

import gc
import time
from functools import lru_cache, partial
from typing import Callable, Dict, Tuple

LENGTE = 10_000
GRENS = 0.050  # seconds per pattern per input

EENHEDEN = (
    "-", ".", "'", " ", "\t", "a", "A", "1", "a-", "A-", "a.", "x'", "Ab-", "Ab-Ab ", "a ", "A ", "Aa ", "1 ", "1.",
    "1,", "1.,", "€1", "12 ", "1 A", "1-1-", "1 jan ", "AB12", "NL12", "nl12 ", "1234 AB ", "1234AB", "aa@", "a@a.",
    "straat", "straat ", "Astraat ", "Burgemeester ", "Van ", "van de ", "de ", "mevrouw ", "mevrouw A", "A. ",
    "mijn zoon ", "de heer ", "geboren ", "geb. ", "thuiszorg", "xthuiszorg", "hulpverlen", "weet ", "komt ",
    "alleen ", "niet meer naar ", "zegt ", "voel ",
)


@lru_cache(maxsize=None)
def invoer(vorm: Callable[[str], str] = str) -> Tuple[Tuple[str, str], ...]:
    """(unit, text of LENGTE characters) for every unit, as typed and in lower
    case, each text as `vorm` makes it and once: code that reads only a
    normalised form (the description reader: lowercase, single spaces) is
    timed on what it reads, not twice on the same text. Built once per
    `vorm`: the hundreds of pattern tests share them."""
    gezien: Dict[str, str] = {}
    for eenheid in EENHEDEN:
        tekst = herhaald(eenheid, LENGTE)
        for variant, getypt in ((eenheid, tekst), (eenheid.lower(), tekst.lower())):
            gezien.setdefault(vorm(getypt), variant)
    return tuple((variant, tekst) for tekst, variant in gezien.items())


def duur(werk: Callable[[], object], keer: int = 3, grens: float = GRENS) -> float:
    """The fastest of `keer` runs, in seconds of this thread's CPU time: the
    machine is shared, and a quadratic pattern is slow every time while a
    busy moment (another process on the same core) is not. Stops at the
    first run within `grens`: a faster one would change nothing."""
    beste = float("inf")
    for _ in range(keer):
        beste = min(beste, cpu_tijd(werk))
        if beste <= grens:
            break
    return beste


def traagste(zoek: Callable[[str], object], grens: float = GRENS,
             vorm: Callable[[str], str] = str) -> Tuple[float, str]:
    """The slowest adversarial input for `zoek`, each input as `vorm` makes it: (seconds, unit)."""
    return max((duur(partial(zoek, tekst), grens=grens), eenheid) for eenheid, tekst in invoer(vorm))


def groei(werk: Callable[[str], object], eenheid: str, grens: float, klein: int = 1_000,
          groot: int = 10_000) -> float:
    """How many times longer `werk` takes on `eenheid` repeated to `groot`
    characters than to `klein`: about groot/klein (10) when it is linear,
    its square (100) when it is quadratic. The short text counts the
    fastest of three runs, so a busy moment of the shared machine does not
    count; the long one runs until it is within `grens` times that (at most
    three runs): a further run could only lower the ratio, and a quadratic
    cost is over it every time."""
    kort = max(duur(partial(werk, herhaald(eenheid, klein)), grens=0), 1e-4)
    return duur(partial(werk, herhaald(eenheid, groot)), grens=grens * kort) / kort


def herhaald(eenheid: str, lengte: int) -> str:
    """`eenheid` repeated to `lengte` characters."""
    return (eenheid * (lengte // max(1, len(eenheid)) + 1))[:lengte]


def cpu_tijd(werk: Callable[[], object]) -> float:
    """This thread's CPU time for one run of `werk`, with Python's garbage
    collector off: late in a long test session a full collection of the
    session's objects can fall inside a measurement and cost more than the
    work itself."""
    aan = gc.isenabled()
    gc.disable()
    try:
        begin = time.thread_time()
        werk()
        return time.thread_time() - begin
    finally:
        if aan:
            gc.enable()
