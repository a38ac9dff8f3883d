"""The redaction corpus (tests/redactie_corpus.yml), for the redaction's unit
test and the tracker store's integration test, and the held-out names."""
from typing import Any, Callable, Dict, List

import yaml

from gedeeld import settings

CORPUS: List[Dict] = yaml.safe_load((settings.ROOT / "tests" / "redactie_corpus.yml").read_text(encoding="utf-8"))

NAMEN_HELDOUT = settings.ROOT / "tests" / "redactie_namen_heldout.yml"


def namen_heldout_cijfers(vind: Callable[[str], List[Any]]) -> str:
    """Counts on the held-out names (tests/redactie_namen_heldout.yml, written
    apart from the patterns and the corpus): names of which every letter is
    inside a [NAAM] finding, and [NAAM] findings that touch no name. Counts
    only, never the lines, so nobody tunes on them."""
    regels = yaml.safe_load(NAMEN_HELDOUT.read_text(encoding="utf-8"))["regels"]
    namen = gevonden = onterecht = 0
    for regel in regels:
        tekst = regel["tekst"]
        vondsten = [v for v in vind(tekst) if v.kind == "NAAM"]
        spans = [(tekst.index(naam), tekst.index(naam) + len(naam)) for naam in regel["namen"]]
        namen += len(spans)
        gevonden += sum(all(any(v.start <= i < v.end for v in vondsten) for i in range(b, e) if not tekst[i].isspace())
                        for b, e in spans)
        onterecht += sum(not any(v.overlaps(b, e) for b, e in spans) for v in vondsten)
    return (f"{len(regels)} zinnen met {namen} namen: recall {gevonden / namen:.3f} ({gevonden}/{namen}), "
            f"{onterecht} [NAAM] zonder naam")
