"""Accuracy of the practice partner's move classifier on its held-out set.

    .venv/bin/python -m bot.oefenen_bench [--fouten] [--bestand tests/oefenen_zetten_heldout.yml]

Scores `actions.oefenen.zetten.classificeer` (rules only, no NLU model) on
tests/oefenen_zetten_heldout.yml, which was written before the patterns and
is never used to tune them. Prints the accuracy over all moves, precision
and recall per move, and the confusion between open and closed questions,
measured on every line labelled as a question (open_vraag, gesloten_vraag,
the three "verkennen" moves and volgende_stap) that has a `vorm`. Fast (no
training, no server), so it runs on every change of data/oefenen/zetten.yml.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import yaml

from actions.oefenen.zetten import VRAAGZETTEN, classificeer, regels

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "oefenen_zetten_heldout.yml"
VORMEN = ("open", "gesloten")
KOP = "label \\ voorspeld"


@dataclass(frozen=True)
class Uitslag:
    aantal: int
    goed: int
    per_zet: Dict[str, Tuple[int, int, int]]  # move: (true positives, predicted, labelled)
    vormen: Dict[Tuple[str, str], int]  # (labelled form, predicted form or "geen"): count
    fouten: Tuple[Tuple[str, str, str], ...]  # (line, label, predicted)

    @property
    def nauwkeurigheid(self) -> float:
        return self.goed / self.aantal if self.aantal else 0.0

    @property
    def vorm_nauwkeurigheid(self) -> float:
        totaal = sum(self.vormen.values())
        return sum(n for (label, voorspeld), n in self.vormen.items() if label == voorspeld) / totaal if totaal else 0.0


def lees(pad: Path = HELDOUT) -> List[dict]:
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    return list(data["regels"])


def meet(items: Optional[Sequence[dict]] = None) -> Uitslag:
    items = lees() if items is None else items
    echt, voorspeld, juist = Counter(), Counter(), Counter()
    vormen: Counter = Counter()
    fouten = []
    for item in items:
        zet = classificeer(item["tekst"])
        echt[item["zet"]] += 1
        voorspeld[zet.soort] += 1
        if zet.soort == item["zet"]:
            juist[item["zet"]] += 1
        else:
            fouten.append((item["tekst"], item["zet"], zet.soort))
        if item.get("vorm") and item["zet"] in VRAAGZETTEN:
            vormen[(item["vorm"], zet.vorm or "geen")] += 1
    per_zet = {z: (juist[z], voorspeld[z], echt[z]) for z in regels().zetten}
    return Uitslag(len(items), sum(juist.values()), per_zet, dict(vormen), tuple(fouten))


def rapport(uitslag: Uitslag, met_fouten: bool = False) -> str:
    regels_ = [f"Zetten: {uitslag.goed} van {uitslag.aantal} goed, nauwkeurigheid {uitslag.nauwkeurigheid:.3f}", "",
               f"{'zet':<22} {'precisie':>8} {'recall':>7} {'aantal':>7}"]
    for zet, (tp, pred, label) in uitslag.per_zet.items():
        precisie = f"{tp / pred:.2f}" if pred else "-"
        recall = f"{tp / label:.2f}" if label else "-"
        regels_.append(f"{zet:<22} {precisie:>8} {recall:>7} {label:>7}")
    regels_ += ["", f"Vraagvorm (regels met een vraag als label): nauwkeurigheid {uitslag.vorm_nauwkeurigheid:.3f}",
                f"{KOP:<18} {'open':>6} {'gesloten':>9} {'geen':>6}"]
    for label in VORMEN:
        rij = [uitslag.vormen.get((label, v), 0) for v in (*VORMEN, "geen")]
        regels_.append(f"{label:<18} {rij[0]:>6} {rij[1]:>9} {rij[2]:>6}")
    if met_fouten and uitslag.fouten:
        regels_ += ["", "Fout geclassificeerd (label -> voorspeld):"]
        regels_ += [f"- {tekst!r}: {label} -> {voorspeld}" for tekst, label, voorspeld in uitslag.fouten]
    return "\n".join(regels_)


def main(argv: Sequence[str] = ()) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fouten", action="store_true", help="toon de fout geclassificeerde regels")
    parser.add_argument("--bestand", type=Path, default=HELDOUT)
    args = parser.parse_args(argv)
    print(rapport(meet(lees(args.bestand)), args.fouten))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
