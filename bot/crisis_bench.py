"""Crisis recognition on the held-out crisis set (tests/crisis_heldout.yml).

"Reaches the crisis answer" is the path the dialogue really takes: a fresh
conversation, one message, and the crisis answer (crisis.yml's opening line)
among the replies. That path is NLU `acute_zorg` (rule -> action_crisis)
plus, when the message is read as a description, the crisis patterns of
signalering.yml (action_casus_lezen). The NLU-alone figure is printed beside
it, so a change in either part shows.

The held-out file is for measuring only: never tune on it (tune on
the crisis sets in data/crisis/) and never train on it.
"""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Callable, Dict, List, Sequence

from actions.algemeen.yamlbestand import lees_mapping
from actions.kennis.kennisbank import kennisbank
from gedeeld import settings

HELDOUT = settings.ROOT / "tests" / "crisis_heldout.yml"


def regels(pad: Path = HELDOUT) -> Dict[str, List[str]]:
    """{'crisis': [...], 'geen_crisis': [...]} from a crisis set."""
    data = lees_mapping(pad)
    return {"crisis": list(data.get("crisis") or []), "geen_crisis": list(data.get("geen_crisis") or [])}


def crisis_herkend(antwoorden: Sequence[str]) -> bool:
    """Whether the bot's replies hold the crisis answer."""
    inleiding = kennisbank().crisis["inleiding"]
    return any(inleiding in (tekst or "") for tekst in antwoorden)


def gesprek_bereikt_crisis(zeg: Callable[[str, str], Sequence[str]], tekst: str) -> bool:
    """`zeg(sender, text)` returns the reply texts; one fresh conversation per line."""
    return crisis_herkend(zeg(f"crisis-{uuid.uuid4().hex[:8]}", tekst))


def uitslag(naam: str, crisis: Dict[str, bool], geen_crisis: Dict[str, bool]) -> str:
    """One line of figures: recall on crisis lines, false positives on the others.
    Counts only: the held-out lines themselves are not printed, so nobody tunes on them."""
    gevonden = sum(crisis.values())
    return (f"{naam}: recall {gevonden}/{len(crisis)} ({gevonden / max(len(crisis), 1):.3f}), "
            f"false positives {sum(geen_crisis.values())}/{len(geen_crisis)}")
