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
from typing import Callable, Dict, List, Sequence, Tuple

from rasa.shared.nlu.training_data.loading import load_data

from actions.algemeen.yamlbestand import lees_mapping
from actions.kennis.kennisbank import kennisbank
from bot.nlu import crisisvangnet, gevaarmodel
from gedeeld import settings

HELDOUT = settings.ROOT / "tests" / "crisis_heldout.yml"


def regels(pad: Path = HELDOUT) -> Dict[str, List[str]]:
    """{'crisis': [...], 'geen_crisis': [...]} from a crisis set."""
    data = lees_mapping(pad)
    return {"crisis": list(data.get("crisis") or []), "geen_crisis": list(data.get("geen_crisis") or [])}


def crisis_herkend(antwoorden: Sequence[str]) -> bool:
    """Whether the bot's replies hold the crisis answer (under either opening line)."""
    return any(kennisbank().is_crisisantwoord(tekst or "") for tekst in antwoorden)


def gesprek_bereikt_crisis(zeg: Callable[[str, str], Sequence[str]], tekst: str) -> bool:
    """`zeg(sender, text)` returns the reply texts; one fresh conversation per line."""
    return crisis_herkend(zeg(f"crisis-{uuid.uuid4().hex[:8]}", tekst))


def uitslag(naam: str, crisis: Dict[str, bool], geen_crisis: Dict[str, bool]) -> str:
    """One line of figures: recall on crisis lines, false positives on the others.
    Counts only: the held-out lines themselves are not printed, so nobody tunes on them."""
    gevonden = sum(crisis.values())
    return (f"{naam}: recall {gevonden}/{len(crisis)} ({gevonden / max(len(crisis), 1):.3f}), "
            f"false positives {sum(geen_crisis.values())}/{len(geen_crisis)}")


def nlu_voorbeelden() -> List[gevaarmodel.Voorbeeld]:
    """The NLU training lines as the danger model learns them: `acute_zorg` against all others."""
    return [(m.get("text"), m.get("intent") == "acute_zorg")
            for m in load_data(str(settings.DATA_DIR / "nlu")).intent_examples]


def gevaarlezer() -> Callable[[str, str], bool]:
    """`lees(intent, tekst)`: the danger model as the Rasa model trains it, for benches without Rasa."""
    model = gevaarmodel.train([*nlu_voorbeelden(), *gevaarmodel.corpus()])
    return lambda intent, tekst: crisisvangnet.leest_gevaar(model, model.kans(tekst), intent, tekst)


def _telling(voorbeelden: Sequence[gevaarmodel.Voorbeeld], gelezen: Sequence[bool]) -> Tuple[int, int, int, int]:
    """(danger read, danger lines, no danger read as danger, other lines)."""
    ja = [g for (_, gevaar), g in zip(voorbeelden, gelezen, strict=True) if gevaar]
    nee = [g for (_, gevaar), g in zip(voorbeelden, gelezen, strict=True) if not gevaar]
    return sum(ja), len(ja), sum(nee), len(nee)


def _gelezen(model: gevaarmodel.Gevaarmodel, voorbeelden: Sequence[gevaarmodel.Voorbeeld], intent: str) -> List[bool]:
    teksten = [t for t, _ in voorbeelden]
    return [crisisvangnet.leest_gevaar(model, k, intent, t)
            for t, k in zip(teksten, gevaarmodel.kansen(model, teksten), strict=True)]


def kruisvalidatie(delen: int = 5) -> str:
    """The danger model on lines it did not learn from: each crisis set of data/crisis
    left out of the training in turn, and the descriptions of data/beschrijvingen in
    `delen` parts. The NLU lines are always learnt."""
    nlu = nlu_voorbeelden()
    crisissets = [gevaarmodel.crisisvoorbeelden(p) for p in sorted(gevaarmodel.CRISISMAP.glob("*.yml"))]
    beschrijvingen = [v for p in sorted(gevaarmodel.BESCHRIJVINGMAP.glob("*.yml"))
                      for v in gevaarmodel.beschrijvingvoorbeelden(p)]
    crisis: List[gevaarmodel.Voorbeeld] = []
    gelezen: List[bool] = []
    for n, set_ in enumerate(crisissets):
        andere = [v for m, s in enumerate(crisissets) if m != n for v in s]
        crisis += set_
        gelezen += _gelezen(gevaarmodel.train([*nlu, *andere, *beschrijvingen]), set_, "")
    alle_crisis = [v for s in crisissets for v in s]
    delen_test = [beschrijvingen[deel::delen] for deel in range(delen)]
    besch, besch_gelezen = [], []
    for deel, test in enumerate(delen_test):
        rest = [v for d, t in enumerate(delen_test) if d != deel for v in t]
        besch += test
        besch_gelezen += _gelezen(gevaarmodel.train([*nlu, *alle_crisis, *rest]), test, gevaarmodel.BESCHRIJVING)
    c, b = _telling(crisis, gelezen), _telling(besch, besch_gelezen)
    return (f"Danger model alone, each of the {len(crisissets)} crisis sets left out of its training in turn: "
            f"crisis lines {c[0]}/{c[1]}, close lines read as danger {c[2]}/{c[3]}\n"
            f"Danger model alone, descriptions in {delen} parts: danger read {b[0]}/{b[1]}, "
            f"wrongly {b[2]}/{b[3]}")
