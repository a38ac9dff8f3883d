"""The text features both linear readers use: character n-grams within words
(they survive spelling slips and Dutch compounds) and word uni- and bigrams,
each tf-idf weighted with sublinear counts. One factory, so the danger model
(bot/nlu/gevaarmodel.py) and the type reading (actions/signalering/typelezing.py)
cannot drift apart; and one fingerprint for a model trained from them."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, make_union


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
