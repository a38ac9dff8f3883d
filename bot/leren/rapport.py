"""The numbers of the insight report, with small-cell suppression.

Every cell knows how many conversations it counts; a cell that counts fewer
than `MINIMUM` (but more than none) is shown as "< 5", so no single worker or
client can be singled out. No text of a user message is ever part of the
report: only counts, intent names, types, interventions and personas.
Plain Python over the records of gegevens.py.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from statistics import mean
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Set, Tuple

from actions.oefenen.feedback import verhoudingen
from actions.oefenen.personas import personas
from bot.leren.gegevens import Bericht, Gesprek

MINIMUM = 5
TOP = 10
VERBORGEN = f"< {MINIMUM}"


@dataclass(frozen=True)
class Cel:
    """A number and the conversations it counts."""
    waarde: Optional[float]
    gesprekken: int
    procent: bool = False

    @property
    def verborgen(self) -> bool:
        return 0 < self.gesprekken < MINIMUM

    def tekst(self) -> str:
        if self.verborgen:
            return VERBORGEN
        if self.waarde is None:
            return "-"
        if self.procent:
            return f"{round(self.waarde * 100)}%"
        if float(self.waarde).is_integer():
            return str(int(self.waarde))
        return f"{self.waarde:.1f}".replace(".", ",")

    def getoond(self) -> Optional[float]:
        """The value a chart may draw (None when hidden or unknown)."""
        return None if self.verborgen else self.waarde


@dataclass
class Sectie:
    """One part of the report: a table and how to draw it."""
    titel: str
    uitleg: str
    kolommen: List[str]
    rijen: List[Tuple[str, List[Cel]]]
    grafiek: str = "staaf"  # "staaf" (bars per row) or "lijn" (a line per column over the rows)


@dataclass
class Rapport:
    van: date
    tot: date
    secties: List[Sectie] = field(default_factory=list)


def _dag(tijd: float) -> date:
    return datetime.fromtimestamp(tijd, timezone.utc).date()


def week(tijd: float) -> str:
    jaar, nummer, _ = _dag(tijd).isocalendar()
    return f"{jaar}-W{nummer:02d}"


def weken(van: date, tot: date) -> List[str]:
    """Every ISO week of the period, in order."""
    gezien: List[str] = []
    dag = van
    while dag <= tot:
        jaar, nummer, _ = dag.isocalendar()
        label = f"{jaar}-W{nummer:02d}"
        if label not in gezien:
            gezien.append(label)
        dag += timedelta(days=1)
    return gezien


class Periode:
    def __init__(self, van: date, tot: date) -> None:
        self.van, self.tot = van, tot

    def bevat(self, tijd: float) -> bool:
        return self.van <= _dag(tijd) <= self.tot


def _telling(paren: Iterable[Tuple[str, str]]) -> Dict[str, Set[str]]:
    """key -> the conversations seen with it."""
    per: Dict[str, Set[str]] = defaultdict(set)
    for sleutel, gesprek in paren:
        per[sleutel].add(gesprek)
    return per


def _berichten(gesprekken: Sequence[Gesprek], periode: Periode) -> List[Tuple[Gesprek, Bericht]]:
    return [(g, b) for g in gesprekken for b in g.berichten if periode.bevat(b.tijd)]


def _gesprekken_en_berichten(rijen: Sequence[str], paren: Sequence[Tuple[str, Gesprek]]) -> List[Tuple[str, List[Cel]]]:
    per_gesprek = _telling((k, g.id) for k, g in paren)
    per_bericht: Dict[str, int] = defaultdict(int)
    for sleutel, _ in paren:
        per_bericht[sleutel] += 1
    return [(r, [Cel(len(per_gesprek[r]), len(per_gesprek[r])), Cel(per_bericht[r], len(per_gesprek[r]))])
            for r in rijen]


def gebruik(gesprekken: Sequence[Gesprek], periode: Periode, alle_weken: List[str]) -> List[Sectie]:
    berichten = _berichten(gesprekken, periode)
    kolommen = ["Gesprekken", "Berichten"]
    secties = [Sectie("Gesprekken en berichten per week", "Gesprekken met minstens één bericht in die week.",
                      kolommen, _gesprekken_en_berichten(alle_weken, [(week(b.tijd), g) for g, b in berichten]),
                      "lijn")]
    for titel, sleutel in [("per kanaal", lambda g: g.kanaal), ("per rol", lambda g: g.rol)]:
        paren = [(sleutel(g), g) for g, _ in berichten]
        rijen = sorted({k for k, _ in paren})
        secties.append(Sectie(f"Gesprekken en berichten {titel}", "Over de hele periode.", kolommen,
                              _gesprekken_en_berichten(rijen, paren)))
    return secties


def vragen(gesprekken: Sequence[Gesprek], periode: Periode, alle_weken: List[str]) -> Sectie:
    """The most asked intents, with their count per week (the trend)."""
    getypt = [(g, b) for g, b in _berichten(gesprekken, periode) if b.intent and not b.fallback]
    totaal = _telling((b.intent or "", g.id) for g, b in getypt)
    top = sorted(totaal, key=lambda i: (-len(totaal[i]), i))[:TOP]
    per_week = _telling((f"{b.intent}|{week(b.tijd)}", g.id) for g, b in getypt)
    rijen = [(i, [Cel(len(totaal[i]), len(totaal[i]))] +
              [Cel(len(per_week[f"{i}|{w}"]), len(per_week[f"{i}|{w}"])) for w in alle_weken]) for i in top]
    return Sectie("Meest gestelde vragen (intents) en hun verloop",
                  "Aantal gesprekken waarin de vraag voorkwam: in de hele periode en per week. "
                  "Niet-begrepen berichten tellen hier niet mee.",
                  ["Totaal", *alle_weken], rijen)


def fallback(gesprekken: Sequence[Gesprek], periode: Periode, alle_weken: List[str]) -> Sectie:
    getypt = [(g, b) for g, b in _berichten(gesprekken, periode) if not b.knop]
    rijen = []
    for w in alle_weken:
        deze = [(g, b) for g, b in getypt if week(b.tijd) == w]
        n = len({g.id for g, _ in deze})
        gemist = [(g, b) for g, b in deze if b.fallback]
        rijen.append((w, [Cel(len(deze), n), Cel(len(gemist), len({g.id for g, _ in gemist})),
                          Cel(len(gemist) / len(deze) if deze else None, n, procent=True)]))
    return Sectie("Niet begrepen per week", "Getypte berichten (geen knoppen) en het deel dat de assistent "
                  "niet begreep (terugvalantwoord).", ["Getypte berichten", "Niet begrepen", "Aandeel"], rijen, "lijn")


def crisis(gesprekken: Sequence[Gesprek], periode: Periode, alle_weken: List[str]) -> Sectie:
    paren = [(week(t), g.id) for g in gesprekken for t in g.crisis if periode.bevat(t)]
    per = _telling(paren)
    aantal: Dict[str, int] = defaultdict(int)
    for w, _ in paren:
        aantal[w] += 1
    rijen = [(w, [Cel(aantal[w], len(per[w])), Cel(len(per[w]), len(per[w]))]) for w in alle_weken]
    return Sectie("Hulplijnen gegeven (crisisantwoorden) per week",
                  "Hoe vaak de crisisnummers werden gegeven, en in hoeveel gesprekken.",
                  ["Crisisantwoorden", "Gesprekken"], rijen, "lijn")


def _per_waarde(titel: str, uitleg: str, paren: Iterable[Tuple[str, str]], limiet: Optional[int] = None) -> Sectie:
    per = _telling(paren)
    rijen = sorted(per, key=lambda k: (-len(per[k]), k))[:limiet]
    return Sectie(titel, uitleg, ["Gesprekken"], [(k, [Cel(len(per[k]), len(per[k]))]) for k in rijen])


def verslag(entries: Sequence[dict], periode: Periode) -> List[Sectie]:
    """Pictures by suggested type and urgency, interventions shown most."""
    binnen = [e for e in entries if periode.bevat(e["timestamp"])]
    beelden = [e for e in binnen if e["moment"] == "beeld"]
    return [
        _per_waarde("Beelden per voorgesteld type", "Gesprekken waarin een eerste beeld met dit type werd gemaakt.",
                    ((e["voorgesteld_type"] or "onbekend", e["conversation_id"]) for e in beelden)),
        _per_waarde("Beelden per urgentie", "Gesprekken waarin een eerste beeld met deze urgentie werd gemaakt.",
                    ((e["urgentie"] or "onbekend", e["conversation_id"]) for e in beelden)),
        _per_waarde("Meest getoonde interventies", "Gesprekken waarin de interventie werd voorgesteld.",
                    ((i, e["conversation_id"]) for e in binnen if e["moment"] == "interventies"
                     for i in e["interventies"]), TOP),
    ]


RATIO_KOLOMMEN: List[Tuple[str, str, bool]] = [
    ("Open vragen (aandeel)", "aandeel_open", True), ("Reflecties per vraag", "reflecties_per_vraag", False),
    ("Complexe reflecties (aandeel)", "aandeel_complex", True)]


def oefenen(gesprekken: Sequence[Gesprek], periode: Periode, alle_weken: List[str]) -> List[Sectie]:
    """Practice sessions per persona, and the MITI-style ratios per week."""
    sessies = [(g.id, t, s) for g in gesprekken for t, s in g.oefensessies
               if periode.bevat(t) and s.get("geschiedenis")]
    namen = {pid: p.naam for pid, p in personas().items()}
    per_persona = _per_waarde("Oefengesprekken per persona", "Gesprekken waarin met deze persona werd geoefend.",
                              ((namen.get(s["persona"], s["persona"]), gid) for gid, _, s in sessies))
    rijen = []
    for w in alle_weken:
        deze = [(gid, verhoudingen(s)) for gid, t, s in sessies if week(t) == w]
        n = len({gid for gid, _ in deze})
        rijen.append((w, [Cel(_gemiddeld(r[sleutel] for _, r in deze), n, procent) for _, sleutel, procent
                          in RATIO_KOLOMMEN]))
    return [per_persona, Sectie("Gespreksvaardigheden in de oefengesprekken per week (indicatie, MITI 3.1.1)",
                                "Gemiddelden over de oefengesprekken van die week.",
                                [k for k, _, _ in RATIO_KOLOMMEN], rijen, "lijn")]


def _gemiddeld(waarden: Iterable[Optional[float]]) -> Optional[float]:
    bekend = [w for w in waarden if w is not None]
    return mean(bekend) if bekend else None


def maak(gesprekken: Sequence[Gesprek], entries: Sequence[dict], van: date, tot: date) -> Rapport:
    periode, alle_weken = Periode(van, tot), weken(van, tot)
    onderdelen: List[Callable[[], List[Sectie]]] = [
        lambda: gebruik(gesprekken, periode, alle_weken),
        lambda: [vragen(gesprekken, periode, alle_weken), fallback(gesprekken, periode, alle_weken)],
        lambda: verslag(entries, periode),
        lambda: [crisis(gesprekken, periode, alle_weken)],
        lambda: oefenen(gesprekken, periode, alle_weken),
    ]
    return Rapport(van, tot, [s for onderdeel in onderdelen for s in onderdeel()])
