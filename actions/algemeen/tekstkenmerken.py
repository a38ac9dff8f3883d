"""The text features both linear readers use: character n-grams within words
(they survive spelling slips and Dutch compounds) and word uni- and bigrams,
each tf-idf weighted with sublinear counts. One factory, so the danger model
(bot/nlu/gevaarmodel.py) and the type reading (actions/signalering/typelezing.py)
cannot drift apart."""
from __future__ import annotations

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, make_union


def tekstkenmerken() -> FeatureUnion:
    return make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True))
