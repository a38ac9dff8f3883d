"""How well the assistant reads a worker's free description of one person,
measured on descriptions written apart from the patterns and training data.

    .venv/bin/python -m bot.signalering_bench [--bestand data/beschrijvingen/beschrijvingen_1.yml] [--fouten]

Default: the held-out set (tests/beschrijvingen_heldout.yml, for measuring
only); tune on the development set (data/beschrijvingen/beschrijvingen_1.yml).
Each description is read as the first message of the signalering walk
(`casus.lees`, the patterns and context rules) and the first picture is made
from it alone, as if the worker answered no question. A set the type
reading learns from (data/beschrijvingen) is measured with a type reading
trained on the other sets (`typelezer`). Printed:

- micro-F1 over all facets and per facet, a facet value being one
  (facet, value) pair such as (problemen, schulden);
- per context subset (negated, hypothetical or past, about someone else) how
  many mentions that must not count were read as present;
- type accuracy, urgency accuracy, and loneliness-versus-isolation accuracy
  (the picture's beleving);
- how many descriptions with a death wish get the crisis answer with 113;
- for the held-out set, the same figures for two people who annotated its
  texts apart from its writer (`plafond`): how far careful human readers
  agree with the writer, the ceiling to hold the reader's figures against.

`make bench` prints the same table for the held-out set.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Set, Tuple

from sklearn.pipeline import Pipeline

from actions.algemeen.yamlbestand import lees_mapping
from actions.kennis.kennisbank import kennisbank
from actions.signalering import casus, facetlezing, typelezing
from actions.signalering.beoordeling import beoordeel
from bot import crisis_bench
from bot.nlu import gevaarmodel
from gedeeld import settings

HELDOUT = settings.ROOT / "tests" / "beschrijvingen_heldout.yml"
LEZERS = settings.ROOT / "tests" / "beschrijvingen_heldout_lezers.yml"  # two people's readings of it
FACETTEN = ("contacten", "deelname", "duur", "levensgebeurtenissen", "problemen", "signalen", "houding_hulp",
            "zegt_eenzaam", "leeftijdsgroep", "acuut")
CONTEXTGROEPEN = {"ontkend": ("ontkend",), "hypothetisch of verleden": ("hypothetisch", "verleden"),
                  "iemand anders": ("ander",)}
Paar = Tuple[str, str]
ZELFDE = {"psychische_crisis": "psychische_problemen"}
GEEN_TYPE = {"eenzaamheid": "geen", "geen_isolement": "geen"}  # no type named: the annotation's 'geen'


@dataclass(frozen=True)
class Lezing:
    """What the assistant made of one description."""
    paren: frozenset  # (facet, value) pairs read as present
    type_id: Optional[str]  # a type, 'geen' (lonely, not isolated) or 'onbekend'
    urgentie: str
    beleving: str
    crisis_met_113: bool


@dataclass
class Uitslag:
    aantal: int = 0
    per_facet: Dict[str, List[int]] = field(default_factory=lambda: {f: [0, 0, 0] for f in FACETTEN})  # tp, pred, gold
    context_fouten: Counter = field(default_factory=Counter)
    context_aantal: Counter = field(default_factory=Counter)
    goed: Counter = field(default_factory=Counter)  # type, urgentie, beleving
    # descriptions with a death wish the person has now: routed to 113, total. A death wish
    # that is denied, past or someone else's is a context mention (niet_aanwezig), not one of these.
    doodswens: List[int] = field(default_factory=lambda: [0, 0])
    fouten: List[str] = field(default_factory=list)

    def f1(self, facet: Optional[str] = None) -> Tuple[float, float, float]:
        rijen = [self.per_facet[facet]] if facet else list(self.per_facet.values())
        tp, pred, gold = (sum(r[i] for r in rijen) for i in range(3))
        precisie = tp / pred if pred else 1.0
        recall = tp / gold if gold else 1.0
        return precisie, recall, (2 * precisie * recall / (precisie + recall) if precisie + recall else 0.0)

    def nauwkeurigheid(self, wat: str) -> float:
        return self.goed[wat] / self.aantal if self.aantal else 0.0


def paren_van(facetten: Mapping[str, Any]) -> Set[Paar]:
    """The (facet, value) pairs of an annotation or a reading; acuut only when true."""
    paren: Set[Paar] = set()
    for facet in FACETTEN:
        waarde = facetten.get(facet)
        if facet == "acuut":
            if waarde:
                paren.add(("acuut", "ja"))
        elif isinstance(waarde, (list, tuple, set, frozenset)):
            # a psychiatric crisis is a psychic problem in the annotation's terms
            paren |= {(facet, ZELFDE.get(str(w), str(w))) for w in waarde if w not in (casus.GEEN, None)}
        elif waarde is not None:
            paren.add((facet, str(waarde)))
    return paren


Gevaarlezer = Callable[[str], bool]


def lees_beschrijving(tekst: str, gevaar: Gevaarlezer = casus.is_acuut, lezer: Optional[Pipeline] = None,
                      facetlezer: Optional[facetlezing.Facetlezer] = None) -> Lezing:
    """The first message of the signalering walk, as the dialogue reads it;
    `gevaar` reads acute danger (the dialogue's: the patterns or the danger
    model, `dialooglezer()`); `lezer` is the type reading (typelezing.py's own
    by default), `facetlezer` the facet reading (facetlezing.py's own by default)."""
    gelezen = casus.lees(tekst)
    geschat = facetlezing.lees(tekst, gelezen, facetlezer)
    slots = {**gelezen, **geschat, casus.GESCHAT_SLOT: geschat}
    slots[casus.UIT_BESCHRIJVING_SLOT] = casus.uit_beschrijving(gelezen)
    slots[casus.ACUUT_SLOT] = gevaar(tekst) or None
    slots[casus.TYPELEZING_SLOT] = typelezing.lees(tekst, lezer)
    facetten = {veld: slots.get(slot) for slot, veld in {**casus.KEUZE_SLOTS, **casus.SET_SLOTS}.items()}
    facetten["signalen"] = casus.signalen(slots)
    facetten["acuut"] = bool(slots.get(casus.ACUUT_SLOT))
    beeld = beoordeel(casus.naar_antwoorden(slots))
    crisis = kennisbank().crisis_antwoord(None).tekst if facetten["acuut"] else ""
    type_id = beeld.type_id or GEEN_TYPE.get(beeld.zonder_type or "", beeld.zonder_type)
    return Lezing(frozenset(paren_van(facetten)), type_id, beeld.urgentie, beeld.beleving, "113" in crisis)


def dialooglezer() -> Gevaarlezer:
    """Acute danger as the dialogue reads it in a description: the patterns, or the danger model."""
    model = crisis_bench.gevaarlezer()
    return lambda tekst: casus.is_acuut(tekst) or model(gevaarmodel.BESCHRIJVING, tekst)


def _geleerd(pad: Path) -> bool:
    return pad.resolve().parent == typelezing.BESCHRIJVINGMAP.resolve()


def typelezer(pad: Path) -> Optional[Pipeline]:
    """For a set the type reading learns from (data/beschrijvingen), a type reading
    trained on the other sets, so the set is measured on text the model did not see."""
    return typelezing.train(typelezing.voorbeelden(zonder=pad)) if _geleerd(pad) else None


def facetlezer(pad: Path) -> Optional[facetlezing.Facetlezer]:
    """The same for the facet reading."""
    return facetlezing.train(facetlezing.voorbeelden(zonder=pad)) if _geleerd(pad) else None


def meet(items: Sequence[Mapping[str, Any]], gevaar: Gevaarlezer = casus.is_acuut,
         lezer: Optional[Pipeline] = None, facetlezer_: Optional[facetlezing.Facetlezer] = None) -> Uitslag:
    uitslag = Uitslag()
    for item in items:
        tel(uitslag, item, lees_beschrijving(item["tekst"], gevaar, lezer, facetlezer_))
    return uitslag


def tel(uitslag: Uitslag, item: Mapping[str, Any], lezing: Lezing) -> None:
    """Count one reading of `item` against its annotation."""
    echt = paren_van(item["facetten"])
    uitslag.aantal += 1
    for facet in FACETTEN:
        e = {p for p in echt if p[0] == facet}
        v = {p for p in lezing.paren if p[0] == facet}
        rij = uitslag.per_facet[facet]
        rij[0] += len(e & v)
        rij[1] += len(v)
        rij[2] += len(e)
    _context(uitslag, item, lezing)
    verwacht = item["verwacht"]
    for wat, voorspeld in (("type", lezing.type_id), ("urgentie", lezing.urgentie), ("beleving", lezing.beleving)):
        if voorspeld == verwacht[wat]:
            uitslag.goed[wat] += 1
        else:
            uitslag.fouten.append(f"{item['id']} {wat}: verwacht {verwacht[wat]}, gelezen {voorspeld}")
    gemist = sorted(echt - lezing.paren)
    teveel = sorted(lezing.paren - echt)
    if gemist or teveel:
        uitslag.fouten.append(f"{item['id']} facetten: gemist {gemist}, te veel {teveel}")
    if "doodswens" in item.get("subsets", ()) and item["facetten"].get("acuut"):
        uitslag.doodswens[1] += 1
        uitslag.doodswens[0] += lezing.crisis_met_113


def als_lezing(annotatie: Mapping[str, Any]) -> Lezing:
    """A person's annotation of a description, counted as if it were a reading."""
    verwacht = annotatie["verwacht"]
    return Lezing(frozenset(paren_van(annotatie["facetten"])), verwacht["type"], verwacht["urgentie"],
                  verwacht["beleving"], bool(annotatie["facetten"].get("acuut")))


def lezers(pad: Path = LEZERS) -> Dict[str, List[dict]]:
    """Per second reader of the held-out set, their annotations (no text)."""
    return {naam: list(items) for naam, items in lees_mapping(pad)["lezers"].items()}


def overeenstemming(items: Sequence[Mapping[str, Any]], annotaties: Sequence[Mapping[str, Any]]) -> Uitslag:
    """How far `annotaties` agree with the annotation of `items`, counted like the reader."""
    per_id = {annotatie["id"]: annotatie for annotatie in annotaties}
    uitslag = Uitslag()
    for item in items:
        tel(uitslag, item, als_lezing(per_id[item["id"]]))
    return uitslag


def plafond(items: Sequence[Mapping[str, Any]], per_lezer: Mapping[str, Sequence[Mapping[str, Any]]]) -> str:
    """Each second reader against the writer, and the first two against each other:
    the figures careful people reach, to hold the reader's against."""
    regels = ["Mensen die de beschrijvingen lazen zonder de annotatie (tests/beschrijvingen_heldout_lezers.yml):"]
    for naam, annotaties in per_lezer.items():
        regels.append(f"  {naam} tegen de schrijver: {_kort(overeenstemming(items, annotaties))}")
    if len(per_lezer) >= 2:
        (naam_a, a), (naam_b, b) = list(per_lezer.items())[:2]
        regels.append(f"  {naam_a} tegen {naam_b}: {_kort(overeenstemming(b, a))}")
    return "\n".join(regels)


def _kort(uitslag: Uitslag) -> str:
    per_facet = ", ".join(f"{facet} {uitslag.f1(facet)[2]:.3f}" for facet in FACETTEN)
    return (f"micro-F1 {uitslag.f1()[2]:.3f}, type {uitslag.nauwkeurigheid('type'):.3f}, "
            f"urgentie {uitslag.nauwkeurigheid('urgentie'):.3f}, "
            f"eenzaamheid/isolement {uitslag.nauwkeurigheid('beleving'):.3f}\n    ({per_facet})")


def _context(uitslag: Uitslag, item: Mapping[str, Any], lezing: Lezing) -> None:
    for vermelding in item.get("niet_aanwezig") or []:
        groep = next(g for g, contexten in CONTEXTGROEPEN.items() if vermelding["context"] in contexten)
        uitslag.context_aantal[groep] += 1
        waarde = "ja" if vermelding["facet"] == "acuut" else str(vermelding["waarde"])
        if (vermelding["facet"], waarde) in lezing.paren:
            uitslag.context_fouten[groep] += 1
            uitslag.fouten.append(f"{item['id']} {groep} gelezen als aanwezig: {vermelding['facet']}={waarde}")


def lees(pad: Path = HELDOUT) -> List[dict]:
    return list(lees_mapping(pad)["beschrijvingen"])


def tabel(uitslag: Uitslag) -> str:
    p, r, f = uitslag.f1()
    regels = [f"{uitslag.aantal} beschrijvingen",
              f"facetten micro-F1 {f:.3f} (precisie {p:.3f}, recall {r:.3f})"]
    for facet in FACETTEN:
        tp, pred, gold = uitslag.per_facet[facet]
        fp, fr, ff = uitslag.f1(facet)
        regels.append(f"  {facet:<22} F1 {ff:.3f}  P {fp:.3f}  R {fr:.3f}  (goed {tp}, gelezen {pred}, echt {gold})")
    regels.append("context: vermeldingen die niet mogen tellen, toch gelezen als aanwezig")
    for groep in CONTEXTGROEPEN:
        regels.append(f"  {groep:<24} {uitslag.context_fouten[groep]} van {uitslag.context_aantal[groep]}")
    regels += [f"type goed                  {uitslag.nauwkeurigheid('type'):.3f}",
               f"urgentie goed              {uitslag.nauwkeurigheid('urgentie'):.3f}",
               f"eenzaamheid/isolement goed {uitslag.nauwkeurigheid('beleving'):.3f}",
               f"doodswens naar 113         {uitslag.doodswens[0]} van {uitslag.doodswens[1]}"]
    return "\n".join(regels)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.signalering_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--bestand", type=Path, default=HELDOUT)
    parser.add_argument("--fouten", action="store_true", help="ook elke fout per beschrijving")
    args = parser.parse_args(argv)
    uitslag = meet(lees(args.bestand), dialooglezer(), typelezer(args.bestand), facetlezer(args.bestand))
    print(tabel(uitslag))
    if args.bestand == HELDOUT:
        print("\n" + plafond(lees(), lezers()))
    if args.fouten:
        print("\n".join(["", *uitslag.fouten]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
