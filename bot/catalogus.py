"""`python -m bot.catalogus import FILE.csv|FILE.json [--skip-invalid]`:
an organisation's own list of interventions into the catalogue.

Every row is checked against data/interventies/SCHEMA.md; each bad row is
reported with its line number and the reasons. When any row is bad nothing
is written, unless --skip-invalid is given. The good rows go into the file
named by CATALOGUE_FILE, which the assistant lays over the shipped catalogue.
An entry is matched to an earlier import by its id, or, without an id, by
its name and organisation; importing the same file twice changes nothing.

CSV: one row per entry, a header with the field names of SCHEMA.md, and
gemeenten, regio, landelijk, website, telefoon and verwijsroute as columns
of their own. Lists in a cell are separated by ';', ',' or '|'. The file
may use ',' or ';' between cells (Excel in Dutch writes ';').
JSON: a list of entries as in SCHEMA.md, or {"interventies": [...]}.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

from actions.interventies.catalogus import CatalogusFout, context, lees_bestand
from actions.interventies.dienst import Instellingen
from actions.interventies.gemeenten import laad_gemeenten, normaliseer
from actions.interventies.remote import interventie_items
from actions.interventies.schema import (
    CONTACTVELDEN,
    VELDEN,
    Context,
    Interventie,
    SchemaFout,
    naar_ruw,
    valideer,
)

BEREIKKOLOMMEN = ("gemeenten", "regio", "landelijk")
KOLOMMEN = tuple(v for v in VELDEN if v not in ("bereik", "contact")) + BEREIKKOLOMMEN + CONTACTVELDEN
TUSSENRUIMTE = re.compile(r"[\s,]*")


class InvoerFout(ValueError):
    """The file as a whole cannot be read (not one row): wrong format, header, JSON."""


@dataclass
class Rij:
    regel: int  # line number in the file, for the report
    ruw: Dict[str, Any]


# --- reading ---------------------------------------------------------------------
def lees_csv(tekst: str) -> List[Rij]:
    try:
        dialect = csv.Sniffer().sniff(tekst.splitlines()[0] if tekst.strip() else ",", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    lezer = csv.reader(io.StringIO(tekst), dialect)
    kop = [k.strip().lower() for k in next(lezer, [])]
    onbekend = [k for k in kop if k not in KOLOMMEN]
    if onbekend:
        raise InvoerFout(f"regel 1: onbekende kolom '{onbekend[0]}' (bekende kolommen: {', '.join(KOLOMMEN)})")
    if "naam" not in kop:
        raise InvoerFout("regel 1: de kolom 'naam' ontbreekt in de kopregel")
    rijen: List[Rij] = []
    vorige = lezer.line_num
    for cellen in lezer:
        begin, vorige = vorige + 1, lezer.line_num
        if not any(c.strip() for c in cellen):
            continue
        if len(cellen) > len(kop):
            rijen.append(Rij(begin, {"__fout__": f"{len(cellen)} cellen, maar de kopregel heeft er {len(kop)}"}))
            continue
        rijen.append(Rij(begin, _uit_kolommen(dict(zip(kop, (c.strip() for c in cellen), strict=False)))))
    return rijen


def _uit_kolommen(cellen: Dict[str, str]) -> Dict[str, Any]:
    """A CSV row in the nested form of SCHEMA.md (bereik and contact as mappings)."""
    ruw: Dict[str, Any] = {k: v for k, v in cellen.items() if k in VELDEN and v}
    bereik: Dict[str, Any] = {k: cellen[k] for k in BEREIKKOLOMMEN if cellen.get(k)}
    if "landelijk" in bereik:
        bereik["landelijk"] = normaliseer(bereik["landelijk"]) in ("ja", "j", "x", "true", "waar")
    ruw["bereik"] = bereik
    ruw["contact"] = {k: cellen[k] for k in CONTACTVELDEN if cellen.get(k)}
    return ruw


def lees_json(tekst: str) -> List[Rij]:
    """The entries with the line each starts on (json.loads gives no positions,
    so the list is walked with raw_decode)."""
    try:
        data = json.loads(tekst)
    except json.JSONDecodeError as fout:
        raise InvoerFout(f"regel {fout.lineno}: geen geldige JSON ({fout.msg})") from fout
    items = interventie_items(data)
    if items is None:
        raise InvoerFout("regel 1: verwacht een lijst interventies, of een object met de lijst 'interventies'")
    if isinstance(data, list):
        start = tekst.index("[")
    else:
        lijst = re.search(r'"interventies"\s*:\s*\[', tekst)
        assert lijst is not None  # interventie_items found the list 'interventies'
        start = lijst.end() - 1
    decoder, positie, rijen = json.JSONDecoder(), start + 1, []
    for item in items:
        tussen = TUSSENRUIMTE.match(tekst, positie)
        assert tussen is not None  # the pattern also matches nothing
        positie = tussen.end()
        regel = tekst.count("\n", 0, positie) + 1
        _, positie = decoder.raw_decode(tekst, positie)
        rijen.append(Rij(regel, item if isinstance(item, dict) else {"__fout__": "verwacht een object"}))
    return rijen


def lees_rijen(pad: Path) -> List[Rij]:
    try:
        tekst = pad.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as fout:
        raise InvoerFout(f"{pad.name} is geen UTF-8-tekst; sla het op als 'CSV UTF-8'") from fout
    except OSError as fout:
        raise InvoerFout(f"kan {pad} niet lezen ({fout.strerror})") from fout
    soort = pad.suffix.lower()
    if soort == ".csv":
        return lees_csv(tekst)
    if soort == ".json":
        return lees_json(tekst)
    raise InvoerFout(f"{pad.name}: kies een .csv- of .json-bestand")


# --- checking and merging --------------------------------------------------------------
def _slug(tekst: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", normaliseer(tekst)).strip("_")


def _sleutel(naam: Any, organisatie: Any) -> Tuple[str, str]:
    return normaliseer(str(naam or "")), normaliseer(str(organisatie or ""))


def controleer(rijen: List[Rij], bestaand: Dict[str, Interventie], ctx: Context
               ) -> Tuple[List[Interventie], List[Tuple[int, List[str]]]]:
    """The good entries and, per bad row, its line and reasons. A row without
    an id gets the id of the earlier entry with the same name and organisation,
    or one made from them."""
    op_naam = {_sleutel(i.naam, i.organisatie): i.id for i in bestaand.values()}
    goed: Dict[str, Tuple[int, Interventie]] = {}
    fout: List[Tuple[int, List[str]]] = []
    for rij in rijen:
        if "__fout__" in rij.ruw:
            fout.append((rij.regel, [rij.ruw["__fout__"]]))
            continue
        ruw = dict(rij.ruw)
        zelf_id = not ruw.get("id")
        if zelf_id:
            sleutel = _sleutel(ruw.get("naam"), ruw.get("organisatie"))
            ruw["id"] = op_naam.get(sleutel) or _slug(" ".join(sleutel))
        try:
            interventie = valideer(ruw, ctx)
        except SchemaFout as schemafout:
            # An id the import makes itself is only missing because the name is: say that once.
            fout.append((rij.regel, [r for r in schemafout.redenen if not (zelf_id and r == "id ontbreekt")]))
            continue
        if interventie.id in goed:
            fout.append((rij.regel, [f"dezelfde interventie als op regel {goed[interventie.id][0]} "
                                     f"(id '{interventie.id}')"]))
            continue
        goed[interventie.id] = (rij.regel, interventie)
    return [interventie for _, interventie in goed.values()], fout


def schrijf(doel: Path, interventies: List[Interventie]) -> None:
    """Write atomically, so a running assistant never reads half a file."""
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = doel.with_name(doel.name + ".tmp")
    kop = "# Written by `python -m bot.catalogus import`; format: data/interventies/SCHEMA.md\n"
    inhoud = yaml.safe_dump({"interventies": [naar_ruw(i) for i in interventies]},
                            allow_unicode=True, sort_keys=False, width=100)
    tijdelijk.write_text(kop + inhoud, encoding="utf-8")
    os.replace(tijdelijk, doel)


def importeer(pad: Path, doel: Path, sla_fouten_over: bool = False) -> int:
    """The import command; prints its report and returns the exit code."""
    gemeenten = laad_gemeenten()
    ctx = context(gemeenten, eigen=True)
    try:
        bestaand = {i.id: i for i in lees_bestand(doel, ctx)} if doel.exists() else {}
        rijen = lees_rijen(pad)
    except (InvoerFout, CatalogusFout) as probleem:
        print(f"Fout: {probleem}. Er is niets opgeslagen.")
        return 2
    goed, fout = controleer(rijen, bestaand, ctx)
    for regel, redenen in fout:
        print(f"Regel {regel}: {'; '.join(redenen)}.")
    if fout and not sla_fouten_over:
        print(f"Niets opgeslagen: {len(fout)} van de {len(rijen)} rijen zijn fout. Verbeter ze, "
              "of gebruik --skip-invalid om alleen de goede rijen op te slaan.")
        return 1
    nieuw = [i for i in goed if i.id not in bestaand]
    gewijzigd = [i for i in goed if i.id in bestaand and naar_ruw(i) != naar_ruw(bestaand[i.id])]
    if nieuw or gewijzigd:
        schrijf(doel, list({**bestaand, **{i.id: i for i in goed}}.values()))
    overgeslagen = f" {len(fout)} foute rijen overgeslagen." if fout else ""
    print(f"Klaar: {len(nieuw)} nieuw, {len(gewijzigd)} gewijzigd, "
          f"{len(goed) - len(nieuw) - len(gewijzigd)} ongewijzigd.{overgeslagen} "
          f"{'Opgeslagen in' if nieuw or gewijzigd else 'Niets veranderd in'} {doel}.")
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.catalogus",
                                     description="Het eigen aanbod van je organisatie in de catalogus zetten.")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    imp = sub.add_parser("import", help="een CSV- of JSON-bestand met interventies inlezen")
    imp.add_argument("bestand", type=Path)
    imp.add_argument("--skip-invalid", action="store_true", help="foute rijen overslaan en de goede opslaan")
    args = parser.parse_args(argv)
    return importeer(args.bestand, Instellingen.uit_omgeving().eigen_bestand, args.skip_invalid)


if __name__ == "__main__":
    sys.exit(main())
