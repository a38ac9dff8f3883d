"""The action plan and the first picture, as a chat summary and as Markdown.

Plain Python without Rasa. `plan` is the dict described in actions/plan/velden.py;
`beeld` holds the picture's slot values (beeld_type, beeld_trede,
beeld_urgentie, beeld_beleving, beeld_redenen), any of which may be missing;
`aanpak_state` is the walk's slot from actions/aanpak/fasen.py. Every value the
worker typed goes through `plan.anoniem` once more, so a name that reached
the slots some other way is not exported either. Texts: data/kennis/plan.yml
(section `export`); the beleving sentences are the picture's own
(signalering.yml), type and rung names come from the knowledge base.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Dict, List, Mapping, Optional

from actions import plan as plan_module
from actions.aanpak import fasen as aanpak
from actions.algemeen.tekst import opsomming
from actions.kennis.kennisbank import kennisbank
from actions.plan.datums import datum_tekst
from actions.plan.gegevens import teksten
from gedeeld import document

TYPE_BRON = "welzijnplus_rotterdam"
SOORT = "actieplan"


# --- values ----------------------------------------------------------------------------------
def _t() -> dict:
    return teksten()["export"]


def _schoon(waarde: Any, over_personen: bool = False) -> str:
    return plan_module.anoniem(" ".join(str(waarde or "").split()), over_personen)[0]


def _aanduiding(plan: Mapping[str, Any]) -> str:
    uitkomst = plan_module.valideer_aanduiding(plan.get("aanduiding"))
    return uitkomst.waarde if uitkomst.ok else teksten()["standaard_aanduiding"]


def _datum(iso: Optional[str]) -> Optional[str]:
    try:
        return datum_tekst(date.fromisoformat(iso)) if iso else None
    except (TypeError, ValueError):
        return None


def _kleine_letter(tekst: str) -> str:
    return tekst[0].lower() + tekst[1:] if tekst else tekst


def _hoofdletter(tekst: str) -> str:
    return tekst[0].upper() + tekst[1:] if tekst else tekst


def _stappen(plan: Mapping[str, Any]) -> List[Dict[str, str]]:
    stappen = []
    for stap in plan.get("stappen") or []:
        if isinstance(stap, Mapping):
            stappen.append({"wat": _hoofdletter(_schoon(stap.get("wat")).rstrip(".")),
                            "wie": _schoon(stap.get("wie"), over_personen=True),
                            "wanneer": _schoon(stap.get("wanneer"))})
    return stappen


def _velden(plan: Mapping[str, Any]) -> Dict[str, Optional[str]]:
    """The text fields, cleaned; None when empty."""
    velden: Dict[str, Optional[str]] = {
        veld: _hoofdletter(_schoon(plan.get(veld), over_personen=veld in ("netwerk", "vangnet"))) or None
        for veld in ("doel", "drijfveren", "zelf", "netwerk", "vangnet")}
    velden["vervolgdatum"] = _datum(plan.get("vervolgdatum"))
    return velden


# --- the picture ------------------------------------------------------------------------------------
def _trede(beeld: Mapping[str, Any]) -> Optional[Dict[str, Any]]:
    waarde = beeld.get("beeld_trede")
    try:
        nummer = int(waarde) if waarde is not None else None
    except (TypeError, ValueError):
        return None
    trede = next((t for t in kennisbank().treden if t["nummer"] == nummer), None)
    return {"nummer": nummer, "naam": _kleine_letter(trede["naam"])} if trede else None


def _type_naam(beeld: Mapping[str, Any]) -> Optional[str]:
    onderwerp = kennisbank().onderwerp(f"type_{beeld.get('beeld_type')}") if beeld.get("beeld_type") else None
    return _kleine_letter(onderwerp.titel) if onderwerp else None


def beeld_regels(beeld: Optional[Mapping[str, Any]]) -> List[str]:
    """The picture as sentences, one per line; empty when there is no picture."""
    beeld = beeld or {}
    t = _t()["beeld"]
    type_naam = _type_naam(beeld)
    if not type_naam:
        return []
    regels = [t["type"].format(type=type_naam)]
    redenen = [_schoon(r) for r in beeld.get("beeld_redenen") or [] if r]
    if redenen:
        regels.append(t["redenen"].format(redenen=opsomming(redenen)))
    trede = _trede(beeld)
    regels.append(t["trede"].format(**trede) if trede else t["trede_onbekend"])
    from actions.signalering.casus import (
        gegevens,  # the picture's own sentences (signalering.yml)
    )
    beleving = gegevens()["beeld"]["beleving"].get(beeld.get("beeld_beleving") or "")
    if beleving:
        regels.append(beleving)
    urgentie = t["urgentie"].get(beeld.get("beeld_urgentie") or "")
    if urgentie:
        regels.append(urgentie)
    return regels


def _bronnen(beeld: Optional[Mapping[str, Any]], met_fasen: bool) -> List[str]:
    kennis = kennisbank()
    sleutels: List[str] = []
    if met_fasen:
        fasen_onderwerp = kennis.onderwerp("fasen")
        assert fasen_onderwerp is not None  # the topic about the phases
        sleutels = list(fasen_onderwerp.bronnen)
    if beeld and _type_naam(beeld):
        sleutels.append(TYPE_BRON)
        if _trede(beeld):
            sleutels.append(kennis.treden_bron)
    return [kennis.bron_kort(b) for b in dict.fromkeys(sleutels)]


def _fase_regels(aanpak_state: Optional[Mapping[str, Any]]) -> List[str]:
    if not aanpak_state:
        return []
    t = _t()["fase"]
    return [f"{naam}: {t[status]}" for naam, status in aanpak.fase_statussen(aanpak_state)]


def _volgorde(beeld: Optional[Mapping[str, Any]], aanpak_state: Optional[Mapping[str, Any]]) -> List[str]:
    """The plan's fields in the form's order: the safety net first for the care-avoiding."""
    state = aanpak.geldig(aanpak_state) if aanpak_state else None
    zorgmijdend = aanpak.is_zorgmijdend((beeld or {}).get("beeld_type")) or bool(
        state and (state["zorgmijdend"] or aanpak.is_zorgmijdend(state["type"])))
    return [veld for veld in plan_module.volgorde(zorgmijdend) if veld != "aanduiding"]


# --- Markdown --------------------------------------------------------------------------------------------
_MD_TEKENS = re.compile(r"([\\`*_<>\[\]|])")


def _md(tekst: str) -> str:
    """User text made safe for Markdown: no accidental emphasis, links, HTML or
    headings. Placeholders such as [NAAM] and [TELEFOON] stay readable."""
    veilig = re.sub(r"\\\[([A-Z-]+)\\\]", r"[\1]", _MD_TEKENS.sub(r"\\\1", tekst))
    return re.sub(r"^([#+-]|\d+\.)", r"\\\1", veilig)


def markdown(plan: Mapping[str, Any], beeld: Optional[Mapping[str, Any]] = None,
             vandaag: Optional[date] = None, aanpak_state: Optional[Mapping[str, Any]] = None) -> str:
    """The plan as a Markdown document: title, date, the no-names line, one
    section per field, the picture, the phase overview, and the sources."""
    t = _t()
    koppen = t["koppen"]
    aanduiding = _aanduiding(plan)
    velden = _velden(plan)
    leeg = t["leeg"]
    delen: List[str] = [
        f"# {t['titel'].format(aanduiding=aanduiding)}",
        t["gemaakt"].format(datum=datum_tekst(vandaag or date.today())),
        t["privacy"],
    ]

    def sectie(kop: str, inhoud: str) -> None:
        delen.append(f"## {_hoofdletter(kop.format(aanduiding=aanduiding))}\n\n{inhoud}")

    stappen = _stappen(plan)
    inhoud = {
        "doel": f"> {_md(velden['doel'])}" if velden["doel"] else leeg,
        "stappen": "\n".join(f"{nummer}. " + t["stap"].format(**{k: _md(v) for k, v in stap.items()})
                             for nummer, stap in enumerate(stappen, start=1)) if stappen else leeg,
        "vervolgdatum": t["vervolgdatum"].format(datum=velden["vervolgdatum"]) if velden["vervolgdatum"] else leeg,
    }
    for veld in _volgorde(beeld, aanpak_state):
        sectie(koppen[veld], inhoud.get(veld) or (_md(tekst) if (tekst := velden[veld]) else leeg))
    beeld_tekst = beeld_regels(beeld)
    sectie(koppen["beeld"], "\n".join(f"- {r}" for r in beeld_tekst) if beeld_tekst else t["beeld"]["geen"])
    fasen = _fase_regels(aanpak_state)
    if fasen:
        sectie(koppen["fase"], "\n".join(f"- {r}" for r in fasen))
    sectie(koppen["bronnen"], "\n".join(f"- {b}" for b in _bronnen(beeld, met_fasen=True)))
    return "\n\n".join(delen) + "\n"


# --- the chat ------------------------------------------------------------------------------------------------
def samenvatting(plan: Mapping[str, Any], beeld: Optional[Mapping[str, Any]] = None,
                 vandaag: Optional[date] = None) -> str:
    """A short readable summary for the chat."""
    t = _t()
    c = t["chat"]
    velden = _velden(plan)
    leeg = t["leeg"]
    regels = [c["kop"].format(aanduiding=_aanduiding(plan), datum=datum_tekst(vandaag or date.today()))]
    regels.append(f"- {c['doel']}: " + (f"'{velden['doel']}'" if velden["doel"] else leeg))
    for veld in ("drijfveren", "zelf", "netwerk"):
        regels.append(f"- {c[veld]}: {velden[veld] or leeg}")
    stappen = _stappen(plan)
    regels.append(f"- {c['stappen']}:" + ("" if stappen else f" {leeg}"))
    regels += [f"  - {c['stap'].format(**stap)}" for stap in stappen]
    regels.append(f"- {c['vervolgdatum']}: {velden['vervolgdatum'] or leeg}")
    regels.append(f"- {c['vangnet']}: {velden['vangnet'] or leeg}")
    type_naam = _type_naam(beeld or {})
    if type_naam:
        beeld_regel = c["beeld"].format(type=type_naam)
        trede = _trede(beeld or {})
        if trede:
            beeld_regel += ", " + c["trede"].format(**trede)
        regels.append(beeld_regel + ".")
    regels += [c["privacy"], c["document"]]
    return "\n".join(regels)


def logregel(plan: Mapping[str, Any]) -> str:
    """What the case log keeps of a plan: how many steps and the follow-up
    date. Never the goal or the people: they are the person's own words."""
    aantallen = teksten()["aantallen"]
    aantal = len(_stappen(plan))
    datum = _velden(plan)["vervolgdatum"] or teksten()["nog_onbekend"]
    return _t()["logregel"].format(stappen=aantallen[aantal] if aantal < len(aantallen) else aantal, datum=datum)


def bestandsnaam(vandaag: Optional[date] = None) -> str:
    """'actieplan-2026-11-23.md': a date, never a name."""
    return document.bestandsnaam(SOORT, vandaag=vandaag)


def export_payload(plan: Mapping[str, Any], beeld: Optional[Mapping[str, Any]] = None,
                   vandaag: Optional[date] = None, aanpak_state: Optional[Mapping[str, Any]] = None) -> dict:
    """The custom payload every channel reads (gedeeld/document.py)."""
    return document.payload(SOORT, bestandsnaam(vandaag), markdown(plan, beeld, vandaag, aanpak_state))


__all__ = ["markdown", "samenvatting", "beeld_regels", "logregel", "bestandsnaam", "export_payload"]
