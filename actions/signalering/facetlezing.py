"""A second reader of four single-choice facets (contacts, taking part, how
long, attitude to help): one linear model per facet over the whole
description, for what the patterns leave unread.

Why: the patterns (casus.py) read a facet from words they know. On sets
written apart that they were never tuned on, they left many facets unread
that their writers had annotated: how much contact someone has is said in
endless ways ("de kinderen wonen ver weg en hebben het druk", "af en toe een
kaartje"). The descriptions of data/beschrijvingen, each annotated per facet
by someone who had only the handreiking's definitions, teach a model what
writers mean. Measured with each set left out of the training in turn, the
model filling only what the patterns left open raised every one of these
facets' F1 on every set written apart that the patterns were not tuned on
(README, "Reading a worker's description").

The model only fills a facet the patterns did not read, and only where it
is sure (`DREMPEL`); a value it fills is marked as estimated (casus.GESCHAT_SLOT),
the summary says so, and the worker can correct it like any other. The
label `NIET_GENOEMD` (the writer annotated nothing) competes with the values,
so a description that says nothing about a facet stays open.

Trained from the repository on first use and kept in var/ under a hash of
its data and code, like the type reading (typelezing.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from actions.algemeen import tekstkenmerken
from actions.signalering import typelezing
from gedeeld import settings

# slot -> facet of the annotation. Not whether someone says to be lonely: a model of the whole
# text cannot tell "voelt zich niet eenzaam" or "zijn vrouw is eenzaam" from the person's own
# words, and the patterns, which can, already read it well (F1 0.87 on data/beschrijvingen).
# Not taking part either: writers leave it unsaid when the text does not say it, and the model
# guessed "geen" for someone who stays at home (precision 0.77 to 0.52 on a fresh set).
FACETTEN = {"sig_contacten": "contacten", "sig_duur": "duur", "sig_houding_hulp": "houding_hulp"}
NIET_GENOEMD = "-"
# Chosen on the sets written apart that the patterns were not tuned on (README): the model fills
# what the words left open where it is this sure, and replaces what they read where it is surer.
# Contacts need more (twenty-third session, 2,300 descriptions in eight folds of whole sets: contacts
# F1 0.756 at 0.6, 0.760 at 0.7, 0.753 at 0.8; duration best at 0.6): "geen contact met anderen" stays "geen".
DREMPEL = 0.5
DREMPEL_BOVEN_WOORDEN = {"sig_contacten": 0.7, "sig_duur": 0.6}
# Attitude to help the words say is never replaced: tried over REST, "Een maatje wil ze wel proberen"
# was estimated as "wil nu geen hulp". Leaving one set out, no facet moved without that replacement.
WOORDEN_WINNEN = frozenset({"sig_houding_hulp"})
# Nor a short duration the words say ("sinds vier dagen"): it is what makes signs of a psychosis a crisis
# (casus._recente_psychose), and on the development sets the model replaced it wrongly 11 times of 15.
KORT = ("sig_duur", "kort")
C = 10

Voorbeeld = Tuple[str, Mapping[str, Any]]


@dataclass(frozen=True)
class Facetlezer:
    """The text features, fitted once, and one model per facet on them."""
    kenmerken: FeatureUnion
    modellen: Mapping[str, LogisticRegression]  # per facet of the annotation

    def kansen(self, tekst: str) -> Dict[str, Dict[str, float]]:
        """Per facet, the probability of each value and of `NIET_GENOEMD`."""
        x = self.kenmerken.transform([tekst])
        return {facet: dict(zip(model.classes_, model.predict_proba(x)[0].tolist(), strict=True))
                for facet, model in self.modellen.items()}


def voorbeelden(map_: Path = typelezing.BESCHRIJVINGMAP, zonder: Optional[Path] = None) -> List[Voorbeeld]:
    """(text, facets as annotated); `zonder`: leave that set out, to measure on it."""
    return [(item["tekst"], item["facetten"]) for item in typelezing.beschrijvingen(map_, zonder)]


def train(lijst: Sequence[Voorbeeld]) -> Facetlezer:
    """The same examples give the same models."""
    teksten = [tekst for tekst, _ in lijst]
    kenmerken = tekstkenmerken.tekstkenmerken().fit(teksten)
    x = kenmerken.transform(teksten)
    modellen = {}
    for facet in FACETTEN.values():
        labels = [str(facetten.get(facet) or NIET_GENOEMD) for _, facetten in lijst]
        modellen[facet] = LogisticRegression(C=C, max_iter=3000, random_state=typelezing.SEED).fit(x, labels)
    return Facetlezer(kenmerken, modellen)


def vingerafdruk(map_: Path = typelezing.BESCHRIJVINGMAP) -> str:
    return tekstkenmerken.vingerafdruk(Path(__file__), sorted(map_.glob("*.yml")))


@lru_cache(maxsize=1)
def model() -> Facetlezer:
    map_ = typelezing.BESCHRIJVINGMAP
    return tekstkenmerken.bewaard(settings.VAR_DIR, "facetlezing", vingerafdruk(map_),
                                  lambda: train(voorbeelden(map_)))


def lees(tekst: str, gevonden: Mapping[str, Any], lezer: Optional[Facetlezer] = None) -> Dict[str, str]:
    """Per slot, the estimate that counts next to what the patterns read
    (`gevonden`): a value where they read none and the model is sure
    (`DREMPEL`), or another value than theirs where the model is surer
    (`DREMPEL_BOVEN_WOORDEN`), except where the words always win
    (`WOORDEN_WINNEN`, `KORT`). A value the patterns read too is no estimate."""
    if not tekst.strip():
        return {}
    kansen = (lezer or model()).kansen(tekst)  # one transform of the text for every facet
    gekozen = {}
    for slot, facet in FACETTEN.items():
        waarde, kans = max(kansen[facet].items(), key=lambda paar: paar[1])
        huidig = gevonden.get(slot)
        if huidig is not None and (slot in WOORDEN_WINNEN or (slot, huidig) == KORT):
            continue
        drempel = DREMPEL if huidig is None else DREMPEL_BOVEN_WOORDEN[slot]
        if waarde not in (NIET_GENOEMD, huidig) and kans >= drempel:
            gekozen[slot] = waarde
    return gekozen
