"""The personal action plan: reading and checking what the worker fills in.

Plain Python without Rasa. A plan is a JSON-serialisable dict, so Rasa slots
can keep it (one slot per field, or one slot holding the dict):

    {"aanduiding": "de bewoner",       # or initials: "J.K."
     "doel": "Ik wil weer ergens bij horen.",   # in the person's own words
     "drijfveren": "...",              # what drives them, what they enjoy
     "zelf": "...",                    # what they can and want to do themselves
     "netwerk": "...",                 # who can help
     "stappen": [{"wat": "...", "wie": "...", "wanneer": "...",
                  "datum": "2026-12-08" or None}],  # two to five
     "vervolgdatum": "2026-12-08",     # ISO date of the follow-up
     "vangnet": "..."}                 # whom they can call

Every `valideer_*` function returns an `Uitkomst`: the cleaned value, or a
Dutch message (`fout`) saying what is wrong and how to write it; a value that
is accepted but changed (a name taken out) carries an `opmerking` to show.
All texts live in data/kennis/plan.yml.

Names. The plan refers to "de bewoner" or initials the worker chooses. Every
free text goes through `anoniem`: first `gedeeld.redactie` (phone numbers,
addresses, BSN, birth dates, names after a title or role such as "buurman
Kees", which keeps "buurman"), then a rule for names without a title: a
capitalised word that is not a known role, organisation, intervention, help
line, municipality, day or month becomes "[NAAM]", with the capitalised words
next to it ("Jan de Vries"). A capitalised word at the start of a sentence is
taken as an ordinary word unless it stands next to such a name, so "Bellen
met Kees" keeps "Bellen" and loses "Kees", but "Kees belt" is missed in a
goal or a description; in the fields about people (netwerk, vangnet, who
does a step) every capitalised word counts, so there "Kees" goes. A Dutch
word list would catch more but costs some seventy megabytes of memory in
the action server (the spacy-lookups-data lemma table); the worker is asked
not to type names at all. The escape is said in the message: a word written
without a capital is never taken for a name.

Dates are read relative to an injectable `vandaag` (default: today's date).
A date without a year is this year, unless that is more than
`JAAR_TERUG_DAGEN` days ago; then it is next year ("5 januari" typed in
December means the coming January, "3 november" typed late in November is a
date in the past).
"""
from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple, Union

import yaml

from gedeeld import redactie, settings

BESTAND = settings.KENNIS_DIR / "plan.yml"
VELDEN = ("aanduiding", "doel", "drijfveren", "zelf", "netwerk", "stappen", "vervolgdatum", "vangnet")
TEKSTVELDEN = ("doel", "drijfveren", "zelf", "netwerk")
MIN_STAPPEN = 2
MAX_STAPPEN = 5
JAAR_TERUG_DAGEN = 90
VOORBEELD_OVER_DAGEN = 14
NAAM = "[NAAM]"

Plan = Dict[str, Any]


@dataclass(frozen=True)
class Uitkomst:
    """The result of reading one answer: the value to keep, or why not."""
    waarde: Any = None
    fout: Optional[str] = None  # refused: show this and ask again
    opmerking: Optional[str] = None  # accepted but changed: show this too

    @property
    def ok(self) -> bool:
        return self.fout is None


# --- data ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def teksten() -> dict:
    """plan.yml, loaded once."""
    return yaml.safe_load(BESTAND.read_text(encoding="utf-8"))


def _vandaag(vandaag: Optional[date]) -> date:
    return vandaag or date.today()


def _normaal(tekst: Optional[str]) -> str:
    return " ".join((tekst or "").replace("’", "'").replace("‘", "'").split())


# --- dates ---------------------------------------------------------------------------------
def datum_tekst(datum: date) -> str:
    """'dinsdag 8 december 2026'."""
    t = teksten()
    return f"{t['dagen'][datum.weekday()]} {datum.day} {t['maanden'][datum.month - 1]} {datum.year}"


def _voorbeelden(vandaag: Optional[date]) -> Dict[str, str]:
    """Example dates for the texts, a fortnight from today: '7 december', '7-12-2026'."""
    dag = _vandaag(vandaag) + timedelta(days=VOORBEELD_OVER_DAGEN)
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


def _lees_datum(tekst: str, vandaag: date) -> Union[date, str]:
    """A date, 'bestaat_niet' or 'onleesbaar'."""
    t = _normaal(tekst).lower().strip(" .!,")
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
    dagen = [(i, _dag_index(w)) for i, w in enumerate(woorden) if _dag_index(w) is not None]
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
    uitkomst = _lees_datum(tekst, _vandaag(vandaag))
    return uitkomst if isinstance(uitkomst, date) else None


# --- names -------------------------------------------------------------------------------------
_WOORD = re.compile(rf"[{redactie.UPPER}][{redactie.LOWER}'’]+(?:-[{redactie.UPPER}]?[{redactie.LOWER}'’]+)*")
_DEELTJE = re.compile(rf"{redactie.PARTICLE}")
_ZINSBEGIN = re.compile(r"(?:^|[.!?:;\n(\"']|^\s*[-*•]|\n\s*[-*•])\s*$")


@lru_cache(maxsize=1)
def _bekende_woorden() -> FrozenSet[str]:
    """Lower-case words that are no person's name when capitalised."""
    t = teksten()
    woorden = set(t["geen_naam"]) | set(t["dagen"]) | set(t["maanden"])
    try:
        from actions.interventies.catalogus import laad_ingebouwd
        from actions.kennis.kennisbank import kennisbank
        namen = [lijn["naam"] for lijn in kennisbank().hulplijnen.values()]
        for interventie in laad_ingebouwd().interventies.values():
            namen += [interventie.naam, interventie.organisatie]
        for naam in namen:
            woorden |= {w.lower() for w in re.findall(r"[^\W\d_]+", naam)}
    except Exception:  # the plan still works without the catalogue
        pass
    return frozenset(woorden)


@lru_cache(maxsize=1)
def _gemeenten():
    try:
        from actions.interventies.gemeenten import laad_gemeenten
        return laad_gemeenten()
    except Exception:
        return None


def _is_gemeente(woorden: str) -> bool:
    register = _gemeenten()
    return bool(register and register.exact(woorden))


def _naam_stukken(tekst: str, over_personen: bool = False) -> List[Tuple[int, int]]:
    """Spans of `tekst` that look like a person's name without a title."""
    bekend = _bekende_woorden()
    woorden = [m for m in _WOORD.finditer(tekst)
               if not (m.start() > 0 and tekst[m.start() - 1] == "[")]
    # group capitalised words that follow each other (particles allowed between)
    groepen: List[List[re.Match]] = []
    for m in woorden:
        if groepen:
            tussen = tekst[groepen[-1][-1].end():m.start()]
            if re.fullmatch(rf"\s+(?:{redactie.PARTICLE}\s+){{0,3}}", tussen):
                groepen[-1].append(m)
                continue
        groepen.append([m])
    stukken: List[Tuple[int, int]] = []
    for groep in groepen:
        if _is_gemeente(tekst[groep[0].start():groep[-1].end()]):
            continue
        soort = []  # per word: "bekend", "woord" (ordinary word at a sentence start) or "naam"
        for m in groep:
            laag = m.group().lower()
            if laag in bekend or _is_gemeente(m.group()):
                soort.append("bekend")
            elif not over_personen and _ZINSBEGIN.search(tekst[:m.start()]):
                soort.append("woord")
            else:
                soort.append("naam")
        if "naam" not in soort:
            continue
        eerste = soort.index("naam")
        while eerste > 0 and soort[eerste - 1] == "woord":  # "Jan de Vries": Jan goes too
            eerste -= 1
        laatste = len(soort) - 1 - soort[::-1].index("naam")
        stukken.append((groep[eerste].start(), groep[laatste].end()))
    return stukken


def _netjes(tekst: str) -> str:
    tekst = re.sub(r"[ \t]+", " ", tekst)
    tekst = re.sub(r" ([,.;:!?)])", r"\1", tekst)
    return tekst.strip()


def anoniem(tekst: str, over_personen: bool = False) -> Tuple[str, bool]:
    """`tekst` without names or identifying details, and whether anything was
    taken out. A name after a role word goes ("buurman Kees" becomes
    "buurman"); other details become their placeholder ("[TELEFOON]").
    `over_personen`: the text names people (who helps, whom to call), so a
    capitalised word counts as a name unless it is in the word list, also at
    the start of a sentence."""
    bevindingen = [replace(b, replacement="") if b.kind == "NAAM" else b for b in redactie.vind(tekst)]
    schoon = redactie.vervang(tekst, bevindingen)
    stukken = _naam_stukken(schoon, over_personen)
    for start, eind in reversed(stukken):
        schoon = schoon[:start] + NAAM + schoon[eind:]
    return _netjes(schoon), bool(bevindingen or stukken)


def _zonder_namen(tekst: str) -> str:
    """What is left when the name placeholders are taken out."""
    return _netjes(tekst.replace(NAAM, ""))


# --- checking the fields -------------------------------------------------------------------------
def _fout(sleutel: str, vandaag: Optional[date] = None, **waarden: Any) -> str:
    return teksten()["fouten"][sleutel].format(**_voorbeelden(vandaag), **waarden)


def _naam_opmerking(veranderd: bool) -> Optional[str]:
    return teksten()["opmerkingen"]["naam_weggehaald"] if veranderd else None


def _is_een_van(tekst: str, sleutel: str) -> bool:
    return _normaal(tekst).lower().strip(" .!") in teksten()[sleutel]


_INITIALEN = re.compile(
    r"(?:(?P<titel>(?i:mevrouw|mevr\.?|mw\.?|meneer|mijnheer|dhr\.?|de heer))\s+)?"
    r"(?P<letters>(?:[A-Za-z]\.\s?){1,4}|[A-Z]{1,4})")
_TITELS = {"mevrouw": "mevrouw", "mevr": "mevrouw", "mw": "mevrouw", "meneer": "meneer", "mijnheer": "meneer",
           "dhr": "meneer", "de heer": "meneer"}


def valideer_aanduiding(tekst: Optional[str]) -> Uitkomst:
    """How the plan refers to the person: 'de bewoner' (also when empty) or
    initials such as 'J.K.' or 'mevrouw J.', never a name."""
    t = _normaal(tekst).strip()
    standaard = teksten()["standaard_aanduiding"]
    if not t or t.lower().strip(".") in ("bewoner", "de bewoner", "bewoonster", "de bewoonster", "geen", "nee"):
        return Uitkomst(standaard)
    m = _INITIALEN.fullmatch(t)
    if m:
        letters = "".join(f"{c.upper()}." for c in m.group("letters") if c.isalpha())
        titel = _TITELS[m.group("titel").lower().rstrip(".")] if m.group("titel") else None
        return Uitkomst(f"{titel} {letters}" if titel else letters)
    return Uitkomst(fout=_fout("aanduiding_naam"))


def valideer_tekst(veld: str, tekst: Optional[str]) -> Uitkomst:
    """doel, drijfveren, zelf or netwerk: not empty, no names. For all but the
    goal, 'weet ik niet' is a fine answer for now ('nog niet bekend')."""
    if veld not in TEKSTVELDEN:
        raise ValueError(f"geen tekstveld: {veld!r}")
    t = _normaal(tekst)
    if veld != "doel" and t and _is_een_van(t, "weet_niet"):
        return Uitkomst(teksten()["nog_onbekend"])
    if veld == "doel" and t and _is_een_van(t, "weet_niet"):
        return Uitkomst(fout=_fout("doel_onbekend"))
    if veld == "netwerk" and t and _is_een_van(t, "niemand"):
        return Uitkomst(teksten()["nog_niemand"])
    schoon, veranderd = anoniem(t, over_personen=veld == "netwerk")
    if not re.search(r"\w", _zonder_namen(schoon)):
        return Uitkomst(fout=_fout(f"{veld}_leeg"), opmerking=_naam_opmerking(veranderd))
    return Uitkomst(schoon, opmerking=_naam_opmerking(veranderd))


def valideer_doel(tekst: Optional[str]) -> Uitkomst:
    return valideer_tekst("doel", tekst)


def valideer_vangnet(tekst: Optional[str]) -> Uitkomst:
    """Whom the person can call: someone must be named (a role, not a name)."""
    t = _normaal(tekst)
    if not t:
        return Uitkomst(fout=_fout("vangnet_leeg"))
    if _is_een_van(t, "niemand"):
        return Uitkomst(fout=_fout("vangnet_niemand"))
    schoon, veranderd = anoniem(t, over_personen=True)
    if not re.search(r"\w", _zonder_namen(schoon)):
        return Uitkomst(fout=_fout("vangnet_leeg"), opmerking=_naam_opmerking(veranderd))
    return Uitkomst(schoon, opmerking=_naam_opmerking(veranderd))


def valideer_vervolgdatum(tekst: Optional[str], vandaag: Optional[date] = None) -> Uitkomst:
    """The follow-up date as ISO text; not unreadable, not in the past."""
    vandaag = _vandaag(vandaag)
    if not _normaal(tekst):
        return Uitkomst(fout=_fout("datum_leeg", vandaag))
    datum = _lees_datum(tekst or "", vandaag)
    if datum == "bestaat_niet":
        return Uitkomst(fout=_fout("datum_bestaat_niet", vandaag))
    if not isinstance(datum, date):
        return Uitkomst(fout=_fout("datum_onleesbaar", vandaag))
    if datum < vandaag:
        return Uitkomst(fout=_fout("datum_verleden", vandaag, datum=datum_tekst(datum)))
    return Uitkomst(datum.isoformat(), opmerking=teksten()["opmerkingen"]["datum"].format(datum=datum_tekst(datum)))


# --- steps ----------------------------------------------------------------------------------------
_SCHEIDING = re.compile(r"\s*(?:—|–|;|\|)\s*|\s+-{1,2}\s+")
_LABEL = re.compile(r"\b(wat|wie|wanneer)\s*:\s*", re.IGNORECASE)
_DOOR = re.compile(r"^(?:door|wie:?)\s+", re.IGNORECASE)
_TIJD = re.compile(
    r"\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\w*|\b(?:vandaag|morgen|overmorgen|vanavond|"
    r"vanmiddag|straks|binnenkort|meteen|direct|zsm|zo snel mogelijk|elke|iedere|wekelijks|dagelijks|maandelijks|"
    r"week|weken|weekend|maand|maanden|dag|dagen|jaar|ochtend|middag|avond|uur|voor|na|vanaf|binnen|rond|begin|"
    r"eind|half|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b|"
    r"\d{1,2}[-/.:]\d{1,2}|\b\d{1,2}\s+[a-z]{3}", re.IGNORECASE)


def _delen(tekst: str) -> Dict[str, str]:
    """wat, wie and wanneer from 'wat — wie — wanneer', 'wat; wie; wanneer',
    'wat, door wie, wanneer' or 'wat: ..., wie: ..., wanneer: ...'."""
    if len(_LABEL.findall(tekst)) >= 2:
        stukken = _LABEL.split(tekst)[1:]
        return {sleutel.lower(): waarde.strip(" ,;") for sleutel, waarde in zip(stukken[::2], stukken[1::2])}
    delen = _SCHEIDING.split(tekst)
    if len(delen) == 3:
        return {"wat": delen[0], "wie": _DOOR.sub("", delen[1]), "wanneer": delen[2]}
    if len(delen) < 2:
        delen = [d for d in re.split(r"\s*,\s*", tekst)]
    gevonden: Dict[str, str] = {}
    rest: List[str] = []
    for deel in delen:
        if _DOOR.match(deel) and "wie" not in gevonden:
            gevonden["wie"] = _DOOR.sub("", deel)
        else:
            rest.append(deel)
    tijd = [i for i, deel in enumerate(rest) if i > 0 and _TIJD.search(deel)]
    if tijd:
        gevonden["wanneer"] = rest.pop(tijd[-1])
    if "wie" not in gevonden and len(rest) >= 2:
        gevonden["wie"] = rest.pop()
    gevonden["wat"] = ", ".join(rest)
    return gevonden


def valideer_stap(tekst: Optional[str], vandaag: Optional[date] = None) -> Uitkomst:
    """One step: what, who and when, each present; a 'when' that is a date is
    written out in full and may not be in the past."""
    vandaag = _vandaag(vandaag)
    t = re.sub(r"^\s*(?:\d+[.)]|[-*•])\s*", "", _normaal(tekst))
    if not t:
        return Uitkomst(fout=_fout("stap_leeg", vandaag))
    delen = {sleutel: _normaal(waarde).strip(" ,;.") for sleutel, waarde in _delen(t).items()}
    veranderd = False
    schoon: Dict[str, str] = {}
    for sleutel in ("wat", "wie", "wanneer"):
        schoon[sleutel], anders = anoniem(delen.get(sleutel, ""), over_personen=sleutel == "wie")
        veranderd |= anders
    opmerking = _naam_opmerking(veranderd)
    if not re.search(r"\w", _zonder_namen(schoon["wat"])):
        return Uitkomst(fout=_fout("stap_zonder_wat", vandaag), opmerking=opmerking)
    if not re.search(r"\w", _zonder_namen(schoon["wie"])) or _is_een_van(schoon["wie"], "niemand"):
        return Uitkomst(fout=_fout("stap_zonder_wie", vandaag), opmerking=opmerking)
    if not re.search(r"\w", schoon["wanneer"]):
        return Uitkomst(fout=_fout("stap_zonder_wanneer", vandaag), opmerking=opmerking)
    datum = _lees_datum(schoon["wanneer"], vandaag)
    if datum == "bestaat_niet":
        return Uitkomst(fout=_fout("datum_bestaat_niet", vandaag), opmerking=opmerking)
    if isinstance(datum, date):
        if datum < vandaag:
            return Uitkomst(fout=_fout("stap_verleden", vandaag, datum=datum_tekst(datum)), opmerking=opmerking)
        schoon["wanneer"] = datum_tekst(datum)
    schoon["datum"] = datum.isoformat() if isinstance(datum, date) else None
    return Uitkomst(schoon, opmerking=opmerking)


def valideer_stappen(stappen: Sequence[Any]) -> Uitkomst:
    """The number of steps: two to five."""
    aantal = len(stappen or [])
    if aantal < MIN_STAPPEN:
        return Uitkomst(fout=_fout("te_weinig_stappen", aantal=teksten()["aantallen"][aantal]))
    if aantal > MAX_STAPPEN:
        return Uitkomst(fout=_fout("te_veel_stappen"))
    return Uitkomst(list(stappen))


def voeg_stap_toe(stappen: Optional[Sequence[Mapping[str, Any]]], tekst: Optional[str],
                  vandaag: Optional[date] = None) -> Uitkomst:
    """The steps with one more (read from `tekst`); refused after five."""
    stappen = list(stappen or [])
    if len(stappen) >= MAX_STAPPEN:
        return Uitkomst(fout=_fout("stap_zesde"))
    stap = valideer_stap(tekst, vandaag)
    if not stap.ok:
        return stap
    return Uitkomst([*stappen, stap.waarde], opmerking=stap.opmerking)


def lees_stappen(tekst: Optional[str], vandaag: Optional[date] = None) -> Uitkomst:
    """Several steps at once, one per line (numbered or with dashes): each
    checked, then the number. A message names the step it is about."""
    regels = [r for r in (tekst or "").splitlines() if r.strip()]
    stappen: List[dict] = []
    opmerking = None
    aantallen = teksten()["aantallen"]
    for nummer, regel in enumerate(regels, start=1):
        stap = valideer_stap(regel, vandaag)
        opmerking = opmerking or stap.opmerking
        if not stap.ok:
            naam = aantallen[nummer] if nummer < len(aantallen) else str(nummer)
            fout = stap.fout[0].lower() + stap.fout[1:]
            return Uitkomst(fout=_fout("stap_nummer", nummer=naam, fout=fout), opmerking=opmerking)
        stappen.append(stap.waarde)
    aantal = valideer_stappen(stappen)
    return Uitkomst(stappen, opmerking=opmerking) if aantal.ok else Uitkomst(fout=aantal.fout, opmerking=opmerking)


# --- the form ---------------------------------------------------------------------------------------
def valideer(veld: str, tekst: Optional[str], vandaag: Optional[date] = None) -> Uitkomst:
    """One answer for `veld` (all fields but stappen; use voeg_stap_toe or lees_stappen)."""
    if veld == "aanduiding":
        return valideer_aanduiding(tekst)
    if veld in TEKSTVELDEN:
        return valideer_tekst(veld, tekst)
    if veld == "vervolgdatum":
        return valideer_vervolgdatum(tekst, vandaag)
    if veld == "vangnet":
        return valideer_vangnet(tekst)
    raise ValueError(f"onbekend veld: {veld!r}")


def is_klaar(tekst: Optional[str]) -> bool:
    """The worker says the plan has enough steps ('klaar', 'dat is alles')."""
    return _is_een_van(_normaal(tekst), "klaar")


def stap_tekst(nummer: int, stap: Mapping[str, Any]) -> str:
    """'Genoteerd als stap twee: …', so the worker sees how the step was read."""
    aantallen = teksten()["aantallen"]
    telwoord = aantallen[nummer] if nummer < len(aantallen) else str(nummer)
    return teksten()["opmerkingen"]["stap"].format(nummer=telwoord, **{k: stap.get(k) for k in ("wat", "wie", "wanneer")})


def knoppen(veld: str, aantal_stappen: int = 0) -> List[str]:
    """Answers offered as buttons for `veld` (plain text, so typing works the same)."""
    sleutel = "stappen_nog" if veld == "stappen" and aantal_stappen > 0 else veld
    return list(teksten()["knoppen"].get(sleutel) or [])


def volgorde(zorgmijdend: bool = False) -> List[str]:
    """The order of the questions: the safety net first for the care-avoiding."""
    return list(teksten()["volgorde_zorgmijdend" if zorgmijdend else "volgorde"])


def ontbrekend(plan: Optional[Mapping[str, Any]], zorgmijdend: bool = False) -> Optional[str]:
    """The next field to ask, or None when the plan is complete."""
    plan = plan or {}
    for veld in volgorde(zorgmijdend):
        waarde = plan.get(veld)
        if veld == "stappen":
            if not valideer_stappen(waarde or []).ok:
                return veld
        elif not waarde:
            return veld
    return None


def vraag(veld: str, type_id: Optional[str] = None, zorgmijdend: bool = False,
          vandaag: Optional[date] = None, aantal_stappen: int = 0) -> str:
    """The question for `veld`, with the hint for the type or the care-avoiding
    first. For stappen after the first step: the 'next step' question."""
    t = teksten()
    sleutel = "stappen_nog" if veld == "stappen" and aantal_stappen > 0 else veld
    vraag_tekst = t["vragen"][sleutel].format(**_voorbeelden(vandaag))
    per_type = t["vragen_per_type"]
    hints = [per_type.get(type_id or "", {}).get(veld)]
    if zorgmijdend:
        hints.append(per_type["zorgmijdend"].get(veld))
    hints = [h for h in hints if h] if aantal_stappen == 0 else []
    return " ".join([*hints, vraag_tekst])


__all__ = ["Uitkomst", "VELDEN", "MIN_STAPPEN", "MAX_STAPPEN", "anoniem", "datum_tekst", "lees_datum",
           "valideer", "valideer_aanduiding", "valideer_tekst", "valideer_doel", "valideer_vangnet",
           "valideer_vervolgdatum", "valideer_stap", "valideer_stappen", "voeg_stap_toe", "lees_stappen",
           "volgorde", "ontbrekend", "vraag", "is_klaar", "stap_tekst", "knoppen"]
