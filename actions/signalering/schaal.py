"""The six-item De Jong Gierveld loneliness scale, as a conversation aid.

Plain Python without Rasa. Offered only when the person has said they feel
lonely; the result always comes with the remark that it is a research
instrument (V&VN guideline), never a screening or a diagnosis.

Scoring (De Jong Gierveld and Van Tilburg, short scale): every statement
gives one point for 'min of meer'; a negative statement ("Ik mis mensen om me
heen") also for 'ja', a positive one ("Er zijn genoeg mensen ...") also for
'nee'. Total 0-1 not lonely, 2-4 moderately, 5-6 strongly lonely.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Optional, Sequence

from actions.algemeen.yamlbestand import lees_mapping
from actions.kennis.kennisbank import kennisbank
from gedeeld import settings

BESTAND = settings.KENNIS_DIR / "schaal.yml"
ANTWOORDEN = ("ja", "min_of_meer", "nee")


@dataclass(frozen=True)
class Uitslag:
    score: int
    emotioneel: int
    sociaal: int
    uitslag_id: str  # niet, matig, sterk
    uitslag_tekst: str


@lru_cache(maxsize=1)
def gegevens() -> dict:
    data = lees_mapping(BESTAND)
    data["antwoorden"] = {a: tuple(re.compile(p) for p in ps) for a, ps in data["antwoorden"].items()}
    return data


def uitspraken() -> Sequence[dict]:
    return gegevens()["uitspraken"]


def slots() -> Sequence[str]:
    """The form's slots, one per statement, in order."""
    return [f"schaal_{nummer}" for nummer in range(1, len(uitspraken()) + 1)]


def lees_antwoord(tekst: str) -> Optional[str]:
    """'ja', 'min_of_meer' or 'nee' from a button or typed answer."""
    t = " ".join(tekst.lower().split())
    return next((a for a, patronen in gegevens()["antwoorden"].items() if any(p.search(t) for p in patronen)), None)


def punt(uitspraak: dict, antwoord: str) -> int:
    if antwoord not in ANTWOORDEN:
        raise ValueError(f"onbekend antwoord {antwoord!r}")
    if antwoord == "min_of_meer":
        return 1
    return int(antwoord == ("nee" if uitspraak["positief"] else "ja"))


def bereken(antwoorden: Sequence[str]) -> Uitslag:
    """The score of six answers, in the order of the statements."""
    if len(antwoorden) != len(uitspraken()):
        raise ValueError(f"{len(uitspraken())} antwoorden nodig, {len(antwoorden)} gekregen")
    per_soort: Dict[str, int] = {"emotioneel": 0, "sociaal": 0}
    for uitspraak, antwoord in zip(uitspraken(), antwoorden, strict=True):
        per_soort[uitspraak["soort"]] += punt(uitspraak, antwoord)
    score = sum(per_soort.values())
    band = [b for b in gegevens()["uitslagen"] if score >= b["vanaf"]][-1]
    return Uitslag(score, per_soort["emotioneel"], per_soort["sociaal"], band["id"], band["tekst"])


def vraag_tekst(index: int) -> str:
    return gegevens()["vraag"].format(nummer=index + 1, totaal=len(uitspraken()),
                                      tekst=uitspraken()[index]["tekst"])


def uitslag_tekst(uitslag: Uitslag) -> str:
    """The result with its source, its parts and the research-instrument remark."""
    data, kennis = gegevens(), kennisbank()
    deel = len(uitspraken()) // 2
    return "\n".join([
        data["uitslag"].format(score=uitslag.score, maximum=len(uitspraken()), uitslag=uitslag.uitslag_tekst,
                               bron=kennis.bronvermelding(data["bron"])),
        data["onderdelen"].format(emotioneel=uitslag.emotioneel, sociaal=uitslag.sociaal, deel=deel),
        data["voorbehoud"].format(richtlijn=kennis.bronvermelding("vvn_richtlijn_2021")),
    ])
