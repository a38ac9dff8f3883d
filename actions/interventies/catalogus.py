"""The catalogue: loading entry files, layering them, and searching.

Layers, later ones winning by id: the shipped files (national entries and
examples), the organisation's own imported file, and a remote social map.

Search order: local before regional before national; within a level the
better fit first: named for the asked target group (not only "iedereen"),
then the fewest types besides the asked one (the most specific offer).
Examples: at most one, the best-fitting, so an answer shows where local
offer will appear without filling the list with invented entries; none once
the organisation has a real local or regional entry for the place.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from actions.algemeen.yamlbestand import lees_yaml
from actions.interventies.gemeenten import Gemeenteregister, laad_gemeenten
from actions.interventies.schema import (
    DOELGROEPEN,
    NIVEAUS,
    TREDEN,
    TYPES,
    Context,
    Interventie,
    SchemaFout,
    valideer,
)
from actions.kennis.kennisbank import kennisbank
from gedeeld import settings

DATA_DIR = settings.DATA_DIR / "interventies"
BESTANDEN = ("landelijk.yml", "voorbeelden.yml")


class CatalogusFout(ValueError):
    """A catalogue file is missing or holds a bad entry; the message names both."""


@dataclass(frozen=True)
class Treffer:
    """One search result, with what it matched on (for the "why" line)."""
    interventie: Interventie
    niveau: str  # lokaal, regionaal, landelijk
    plaats: Optional[str]  # the municipality or province it matched
    doelgroep: Optional[str]  # the asked group, when the entry names it
    type: Optional[str]
    trede: Optional[int]


@dataclass(frozen=True)
class Zoekresultaat:
    treffers: Tuple[Treffer, ...]
    gemeente: Optional[str]
    doelgroep: Optional[str]
    melding: Optional[str] = None  # one line for the user, e.g. the remote service is down


class Catalogus:
    def __init__(self, interventies: Iterable[Interventie], gemeenten: Gemeenteregister):
        self.interventies: Dict[str, Interventie] = {i.id: i for i in interventies}
        self.gemeenten = gemeenten

    def met(self, extra: Iterable[Interventie]) -> "Catalogus":
        """This catalogue with `extra` laid over it: same id, the extra one wins."""
        return Catalogus([*self.interventies.values(), *extra], self.gemeenten)

    def zoek(self, gemeente: Optional[str] = None, type: Optional[str] = None, trede: Optional[int] = None,
             doelgroep: Optional[str] = None, provincie: Optional[str] = None) -> List[Treffer]:
        """Entries that reach `gemeente` (national ones always) and fit the
        given type, rung and target group, best first. `provincie` is only
        needed for a municipality gemeenten.yml does not know."""
        _controleer_criteria(type, trede, doelgroep)
        bekend = self.gemeenten.exact(gemeente) if gemeente else None
        if bekend:
            gemeente, provincie = bekend.naam, bekend.provincie
        treffers = [t for t in (self._treffer(i, gemeente, provincie, type, trede, doelgroep)
                                for i in self.interventies.values()) if t]
        treffers.sort(key=_volgorde)
        echt_dichtbij = any(t.niveau != "landelijk" and not t.interventie.voorbeeld for t in treffers)
        voorbeeld = None if echt_dichtbij else next((t for t in treffers if t.interventie.voorbeeld), None)
        return [t for t in treffers if not t.interventie.voorbeeld or t is voorbeeld]

    @staticmethod
    def _treffer(interventie: Interventie, gemeente: Optional[str], provincie: Optional[str], type: Optional[str],
                 trede: Optional[int], doelgroep: Optional[str]) -> Optional[Treffer]:
        bereik = interventie.bereik
        if bereik.gemeenten:
            plaats = gemeente if gemeente in bereik.gemeenten else None
        elif bereik.regio:
            plaats = provincie if provincie == bereik.regio else None
        else:
            plaats = "landelijk"
        if plaats is None:
            return None
        if type and type not in interventie.types:
            return None
        if trede and trede not in interventie.treden:
            return None
        if doelgroep and doelgroep not in interventie.doelgroepen and "iedereen" not in interventie.doelgroepen:
            return None
        return Treffer(interventie, bereik.niveau, None if plaats == "landelijk" else plaats,
                       doelgroep if doelgroep in interventie.doelgroepen else None, type, trede)


def _volgorde(treffer: Treffer) -> tuple:
    interventie = treffer.interventie
    return (NIVEAUS.index(treffer.niveau), treffer.doelgroep is None,
            len(interventie.types) if treffer.type else 0, interventie.naam.lower())


def _controleer_criteria(type: Optional[str], trede: Optional[int], doelgroep: Optional[str]) -> None:
    """Unknown values are a wiring mistake, not a user's: they would silently find nothing."""
    if type is not None and type not in TYPES:
        raise ValueError(f"onbekend type {type!r}")
    if trede is not None and trede not in TREDEN:
        raise ValueError(f"onbekende trede {trede!r}")
    if doelgroep is not None and doelgroep not in DOELGROEPEN:
        raise ValueError(f"onbekende doelgroep {doelgroep!r}")


def context(gemeenten: Gemeenteregister, eigen: bool = False) -> Context:
    """What entries may refer to: the knowledge base's sources and help lines."""
    kennis = kennisbank()
    return Context(gemeenten=gemeenten, bronnen=kennis.bronnen, hulplijnen=kennis.hulplijnen, eigen=eigen)


def valideer_lijst(items: object, ctx: Context, waar: str) -> List[Interventie]:
    """Every entry of a list checked, ids unique; CatalogusFout names the first bad one."""
    if not isinstance(items, list):
        raise CatalogusFout(f"{waar}: verwacht een lijst 'interventies'")
    interventies: Dict[str, Interventie] = {}
    for nummer, ruw in enumerate(items, start=1):
        naam = ruw.get("id") if isinstance(ruw, dict) else None
        try:
            interventie = valideer(ruw, ctx)
        except SchemaFout as fout:
            raise CatalogusFout(f"{waar}: interventie {nummer} ({naam or 'zonder id'}): {fout}") from fout
        if interventie.id in interventies:
            raise CatalogusFout(f"{waar}: id '{interventie.id}' komt twee keer voor")
        interventies[interventie.id] = interventie
    return list(interventies.values())


def lees_bestand(pad: Path, ctx: Context) -> List[Interventie]:
    data = lees_yaml(pad, CatalogusFout)
    return valideer_lijst((data or {}).get("interventies") if isinstance(data, dict) else None, ctx, pad.name)


def laad_ingebouwd(data_dir: Path = DATA_DIR) -> Catalogus:
    """The shipped catalogue; raise CatalogusFout on the first problem."""
    gemeenten = laad_gemeenten(data_dir / "gemeenten.yml")
    ctx = context(gemeenten)
    interventies: List[Interventie] = []
    for naam in BESTANDEN:
        nieuw = lees_bestand(data_dir / naam, ctx)
        dubbel = {i.id for i in interventies} & {i.id for i in nieuw}
        if dubbel:
            raise CatalogusFout(f"{naam}: id '{sorted(dubbel)[0]}' staat ook in een ander bestand")
        interventies += nieuw
    return Catalogus(interventies, gemeenten)
