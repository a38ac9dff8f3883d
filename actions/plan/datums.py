"""Dutch dates in the action plan: read what the worker types ("over twee
weken", "maandag", "5 januari", "7-12-2026") and say a date back.

Dates are read relative to an injectable `vandaag` (default: today's date).
A date without a year is this year, unless that is more than
`JAAR_TERUG_DAGEN` days ago; then it is next year ("5 januari" typed in
December means the coming January, "3 november" typed late in November is a
date in the past).
"""
from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from typing import Dict, Optional, Union

from actions.algemeen.tekst import normaal
from actions.plan.gegevens import (
    JAAR_TERUG_DAGEN,
    VOORBEELD_OVER_DAGEN,
    teksten,
    vandaag_of,
)


def datum_tekst(datum: date) -> str:
    """'dinsdag 8 december 2026'."""
    t = teksten()
    return f"{t['dagen'][datum.weekday()]} {datum.day} {t['maanden'][datum.month - 1]} {datum.year}"


def voorbeelden(vandaag: Optional[date]) -> Dict[str, str]:
    """Example dates for the texts, a fortnight from today: '7 december', '7-12-2026'."""
    dag = vandaag_of(vandaag) + timedelta(days=VOORBEELD_OVER_DAGEN)
    maand = teksten()["maanden"][dag.month - 1]
    return {"voorbeeld_datum": f"{dag.day} {maand}", "voorbeeld_cijfers": f"{dag.day}-{dag.month}-{dag.year}"}


def _getal(woord: str) -> Optional[int]:
    if woord.isdigit():
        return int(woord)
    woord = woord.replace("één", "een")
    getallen = teksten()["getallen"]
    return getallen.index(woord) + 1 if woord in getallen else None


def _maand(woord: str) -> Optional[int]:
    t = teksten()
    woord = woord.rstrip(".")
    for lijst in (t["maanden"], t["maanden_kort"]):
        if woord in lijst:
            return lijst.index(woord) + 1
    return {"sept": 9, "mar": 3, "maa": 3}.get(woord)


def _dag_index(woord: str) -> Optional[int]:
    woord = re.sub(r"(?:ochtend|middag|avond|nacht)$", "", woord)
    dagen = teksten()["dagen"]
    return dagen.index(woord) if woord in dagen else None


def _plus_maanden(dag: date, maanden: int) -> date:
    jaar, maand = divmod(dag.month - 1 + maanden, 12)
    jaar, maand = dag.year + jaar, maand + 1
    return date(jaar, maand, min(dag.day, monthrange(jaar, maand)[1]))


def _maak(jaar: Optional[int], maand: int, dag: int, vandaag: date) -> Union[date, str]:
    """The date, or 'bestaat_niet'. Without a year: see the module docstring."""
    if jaar is not None and jaar < 100:
        jaar += 2000
    try:
        if jaar is not None:
            return date(jaar, maand, dag)
        datum = date(vandaag.year, maand, dag)
    except ValueError:
        if jaar is None and (maand, dag) == (2, 29):
            return _maak(vandaag.year + 1, maand, dag, vandaag)
        return "bestaat_niet"
    if (vandaag - datum).days > JAAR_TERUG_DAGEN:
        try:
            return date(vandaag.year + 1, maand, dag)
        except ValueError:
            return "bestaat_niet"
    return datum


def _volgende_weekdag(vandaag: date, dag: int) -> date:
    """The first such weekday after today."""
    return vandaag + timedelta(days=(dag - vandaag.weekday() - 1) % 7 + 1)


def _weekdag_in_week(vandaag: date, dag: int, weken: int) -> date:
    """That weekday in the week `weken` weeks from this one (weeks start on Monday)."""
    return vandaag - timedelta(days=vandaag.weekday()) + timedelta(weeks=weken, days=dag)


_EENHEDEN = {"dag": 1, "dagen": 1, "week": 7, "weken": 7}


def datum_of_reden(tekst: str, vandaag: date) -> Union[date, str]:
    """A date, 'bestaat_niet' or 'onleesbaar'."""
    t = normaal(tekst).lower().strip(" .!,")
    t = re.sub(r"\s+(?:om\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:uur)?$", "", t)  # "om tien uur" stays unreadable
    t = re.sub(r"\s+(?:in de |'s )?(?:ochtend|middag|avond|morgens|middags|avonds)$", "", t)
    t = re.sub(r"^(?:op|vanaf|rond|tot|uiterlijk)\s+", "", t)
    t = re.sub(r"^(?:de|het)\s+", "", t)
    if not t:
        return "onleesbaar"
    vast = {"vandaag": 0, "morgen": 1, "overmorgen": 2}
    if t in vast:
        return vandaag + timedelta(days=vast[t])

    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t):
        return _maak(int(m.group(1)), int(m.group(2)), int(m.group(3)), vandaag)

    zonder_dag = re.sub(r"^[a-z]+dag,?\s+(?=\d)", "", t)  # "dinsdag 8 december"
    if m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?", zonder_dag):
        jaar = int(m.group(3)) if m.group(3) else None
        return _maak(jaar, int(m.group(2)), int(m.group(1)), vandaag)
    if m := re.fullmatch(r"(\S+)\s+([a-z]+\.?)(?:\s+(\d{4}))?", re.sub(r"^[a-z]+dag,?\s+", "", t)):
        dag, maand = _getal(m.group(1)), _maand(m.group(2))
        if dag is not None and maand is not None:
            return _maak(int(m.group(3)) if m.group(3) else None, maand, dag, vandaag)

    if m := re.fullmatch(r"over (?:een |één )?(half jaar|halfjaar)", t):
        return _plus_maanden(vandaag, 6)
    if m := re.fullmatch(r"over (\S+) (dag|dagen|week|weken|maand|maanden)", t):
        aantal = _getal(m.group(1))
        if aantal is None:
            return "onleesbaar"
        if m.group(2).startswith("maand"):
            return _plus_maanden(vandaag, aantal)
        return vandaag + timedelta(days=aantal * _EENHEDEN[m.group(2)])
    if m := re.fullmatch(r"(?:volgende|komende) (week|maand)", t):
        return _plus_maanden(vandaag, 1) if m.group(1) == "maand" else vandaag + timedelta(weeks=1)

    # weekdays: "volgende week dinsdag", "dinsdag over twee weken", "aanstaande dinsdag"
    woorden = t.replace(" op ", " ").split()
    dagen = [(i, weekdag) for i, w in enumerate(woorden) if (weekdag := _dag_index(w)) is not None]
    if len(dagen) != 1:
        return "onleesbaar"
    positie, dag = dagen[0]
    rest = " ".join(woorden[:positie] + woorden[positie + 1:])
    if rest in ("", "aanstaande", "komende", "deze", "eerstvolgende", "volgende"):
        return _volgende_weekdag(vandaag, dag)
    if rest in ("volgende week", "komende week"):
        return _weekdag_in_week(vandaag, dag, 1)
    if rest == "deze week":
        return _weekdag_in_week(vandaag, dag, 0)
    if m := re.fullmatch(r"over (\S+) weken|over (?:een|één) week", rest):
        aantal = _getal(m.group(1)) if m.group(1) else 1
        return _weekdag_in_week(vandaag, dag, aantal) if aantal is not None else "onleesbaar"
    return "onleesbaar"


def lees_datum(tekst: str, vandaag: Optional[date] = None) -> Optional[date]:
    """A Dutch date ('12 december', '12-12-2026', 'over twee weken', 'volgende
    week dinsdag', 'morgen') relative to `vandaag`, or None when unreadable or
    not a real date."""
    uitkomst = datum_of_reden(tekst, vandaag_of(vandaag))
    return uitkomst if isinstance(uitkomst, date) else None


