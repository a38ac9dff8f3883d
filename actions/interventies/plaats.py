"""Where does the person live? From a municipality name (with variants and
typos) or a postcode, to a municipality the catalogue can search in.

When nothing resolves, the outcome carries the question to ask and the
reason, in Dutch, so the dialogue can ask for the municipality.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Optional, Tuple

from actions.interventies.gemeenten import Gemeenteregister
from actions.interventies.remote import DienstFout, PdokGeocoder
from actions.interventies.teksten import teksten

log = logging.getLogger(__name__)

POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")
TWIJFEL_MARGE = 0.05  # a runner-up this close to the best typo match makes it a question


@dataclass(frozen=True)
class Plaats:
    gemeente: str
    provincie: Optional[str]


@dataclass(frozen=True)
class PlaatsUitkomst:
    plaats: Optional[Plaats] = None
    vraag: Optional[str] = None  # when plaats is None: ask this (it says why)
    melding: Optional[str] = None  # when a typo was corrected: say this before the results
    opties: Tuple[str, ...] = ()  # when in doubt: the municipalities to offer


def postcode(tekst: str) -> Optional[str]:
    """'6512 ab' → '6512AB', '6512' → '6512'; None when it is not a Dutch postcode."""
    match = POSTCODE.match(tekst or "")
    return (match.group(1) + (match.group(2) or "").upper()) if match else None


def bepaal_plaats(tekst: Optional[str], register: Gemeenteregister,
                  geocoder: Optional[PdokGeocoder]) -> PlaatsUitkomst:
    """The municipality meant by a name or a postcode, or what to ask instead."""
    zinnen = teksten()["plaats"]
    if not tekst or not tekst.strip():
        return PlaatsUitkomst(vraag=zinnen["vraag"])
    code = postcode(tekst)
    if code:
        return _via_postcode(code, register, geocoder)
    gemeente = register.exact(tekst)
    if gemeente:
        return PlaatsUitkomst(Plaats(gemeente.naam, gemeente.provincie))
    kandidaten = register.kandidaten(tekst)
    if not kandidaten and register.provincie(tekst):
        return PlaatsUitkomst(vraag=zinnen["provincie"].format(provincie=register.provincie(tekst)))
    if not kandidaten:
        return PlaatsUitkomst(vraag=zinnen["onbekend"].format(tekst=tekst.strip()))
    if len(kandidaten) > 1 and kandidaten[0][1] - kandidaten[1][1] < TWIJFEL_MARGE:
        opties = tuple(g.naam for g, score in kandidaten if kandidaten[0][1] - score < TWIJFEL_MARGE)
        keuze = f" {zinnen['of']} ".join([", ".join(opties[:-1]), opties[-1]])
        return PlaatsUitkomst(vraag=zinnen["twijfel"].format(tekst=tekst.strip(), opties=keuze), opties=opties)
    beste = kandidaten[0][0]
    return PlaatsUitkomst(Plaats(beste.naam, beste.provincie),
                          melding=zinnen["verbeterd"].format(gemeente=beste.naam, tekst=tekst.strip()))


def _via_postcode(code: str, register: Gemeenteregister, geocoder: Optional[PdokGeocoder]) -> PlaatsUitkomst:
    zinnen = teksten()["plaats"]
    if geocoder is None:
        return PlaatsUitkomst(vraag=zinnen["postcode_uit"])
    try:
        gevonden = geocoder.gemeente(code)
    except DienstFout as fout:
        log.warning("Postcodedienst niet bruikbaar: %s", fout)
        return PlaatsUitkomst(vraag=zinnen["postcode_storing"])
    if gevonden is None:
        return PlaatsUitkomst(vraag=zinnen["postcode_onbekend"].format(postcode=code))
    naam, provincie = gevonden
    bekend = register.exact(naam)
    if bekend:
        return PlaatsUitkomst(Plaats(bekend.naam, bekend.provincie))
    # A municipality gemeenten.yml does not list: PDOK is authoritative, so use it.
    return PlaatsUitkomst(Plaats(naam, (register.provincie(provincie) or provincie) if provincie else None))
