"""Municipalities and provinces from data/interventies/gemeenten.yml.

Names are compared in a normalised form (no capitals, accents, apostrophes or
hyphens), so "'s-Hertogenbosch", "s hertogenbosch" and "’s-Hertogenbosch" are
one name. Typos are matched with difflib against every known name and
variant; the caller decides what to do when several are close.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from actions.algemeen.yamlbestand import lees_mapping
from gedeeld import settings

GEMEENTEN_BESTAND = settings.DATA_DIR / "interventies" / "gemeenten.yml"
TYPFOUT_DREMPEL = 0.8  # difflib ratio; "tilbrug"→"tilburg" is 0.86, "weert"→"woerden" 0.5


class GemeentenFout(ValueError):
    """gemeenten.yml is missing, malformed or names an unknown province."""


@dataclass(frozen=True)
class Gemeente:
    naam: str
    provincie: str


def normaliseer(tekst: str) -> str:
    """The comparable form of a place name: 'Gemeente ’s-Hertogenbosch' → 's hertogenbosch'."""
    zonder_accenten = "".join(c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c))
    tekst = zonder_accenten.lower().replace("’", "'").replace("'", "")
    tekst = re.sub(r"[-_.,]", " ", tekst)
    tekst = re.sub(r"\s+", " ", tekst).strip()
    return re.sub(r"^gemeente ", "", tekst)


class Gemeenteregister:
    """Look-ups by name, variant or typo."""

    def __init__(self, gemeenten: List[Gemeente], varianten: Dict[str, str], provincies: Dict[str, str]):
        self.gemeenten = {g.naam: g for g in gemeenten}
        self._namen = {normaliseer(g.naam): g.naam for g in gemeenten}
        self._namen.update(varianten)
        self._provincies = provincies

    def exact(self, tekst: str) -> Optional[Gemeente]:
        """The municipality with this official name or variant (normalised)."""
        naam = self._namen.get(normaliseer(tekst))
        return self.gemeenten[naam] if naam else None

    def kandidaten(self, tekst: str) -> List[Tuple[Gemeente, float]]:
        """Municipalities whose name or a variant is close to `tekst`, best first."""
        gezocht = normaliseer(tekst)
        beste: Dict[str, float] = {}
        for sleutel, naam in self._namen.items():
            score = difflib.SequenceMatcher(None, gezocht, sleutel).ratio()
            if score >= TYPFOUT_DREMPEL and score > beste.get(naam, 0.0):
                beste[naam] = score
        volgorde = sorted(beste.items(), key=lambda item: (-item[1], item[0]))
        return [(self.gemeenten[naam], score) for naam, score in volgorde]

    def provincie(self, tekst: str) -> Optional[str]:
        """The official province name for a name or variant ('Friesland' → 'Fryslân')."""
        return self._provincies.get(normaliseer(tekst))

    @property
    def provincienamen(self) -> List[str]:
        return sorted(set(self._provincies.values()))


def _lijst(item: dict, sleutel: str) -> List[str]:
    waarde = item.get(sleutel) or []
    return [waarde] if isinstance(waarde, str) else list(waarde)


def laad_gemeenten(pad: Path = GEMEENTEN_BESTAND) -> Gemeenteregister:
    """Read and check gemeenten.yml; raise GemeentenFout naming the entry."""
    data = lees_mapping(pad, GemeentenFout, "'provincies' en 'gemeenten'")
    provincies: Dict[str, str] = {}
    for item in data.get("provincies") or []:
        for naam in [item["naam"], *_lijst(item, "ook")]:
            provincies[normaliseer(naam)] = item["naam"]
    gemeenten: List[Gemeente] = []
    varianten: Dict[str, str] = {}
    for index, item in enumerate(data.get("gemeenten") or [], start=1):
        naam, provincie = item.get("naam"), item.get("provincie")
        if not naam or provincies.get(normaliseer(provincie or "")) != provincie:
            raise GemeentenFout(f"{pad.name}: gemeente {index} ({naam!r}) mist een naam "
                                "of heeft een onbekende provincie")
        if any(g.naam == naam for g in gemeenten):
            raise GemeentenFout(f"{pad.name}: gemeente '{naam}' staat er twee keer in")
        gemeenten.append(Gemeente(naam, provincie))
        varianten.update({normaliseer(ook): naam for ook in _lijst(item, "ook")})
    return Gemeenteregister(gemeenten, varianten, provincies)
