"""The personal action plan's data: its fields, the texts of data/kennis/plan.yml,
and the `Uitkomst` every check returns. Plain Python without Rasa.

A plan is a JSON-serialisable dict, so Rasa slots can keep it (one slot per
field, or one slot holding the dict):

    {"aanduiding": "de bewoner",       # or initials: "J.K."
     "doel": "Ik wil weer ergens bij horen.",   # in the person's own words
     "drijfveren": "...",              # what drives them, what they enjoy
     "zelf": "...",                    # what they can and want to do themselves
     "netwerk": "...",                 # who can help
     "stappen": [{"wat": "...", "wie": "...", "wanneer": "...",
                  "datum": "2026-12-08" or None}],  # two to five
     "vervolgdatum": "2026-12-08",     # ISO date of the follow-up
     "vangnet": "..."}                 # whom they can call
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Dict, Optional

from actions.algemeen.yamlbestand import lees_mapping
from gedeeld import settings

BESTAND = settings.KENNIS_DIR / "plan.yml"
VELDEN = ("aanduiding", "doel", "drijfveren", "zelf", "netwerk", "stappen", "vervolgdatum", "vangnet")
TEKSTVELDEN = ("doel", "drijfveren", "zelf", "netwerk")
MIN_STAPPEN = 2
MAX_STAPPEN = 5
JAAR_TERUG_DAGEN = 90
VOORBEELD_OVER_DAGEN = 14
NAAM = "[NAAM]"

Plan = Dict[str, Any]


@dataclass(frozen=True)
class Uitkomst:
    """The result of reading one answer: the value to keep, or why not."""
    waarde: Any = None
    fout: Optional[str] = None  # refused: show this and ask again
    opmerking: Optional[str] = None  # accepted but changed: show this too

    @property
    def ok(self) -> bool:
        return self.fout is None



# --- data ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def teksten() -> dict:
    """plan.yml, loaded once."""
    return lees_mapping(BESTAND)


def vandaag_of(vandaag: Optional[date]) -> date:
    return vandaag or date.today()
