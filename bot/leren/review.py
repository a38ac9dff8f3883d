"""The review file: what reviewers decided in the inbox, as Rasa training
examples in one file, data/nlu/review.yml, marked as coming from review.

Before a line is written it is checked again: the redaction must find no
identifying detail in it (gedeeld/redactie.py), it must not be a line of a
held-out set (those are for measuring only), and it must not already be a
training example (Rasa's validation refuses one example under two intents).
"Buiten bereik" becomes an example of the intent `buiten_bereik`; "nieuw
onderwerp" is not training data and is only counted, for the team to decide on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set

import yaml

from actions.algemeen.yamlbestand import yaml_uit
from gedeeld import settings
from gedeeld.naamherkenning import alle_teksten
from gedeeld.redactie import soorten

REVIEW_FILE = settings.ROOT / "data" / "nlu" / "review.yml"
HELDOUT_FILES = ("nlu_heldout.yml", "oefenen_zetten_heldout*.yml", "crisis_heldout.yml",
                 "beschrijvingen_heldout.yml")
BUITEN_BEREIK, NIEUW_ONDERWERP = "buiten bereik", "nieuw onderwerp"
KOP = ("# Training examples from the review inbox (python -m bot.leerlus): user messages the\n"
       "# assistant did not understand, redacted, checked and assigned by a reviewer.\n"
       "# Written by the tool; `make train` includes them.\n")
PLACEHOLDER = re.compile(r"\[[A-Z-]+\]")


@dataclass
class Besluit:
    """What became of one message: `reden` is empty when it was added."""
    tekst: str
    keuze: str
    reden: str = ""


def normaal(tekst: str) -> str:
    return " ".join(tekst.lower().split())


def _zinnen(waarde: Any) -> Iterable[str]:
    """Every example text in a parsed YAML file, whatever its layout: a
    Rasa `examples: |` block gives one text per "- " line."""
    for tekst in alle_teksten(waarde):
        regels = [r[2:] for r in tekst.splitlines() if r.startswith("- ")]
        yield from (regels or [tekst])


def teksten_in(bestanden: Iterable[Path]) -> Set[str]:
    """The normalised example texts of YAML files, entity markup removed."""
    gevonden: Set[str] = set()
    for bestand in bestanden:
        for zin in _zinnen(yaml_uit(bestand.read_text(encoding="utf-8"))):
            gevonden.add(normaal(re.sub(r"\[([^\]]*)\](\([^)]*\)|\{[^}]*\})", r"\1", zin)))
    return gevonden


def heldout_teksten(map_: Path = settings.ROOT / "tests") -> Set[str]:
    return teksten_in(p for patroon in HELDOUT_FILES for p in sorted(map_.glob(patroon)))


def lees_review(pad: Optional[Path] = None) -> Dict[str, List[str]]:
    """intent -> examples already in the review file."""
    pad = pad or REVIEW_FILE
    if not pad.is_file():
        return {}
    inhoud = yaml.safe_load(pad.read_text(encoding="utf-8")) or {}
    return {blok["intent"]: [r[2:] for r in blok["examples"].splitlines() if r.startswith("- ")]
            for blok in inhoud.get("nlu") or []}


def yaml_tekst(voorbeelden: Dict[str, List[str]]) -> str:
    """The review file's content; with no examples still valid training data."""
    if not any(voorbeelden.values()):
        return KOP + 'version: "3.1"\nnlu: []\n'
    blokken = []
    for intent in sorted(voorbeelden):
        regels = "".join(f"    - {v}\n" for v in voorbeelden[intent])
        blokken.append(f"- intent: {intent}\n  metadata:\n    bron: review\n  examples: |\n{regels}")
    return KOP + 'version: "3.1"\nnlu:\n' + "".join(blokken)


def weiger_reden(tekst: str, bekend: Set[str], heldout: Set[str], intents: Set[str], intent: str) -> str:
    """Why a line may not become a training example ('' when it may)."""
    gevonden = soorten(tekst)
    if gevonden:
        return f"bevat nog gegevens die iemand herkenbaar maken ({', '.join(gevonden)})"
    if PLACEHOLDER.search(tekst) or not tekst.strip() or "\n" in tekst:
        return "bevat weggelakte gegevens of is leeg; schrijf hem zelf zonder die gegevens"
    if normaal(tekst) in heldout:
        return "staat in een testset die alleen voor meten is"
    if normaal(tekst) in bekend:
        return "staat al in de trainingsdata"
    if intent not in intents:
        return f"onbekende intent {intent!r}"
    return ""


def verwerk(keuzes: Sequence[tuple], intents: Set[str], pad: Optional[Path] = None,
            heldout: Optional[Set[str]] = None, trainingsdata: Path = settings.ROOT / "data" / "nlu") -> List[Besluit]:
    """Apply (text, choice) pairs to the review file (default REVIEW_FILE);
    returns what became of each."""
    pad = pad or REVIEW_FILE
    voorbeelden = lees_review(pad)
    bekend = teksten_in(p for p in sorted(trainingsdata.glob("*.yml")))
    heldout = heldout_teksten() if heldout is None else heldout
    besluiten = []
    for tekst, keuze in keuzes:
        if keuze == NIEUW_ONDERWERP:
            besluiten.append(Besluit(tekst, keuze, "nieuw onderwerp: niet als training, wel genoteerd"))
            continue
        intent = "buiten_bereik" if keuze == BUITEN_BEREIK else keuze
        reden = weiger_reden(tekst, bekend, heldout, intents, intent)
        besluiten.append(Besluit(tekst, intent, reden))
        if not reden:
            voorbeelden.setdefault(intent, []).append(tekst.strip())
            bekend.add(normaal(tekst))
    pad.write_text(yaml_tekst(voorbeelden), encoding="utf-8")
    return besluiten
