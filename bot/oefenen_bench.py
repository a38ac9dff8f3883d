"""Accuracy of the practice partner's move classifier on its held-out sets.

    .venv/bin/python -m bot.oefenen_bench [--model MODEL.tar.gz] [--fouten]
    .venv/bin/python -m bot.oefenen_bench --bestand tests/oefenen_zetten_heldout.yml [--fouten]

Without --bestand: every held-out set, each read three ways, plus sets 2
and 3 together (the honest measure: set 1 was written by the patterns'
author before them and is optimistic, see its header):

- rules: `actions.oefenen.zetten.classificeer` on the text alone;
- NLU: the best `zet_*` intent of the model's ranking (data/nlu/zetten.yml),
  "overig" when the ranking holds none;
- rules+NLU: `classificeer(text, signal)` as the role play does it, with the
  top intent and with the best `zet_*` intent of the ranking as the signal.

For each: accuracy, open questions read as closed and the other way round
(lines labelled as a question with a `vorm`), and for sets 2+3 what each
move was mistaken for. The model is --model, else the project's model for the
current training data (models/, as `make train` names it); this command never
trains. Without a model only the rules are scored. `make bench` prints the
same table with the model it trained or found.

With --bestand: the rules on one file, with precision and recall per move
(fast, no model: run it on every change of data/oefenen/zetten.yml).
"""
from __future__ import annotations

import argparse
import asyncio
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from actions.algemeen.yamlbestand import lees_yaml
from actions.oefenen.zetten import VRAAGZETTEN, classificeer, intent_zet, regels
from gedeeld import settings

ROOT = settings.ROOT
HELDOUT = ROOT / "tests" / "oefenen_zetten_heldout.yml"
SETS = {"set 1 (optimistisch)": HELDOUT, "set 2": ROOT / "tests" / "oefenen_zetten_heldout_2.yml",
        "set 3": ROOT / "tests" / "oefenen_zetten_heldout_3.yml"}
SAMEN = ("set 2", "set 3")  # written after the patterns: together the honest measure
METHODEN = ("regels", "nlu", "regels+nlu (top-intent)", "regels+nlu (beste zet_)")
Voorspelling = Tuple[str, Optional[str]]  # (move, question form)
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
    data = lees_yaml(pad)
    return list(data["regels"])


def meet(items: Optional[Sequence[dict]] = None, zetten: Optional[Sequence[Voorspelling]] = None) -> Uitslag:
    """Score `zetten` (one (move, form) per item; default: the rules) against the labels."""
    items = lees() if items is None else items
    if zetten is None:
        zetten = [(z.soort, z.vorm) for z in (classificeer(item["tekst"]) for item in items)]
    echt: Counter[str] = Counter()
    voorspeld: Counter[str] = Counter()
    juist: Counter[str] = Counter()
    vormen: Counter = Counter()
    fouten = []
    for item, (soort, vorm) in zip(items, zetten, strict=False):
        echt[item["zet"]] += 1
        voorspeld[soort] += 1
        if soort == item["zet"]:
            juist[item["zet"]] += 1
        else:
            fouten.append((item["tekst"], item["zet"], soort))
        if item.get("vorm") and item["zet"] in VRAAGZETTEN:
            vormen[(item["vorm"], vorm or "geen")] += 1
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
    for echte_vorm in VORMEN:
        rij = [uitslag.vormen.get((echte_vorm, v), 0) for v in (*VORMEN, "geen")]
        regels_.append(f"{echte_vorm:<18} {rij[0]:>6} {rij[1]:>9} {rij[2]:>6}")
    if met_fouten and uitslag.fouten:
        regels_ += ["", "Fout geclassificeerd (label -> voorspeld):"]
        regels_ += [f"- {tekst!r}: {label} -> {voorspeld}" for tekst, label, voorspeld in uitslag.fouten]
    return "\n".join(regels_)


# --- rules, NLU and both, on every set -----------------------------------------------------
def top_intent(ontleding: Mapping) -> Optional[Tuple[str, float]]:
    """The message's intent as Rasa sets it (after the FallbackClassifier)."""
    intent = ontleding.get("intent") or {}
    return (intent["name"], float(intent.get("confidence") or 0.0)) if intent.get("name") else None


def beste_zet(ontleding: Mapping) -> Optional[Tuple[str, float]]:
    """The highest intent of the ranking that stands for a move, or None."""
    return next(((i["name"], float(i.get("confidence") or 0.0)) for i in ontleding.get("intent_ranking") or []
                 if intent_zet(i["name"])), None)


def _vorm_van(soort: str) -> Optional[str]:
    return {"open_vraag": "open", "gesloten_vraag": "gesloten"}.get(soort)


def voorspellingen(items: Sequence[dict], ontledingen: Optional[Sequence[Mapping]]) -> Dict[str, List[Voorspelling]]:
    """Per method, the (move, form) of every item; only the rules without parses."""
    teksten = [item["tekst"] for item in items]
    uit: Dict[str, List[Voorspelling]] = {"regels": [(z.soort, z.vorm) for z in map(classificeer, teksten)]}
    if ontledingen is None:
        return uit
    nlu = [intent_zet(b[0]) if b else None for b in map(beste_zet, ontledingen)]
    uit["nlu"] = [(soort or "overig", _vorm_van(soort or "")) for soort in nlu]
    for methode, signaal in (("regels+nlu (top-intent)", top_intent), ("regels+nlu (beste zet_)", beste_zet)):
        zetten = [classificeer(tekst, signaal(o)) for tekst, o in zip(teksten, ontledingen, strict=False)]
        uit[methode] = [(z.soort, z.vorm) for z in zetten]
    return uit


async def ontleed(parser, teksten: Sequence[str]) -> List[dict]:
    """Parse every line with an Agent or bench.HttpParser (anything with `parse_message`)."""
    return [await parser.parse_message(tekst) for tekst in teksten]


def uitslagen(ontleden=None) -> Dict[str, Dict[str, Uitslag]]:
    """Per set (and sets 2+3 together), per method, the scores. `ontleden`:
    a function from the lines to their parses, or None for the rules only."""
    per_set = {naam: lees(pad) for naam, pad in SETS.items()}
    per_set[" + ".join(SAMEN)] = [item for naam in SAMEN for item in per_set[naam]]
    alle = [item for naam in SETS for item in per_set[naam]]
    ontledingen = (dict(zip([i["tekst"] for i in alle], ontleden([i["tekst"] for i in alle]), strict=False))
                   if ontleden else None)
    uit = {}
    for naam, items in per_set.items():
        zetten = voorspellingen(items, [ontledingen[i["tekst"]] for i in items] if ontledingen else None)
        uit[naam] = {methode: meet(items, z) for methode, z in zetten.items()}
    return uit


def verwarring(uitslag: Uitslag) -> List[str]:
    """Per labelled move: how many were right, and what the others were read as."""
    gelezen: Dict[str, Counter] = {}
    for _, label, voorspeld in uitslag.fouten:
        gelezen.setdefault(label, Counter())[voorspeld] += 1
    regels_ = []
    for zet, (goed, _, aantal) in uitslag.per_zet.items():
        if aantal:
            fout = ", ".join(f"{v} {n}" for v, n in gelezen.get(zet, Counter()).most_common())
            regels_.append(f"  {zet:<22} {goed:>3}/{aantal}" + (f"  gelezen als: {fout}" if fout else ""))
    return regels_


def vergelijking(uit: Dict[str, Dict[str, Uitslag]], met_verwarring: bool = True) -> str:
    methoden = [m for m in METHODEN if m in next(iter(uit.values()))]
    breedte = max(len(n) for n in uit) + 8
    regels_ = ["Nauwkeurigheid van de zetten (aantal regels):",
               f"{'':<{breedte}}" + "".join(f"{m:>26}" for m in methoden)]
    for naam, per_methode in uit.items():
        aantal = next(iter(per_methode.values())).aantal
        regels_.append(f"{f'{naam} ({aantal})':<{breedte}}"
                       + "".join(f"{per_methode[m].nauwkeurigheid:>26.3f}" for m in methoden))
    regels_ += ["", "Open vragen gelezen als gesloten / gesloten als open (vragen met een vorm als label):"]
    for naam, per_methode in uit.items():
        vragen = sum(next(iter(per_methode.values())).vormen.values())
        cellen = [f"{u.vormen.get(('open', 'gesloten'), 0)} / {u.vormen.get(('gesloten', 'open'), 0)}"
                  for u in (per_methode[m] for m in methoden)]
        regels_.append(f"{f'{naam} ({vragen})':<{breedte}}" + "".join(f"{c:>26}" for c in cellen))
    if met_verwarring:
        samen = uit[" + ".join(SAMEN)]
        for methode in methoden:
            regels_ += ["", f"Per zet, {' + '.join(SAMEN)}, {methode} (goed/aantal):", *verwarring(samen[methode])]
    return "\n".join(regels_)


def _huidig_model() -> Optional[Path]:
    from bot import model
    pad = model.model_path()
    return pad if pad.exists() else None


def main(argv: Sequence[str] = ()) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fouten", action="store_true", help="toon de fout geclassificeerde regels")
    parser.add_argument("--bestand", type=Path, help="alleen de regels, op dit ene bestand")
    parser.add_argument("--model", type=Path, help="NLU-model (standaard: het model van de huidige trainingsdata)")
    args = parser.parse_args(argv)
    if args.bestand:
        print(rapport(meet(lees(args.bestand)), args.fouten))
        return 0
    pad = args.model or _huidig_model()
    if pad is None:
        print("Geen model voor de huidige trainingsdata gevonden (train met `make train`, of geef --model):"
              " alleen de regels.\n")
        print(vergelijking(uitslagen()))
        return 0
    from bot import evaluate
    settings.load()
    agent = evaluate.load_agent(pad)
    print(f"NLU-model: {pad}\n")
    uit = uitslagen(lambda teksten: asyncio.run(ontleed(agent, teksten)))
    print(vergelijking(uit))
    if args.fouten:
        for methode in ("nlu", "regels+nlu (beste zet_)"):
            print(f"\nFout, {methode}, {' + '.join(SAMEN)}:")
            print("\n".join(f"- {t!r}: {label} -> {v}" for t, label, v in uit[" + ".join(SAMEN)][methode].fouten))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
