"""The redaction corpus (tests/redactie_corpus.yml), for the redaction's unit
test and the tracker store's integration test."""
from typing import Dict, List

import yaml

from gedeeld import settings

CORPUS: List[Dict] = yaml.safe_load((settings.ROOT / "tests" / "redactie_corpus.yml").read_text(encoding="utf-8"))
