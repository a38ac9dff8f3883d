"""The type reading of a whole description (actions/signalering/typelezing.py): its
data, its bounds, and its cache. The model is trained from data/beschrijvingen."""
from pathlib import Path

import pytest

from actions.signalering import typelezing
from actions.signalering.beoordeling import LEZINGEN
from bot import signalering_bench

SET_9 = typelezing.BESCHRIJVINGMAP / "beschrijvingen_9.yml"


def test_het_model_leert_van_elke_geannoteerde_beschrijving_met_een_verwacht_type():
    voorbeelden = typelezing.voorbeelden()
    assert len(voorbeelden) >= 600
    assert {label for _, label in voorbeelden} == set(LEZINGEN)
    zonder_9 = typelezing.voorbeelden(zonder=SET_9)
    assert len(voorbeelden) - len(zonder_9) == 30


def test_het_model_noemt_het_vierde_type_nooit_en_zwijgt_als_het_niet_zeker_is():
    lezer = typelezing.model()
    teksten = [t for t, _ in typelezing.voorbeelden()]
    gelezen = [typelezing.lees(t, lezer) for t in teksten[:200]]
    assert "structureel_ggz" not in gelezen
    assert None in gelezen and {"dreigend", "situationeel", "structureel"} <= set(gelezen)
    assert typelezing.lees("   ") is None
    for tekst, label in zip(teksten[:200], gelezen, strict=True):
        kansen = typelezing.kansen(tekst, lezer)
        assert abs(sum(kansen.values()) - 1) < 1e-6
        beste = max(kansen, key=lambda k: kansen[k])
        assert (label is None) == (kansen[beste] < typelezing.DREMPEL or beste in typelezing.BUITEN_MODEL)


def _set(map_: Path, naam: str, teksten) -> None:
    regels = "".join(f"- tekst: {t!r}\n  verwacht: {{type: {label}}}\n" for t, label in teksten)
    (map_ / naam).write_text(f"beschrijvingen:\n{regels}", encoding="utf-8")


def test_het_model_wordt_eenmaal_getraind_en_daarna_geladen_tot_de_data_veranderen(tmp_path, monkeypatch):
    data, opslag = tmp_path / "data", tmp_path / "var"
    data.mkdir()
    _set(data, "a.yml", [("Meneer ziet al jaren niemand meer.", "structureel"),
                         ("Sinds haar man overleed ziet ze niemand.", "situationeel"),
                         ("Ze heeft veel vrienden maar voelt zich eenzaam.", "geen")])
    eerste = typelezing._bewaard(data, opslag)
    bewaard = sorted(opslag.glob("typelezing-*.pkl"))
    assert len(bewaard) == 1
    monkeypatch.setattr(typelezing, "train", lambda lijst: pytest.fail("geladen, niet opnieuw getraind"))
    assert list(typelezing._bewaard(data, opslag).classes_) == list(eerste.classes_)
    monkeypatch.undo()
    _set(data, "b.yml", [("Hij gaat nog elke week naar de club, maar zijn vrouw is ziek.", "dreigend")])
    assert "dreigend" in typelezing._bewaard(data, opslag).classes_
    nieuw = sorted(opslag.glob("typelezing-*.pkl"))
    assert len(nieuw) == 1 and nieuw != bewaard  # the model for the old data is gone
    assert not list(opslag.glob("*.tmp"))


def test_de_bench_meet_een_ontwikkelset_met_een_model_dat_die_set_niet_zag(monkeypatch):
    geleerd: list = []
    monkeypatch.setattr(typelezing, "train", geleerd.append)
    signalering_bench.typelezer(SET_9)
    alle, zonder_9 = typelezing.voorbeelden(), {t for t, _ in typelezing.voorbeelden(zonder=SET_9)}
    negen = {t for t, _ in alle} - zonder_9
    assert len(negen) == 30 and not negen & {t for t, _ in geleerd[0]}
    assert len(geleerd[0]) == len(alle) - 30
    # the held-out set is measured with the model as the dialogue has it
    assert signalering_bench.typelezer(signalering_bench.HELDOUT) is None
