"""The intervention search as the dialogue uses it: the catalogue layers and
the optional web services, put together from the settings.

Offline by default: without CATALOGUE_URL no social map is asked, and the
postcode service (PDOK) is only asked when GEOCODER_ENABLED is on, because
the assistant must not send anything off the machine unless a user chose to.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import List, Optional, Tuple

from actions.interventies.catalogus import (
    DATA_DIR,
    Catalogus,
    Zoekresultaat,
    context,
    laad_ingebouwd,
    lees_bestand,
)
from actions.interventies.plaats import PlaatsUitkomst
from actions.interventies.plaats import bepaal_plaats as _bepaal_plaats
from actions.interventies.remote import (
    DienstFout,
    JsonClient,
    PdokGeocoder,
    SocialeKaart,
)
from actions.interventies.schema import Interventie
from actions.interventies.teksten import teksten
from gedeeld import settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Dienstinstellingen:
    """How to reach one web service; no url means: don't."""
    url: str
    connect_timeout: float
    read_timeout: float
    pogingen: int
    cache_seconden: float
    backoff: float = 0.3  # seconds; the waits between retries are 0, 2×, 4× this

    def client(self) -> JsonClient:
        return JsonClient(self.connect_timeout, self.read_timeout, self.pogingen, self.cache_seconden,
                          backoff=self.backoff)


@dataclass(frozen=True)
class Instellingen:
    eigen_bestand: Path
    sociale_kaart: Dienstinstellingen
    geocoder: Dienstinstellingen

    @classmethod
    def uit_omgeving(cls) -> "Instellingen":
        """From the environment and `.env` (gedeeld/settings.py holds the defaults)."""
        settings.load()
        eigen = Path(settings.get("CATALOGUE_FILE"))
        geocoder_aan = settings.get("GEOCODER_ENABLED").strip().lower() in ("1", "true", "ja", "yes", "on")
        return cls(
            eigen_bestand=eigen if eigen.is_absolute() else settings.ROOT / eigen,
            sociale_kaart=_dienst("CATALOGUE", settings.get("CATALOGUE_URL").strip()),
            geocoder=_dienst("GEOCODER", settings.get("GEOCODER_URL").strip() if geocoder_aan else ""),
        )


def _dienst(voorvoegsel: str, url: str) -> Dienstinstellingen:
    def getal(naam: str) -> float:
        sleutel = f"{voorvoegsel}_{naam}"
        try:
            return float(os.environ[sleutel])
        except ValueError:
            raise ValueError(f"instelling {sleutel}: verwacht een getal, niet {os.environ[sleutel]!r}") from None

    return Dienstinstellingen(url, getal("CONNECT_TIMEOUT"), getal("READ_TIMEOUT"), int(getal("RETRIES")),
                              getal("CACHE_SECONDS"))


class Dienst:
    """The catalogue and the place resolution, with the configured services."""

    def __init__(self, instellingen: Instellingen, data_dir: Path = DATA_DIR):
        self.instellingen = instellingen
        self.ingebouwd = laad_ingebouwd(data_dir)
        self._eigen: Tuple[Optional[float], List[Interventie]] = (None, [])
        kaart, geo = instellingen.sociale_kaart, instellingen.geocoder
        self.sociale_kaart = SocialeKaart(kaart.url, kaart.client()) if kaart.url else None
        self.geocoder = PdokGeocoder(geo.url, geo.client()) if geo.url else None

    def catalogus(self) -> Tuple[Catalogus, Optional[str]]:
        """The catalogue to search, and the one-line notice when the social
        map failed and only the embedded catalogue (with the own file) is used."""
        catalogus = self.ingebouwd.met(self._eigen_interventies())
        if self.sociale_kaart is None:
            return catalogus, None
        try:
            kaart = self.sociale_kaart.interventies(context(self.ingebouwd.gemeenten, eigen=True))
        except DienstFout as fout:
            log.warning("Sociale kaart niet bruikbaar, de ingebouwde catalogus wordt gebruikt: %s", fout)
            return catalogus, teksten()["catalogus"]["storing"]
        return catalogus.met(kaart), None

    def _eigen_interventies(self) -> List[Interventie]:
        """The imported file, read again only when it changed on disk."""
        pad = self.instellingen.eigen_bestand
        if not pad.exists():
            return []
        gewijzigd = pad.stat().st_mtime
        if self._eigen[0] != gewijzigd:
            self._eigen = (gewijzigd, lees_bestand(pad, context(self.ingebouwd.gemeenten, eigen=True)))
        return self._eigen[1]

    def zoek(self, gemeente: Optional[str] = None, type: Optional[str] = None, trede: Optional[int] = None,
             doelgroep: Optional[str] = None, provincie: Optional[str] = None) -> Zoekresultaat:
        catalogus, melding = self.catalogus()
        treffers = catalogus.zoek(gemeente, type=type, trede=trede, doelgroep=doelgroep, provincie=provincie)
        bekend = catalogus.gemeenten.exact(gemeente) if gemeente else None
        return Zoekresultaat(tuple(treffers), bekend.naam if bekend else gemeente, doelgroep, melding)

    def bepaal_plaats(self, tekst: Optional[str]) -> PlaatsUitkomst:
        return _bepaal_plaats(tekst, self.ingebouwd.gemeenten, self.geocoder)


@lru_cache(maxsize=1)
def dienst() -> Dienst:
    """The service for this process, from the settings."""
    return Dienst(Instellingen.uit_omgeving())


def zoek(gemeente: Optional[str] = None, type: Optional[str] = None, trede: Optional[int] = None,
         doelgroep: Optional[str] = None, provincie: Optional[str] = None) -> Zoekresultaat:
    """Interventions for a municipality (official name, as from `bepaal_plaats`),
    local before regional before national. Without a municipality: national only."""
    return dienst().zoek(gemeente, type=type, trede=trede, doelgroep=doelgroep, provincie=provincie)


def bepaal_plaats(tekst: Optional[str]) -> PlaatsUitkomst:
    """A municipality name (variants, typos) or a postcode → the municipality, or what to ask."""
    return dienst().bepaal_plaats(tekst)
