"""Build spaCy's blank Dutch pipeline with the lookup lemmatizer and save it
under var/spacy_nl, so Rasa's SpacyNLP can load it from disk.

There is no downloadable Dutch model here: the lemma tables come from the
installed `spacy-lookups-data` package.
"""
from __future__ import annotations

import spacy

from gedeeld.settings import SPACY_MODEL_DIR


def build() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = "blank_lookup"
    SPACY_MODEL_DIR.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(SPACY_MODEL_DIR)
    lemmas = [token.lemma_ for token in nlp("ze woonden alleen en voelden zich eenzaam")]
    print(f"spaCy-pijplijn opgeslagen in {SPACY_MODEL_DIR} (voorbeeld lemma's: {' '.join(lemmas)})")


if __name__ == "__main__":
    build()
