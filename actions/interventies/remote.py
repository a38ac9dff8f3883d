"""Web services a user can switch on: an organisation's social map (JSON) and
the PDOK Locatieserver for postcodes. Nothing here runs unless a setting
names the service (see actions/interventies/dienst.py).

Every call has a connect and a read timeout. Timeouts, lost connections and
5xx answers are retried with back-off (urllib3's Retry; the first retry comes
at once, then the wait doubles). A good answer is cached for a configurable
time. A failure is remembered for a short pause too, so that a service that
is down does not cost every chat message the full timeout and retries again.
Callers turn a `DienstFout` into their fallback.
"""
from __future__ import annotations

import logging
import time
from typing import Any, Callable, Dict, List, Optional, Tuple

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from actions.interventies.schema import Context, Interventie, SchemaFout, valideer

log = logging.getLogger(__name__)

OPNIEUW_BIJ_STATUS = (500, 502, 503, 504)
PAUZE_NA_STORING_S = 30.0
PDOK_PAD = "/search/v3_1/free"


class DienstFout(Exception):
    """The service did not answer, or answered something unusable; the message says what."""


class JsonClient:
    """GET requests for JSON, with timeouts, retries and a time-based cache."""

    def __init__(self, connect_timeout: float, read_timeout: float, pogingen: int, cache_seconden: float,
                 backoff: float = 0.3, pauze_na_storing: float = PAUZE_NA_STORING_S,
                 klok: Callable[[], float] = time.monotonic):
        self._timeout = (connect_timeout, read_timeout)
        self._cache_seconden = cache_seconden
        self._pauze_na_storing = min(pauze_na_storing, cache_seconden)
        self._klok = klok
        self._cache: Dict[str, Tuple[float, Any, Optional[str]]] = {}
        retry = Retry(total=pogingen, connect=pogingen, read=pogingen, status=pogingen, other=0,
                      backoff_factor=backoff, status_forcelist=OPNIEUW_BIJ_STATUS,
                      allowed_methods=frozenset({"GET"}), raise_on_status=False,
                      respect_retry_after_header=False)  # a service must not make the chat wait long
        self._sessie = requests.Session()
        self._sessie.mount("http://", HTTPAdapter(max_retries=retry))
        self._sessie.mount("https://", HTTPAdapter(max_retries=retry))

    def get(self, url: str, params: Optional[Dict[str, Any]] = None) -> Any:
        """The parsed JSON answer, from the cache while it is fresh; DienstFout otherwise."""
        sleutel = requests.Request("GET", url, params=params).prepare().url
        assert sleutel is not None  # prepare() always sets the url
        nu = self._klok()
        bewaard = self._cache.get(sleutel)
        if bewaard and bewaard[0] > nu:
            _, waarde, fout = bewaard
            if fout:
                raise DienstFout(fout)
            return waarde
        try:
            waarde = self._haal(sleutel)
        except DienstFout as fout:
            if self._pauze_na_storing > 0:
                self._cache[sleutel] = (nu + self._pauze_na_storing, None, str(fout))
            raise
        if self._cache_seconden > 0:
            self._cache[sleutel] = (nu + self._cache_seconden, waarde, None)
        return waarde

    def _haal(self, url: str) -> Any:
        try:
            antwoord = self._sessie.get(url, timeout=self._timeout, headers={"Accept": "application/json"})
        except requests.RequestException as fout:
            raise DienstFout(f"geen antwoord van {url} ({type(fout).__name__})") from fout
        if antwoord.status_code != 200:
            raise DienstFout(f"{url} antwoordde met status {antwoord.status_code}")
        try:
            return antwoord.json()
        except ValueError as fout:
            raise DienstFout(f"{url} gaf geen geldige JSON") from fout


def interventie_items(data: Any) -> Optional[list]:
    """The list of entries in a JSON document: the document itself, or its
    'interventies' list. None when the shape is anything else."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and isinstance(data.get("interventies"), list):
        return data["interventies"]
    return None


class SocialeKaart:
    """An organisation's social map: GET `url` returns every entry, as a list
    or as {"interventies": [...]}, each entry as in SCHEMA.md."""

    def __init__(self, url: str, client: JsonClient):
        self.url, self.client = url, client

    def interventies(self, ctx: Context) -> List[Interventie]:
        """The valid entries; bad ones are logged and left out. DienstFout when
        the answer is unusable or holds no valid entry at all."""
        items = interventie_items(self.client.get(self.url))
        if items is None:
            raise DienstFout(f"{self.url}: verwacht een lijst interventies")
        goed: List[Interventie] = []
        for nummer, ruw in enumerate(items, start=1):
            try:
                goed.append(valideer(ruw, ctx))
            except SchemaFout as fout:
                log.warning("Sociale kaart, interventie %s overgeslagen: %s", nummer, fout)
        if not goed:
            raise DienstFout(f"{self.url}: geen bruikbare interventies in het antwoord")
        return goed


class PdokGeocoder:
    """Postcode → municipality through the PDOK Locatieserver API shape:
    GET {base}/search/v3_1/free?q=<postcode>&fq=type:postcode&rows=1, whose
    answer holds response.docs[0].gemeentenaam (and provincienaam)."""

    def __init__(self, basis_url: str, client: JsonClient):
        self.url, self.client = basis_url.rstrip("/") + PDOK_PAD, client

    def gemeente(self, postcode: str) -> Optional[Tuple[str, Optional[str]]]:
        """(municipality, province) for the postcode, None when the service
        knows no such postcode; DienstFout when it fails or answers nonsense."""
        data = self.client.get(self.url, params={"q": postcode, "fq": "type:postcode", "rows": 1})
        antwoord = data.get("response") if isinstance(data, dict) else None
        docs = antwoord.get("docs") if isinstance(antwoord, dict) else None
        if not isinstance(docs, list):
            raise DienstFout(f"{self.url}: antwoord zonder response.docs")
        if not docs:
            return None
        eerste = docs[0] if isinstance(docs[0], dict) else {}
        gemeente = eerste.get("gemeentenaam")
        if not isinstance(gemeente, str) or not gemeente.strip():
            raise DienstFout(f"{self.url}: antwoord zonder gemeentenaam")
        provincie = eerste.get("provincienaam")
        return gemeente.strip(), provincie if isinstance(provincie, str) else None
