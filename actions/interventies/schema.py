"""One intervention entry: its fields, and the check every entry passes,
whether it comes from the shipped YAML files, an organisation's import or a
remote social map. See data/interventies/SCHEMA.md for the format.

`valideer` collects every problem of an entry (not only the first), so the
import command can report all reasons for a bad row at once. Values are
normalised on the way in: municipality variants become official names, and
"alleenstaande ouders" becomes `alleenstaande_ouders`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from actions.algemeen.controle import Controle, ControleFout
from actions.interventies.gemeenten import Gemeenteregister

TYPES = ("dreigend", "situationeel", "structureel", "structureel_ggz")
DOELGROEPEN = ("iedereen", "ouderen", "volwassenen", "jongeren", "kinderen", "mantelzorgers",
               "alleenstaande_ouders", "nieuwkomers", "mensen_met_beperking")
TREDEN = tuple(range(1, 7))
NIVEAUS = ("lokaal", "regionaal", "landelijk")
VELDEN = ("id", "naam", "organisatie", "aanbod", "doelgroepen", "types", "treden", "bereik", "contact",
          "kosten", "bron", "laatst_gecontroleerd", "voorbeeld")
CONTACTVELDEN = ("website", "telefoon", "verwijsroute", "hulplijn")

ID = re.compile(r"^[A-Za-z0-9_.-]+$")
WEBSITE = re.compile(r"^(https?://)?[\w-]+(\.[\w-]+)*\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)
LIJSTSCHEIDING = re.compile(r"\s*[;,|/]\s*")
# Dutch numbers, written without spaces, dashes, dots or brackets:
# ten digits from 0 (landline, mobile, 085/088), 0800/0900/0906/0909 with
# four to seven digits, a municipality's 14 number, or 112/113.
TELEFOON = re.compile(r"^(0[1-9]\d{8}|0(800|900|906|909)\d{4,7}|14\d{3,4}|11[23])$")


class SchemaFout(ControleFout):
    """An entry breaks the schema; `redenen` holds every reason, in Dutch."""


@dataclass(frozen=True)
class Bereik:
    gemeenten: Tuple[str, ...] = ()
    regio: Optional[str] = None  # a province

    @property
    def niveau(self) -> str:
        return "lokaal" if self.gemeenten else "regionaal" if self.regio else "landelijk"


@dataclass(frozen=True)
class Contact:
    website: Optional[str] = None
    telefoon: Optional[str] = None
    verwijsroute: Optional[str] = None
    hulplijn: Optional[str] = None  # an id in data/kennis/hulplijnen.yml


@dataclass(frozen=True)
class Interventie:
    id: str
    naam: str
    organisatie: str
    aanbod: str
    doelgroepen: Tuple[str, ...]
    types: Tuple[str, ...]
    treden: Tuple[int, ...]
    bereik: Bereik
    contact: Contact
    kosten: str
    bron: Optional[str]  # a source id; in an organisation's own list also free text
    laatst_gecontroleerd: Optional[date]
    voorbeeld: bool = False


@dataclass(frozen=True)
class Context:
    """What entries may refer to. `eigen`: an organisation's own list, whose
    `bron` may be free text (or left out) instead of a source id."""
    gemeenten: Gemeenteregister
    bronnen: Mapping[str, Any]
    hulplijnen: Mapping[str, Any]
    eigen: bool = False
    vandaag: date = field(default_factory=date.today)


def telefoon_is_nederlands(nummer: str) -> bool:
    kaal = re.sub(r"[\s\-().]", "", nummer)
    kaal = re.sub(r"^(\+31|0031)", "0", kaal)
    return bool(TELEFOON.match(kaal))


def lijst(waarde: Any) -> List[str]:
    """A list from a YAML/JSON list or from text such as 'ouderen; jongeren'."""
    if waarde is None or waarde == "":
        return []
    if isinstance(waarde, (list, tuple)):
        return [str(w).strip() for w in waarde if str(w).strip()]
    return [deel for deel in LIJSTSCHEIDING.split(str(waarde).strip()) if deel]


def _code(tekst: str) -> str:
    return re.sub(r"[\s-]+", "_", tekst.strip().lower())


def _tekst(waarde: Any) -> str:
    return "" if waarde is None else " ".join(str(waarde).split())


class _Controle(Controle):
    """The fields of one catalogue entry, with its context (municipalities, today)."""

    def __init__(self, ruw: Mapping[str, Any], ctx: Context):
        super().__init__()
        self.ruw, self.ctx = ruw, ctx

    def verplicht(self, veld: str, uitleg: str) -> str:
        waarde = _tekst(self.ruw.get(veld))
        if not waarde:
            self.fout(f"{uitleg} ontbreekt")
        return waarde

    def keuzes(self, veld: str, toegestaan: Sequence[str], onbekend: str) -> Tuple[str, ...]:
        """A list of codes; `onbekend` is the Dutch phrase for a wrong one ("onbekend type")."""
        waarden = [_code(w) for w in lijst(self.ruw.get(veld))]
        if not waarden:
            self.fout(f"{veld} ontbreken (kies uit: {', '.join(toegestaan)})")
        for waarde in waarden:
            if waarde not in toegestaan:
                self.fout(f"{onbekend} '{waarde}' (kies uit: {', '.join(toegestaan)})")
        return tuple(dict.fromkeys(w for w in waarden if w in toegestaan))

    def treden(self) -> Tuple[int, ...]:
        delen = lijst(self.ruw.get("treden"))
        if not delen:
            self.fout("treden ontbreken (kies uit de treden één tot en met zes)")
        nummers: set = set()
        for deel in delen:
            reeks = _trede_reeks(deel)
            if reeks is None:
                self.fout(f"trede '{deel}' bestaat niet (kies uit de treden één tot en met zes)")
            else:
                nummers |= reeks
        return tuple(sorted(nummers))

    def bereik(self) -> Bereik:
        ruw = self.ruw.get("bereik")
        if isinstance(ruw, str) and _code(ruw) == "landelijk":
            return Bereik()
        if not isinstance(ruw, Mapping) or not any(ruw.get(k) for k in ("gemeenten", "regio", "landelijk")):
            self.fout("bereik ontbreekt: noem gemeenten, een regio (provincie) of 'landelijk'")
            return Bereik()
        if sum(bool(ruw.get(k)) for k in ("gemeenten", "regio", "landelijk")) > 1:
            self.fout("geef één soort bereik: gemeenten, een regio of landelijk")
        if ruw.get("regio"):
            provincie = self.ctx.gemeenten.provincie(str(ruw["regio"]))
            if not provincie:
                self.fout(f"onbekende regio '{ruw['regio']}' (noem een provincie, bijvoorbeeld Gelderland)")
            return Bereik(regio=provincie)
        return Bereik(gemeenten=tuple(self._gemeente(naam) for naam in lijst(ruw.get("gemeenten"))))

    def _gemeente(self, naam: str) -> str:
        gemeente = self.ctx.gemeenten.exact(naam)
        if gemeente:
            return gemeente.naam
        kandidaten = self.ctx.gemeenten.kandidaten(naam)
        hint = f" (bedoel je {kandidaten[0][0].naam}?)" if kandidaten else ""
        self.fout(f"onbekende gemeente '{naam}'{hint}")
        return naam

    def contact(self) -> Contact:
        ruw = self.ruw.get("contact")
        ruw = ruw if isinstance(ruw, Mapping) else {}
        onbekend = sorted(set(ruw) - set(CONTACTVELDEN))
        if onbekend:
            self.fout(f"onbekend contactveld '{onbekend[0]}' (kies uit: {', '.join(CONTACTVELDEN)})")
        contact = Contact(**{veld: _tekst(ruw.get(veld)) or None for veld in CONTACTVELDEN})
        if not any((contact.website, contact.telefoon, contact.verwijsroute, contact.hulplijn)):
            self.fout("contact ontbreekt: geef een website, een telefoonnummer of een verwijsroute")
        if contact.telefoon and not telefoon_is_nederlands(contact.telefoon):
            self.fout(f"telefoonnummer '{contact.telefoon}' is geen Nederlands nummer "
                      "(schrijf bijvoorbeeld 024-1234567, 06-12345678 of 0800-1234)")
        if contact.website and not WEBSITE.match(contact.website):
            self.fout(f"website '{contact.website}' is geen webadres (schrijf bijvoorbeeld www.voorbeeld.nl)")
        if contact.hulplijn and contact.hulplijn not in self.ctx.hulplijnen:
            self.fout(f"onbekende hulplijn '{contact.hulplijn}' (kies uit: {', '.join(self.ctx.hulplijnen)})")
        return contact

    def bron(self, voorbeeld: bool) -> Optional[str]:
        bron = _tekst(self.ruw.get("bron")) or None
        if self.ctx.eigen or (voorbeeld and bron is None):
            return bron
        if bron is None:
            self.fout("bron ontbreekt (een id uit data/kennis/bronnen.yml)")
        elif bron not in self.ctx.bronnen:
            self.fout(f"onbekende bron '{bron}' (gebruik een id uit data/kennis/bronnen.yml)")
        return bron

    def datum(self, voorbeeld: bool) -> Optional[date]:
        ruw = self.ruw.get("laatst_gecontroleerd")
        if ruw in (None, "") and voorbeeld:
            return None
        datum = _lees_datum(ruw)
        if datum is None:
            self.fout(f"datum laatst gecontroleerd ontbreekt of is onleesbaar ('{_tekst(ruw)}'); "
                      "schrijf bijvoorbeeld 2026-11-23 of 23-11-2026")
        elif datum > self.ctx.vandaag:
            self.fout(f"datum laatst gecontroleerd ({datum.isoformat()}) ligt in de toekomst")
        return datum


def _trede_reeks(deel: str) -> Optional[set]:
    """'2' → {2}; '1-3' → {1, 2, 3}; None when it is not a range of rungs."""
    van, _, tot = deel.partition("-")
    try:
        reeks = set(range(int(van), int(tot or van) + 1))
    except ValueError:
        return None
    return reeks if reeks and reeks <= set(TREDEN) else None


def _lees_datum(waarde: Any) -> Optional[date]:
    if isinstance(waarde, datetime):
        return waarde.date()
    if isinstance(waarde, date):
        return waarde
    for formaat in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(_tekst(waarde), formaat).date()
        except ValueError:
            continue
    return None


def _ja(waarde: Any) -> bool:
    return waarde is True or _code(str(waarde or "")) in ("ja", "j", "true", "x", "waar")


def valideer(ruw: Mapping[str, Any], ctx: Context) -> Interventie:
    """Check one entry and return it normalised; raise SchemaFout with every reason."""
    if not isinstance(ruw, Mapping):
        raise SchemaFout(["verwacht een interventie met velden, zoals naam en aanbod"])
    controle = _Controle(ruw, ctx)
    onbekend = [veld for veld in ruw if veld not in VELDEN]
    for veld in onbekend:
        controle.fout(f"onbekend veld '{veld}'")
    ident = controle.verplicht("id", "id")
    if ident and not ID.match(ident):
        controle.fout(f"id '{ident}' mag alleen letters, cijfers, '_', '-' en '.' bevatten")
    voorbeeld = _ja(ruw.get("voorbeeld"))
    interventie = Interventie(
        id=ident,
        naam=controle.verplicht("naam", "naam"),
        organisatie=controle.verplicht("organisatie", "organisatie"),
        aanbod=controle.verplicht("aanbod", "aanbod (wat het is)"),
        doelgroepen=controle.keuzes("doelgroepen", DOELGROEPEN, "onbekende doelgroep"),
        types=controle.keuzes("types", TYPES, "onbekend type"),
        treden=controle.treden(),
        bereik=controle.bereik(),
        contact=controle.contact(),
        kosten=controle.verplicht("kosten", "kosten"),
        bron=controle.bron(voorbeeld),
        laatst_gecontroleerd=controle.datum(voorbeeld),
        voorbeeld=voorbeeld,
    )
    if controle.redenen:
        raise SchemaFout(controle.redenen)
    return interventie


def naar_ruw(interventie: Interventie) -> dict:
    """The canonical file form of an entry: what the import writes and compares."""
    bereik = interventie.bereik
    ruw: Dict[str, Any] = {
        "id": interventie.id, "naam": interventie.naam, "organisatie": interventie.organisatie,
        "aanbod": interventie.aanbod, "doelgroepen": list(interventie.doelgroepen),
        "types": list(interventie.types), "treden": list(interventie.treden),
        "bereik": ({"gemeenten": list(bereik.gemeenten)} if bereik.gemeenten
                   else {"regio": bereik.regio} if bereik.regio else "landelijk"),
        "contact": {veld: getattr(interventie.contact, veld) for veld in CONTACTVELDEN
                    if getattr(interventie.contact, veld)},
        "kosten": interventie.kosten,
    }
    if interventie.bron:
        ruw["bron"] = interventie.bron
    if interventie.laatst_gecontroleerd:
        ruw["laatst_gecontroleerd"] = interventie.laatst_gecontroleerd.isoformat()
    if interventie.voorbeeld:
        ruw["voorbeeld"] = True
    return ruw
