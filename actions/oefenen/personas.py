"""Personas of the practice partner: one YAML file per persona in
data/oefenen/personas, checked against the schema of data/oefenen/SCHEMA.md.

Plain Python without Rasa. `laad()` reads every file and raises PersonaFout
with every problem of every bad file, each as "bestand: veld: wat er mis is",
in Dutch, so a trainer who adds a file sees at once what to fix. Check files
from the command line:

    .venv/bin/python -m actions.oefenen.personas [bestand.yml ...]
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import yaml

from actions.algemeen.controle import Controle, ControleFout
from actions.algemeen.yamlbestand import yaml_uit
from actions.oefenen import OEFENEN_DIR

PERSONA_DIR = OEFENEN_DIR / "personas"
TYPES = ("dreigend", "situationeel", "structureel", "structureel_ggz")
INSTELLINGEN = ("huisbezoek", "buurthuis", "telefoon")
NIVEAUS = ("laag", "midden", "hoog")
ONDERWERPEN = ("algemeen", "gevoelens", "netwerk", "drijfveren", "praktisch")
AANSPREEKVORMEN = ("u", "je")
# What the persona says after each kind of move (see SCHEMA.md, "reacties").
REACTIESOORTEN = ("open_vraag", "gesloten_vraag", "vragenvuur", "reflectie", "gevoelens", "netwerk", "drijfveren",
                  "bevestiging", "ruimte", "advies", "bagatelliseren", "aandringen", "stap", "overig", "niets_nieuws",
                  "onthulling")
# Trust weights a persona may set for itself (see data/oefenen/spel.yml).
GEWICHTEN = ("open_vraag", "gesloten_vraag", "eenvoudige_reflectie", "complexe_reflectie", "bevestiging",
             "netwerk_verkennen", "gevoelens_verkennen", "drijfveren_verkennen", "ruimte_geven", "overig",
             "bagatelliseren", "advies_te_vroeg", "advies_op_tijd", "stap_te_vroeg", "stap_op_tijd", "aandringen",
             "vragenvuur", "geduld")
MIN_REGELS = 2
VELDEN = ("id", "naam", "roepnaam", "aanspreken", "aanspreekvorm", "leeftijd", "type", "korte_beschrijving",
          "achtergrond", "spreekstijl", "start_vertrouwen", "open_feiten", "verborgen_feiten", "drijfveren",
          "voorbeelden", "instellingen", "reacties", "gewichten", "groei")
OPTIONEEL = ("gewichten", "groei")
VOORBEELDEN = ("reflectie", "drijfveer_vraag", "stap")
ID = re.compile(r"^[a-z][a-z0-9_]*$")
VERTROUWEN_MAX = 10


class PersonaFout(ControleFout):
    """One or more persona files break the schema; `redenen` holds every reason, in Dutch, one per line."""

    scheiding = "\n"


@dataclass(frozen=True)
class Feit:
    id: str
    tekst: str
    onderwerp: str
    drempel: Optional[float] = None  # hidden facts only
    samenvatting: Optional[str] = None
    hint: Optional[str] = None


@dataclass(frozen=True)
class Drijfveer:
    id: str
    tekst: str
    samenvatting: str


@dataclass(frozen=True)
class Instelling:
    beschrijving: str
    opening: str
    vertrouwen: float = 0.0


@dataclass(frozen=True)
class Persona:
    id: str
    naam: str
    roepnaam: str
    aanspreken: str
    aanspreekvorm: str
    leeftijd: int
    type: str
    korte_beschrijving: str
    achtergrond: str
    spreekstijl: str
    start_vertrouwen: float
    open_feiten: Tuple[Feit, ...]
    verborgen_feiten: Tuple[Feit, ...]
    drijfveren: Tuple[Drijfveer, ...]
    voorbeelden: Mapping[str, str]
    instellingen: Mapping[str, Instelling]
    reacties: Mapping[str, Mapping[str, Tuple[str, ...]]]
    gewichten: Mapping[str, float]
    groei: float = 1.0  # factor on every rise of trust: below 1 for someone slow to trust

    def verborgen(self, feit_id: str) -> Feit:
        return next(f for f in self.verborgen_feiten if f.id == feit_id)


# --- checking ------------------------------------------------------------------------
def _is_getal(waarde: Any) -> bool:
    return isinstance(waarde, (int, float)) and not isinstance(waarde, bool)


class _Controle(Controle):
    """The fields of one persona file; every reason starts with the file name."""

    def __init__(self, bestand: str, data: Mapping[str, Any]):
        super().__init__(bestand)
        self.data = data

    def tekst(self, waarde: Any, veld: str) -> str:
        if not isinstance(waarde, str) or not waarde.strip():
            self.fout(veld, "ontbreekt of is leeg" if waarde in (None, "") else
                      f"moet een tekst zijn, nu {_toon(waarde)}")
            return ""
        return " ".join(waarde.split())

    def getal(self, waarde: Any, veld: str, laag: float, hoog: float, heel: bool = False) -> float:
        if waarde is None:
            self.fout(veld, "ontbreekt")
            return laag
        if not _is_getal(waarde) or (heel and not isinstance(waarde, int)):
            soort = "een heel getal" if heel else "een getal"
            self.fout(veld, f"moet {soort} zijn, nu {_toon(waarde)}")
            return laag
        if not laag <= waarde <= hoog:
            self.fout(veld, f"moet tussen {_getal(laag)} en {_getal(hoog)} liggen, nu {_getal(waarde)}")
        return float(waarde)

    def keuze(self, waarde: Any, veld: str, toegestaan: Sequence[str]) -> str:
        if waarde not in toegestaan:
            self.fout(veld, f"onbekende waarde {_toon(waarde)} (kies uit: {', '.join(toegestaan)})")
            return toegestaan[0]
        return waarde

    def lijst(self, waarde: Any, veld: str, minimaal: int) -> List[Any]:
        if not isinstance(waarde, list):
            self.fout(veld, "ontbreekt" if waarde is None else f"moet een lijst zijn, nu {_toon(waarde)}")
            return []
        if len(waarde) < minimaal:
            self.fout(veld, f"heeft er minstens {minimaal} nodig, nu {len(waarde)}")
        return waarde

    def mapping(self, waarde: Any, veld: str) -> Mapping[str, Any]:
        if not isinstance(waarde, dict):
            self.fout(veld, "ontbreekt" if waarde is None else f"moet een lijst met sleutels zijn, nu {_toon(waarde)}")
            return {}
        return waarde


def _toon(waarde: Any) -> str:
    if isinstance(waarde, str):
        return f"'{waarde}'"
    if isinstance(waarde, list):
        return "een lijst"
    if isinstance(waarde, dict):
        return "een lijst met sleutels"
    return f"'{waarde}'" if waarde is not None else "leeg"


def _getal(waarde: float) -> str:
    return str(int(waarde)) if float(waarde).is_integer() else str(waarde).replace(".", ",")


def _feiten(c: _Controle, veld: str, minimaal: int, verborgen: bool, start: float) -> Tuple[Feit, ...]:
    feiten = []
    for index, item in enumerate(c.lijst(c.data.get(veld), veld, minimaal)):
        waar = f"{veld} {index + 1}"
        if not isinstance(item, dict):
            c.fout(waar, "moet id, tekst en onderwerp hebben")
            continue
        feit_id = c.tekst(item.get("id"), f"{waar}, id")
        waar = f"{veld} '{feit_id}'" if feit_id else waar
        tekst = c.tekst(item.get("tekst"), f"{waar}, tekst")
        onderwerp = c.keuze(item.get("onderwerp"), f"{waar}, onderwerp", ONDERWERPEN)
        bekend = {"id", "tekst", "onderwerp"} | ({"drempel", "samenvatting", "hint"} if verborgen else set())
        for extra in sorted(set(item) - bekend):
            c.fout(f"{waar}, {extra}", f"onbekend veld (toegestaan: {', '.join(sorted(bekend))})")
        if verborgen:
            drempel = c.getal(item.get("drempel"), f"{waar}, drempel", 0, VERTROUWEN_MAX)
            if _is_getal(item.get("drempel")) and drempel <= start:
                c.fout(f"{waar}, drempel", f"moet hoger zijn dan start_vertrouwen ({_getal(start)}), "
                                           f"anders is het feit niet verborgen")
            samenvatting = c.tekst(item.get("samenvatting"), f"{waar}, samenvatting")
            hint = item.get("hint")
            if hint is not None:
                hint = c.tekst(hint, f"{waar}, hint")
            feiten.append(Feit(feit_id, tekst, onderwerp, drempel, samenvatting, hint or None))
        else:
            feiten.append(Feit(feit_id, tekst, onderwerp))
    return tuple(feiten)


def _drijfveren(c: _Controle) -> Tuple[Drijfveer, ...]:
    result = []
    for index, item in enumerate(c.lijst(c.data.get("drijfveren"), "drijfveren", 1)):
        waar = f"drijfveren {index + 1}"
        if not isinstance(item, dict):
            c.fout(waar, "moet id, tekst en samenvatting hebben")
            continue
        ident = c.tekst(item.get("id"), f"{waar}, id")
        waar = f"drijfveren '{ident}'" if ident else waar
        result.append(Drijfveer(ident, c.tekst(item.get("tekst"), f"{waar}, tekst"),
                                c.tekst(item.get("samenvatting"), f"{waar}, samenvatting")))
    return tuple(result)


def _instellingen(c: _Controle) -> Dict[str, Instelling]:
    ruw = c.mapping(c.data.get("instellingen"), "instellingen")
    result = {}
    for naam in sorted(set(ruw) - set(INSTELLINGEN)):
        c.fout(f"instellingen '{naam}'", f"onbekende instelling (kies uit: {', '.join(INSTELLINGEN)})")
    for naam in INSTELLINGEN:
        waar = f"instellingen '{naam}'"
        if naam not in ruw:
            if ruw:
                c.fout(waar, "ontbreekt (elke persona heeft huisbezoek, buurthuis en telefoon)")
            continue
        item = c.mapping(ruw[naam], waar)
        vertrouwen = item.get("vertrouwen", 0)
        result[naam] = Instelling(c.tekst(item.get("beschrijving"), f"{waar}, beschrijving"),
                                  c.tekst(item.get("opening"), f"{waar}, opening"),
                                  c.getal(vertrouwen, f"{waar}, vertrouwen", -3, 3))
    return result


def _reacties(c: _Controle) -> Dict[str, Dict[str, Tuple[str, ...]]]:
    ruw = c.mapping(c.data.get("reacties"), "reacties")
    result: Dict[str, Dict[str, Tuple[str, ...]]] = {}
    for soort in sorted(set(ruw) - set(REACTIESOORTEN)):
        c.fout(f"reacties '{soort}'", f"onbekende soort reactie (kies uit: {', '.join(REACTIESOORTEN)})")
    for soort in REACTIESOORTEN:
        waar = f"reacties '{soort}'"
        if soort not in ruw:
            if ruw:
                c.fout(waar, f"ontbreekt (nodig: {', '.join(NIVEAUS)}, elk met minstens {MIN_REGELS} zinnen)")
            continue
        niveaus = c.mapping(ruw[soort], waar)
        for niveau in sorted(set(niveaus) - set(NIVEAUS)):
            c.fout(f"{waar}, {niveau}", f"onbekend vertrouwensniveau (kies uit: {', '.join(NIVEAUS)})")
        result[soort] = {}
        for niveau in NIVEAUS:
            if niveaus and niveau not in niveaus:
                c.fout(f"{waar}, {niveau}", f"ontbreekt (minstens {MIN_REGELS} zinnen)")
                continue
            regels = [c.tekst(r, f"{waar}, {niveau}") for r in c.lijst(niveaus.get(niveau), f"{waar}, {niveau}",
                                                                         MIN_REGELS)]
            dubbel = sorted({r for r in regels if r and regels.count(r) > 1})
            for regel in dubbel:
                c.fout(f"{waar}, {niveau}", f"de zin '{regel}' staat er twee keer in; varieer de zinnen")
            result[soort][niveau] = tuple(r for r in regels if r)
    return result


def controleer(data: Any, bestand: str) -> Tuple[Optional[Persona], List[str]]:
    """The persona of one parsed file, and every problem found (empty when fine)."""
    if not isinstance(data, dict):
        return None, [f"{bestand}: verwacht bovenaan velden als id, naam en leeftijd, nu {_toon(data)}"]
    c = _Controle(bestand, data)
    for extra in sorted(set(data) - set(VELDEN)):
        c.fout(extra, "onbekend veld (controleer de spelling; zie data/oefenen/SCHEMA.md)")
    for veld in VELDEN:
        if veld not in data and veld not in OPTIONEEL:
            c.fout(veld, "ontbreekt")
    persona_id: Any = data.get("id")  # as read; the checks below report what is wrong with it
    if isinstance(persona_id, str) and not ID.match(persona_id):
        c.fout("id", f"alleen kleine letters, cijfers en _, beginnend met een letter; nu '{persona_id}'")
    stam = Path(bestand).stem
    if isinstance(persona_id, str) and persona_id != stam:
        c.fout("id", f"moet gelijk zijn aan de bestandsnaam zonder .yml ('{stam}'), nu '{persona_id}'")
    velden: Dict[str, Any] = {}
    for veld in ("naam", "roepnaam", "aanspreken", "korte_beschrijving", "achtergrond", "spreekstijl"):
        if veld in data:
            velden[veld] = c.tekst(data.get(veld), veld)
    if "leeftijd" in data:
        velden["leeftijd"] = int(c.getal(data.get("leeftijd"), "leeftijd", 12, 110, heel=True))
    if "type" in data:
        velden["type"] = c.keuze(data.get("type"), "type", TYPES)
    if "aanspreekvorm" in data:
        velden["aanspreekvorm"] = c.keuze(data.get("aanspreekvorm"), "aanspreekvorm", AANSPREEKVORMEN)
    start = c.getal(data.get("start_vertrouwen"), "start_vertrouwen", 0, VERTROUWEN_MAX) \
        if "start_vertrouwen" in data else 0.0
    open_feiten = _feiten(c, "open_feiten", 2, False, start) if "open_feiten" in data else ()
    verborgen = _feiten(c, "verborgen_feiten", 2, True, start) if "verborgen_feiten" in data else ()
    drijfveren = _drijfveren(c) if "drijfveren" in data else ()
    ids = [f.id for f in (*open_feiten, *verborgen)] + [d.id for d in drijfveren]
    for dubbel in sorted({i for i in ids if i and ids.count(i) > 1}):
        c.fout("id's", f"'{dubbel}' komt meer dan één keer voor in open_feiten, verborgen_feiten en drijfveren")
    voorbeelden: Dict[str, str] = {}
    if "voorbeelden" in data:
        ruw = c.mapping(data.get("voorbeelden"), "voorbeelden")
        for sleutel in VOORBEELDEN:
            voorbeelden[sleutel] = c.tekst(ruw.get(sleutel), f"voorbeelden, {sleutel}")
        for extra in sorted(set(ruw) - set(VOORBEELDEN)):
            c.fout(f"voorbeelden, {extra}", f"onbekend veld (toegestaan: {', '.join(VOORBEELDEN)})")
    instellingen = _instellingen(c) if "instellingen" in data else {}
    reacties = _reacties(c) if "reacties" in data else {}
    gewichten: Dict[str, float] = {}
    if data.get("gewichten") is not None:
        for sleutel, waarde in c.mapping(data.get("gewichten"), "gewichten").items():
            if sleutel not in GEWICHTEN:
                c.fout(f"gewichten, {sleutel}", f"onbekend gewicht (kies uit: {', '.join(GEWICHTEN)})")
            else:
                gewichten[sleutel] = c.getal(waarde, f"gewichten, {sleutel}", -5, 5)
    groei = c.getal(data.get("groei"), "groei", 0.2, 2) if data.get("groei") is not None else 1.0
    if c.redenen:
        return None, c.redenen
    return Persona(id=persona_id, start_vertrouwen=start, groei=groei, open_feiten=open_feiten,
                   verborgen_feiten=verborgen, drijfveren=drijfveren, voorbeelden=voorbeelden,
                   instellingen=instellingen, reacties=reacties, gewichten=gewichten, **velden), []


def lees_bestand(pad: Path) -> Tuple[Optional[Persona], List[str]]:
    """Read and check one persona file."""
    try:
        data = yaml_uit(pad.read_text(encoding="utf-8"))
    except OSError as fout:
        return None, [f"{pad.name}: kan het bestand niet lezen ({fout.strerror})"]
    except yaml.YAMLError as fout:
        plek = getattr(fout, "problem_mark", None)
        waar = f" rond regel {plek.line + 1}" if plek else ""
        return None, [f"{pad.name}: geen geldige YAML{waar} ({getattr(fout, 'problem', None) or fout})"]
    return controleer(data, pad.name)


def laad(directory: Path = PERSONA_DIR) -> Dict[str, Persona]:
    """Every persona in `directory`, by id; PersonaFout lists every problem of every file."""
    personas: Dict[str, Persona] = {}
    redenen: List[str] = []
    bestanden = sorted(directory.glob("*.yml")) + sorted(directory.glob("*.yaml"))
    if not bestanden:
        raise PersonaFout([f"{directory}: geen persona's gevonden (verwacht bestanden *.yml)"])
    for pad in bestanden:
        persona, problemen = lees_bestand(pad)
        redenen += problemen
        if persona:
            personas[persona.id] = persona
    if redenen:
        raise PersonaFout(redenen)
    return personas


@lru_cache(maxsize=1)
def personas() -> Dict[str, Persona]:
    """The shipped personas, loaded once per process."""
    return laad()


def overzicht() -> List[dict]:
    """For a picker: id, naam, leeftijd, type and the short description of every persona."""
    return [{"id": p.id, "naam": p.naam, "leeftijd": p.leeftijd, "type": p.type,
             "korte_beschrijving": p.korte_beschrijving} for p in personas().values()]


def main(argv: Sequence[str]) -> int:
    paden = [Path(a) for a in argv] or sorted(PERSONA_DIR.glob("*.yml"))
    fouten = 0
    for pad in paden:
        persona, problemen = lees_bestand(pad)
        if problemen:
            fouten += 1
            print("\n".join(problemen))
        else:
            assert persona is not None  # lees_bestand gives a persona whenever it finds no problems
            print(f"{pad.name}: in orde ({persona.naam}, {persona.type})")
    return 1 if fouten else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
