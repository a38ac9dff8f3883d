"""Checking what the worker fills in for each field of the action plan.

Every `valideer_*` function returns an `Uitkomst`: the cleaned value, or a
Dutch message (`fout`) saying what is wrong and how to write it; a value that
is accepted but changed (a name taken out) carries an `opmerking` to show.
All texts live in data/kennis/plan.yml; the plan's shape is in gegevens.py.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Dict, List, Mapping, Optional, Sequence

from actions.algemeen.tekst import normaal
from actions.plan.datums import datum_of_reden, datum_tekst, voorbeelden
from actions.plan.gegevens import (
    MAX_STAPPEN,
    MIN_STAPPEN,
    TEKSTVELDEN,
    Uitkomst,
    teksten,
    vandaag_of,
)
from actions.plan.namen import anoniem, zonder_namen


def _fout(sleutel: str, vandaag: Optional[date] = None, **waarden: Any) -> str:
    return teksten()["fouten"][sleutel].format(**voorbeelden(vandaag), **waarden)


def _naam_opmerking(veranderd: bool) -> Optional[str]:
    return teksten()["opmerkingen"]["naam_weggehaald"] if veranderd else None


def _is_een_van(tekst: str, sleutel: str) -> bool:
    return normaal(tekst).lower().strip(" .!") in teksten()[sleutel]


_INITIALEN = re.compile(
    r"(?:(?P<titel>(?i:mevrouw|mevr\.?|mw\.?|meneer|mijnheer|dhr\.?|de heer))\s+)?"
    r"(?P<letters>(?:[A-Za-z]\.\s?){1,4}|[A-Z]{1,4})")
_TITELS = {"mevrouw": "mevrouw", "mevr": "mevrouw", "mw": "mevrouw", "meneer": "meneer", "mijnheer": "meneer",
           "dhr": "meneer", "de heer": "meneer"}


def valideer_aanduiding(tekst: Optional[str]) -> Uitkomst:
    """How the plan refers to the person: 'de bewoner' (also when empty),
    initials such as 'J.K.' or 'mevrouw J.', or a short description ('mijn
    cliënt', 'de buurman', 'mevrouw'); never a name, and the refusal says why."""
    t = normaal(tekst).strip()
    standaard = teksten()["standaard_aanduiding"]
    if not t or t.lower().strip(".") in ("bewoner", "de bewoner", "bewoonster", "de bewoonster", "geen", "nee"):
        return Uitkomst(standaard)
    m = _INITIALEN.fullmatch(t)
    if m:
        letters = "".join(f"{c.upper()}." for c in m.group("letters") if c.isalpha())
        titel = _TITELS[m.group("titel").lower().rstrip(".")] if m.group("titel") else None
        return Uitkomst(f"{titel} {letters}" if titel else letters)
    return _omschrijving(t)


# A description starts with one of these; written with a capital it is still no name.
_OMSCHRIJVING_BEGIN = re.compile(r"^(?:mijn|onze|de|het|een|die|deze|mevrouw|meneer|mijnheer)\b", re.IGNORECASE)


def _omschrijving(tekst: str) -> Uitkomst:
    """A short description of the person ('mijn cliënt', 'de buurman',
    'buurvrouw') is accepted as typed; a name is refused. A description starts
    with an article, 'mijn' or a title, or has only words that are no name."""
    omschrijving = bool(_OMSCHRIJVING_BEGIN.match(tekst))
    if omschrijving:
        tekst = tekst[0].lower() + tekst[1:]
    bekend = set(teksten()["geen_naam"])
    woorden = tekst.split()
    _, veranderd = anoniem(tekst, over_personen=True)
    if veranderd or (len(woorden) == 1 and not omschrijving and woorden[0].lower() not in bekend):
        return Uitkomst(fout=_fout("aanduiding_naam"))
    if len(woorden) > teksten()["aanduiding_max_woorden"] or not (
            omschrijving or all(w.lower().strip(".,!") in bekend for w in woorden)):
        return Uitkomst(fout=_fout("aanduiding_lang"))
    return Uitkomst(tekst.rstrip(".!"))


def valideer_tekst(veld: str, tekst: Optional[str]) -> Uitkomst:
    """doel, drijfveren, zelf or netwerk: not empty, no names. For all but the
    goal, 'weet ik niet' is a fine answer for now ('nog niet bekend')."""
    if veld not in TEKSTVELDEN:
        raise ValueError(f"geen tekstveld: {veld!r}")
    t = normaal(tekst)
    if veld != "doel" and t and _is_een_van(t, "weet_niet"):
        return Uitkomst(teksten()["nog_onbekend"])
    if veld == "doel" and t and _is_een_van(t, "weet_niet"):
        return Uitkomst(fout=_fout("doel_onbekend"))
    if veld == "netwerk" and t and _is_een_van(t, "niemand"):
        return Uitkomst(teksten()["nog_niemand"])
    schoon, veranderd = anoniem(t, over_personen=veld == "netwerk")
    if not re.search(r"\w", zonder_namen(schoon)):
        return Uitkomst(fout=_fout(f"{veld}_leeg"), opmerking=_naam_opmerking(veranderd))
    return Uitkomst(schoon, opmerking=_naam_opmerking(veranderd))


def valideer_doel(tekst: Optional[str]) -> Uitkomst:
    return valideer_tekst("doel", tekst)


def valideer_vangnet(tekst: Optional[str]) -> Uitkomst:
    """Whom the person can call: someone must be named (a role, not a name)."""
    t = normaal(tekst)
    if not t:
        return Uitkomst(fout=_fout("vangnet_leeg"))
    if _is_een_van(t, "niemand"):
        return Uitkomst(fout=_fout("vangnet_niemand"))
    schoon, veranderd = anoniem(t, over_personen=True)
    if not re.search(r"\w", zonder_namen(schoon)):
        return Uitkomst(fout=_fout("vangnet_leeg"), opmerking=_naam_opmerking(veranderd))
    return Uitkomst(schoon, opmerking=_naam_opmerking(veranderd))


def valideer_vervolgdatum(tekst: Optional[str], vandaag: Optional[date] = None) -> Uitkomst:
    """The follow-up date as ISO text; not unreadable, not in the past."""
    vandaag = vandaag_of(vandaag)
    if not normaal(tekst):
        return Uitkomst(fout=_fout("datum_leeg", vandaag))
    datum = datum_of_reden(tekst or "", vandaag)
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
        return {sleutel.lower(): waarde.strip(" ,;")
                for sleutel, waarde in zip(stukken[::2], stukken[1::2], strict=True)}
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
    vandaag = vandaag_of(vandaag)
    t = re.sub(r"^\s*(?:\d+[.)]|[-*•])\s*", "", normaal(tekst))
    if not t:
        return Uitkomst(fout=_fout("stap_leeg", vandaag))
    delen = {sleutel: normaal(waarde).strip(" ,;.") for sleutel, waarde in _delen(t).items()}
    veranderd = False
    schoon: Dict[str, str] = {}
    for sleutel in ("wat", "wie", "wanneer"):
        schoon[sleutel], anders = anoniem(delen.get(sleutel, ""), over_personen=sleutel == "wie")
        veranderd |= anders
    opmerking = _naam_opmerking(veranderd)
    if not re.search(r"\w", zonder_namen(schoon["wat"])):
        return Uitkomst(fout=_fout("stap_zonder_wat", vandaag), opmerking=opmerking)
    if not re.search(r"\w", zonder_namen(schoon["wie"])) or _is_een_van(schoon["wie"], "niemand"):
        return Uitkomst(fout=_fout("stap_zonder_wie", vandaag), opmerking=opmerking)
    if not re.search(r"\w", schoon["wanneer"]):
        return Uitkomst(fout=_fout("stap_zonder_wanneer", vandaag), opmerking=opmerking)
    datum = datum_of_reden(schoon["wanneer"], vandaag)
    if datum == "bestaat_niet":
        return Uitkomst(fout=_fout("datum_bestaat_niet", vandaag), opmerking=opmerking)
    if isinstance(datum, date):
        if datum < vandaag:
            return Uitkomst(fout=_fout("stap_verleden", vandaag, datum=datum_tekst(datum)), opmerking=opmerking)
        schoon["wanneer"] = datum_tekst(datum)
    stap: Dict[str, Optional[str]] = {**schoon, "datum": datum.isoformat() if isinstance(datum, date) else None}
    return Uitkomst(stap, opmerking=opmerking)


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
            assert stap.fout is not None  # not ok: there is a reason
            naam = aantallen[nummer] if nummer < len(aantallen) else str(nummer)
            fout = stap.fout[0].lower() + stap.fout[1:]
            return Uitkomst(fout=_fout("stap_nummer", nummer=naam, fout=fout), opmerking=opmerking)
        stappen.append(stap.waarde)
    aantal = valideer_stappen(stappen)
    return Uitkomst(stappen, opmerking=opmerking) if aantal.ok else Uitkomst(fout=aantal.fout, opmerking=opmerking)



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
    return _is_een_van(normaal(tekst), "klaar")


def stap_tekst(nummer: int, stap: Mapping[str, Any]) -> str:
    """'Genoteerd als stap twee: …', so the worker sees how the step was read."""
    aantallen = teksten()["aantallen"]
    telwoord = aantallen[nummer] if nummer < len(aantallen) else str(nummer)
    return teksten()["opmerkingen"]["stap"].format(nummer=telwoord,
                                                   **{k: stap.get(k) for k in ("wat", "wie", "wanneer")})
