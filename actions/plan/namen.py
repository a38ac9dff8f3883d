"""Names out of the action plan's free text.

The plan refers to "de bewoner" or initials the worker chooses. Every
free text goes through `anoniem`: first `gedeeld.redactie` (phone numbers,
addresses, BSN, birth dates, names after a title or role such as "buurman
Kees", which keeps "buurman", and names deduce knows, which become "[NAAM]"), then a rule for names without a title: a
capitalised word that is not a known role, organisation, intervention, help
line, municipality, day or month becomes "[NAAM]", with the capitalised words
next to it ("Jan de Vries"). A capitalised word at the start of a sentence is
taken as an ordinary word unless it stands next to such a name, so "Bellen
met Kees" keeps "Bellen" and loses "Kees"; "Kees belt" in a goal or a
description is left to deduce, which knows "Kees" as a first name; in the fields about people (netwerk, vangnet, who
does a step) every capitalised word counts, so there "Kees" goes. A Dutch
word list would catch more but costs some seventy megabytes of memory in
the action server (the spacy-lookups-data lemma table); the worker is asked
not to type names at all. The escape is said in the message: a word written
without a capital is never taken for a name.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import FrozenSet, List, Tuple

from actions.plan.gegevens import NAAM, teksten
from gedeeld import redactie

_WOORD = re.compile(rf"[{redactie.UPPER}][{redactie.LOWER}'’]+(?:-[{redactie.UPPER}]?[{redactie.LOWER}'’]+)*")
_DEELTJE = re.compile(rf"{redactie.PARTICLE}")
_ZINSBEGIN = re.compile(r"(?:^|[.!?:;\n(\"']|^\s*[-*•]|\n\s*[-*•])\s*$")


@lru_cache(maxsize=1)
def _bekende_woorden() -> FrozenSet[str]:
    """Lower-case words that are no person's name when capitalised."""
    t = teksten()
    woorden = set(t["geen_naam"]) | set(t["dagen"]) | set(t["maanden"])
    try:
        from actions.interventies.catalogus import laad_ingebouwd
        from actions.kennis.kennisbank import kennisbank
        namen = [lijn["naam"] for lijn in kennisbank().hulplijnen.values()]
        for interventie in laad_ingebouwd().interventies.values():
            namen += [interventie.naam, interventie.organisatie]
        for naam in namen:
            woorden |= {w.lower() for w in re.findall(r"[^\W\d_]+", naam)}
    except Exception:  # noqa: BLE001 - the plan still works without the catalogue
        pass
    return frozenset(woorden)


@lru_cache(maxsize=1)
def _gemeenten():
    try:
        from actions.interventies.gemeenten import laad_gemeenten
        return laad_gemeenten()
    except Exception:  # noqa: BLE001 - without the municipality register no word counts as one
        return None


def _is_gemeente(woorden: str) -> bool:
    register = _gemeenten()
    return bool(register and register.exact(woorden))


def _naam_stukken(tekst: str, over_personen: bool = False) -> List[Tuple[int, int]]:
    """Spans of `tekst` that look like a person's name without a title."""
    bekend = _bekende_woorden()
    woorden = [m for m in _WOORD.finditer(tekst)
               if not (m.start() > 0 and tekst[m.start() - 1] == "[")]
    # group capitalised words that follow each other (particles allowed between)
    groepen: List[List[re.Match]] = []
    for m in woorden:
        if groepen:
            tussen = tekst[groepen[-1][-1].end():m.start()]
            if re.fullmatch(rf"\s+(?:{redactie.PARTICLE}\s+){{0,3}}", tussen):
                groepen[-1].append(m)
                continue
        groepen.append([m])
    stukken: List[Tuple[int, int]] = []
    for groep in groepen:
        if _is_gemeente(tekst[groep[0].start():groep[-1].end()]):
            continue
        soort = []  # per word: "bekend", "woord" (ordinary word at a sentence start) or "naam"
        for m in groep:
            laag = m.group().lower()
            if laag in bekend or _is_gemeente(m.group()):
                soort.append("bekend")
            elif not over_personen and _ZINSBEGIN.search(tekst[:m.start()]):
                soort.append("woord")
            else:
                soort.append("naam")
        if "naam" not in soort:
            continue
        eerste = soort.index("naam")
        while eerste > 0 and soort[eerste - 1] == "woord":  # "Jan de Vries": Jan goes too
            eerste -= 1
        laatste = len(soort) - 1 - soort[::-1].index("naam")
        stukken.append((groep[eerste].start(), groep[laatste].end()))
    return stukken


def _netjes(tekst: str) -> str:
    tekst = re.sub(r"[ \t]+", " ", tekst)
    tekst = re.sub(r" ([,.;:!?)])", r"\1", tekst)
    return tekst.strip()


def anoniem(tekst: str, over_personen: bool = False) -> Tuple[str, bool]:
    """`tekst` without names or identifying details, and whether anything was
    taken out. A name after a role word goes ("buurman Kees" becomes
    "buurman"); other details become their placeholder ("[TELEFOON]").
    `over_personen`: the text names people (who helps, whom to call), so a
    capitalised word counts as a name unless it is in the word list, also at
    the start of a sentence."""
    na_titel = set(redactie.namen_na_titel(tekst))
    bevindingen = [replace(b, replacement="") if b in na_titel else b for b in redactie.vind(tekst)]
    schoon = redactie.vervang(tekst, bevindingen)
    stukken = _naam_stukken(schoon, over_personen)
    for start, eind in reversed(stukken):
        schoon = schoon[:start] + NAAM + schoon[eind:]
    return _netjes(schoon), bool(bevindingen or stukken)


def zonder_namen(tekst: str) -> str:
    """What is left when the name placeholders are taken out."""
    return _netjes(tekst.replace(NAAM, ""))


