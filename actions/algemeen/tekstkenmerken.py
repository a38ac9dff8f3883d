"""The text features both linear readers use: character n-grams within words
(they survive spelling slips and Dutch compounds) and word uni- and bigrams,
each tf-idf weighted with sublinear counts. One factory, so the danger model
(bot/nlu/gevaarmodel.py) and the type reading (actions/signalering/typelezing.py)
cannot drift apart; and one fingerprint for a model trained from them."""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, Iterable, TypeVar

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, make_union

M = TypeVar("M")


def tekstkenmerken() -> FeatureUnion:
    return make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True))


def vingerafdruk(module: Path, data: Iterable[Path]) -> str:
    """A hash of the model's module, these features, scikit-learn's version and
    the data files (name and content): a change in any of them means a new model."""
    digest = hashlib.sha256(module.read_bytes() + Path(__file__).read_bytes() + sklearn.__version__.encode())
    for pad in data:
        digest.update(pad.name.encode() + b"\0" + pad.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def bewaard(opslag: Path, naam: str, vingerafdruk_: str, maak: Callable[[], M]) -> M:
    """The model `naam` from `opslag` when its fingerprint matches, else made
    with `maak` and written there (through a temporary file, so a process never
    reads half a model); a model of that name for older data is removed then."""
    pad = opslag / f"{naam}-{vingerafdruk_}.pkl"
    if pad.exists():
        return pickle.loads(pad.read_bytes())
    model = maak()
    opslag.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_suffix(f".{os.getpid()}.tmp")
    tijdelijk.write_bytes(pickle.dumps(model))
    os.replace(tijdelijk, pad)
    for ouder in opslag.glob(f"{naam}-*.pkl"):
        if ouder != pad:
            ouder.unlink(missing_ok=True)
    return model
