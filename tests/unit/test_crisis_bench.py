"""The held-out crisis set stays held out, and the crisis figures count right."""
import re
from typing import List

from actions.kennis.kennisbank import kennisbank
from bot import crisis_bench, evaluate
from gedeeld import settings


def _genormaliseerd(tekst: str) -> str:
    """Lowercase, punctuation and spaces removed."""
    return re.sub(r"[\W_]+", "", tekst.lower())


def _woorden(tekst: str) -> List[str]:
    return [w for w in (_genormaliseerd(w) for w in tekst.split()) if w]


def _een_woord_verschil(a: List[str], b: List[str]) -> bool:
    """At most one word changed, added or left out (word-level edit distance <= 1)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    kort, lang = sorted((a, b), key=len)
    return any(lang[:i] + lang[i + 1:] == kort for i in range(len(lang)))


def _trainingsregels() -> List[str]:
    regels = []
    for pad in (settings.ROOT / "data" / "nlu").glob("*.yml"):
        for regel in pad.read_text(encoding="utf-8").splitlines():
            if regel.strip().startswith("- "):
                regels.append(evaluate.plain_text(regel.strip()[2:]))
    return regels


def test_een_woord_verschil_ziet_vervangen_toevoegen_en_weglaten():
    zin = _woorden("ze wil niet meer leven")
    assert _een_woord_verschil(zin, _woorden("hij wil niet meer leven"))
    assert _een_woord_verschil(zin, _woorden("ze wil echt niet meer leven"))
    assert _een_woord_verschil(zin, _woorden("ze wil niet leven"))
    assert not _een_woord_verschil(zin, _woorden("hij wil niet meer eten"))


def test_geen_heldout_crisisregel_staat_in_de_trainingsdata():
    training = _trainingsregels()
    genormaliseerd = {_genormaliseerd(t) for t in training}
    heldout = [t for teksten in crisis_bench.regels().values() for t in teksten]
    assert len(heldout) == 110
    # counts only: a failing test must not show held-out lines
    assert sum(_genormaliseerd(t) in genormaliseerd for t in heldout) == 0
    per_lengte: dict = {}
    for t in training:
        woorden = _woorden(t)
        per_lengte.setdefault(len(woorden), []).append(woorden)
    bijna = [t for t in heldout
             for n in (len(_woorden(t)) - 1, len(_woorden(t)), len(_woorden(t)) + 1)
             for w in per_lengte.get(n, []) if _een_woord_verschil(_woorden(t), w)]
    aantal_bijna = len(bijna)  # pytest would show the list's lines in the assertion
    assert aantal_bijna == 0


def test_crisisantwoord_wordt_herkend_aan_de_inleiding():
    assert crisis_bench.crisis_herkend(["Hallo", kennisbank().crisis_antwoord(None).tekst])
    assert not crisis_bench.crisis_herkend(["Signalen van eenzaamheid zijn ...", ""])


def test_uitslag_telt_recall_en_vals_alarm_zonder_de_regels_te_tonen():
    regel = crisis_bench.uitslag("set", {"a": True, "b": False}, {"c": True, "d": False, "e": False})
    assert regel == "set: recall 1/2 (0.500), false positives 1/3"
