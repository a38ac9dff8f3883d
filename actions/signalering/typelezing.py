"""A second reader of the type: a linear model that reads a description as a
whole and says which type people who had only the handreiking's definitions
gave descriptions like it.

Why: the rules of beoordeling.py build the type from the facets the patterns
read, and a facet missed or misread moves the type. The exact characteristics
of the threatening, situational and structural types are not in the seeds
(KNOWLEDGE.md calls them inferred). The descriptions of
data/beschrijvingen, each set written apart by someone who had seen neither
the patterns nor the rules, each carry the type their writer expected. A model
trained on them, measured on each set while trained on the others, named the
expected type for 0.78 of the first 611, the rules for 0.74, and the picture of
beoordeling.py (the model where it is sure, `DREMPEL`, and the worker has not
told the core facts) for 0.81 (README, "Reading a worker's description").

Where the seeds are explicit the rules decide: the fourth type is structural
isolation *with* ggz problems (seed 001), so the model neither names it nor
takes it away (`BUITEN_MODEL`); a recent psychiatric crisis and acute danger
are read by the rules whatever the model says.

Trained from the repository on first use and kept in var/ under a hash of
its data and code, so a second process loads it in a fraction of a second.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from actions.algemeen import tekstkenmerken
from actions.algemeen.yamlbestand import lees_mapping
from gedeeld import settings

BESCHRIJVINGMAP = settings.DATA_DIR / "beschrijvingen"
DREMPEL = 0.6  # leave-one-set-out on data/beschrijvingen: 0.5 to 0.65 within 0.01 of each other
BUITEN_MODEL = ("structureel_ggz",)
SEED = 42

Voorbeeld = Tuple[str, str]


def beschrijvingen(map_: Path = BESCHRIJVINGMAP, zonder: Optional[Path] = None) -> List[Dict[str, Any]]:
    """Every annotated description of data/beschrijvingen; `zonder`: leave that
    set out, to measure on it (bot/signalering_bench.py)."""
    return [item for pad in sorted(map_.glob("*.yml")) if zonder is None or pad.resolve() != zonder.resolve()
            for item in lees_mapping(pad).get("beschrijvingen") or []]


def voorbeelden(map_: Path = BESCHRIJVINGMAP, zonder: Optional[Path] = None) -> List[Voorbeeld]:
    """(text, expected type) for every annotated description that names one."""
    return [(i["tekst"], i["verwacht"]["type"]) for i in beschrijvingen(map_, zonder)
            if (i.get("verwacht") or {}).get("type")]


def vingerafdruk(map_: Path = BESCHRIJVINGMAP) -> str:
    return tekstkenmerken.vingerafdruk(Path(__file__), sorted(map_.glob("*.yml")))


def train(lijst: List[Voorbeeld]) -> Pipeline:
    """The same examples give the same model."""
    model = Pipeline([("kenmerken", tekstkenmerken.tekstkenmerken()),
                      ("model", LogisticRegression(C=100, max_iter=3000, random_state=SEED))])
    model.fit([t for t, _ in lijst], [label for _, label in lijst])
    return model


def _bewaard(map_: Path, opslag: Path) -> Pipeline:
    return tekstkenmerken.bewaard(opslag, "typelezing", vingerafdruk(map_), lambda: train(voorbeelden(map_)))


@lru_cache(maxsize=1)
def model() -> Pipeline:
    return _bewaard(BESCHRIJVINGMAP, settings.VAR_DIR)


def kansen(tekst: str, lezer: Optional[Pipeline] = None) -> Dict[str, float]:
    """The model's probability per label (beoordeling.LEZINGEN: the four types, "geen", "onbekend")."""
    gekozen = lezer or model()
    return dict(zip(gekozen.classes_, gekozen.predict_proba([tekst])[0].tolist(), strict=True))


def lees(tekst: str, lezer: Optional[Pipeline] = None) -> Optional[str]:
    """The label the model is sure of (`DREMPEL`), or None; never a label the rules keep."""
    if not tekst.strip():
        return None
    label, kans = max(kansen(tekst, lezer).items(), key=lambda paar: paar[1])
    return label if kans >= DREMPEL and label not in BUITEN_MODEL else None
