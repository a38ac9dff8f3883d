"""The held-out crisis set stays held out, and the crisis figures count right."""
import re
from typing import List

from actions.kennis.kennisbank import kennisbank
from bot import crisis_bench, evaluate
from bot.nlu import gevaarmodel
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
    """The NLU lines and the danger model's corpus (data/crisis, data/beschrijvingen)."""
    regels = [t for t, _ in gevaarmodel.corpus()]
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


def test_de_kruisvalidatie_laat_elke_set_en_elk_deel_een_keer_buiten_de_training(tmp_path, monkeypatch):
    crisis, besch = tmp_path / "crisis", tmp_path / "beschrijvingen"
    crisis.mkdir(), besch.mkdir()
    for n, (ja, nee) in enumerate([("hij wil er vannacht een eind aan maken", "hij wil graag naar het koor"),
                                   ("ze ligt bewusteloos in de gang", "ze zingt in de gang")]):
        (crisis / f"s{n}.yml").write_text(f'crisis: ["{ja}"]\ngeen_crisis: ["{nee}"]\n', encoding="utf-8")
    (besch / "b.yml").write_text('items:\n' + "".join(
        f'  - {{tekst: "Mevrouw {n} woont alleen en gaat naar de markt.", doodswens: false}}\n' for n in range(4)),
        encoding="utf-8")
    monkeypatch.setattr(gevaarmodel, "CRISISMAP", crisis)
    monkeypatch.setattr(gevaarmodel, "BESCHRIJVINGMAP", besch)
    monkeypatch.setattr(crisis_bench, "nlu_voorbeelden", lambda: [("hij staat met een mes voor de deur", True),
                                                                   ("hallo, goedemorgen", False)])
    regels = crisis_bench.kruisvalidatie(delen=2).splitlines()
    assert regels[0].startswith("Danger model alone, each of the 2 crisis sets left out")
    assert "crisis lines " in regels[0] and "/2, close lines read as danger " in regels[0] and regels[0].endswith("/2")
    assert "descriptions in 2 parts: danger read 0/0, wrongly " in regels[1] and regels[1].endswith("/4")
