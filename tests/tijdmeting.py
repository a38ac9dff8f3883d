"""Adversarial inputs and a timer for the linear-time tests of the redaction
and the description patterns (issue 19): one message must never cost
seconds because a pattern starts a match at almost every position.

Each input is one short unit repeated to `LENGTE` characters: runs of the
characters the patterns repeat (dashes, dots, digits with separators, letters,
street words, titles, particles), in upper and lower case."""
from __future__ import annotations

import gc
import time
from functools import partial
from typing import Callable, Iterator, List, Sequence, Tuple

LENGTE = 10_000
GRENS = 0.050  # seconds per pattern per input

EENHEDEN = (
    "-", ".", "'", " ", "\t", "a", "A", "1", "a-", "A-", "a.", "x'", "Ab-", "Ab-Ab ", "a ", "A ", "Aa ", "1 ", "1.",
    "1,", "1.,", "€1", "12 ", "1 A", "1-1-", "1 jan ", "AB12", "NL12", "nl12 ", "1234 AB ", "1234AB", "aa@", "a@a.",
    "straat", "straat ", "Astraat ", "Burgemeester ", "Van ", "van de ", "de ", "mevrouw ", "mevrouw A", "A. ",
    "mijn zoon ", "de heer ", "geboren ", "geb. ", "thuiszorg", "xthuiszorg", "hulpverlen", "weet ", "komt ",
    "alleen ", "niet meer naar ", "zegt ", "voel ",
)


def invoer() -> Iterator[Tuple[str, str]]:
    """(unit, text of LENGTE characters) for every unit, as typed and in lower case."""
    for eenheid in EENHEDEN:
        tekst = herhaald(eenheid, LENGTE)
        yield eenheid, tekst
        if tekst.lower() != tekst:
            yield eenheid.lower(), tekst.lower()


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


def traagste(zoek: Callable[[str], object], grens: float = GRENS) -> Tuple[float, str]:
    """The slowest adversarial input for `zoek`: (seconds, unit)."""
    return max((duur(partial(zoek, tekst), grens=grens), eenheid) for eenheid, tekst in invoer())


def groei(werk: Callable[[str], object], eenheid: str, klein: int = 1_000, groot: int = 10_000) -> float:
    """How many times longer `werk` takes on `eenheid` repeated to `groot`
    characters than to `klein`: about groot/klein (10) when it is linear,
    its square (100) when it is quadratic. Fastest of three runs each, so a
    busy moment of the shared machine does not count."""
    kort, lang = snelste(werk, [herhaald(eenheid, klein), herhaald(eenheid, groot)], keer=3)
    return lang / max(kort, 1e-4)


def herhaald(eenheid: str, lengte: int) -> str:
    """`eenheid` repeated to `lengte` characters."""
    return (eenheid * (lengte // max(1, len(eenheid)) + 1))[:lengte]


def snelste(werk: Callable[[str], object], teksten: Sequence[str], keer: int = 5) -> List[float]:
    """The fastest of `keer` runs of `werk` on each text, in CPU time, the
    texts taking turns: a busy stretch of the shared machine, or of the
    other test worker (`make check` runs two), then weighs on each text
    alike instead of on one of them, which would skew their ratio."""
    beste = [float("inf")] * len(teksten)
    for _ in range(keer):
        for i, tekst in enumerate(teksten):
            beste[i] = min(beste[i], cpu_tijd(partial(werk, tekst)))
    return beste


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
