"""Conversation repair, the same in every form and walk (plain Python).

A form's question can be met with something other than an answer: a
question in between, "wat bedoel je?", going back, pausing, starting over
for a new person. `herken` names the kind of repair a message asks for;
`ondersteund` says whether a form supports it, from the one table in
data/kennis/herstel.yml (`formulieren`), so every form declares its repairs
in one place. The Rasa side (actions/algemeen/acties.py) carries them out.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, FrozenSet, Optional, Pattern, Tuple

from actions.algemeen.tekst import normaal
from actions.algemeen.yamlbestand import lees_mapping
from gedeeld import settings

BESTAND = settings.KENNIS_DIR / "herstel.yml"

TUSSENVRAAG = "tussenvraag"
VERDUIDELIJKING = "verduidelijking"
VORIGE_VRAAG = "vorige_vraag"
OVERSLAAN = "overslaan"
CORRECTIE = "correctie"
BESCHRIJVING = "beschrijving"
VORIGE_FASE = "vorige_fase"
VOLGENDE_FASE = "volgende_fase"
VERDER = "verder"
PAUZE = "pauze"
NIEUWE_PERSOON = "nieuwe_persoon"
STOPPEN = "stoppen"
SOORTEN = (TUSSENVRAAG, VERDUIDELIJKING, VORIGE_VRAAG, OVERSLAAN, CORRECTIE, BESCHRIJVING, VORIGE_FASE,
           VOLGENDE_FASE, VERDER, PAUZE, NIEUWE_PERSOON, STOPPEN)
# Kinds the form's own reading handles (the answer itself, or a rule for 'stop');
# the other kinds need a handler in the form's validation action.
EIGEN_AFHANDELING = frozenset({CORRECTIE, BESCHRIJVING, STOPPEN})
# Below this confidence a message that answers nothing is not taken as a knowledge question.
KENNISVRAAG_ZEKERHEID = 0.6


class HerstelFout(ValueError):
    """herstel.yml names an unknown kind of repair."""


@lru_cache(maxsize=1)
def gegevens() -> dict:
    """herstel.yml with its patterns compiled and its table checked; loaded once."""
    data = lees_mapping(BESTAND, HerstelFout)
    herkenning: Dict[str, Tuple[Pattern[str], ...]] = {}
    for soort, patronen in data["herkenning"].items():
        _controleer(soort, "herkenning")
        herkenning[soort] = tuple(re.compile(p) for p in patronen)
    data["herkenning"] = herkenning
    for form, soorten in data["formulieren"].items():
        for soort in soorten:
            _controleer(soort, form)
    return data


def _controleer(soort: str, waar: str) -> None:
    if soort not in SOORTEN:
        raise HerstelFout(f"herstel.yml: {waar}: onbekende soort herstel '{soort}'; kies uit {', '.join(SOORTEN)}")


def formulieren() -> Dict[str, FrozenSet[str]]:
    """Every form with the kinds of repair it declares."""
    return {form: frozenset(soorten) for form, soorten in gegevens()["formulieren"].items()}


def ondersteund(form: str, soort: str) -> bool:
    return soort in formulieren().get(form, frozenset())


def herken(tekst: str, kennisvraag: bool = False) -> Optional[str]:
    """The kind of repair `tekst` asks for, or None for an ordinary answer.
    `kennisvraag`: the NLU is sure the message asks a knowledge question (or
    'wat kun je?'); that counts only when no steering words match, and for a
    question ("wat bedoel je met contact?" is a clarification, not a topic)."""
    t = normaal(tekst).lower()
    soort = next((s for s, patronen in gegevens()["herkenning"].items() if any(p.search(t) for p in patronen)), None)
    if soort is None and kennisvraag:
        return TUSSENVRAAG
    return soort


def correctie(tekst: str) -> Optional[str]:
    """The new answer in a correction of the answer before ("nee, bij de vorige
    vraag bedoelde ik ja" gives "ja"), as typed; None when `tekst` is no such correction."""
    t = normaal(tekst)
    for patroon in gegevens()["herkenning"].get(CORRECTIE, ()):
        gevonden = patroon.search(t.lower())
        if gevonden and gevonden.group("antwoord"):
            return t[gevonden.start("antwoord"):].strip(" .!")
    return None


def uitleg(slot: Optional[str]) -> str:
    """The question of `slot` said another way, with an example and what a good answer is."""
    teksten = gegevens()["uitleg"]
    return teksten.get(slot or "", teksten["algemeen"])


def melding(sleutel: str, **waarden: str) -> str:
    return gegevens()["meldingen"][sleutel].format(**waarden)
