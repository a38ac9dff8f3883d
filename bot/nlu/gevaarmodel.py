"""A second reader of acute danger beside the crisis patterns: a linear model
on character and word n-grams, trained on every line written apart that says
whether a message names acute danger.

Why: each new crisis set written apart found six to ten lines in sixty that
neither DIET nor the patterns read (README, "Held-out crisis set"). Patterns
catch up kind by kind but do not generalise; DIET learns `acute_zorg` from a
few hundred lines among thirty-five intents and a retrain moves other
answers. This model learns one question only (acute danger, yes or no) from
the NLU lines (`acute_zorg` against all others), the crisis sets
(data/crisis: crisis lines against close lines) and the descriptions
(data/beschrijvingen: their `acuut` and `doodswens` labels), so a long
description of a widower is an example of no danger.

Measured on lines it never saw (README): the crisis sets left out one at a
time, the descriptions in five folds, and three sets written after it.
A message read as a description and longer than `LANG` needs more
conviction (`DREMPEL_BESCHRIJVING`): descriptions speak of death, drink and
falls in the past, and there the model is less sure than on a short message.
When DIET too has acute danger among its two best guesses, a description
needs no more than any message (`DREMPEL`): two readers
that lean towards danger. 0.7 and not 0.9 since the fourteenth session: on
two sets of descriptions with and without a death wish written apart, 0.7
took 1 of 13 and 7 of 25 more death wishes to the crisis routes with no more
false alarms (5 of 12 and 5 of 15, all from the patterns); out of fold on
data/beschrijvingen it costs 10 more false alarms among 522 descriptions
without danger (23 to 33, patterns included). A false alarm on a description
shows the routes and reads on; a missed death wish shows nothing.

A death wish is often one sentence among many about contacts and clubs, and
the words around it dilute it in the reading of the whole. So a description
also counts as danger when one of its sentences alone is read as danger with
`DREMPEL_ZIN` (0.9, sixteenth session). Chosen on data/beschrijvingen out of
fold (five parts), the model alone: 104 of 179 descriptions with danger read
and 27 of 705 without; with a sentence at 0.9, 126 and 35 (0.95: 117 and 31;
0.85: 131 and 50). The third death-wish set written apart, never trained
on: 21 to 23 of 25 death wishes to the routes, false alarms 3 to 5 of 15.
Lowering the threshold of the whole instead bought far less: 0.5 took 2 more
of 150 at 32 more false alarms.

Plain Python (scikit-learn); `bot/nlu/crisisvangnet.py` trains it with the
Rasa model and asks it about every message.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from actions.algemeen import tekstkenmerken
from actions.algemeen.yamlbestand import lees_mapping
from gedeeld import settings

CRISISMAP = settings.DATA_DIR / "crisis"
BESCHRIJVINGMAP = settings.DATA_DIR / "beschrijvingen"
DREMPEL = 0.6
DREMPEL_BESCHRIJVING = 0.7
DREMPEL_ZIN = 0.9  # one sentence of a description read alone
LANG = 150  # characters; a message read as a description and longer than this is a description
BESCHRIJVING = "casus_beschrijven"
SEED = 42

Voorbeeld = Tuple[str, bool]


def corpusbestanden() -> List[Path]:
    return sorted([*CRISISMAP.glob("*.yml"), *BESCHRIJVINGMAP.glob("*.yml")])


def vingerafdruk() -> str:
    """A hash of the corpus files and of this module: a change means a new model."""
    return tekstkenmerken.vingerafdruk(Path(__file__), corpusbestanden())


def crisisvoorbeelden(pad: Path) -> List[Voorbeeld]:
    """A crisis set: its crisis lines are danger, its close lines are not."""
    data = lees_mapping(pad)
    return [(t, True) for t in data.get("crisis") or []] + [(t, False) for t in data.get("geen_crisis") or []]


def beschrijvingvoorbeelden(pad: Path) -> List[Voorbeeld]:
    """A description set: danger when the description is acute or holds a death wish."""
    data = lees_mapping(pad)
    items = data.get("beschrijvingen") or data.get("items") or []
    return [(i["tekst"], bool((i.get("facetten") or {}).get("acuut") or i.get("doodswens"))) for i in items]


def corpus() -> List[Voorbeeld]:
    return [*(v for p in sorted(CRISISMAP.glob("*.yml")) for v in crisisvoorbeelden(p)),
            *(v for p in sorted(BESCHRIJVINGMAP.glob("*.yml")) for v in beschrijvingvoorbeelden(p))]


def fit(voorbeelden: Iterable[Voorbeeld]) -> Pipeline:
    """Fit the scikit-learn model; the same examples give the same model."""
    lijst = list(voorbeelden)
    model = Pipeline([
        ("kenmerken", tekstkenmerken.tekstkenmerken()),
        ("model", LogisticRegression(C=10, class_weight="balanced", max_iter=3000, random_state=SEED)),
    ])
    model.fit([t for t, _ in lijst], [gevaar for _, gevaar in lijst])
    return model


@dataclass
class Gevaarmodel:
    """The fitted model, read one message at a time without scikit-learn's
    per-call overhead: scikit-learn takes 1.2 to 1.5 ms for one message, this
    0.02 to 0.3 ms, with the same probability (README, "Where the time goes").
    Per vectoriser: its analyser, its vocabulary, and per term the idf and the
    logistic regression's weight."""

    delen: List[Tuple[Callable[[str], List[str]], Dict[str, int], List[float], List[float]]]
    intercept: float

    def kans(self, tekst: str) -> float:
        """sigmoid(intercept + the weights . the l2-normalised sublinear tf-idf of each vectoriser)."""
        z = self.intercept
        for analyse, woordenschat, idf, gewicht in self.delen:
            som = norm = 0.0
            for term, aantal in Counter(analyse(tekst)).items():
                i = woordenschat.get(term)
                if i is not None:
                    x = (1 + math.log(aantal)) * idf[i]
                    norm += x * x
                    som += x * gewicht[i]
            if norm:
                z += som / math.sqrt(norm)
        return 1 / (1 + math.exp(-z))


def compileer(model: Pipeline) -> Gevaarmodel:
    gewichten, delen, begin = model.named_steps["model"].coef_[0], [], 0
    for _, vectoriser in model.named_steps["kenmerken"].transformer_list:
        n = len(vectoriser.vocabulary_)
        delen.append((vectoriser.build_analyzer(), vectoriser.vocabulary_, vectoriser.idf_.tolist(),
                      gewichten[begin:begin + n].tolist()))
        begin += n
    return Gevaarmodel(delen, float(model.named_steps["model"].intercept_[0]))


def train(voorbeelden: Iterable[Voorbeeld]) -> Gevaarmodel:
    return compileer(fit(voorbeelden))


def kansen(model: Gevaarmodel, teksten: Sequence[str]) -> List[float]:
    """The model's probability of acute danger for each text."""
    return [model.kans(t) for t in teksten]


def gevaar(kans: float, intent: str, tekst: str, diet_twijfelt: bool = False,
           lees_zin: Optional[Callable[[str], float]] = None) -> bool:
    """Whether the model's probability counts as acute danger for a message read as `intent`;
    `diet_twijfelt`: DIET has acute danger among its best guesses (`modus.crisis_bij_twijfel`);
    `lees_zin`: the model's probability for one sentence, so that a description with
    one sentence of danger counts too (`DREMPEL_ZIN`)."""
    if intent != BESCHRIJVING or len(tekst) <= LANG or diet_twijfelt:
        return kans >= DREMPEL
    return kans >= DREMPEL_BESCHRIJVING or (
        lees_zin is not None and any(lees_zin(zin) >= DREMPEL_ZIN for zin in zinnen(tekst)))


ZINSEINDE = re.compile(r"(?<=[.!?])\s+|\n+")


def zinnen(tekst: str) -> List[str]:
    """The sentences of a text, at a full stop, question or exclamation mark, or a new line."""
    return [zin for zin in ZINSEINDE.split(tekst) if zin.strip()]
