"""The insight report's numbers and small-cell suppression (bot/leren/rapport.py)."""
from __future__ import annotations

from datetime import date, datetime, timezone

from bot.leren.gegevens import Bericht, Gesprek
from bot.leren.rapport import Cel, maak, weken

MAANDAG = datetime(2026, 11, 2, 10, tzinfo=timezone.utc).timestamp()  # week 45


def gesprek(n, kanaal="socketio", fallback=False, t=MAANDAG, crisis=()):
    b = Bericht(t, "x", "cijfers", 0.9, "typologie", False, fallback)
    return Gesprek(f"g{n}", kanaal, "sociaal werker", [b], list(crisis))


def sectie(rapport, titel):
    return next(s for s in rapport.secties if s.titel.startswith(titel))


def test_cel_onder_vijf_gesprekken_wordt_verborgen():
    assert Cel(3, 3).tekst() == "< 5" and Cel(0, 0).tekst() == "0" and Cel(12, 5).tekst() == "12"
    assert Cel(0.25, 8, procent=True).tekst() == "25%" and Cel(0.25, 4, procent=True).tekst() == "< 5"
    assert Cel(3, 3).getoond() is None


def test_weken_van_de_periode():
    assert weken(date(2026, 11, 1), date(2026, 11, 30)) == ["2026-W44", "2026-W45", "2026-W46", "2026-W47",
                                                             "2026-W48", "2026-W49"]


def test_aantallen_per_week_kanaal_en_fallback():
    gesprekken = ([gesprek(n) for n in range(6)] + [gesprek(10 + n, "telegram", fallback=True) for n in range(2)]
                  + [gesprek(20, t=MAANDAG + 7 * 86400, crisis=[MAANDAG + 7 * 86400])])
    rapport = maak(gesprekken, [], date(2026, 11, 2), date(2026, 11, 15))
    per_week = dict(sectie(rapport, "Gesprekken en berichten per week").rijen)
    assert [c.tekst() for c in per_week["2026-W45"]] == ["8", "8"]
    assert [c.tekst() for c in per_week["2026-W46"]] == ["< 5", "< 5"]
    kanaal = dict(sectie(rapport, "Gesprekken en berichten per kanaal").rijen)
    assert [c.tekst() for c in kanaal["socketio"]] == ["7", "7"] and kanaal["telegram"][0].tekst() == "< 5"
    fallback = dict(sectie(rapport, "Niet begrepen").rijen)
    assert [c.tekst() for c in fallback["2026-W45"]] == ["8", "< 5", "25%"]
    assert sectie(rapport, "Hulplijnen").rijen[1][1][0].tekst() == "< 5"


def test_buiten_de_periode_telt_niet():
    rapport = maak([gesprek(n, t=MAANDAG - 30 * 86400) for n in range(6)], [], date(2026, 11, 2), date(2026, 11, 8))
    assert sectie(rapport, "Gesprekken en berichten per week").rijen == [("2026-W45", [Cel(0, 0), Cel(0, 0)])]
