"""The guided walk through the five phases of the approach.

Plain Python without Rasa. The walk's state is a small JSON-serialisable dict
that a Rasa slot (type any) keeps, so the tracker store keeps it across days
and server restarts:

    {"fase": "erkenning",          # the current phase id (FASE_VOLGORDE)
     "gedaan": ["inzicht"],        # phases done, in phase order
     "type": "situationeel",       # type from the first picture, or None
     "zorgmijdend": False,         # the person keeps help off
     "afgerond": False,            # True after 'volgende' on the last phase
     "melding": None,              # a one-off note from the last move, or None
     "eerder": None}               # the walk for the person before 'nieuwe persoon', or None

`start`, `volgende`, `vorige`, `naar` and `met_type` return a new state and
never change the one passed in; `fase_tekst` renders the current phase for
the chat (with the note of the last move first). The phase content comes from
fasen.yml through the knowledge base; the walk's own texts and the word
patterns that read "where do you stand with this person" from aanpak.yml.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Dict, List, Mapping, Optional, Pattern, Tuple

from actions.algemeen.tekst import normaal, opsomming
from actions.algemeen.yamlbestand import lees_mapping
from actions.kennis.kennisbank import FASE_VOLGORDE, kennisbank
from gedeeld import settings

BESTAND = settings.KENNIS_DIR / "aanpak.yml"
ZORGMIJDEND = "zorgmijdend"

Staat = Dict[str, Any]


# --- data ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def teksten() -> dict:
    """aanpak.yml with its patterns compiled; loaded once."""
    data = lees_mapping(BESTAND)
    regels: List[Tuple[str, Tuple[Pattern[str], ...]]] = []
    for regel in data["herkenning"]:
        if regel["fase"] not in FASE_VOLGORDE:
            raise ValueError(f"aanpak.yml: onbekende fase '{regel['fase']}' in herkenning")
        regels.append((regel["fase"], tuple(re.compile(p) for p in regel["patronen"])))
    data["herkenning"] = regels
    return data


def _fase(fase_id: str) -> dict:
    return kennisbank().fasen[fase_id]


def _telwoord(nummer: int) -> str:
    return teksten()["telwoorden"][nummer - 1]


def _kleine_letter(tekst: str) -> str:
    return tekst[0].lower() + tekst[1:] if tekst else tekst


# --- the state ----------------------------------------------------------------------------
def _controleer_fase(fase: str) -> str:
    if fase not in FASE_VOLGORDE:
        raise ValueError(f"onbekende fase {fase!r}; kies uit {', '.join(FASE_VOLGORDE)}")
    return fase


def _controleer_type(type_id: Optional[str]) -> Optional[str]:
    if type_id is not None and f"type_{type_id}" not in kennisbank().onderwerpen:
        raise ValueError(f"onbekend type {type_id!r}")
    return type_id


def _op_volgorde(fasen: Any) -> List[str]:
    return [f for f in FASE_VOLGORDE if f in set(fasen or ())]


def start(fase: Optional[str] = None, type_id: Optional[str] = None, zorgmijdend: bool = False,
          eerdere_gedaan: bool = False) -> Staat:
    """A new walk at `fase` (default: the first). A phase is done only when
    the worker went through it, or said so: `eerdere_gedaan` when the worker
    answered "waar sta je?" with this phase (then the phases before count as
    done); a jump on request ("ik wil een plan maken") marks nothing done."""
    fase = _controleer_fase(fase or FASE_VOLGORDE[0])
    gedaan = list(FASE_VOLGORDE[:FASE_VOLGORDE.index(fase)]) if eerdere_gedaan else []
    return {"fase": fase, "gedaan": gedaan, "type": _controleer_type(type_id), "zorgmijdend": bool(zorgmijdend),
            "afgerond": False, "melding": None, "eerder": None}


def geldig(state: Optional[Mapping[str, Any]]) -> Staat:
    """A clean copy of a state read from a slot; None or a broken value starts anew."""
    if not isinstance(state, Mapping) or state.get("fase") not in FASE_VOLGORDE:
        return start()
    type_id = state.get("type")
    eerder = state.get("eerder")
    return {"fase": state["fase"], "gedaan": _op_volgorde(state.get("gedaan")),
            "type": type_id if type_id and f"type_{type_id}" in kennisbank().onderwerpen else None,
            "zorgmijdend": bool(state.get("zorgmijdend")), "afgerond": bool(state.get("afgerond")),
            "melding": state.get("melding"),
            "eerder": zonder_eerder(eerder) if isinstance(eerder, Mapping) and eerder.get("fase") else None}


def zonder_eerder(state: Optional[Mapping[str, Any]]) -> Staat:
    """The walk without the one kept for the person before (a new session forgets that one)."""
    return {**geldig(state), "eerder": None}


def voor_nieuwe_persoon(state: Optional[Mapping[str, Any]]) -> Staat:
    """A fresh walk for a new person; the walk so far is kept in `eerder`."""
    return {**start(), "eerder": zonder_eerder(state) if state else None}


def _nieuw(state: Optional[Mapping[str, Any]], **wijzigingen: Any) -> Staat:
    nieuw = geldig(state)
    nieuw["melding"] = None
    nieuw.update(wijzigingen)
    return nieuw


def volgende(state: Optional[Mapping[str, Any]]) -> Staat:
    """The current phase is done; move to the next. On the last phase the walk
    is complete (`afgerond`) and stays there."""
    huidig = geldig(state)
    gedaan = _op_volgorde([*huidig["gedaan"], huidig["fase"]])
    index = FASE_VOLGORDE.index(huidig["fase"])
    if index == len(FASE_VOLGORDE) - 1:
        return _nieuw(huidig, gedaan=gedaan, afgerond=True, melding=teksten()["meldingen"]["afgerond"])
    return _nieuw(huidig, fase=FASE_VOLGORDE[index + 1], gedaan=gedaan, afgerond=False)


def vorige(state: Optional[Mapping[str, Any]]) -> Staat:
    """One phase back; on the first phase the state stays, with a note."""
    huidig = geldig(state)
    index = FASE_VOLGORDE.index(huidig["fase"])
    if index == 0:
        return _nieuw(huidig, melding=teksten()["meldingen"]["al_eerste"])
    return _nieuw(huidig, fase=FASE_VOLGORDE[index - 1], afgerond=False)


def naar(state: Optional[Mapping[str, Any]], fase: str) -> Staat:
    """Jump to `fase`. Jumping over phases that are not done gives a gentle note."""
    huidig = geldig(state)
    fase = _controleer_fase(fase)
    meldingen = teksten()["meldingen"]
    if fase == huidig["fase"]:
        return _nieuw(huidig, afgerond=False, melding=meldingen["zelfde"])
    van, tot = FASE_VOLGORDE.index(huidig["fase"]), FASE_VOLGORDE.index(fase)
    overgeslagen = [f for f in FASE_VOLGORDE[van + 1:tot] if f not in huidig["gedaan"]]
    melding = None
    if overgeslagen:
        namen = [_kleine_letter(_fase(f)["naam"]) for f in overgeslagen]
        melding = meldingen["overgeslagen"].format(fasen=opsomming(namen))
    return _nieuw(huidig, fase=fase, afgerond=False, melding=melding)


def met_type(state: Optional[Mapping[str, Any]], type_id: Optional[str],
             zorgmijdend: Optional[bool] = None) -> Staat:
    """The same walk, adapted to a type found later (a picture made in between)."""
    huidig = geldig(state)
    wijzigingen: Dict[str, Any] = {"type": _controleer_type(type_id)}
    if zorgmijdend is not None:
        wijzigingen["zorgmijdend"] = bool(zorgmijdend)
    huidig.update(wijzigingen)
    return huidig


def is_zorgmijdend(type_id: Optional[str], houding_hulp: Optional[str] = None) -> bool:
    """Whether the care-avoiding adaptation applies: the type says so, or the
    attitude to help from signalering (slot sig_houding_hulp) is twijfelt/weigert."""
    ook = kennisbank().fase_aanpassingen.get(ZORGMIJDEND, {}).get("ook_bij_types") or []
    return type_id in ook or houding_hulp in ("twijfelt", "weigert")


# --- rendering ---------------------------------------------------------------------------
def _aanpassingen(state: Staat) -> List[Tuple[str, dict]]:
    """The adaptations that apply: the type's own, then the care-avoiding one."""
    alle = kennisbank().fase_aanpassingen
    gevonden: List[Tuple[str, dict]] = []
    if state["type"] and state["type"] in alle:
        gevonden.append((state["type"], alle[state["type"]]))
    if ZORGMIJDEND in alle and (state["zorgmijdend"] or is_zorgmijdend(state["type"])):
        gevonden.append((ZORGMIJDEND, alle[ZORGMIJDEND]))
    return gevonden


def _bronnen(sleutels: List[str]) -> str:
    return "; ".join(kennisbank().bron_kort(b) for b in dict.fromkeys(sleutels))


def _lijst(kop: str, regels: List[str]) -> List[str]:
    return [kop, *(f"- {r}" for r in regels)]


def _werkstap(fase_id: str) -> str:
    for stap in kennisbank().werkstappen:
        if fase_id in stap["fasen"]:
            return _kleine_letter(stap["naam"])
    return _kleine_letter(_fase(fase_id)["stap_werker"])


def fase_tekst(state: Optional[Mapping[str, Any]], met_verder: bool = True) -> str:
    """The current phase for the chat: purpose, what you do, the adaptation to
    the type, example questions, pitfalls, signs of being ready, sources.
    A completed walk shows the note and the overview only. Without
    `met_verder` the closing line (how to go on) is left out, for when the
    plan's questions follow at once."""
    state = geldig(state)
    t = teksten()["fase"]
    fase = _fase(state["fase"])
    nummer = FASE_VOLGORDE.index(state["fase"]) + 1
    regels: List[str] = [state["melding"]] if state["melding"] else []
    if state["afgerond"]:
        return "\n".join([*regels, overzicht_tekst(state)])
    regels += [
        t["kop"].format(nummer=_telwoord(nummer), totaal=_telwoord(len(FASE_VOLGORDE)), naam=fase["naam"]),
        t["stap"].format(stap=_werkstap(state["fase"])),
        t["doel"].format(tekst=fase["doel"]),
        t["wat_doe_je"].format(tekst=fase["wat_doe_je"]),
    ]
    valkuilen, klaar = list(fase["valkuilen"]), list(fase["klaar_voor_volgende"])
    bronnen = _fase_bronnen()
    for sleutel, aanpassing in _aanpassingen(state):
        if sleutel == ZORGMIJDEND:
            regels.append(t["zorgmijdend"].format(kern=aanpassing["kern"]))
        else:
            type_onderwerp = kennisbank().onderwerp(f"type_{sleutel}")
            assert type_onderwerp is not None  # every type has its topic in onderwerpen.yml
            type_naam = _kleine_letter(type_onderwerp.titel)
            regels.append(t["type"].format(type=type_naam, kern=aanpassing["kern"]))
        extra = (aanpassing.get("fasen") or {}).get(state["fase"]) or {}
        if extra.get("tip"):
            regels.append(t["tip"].format(tip=extra["tip"]))
        valkuilen += extra.get("valkuilen") or []
        klaar += extra.get("klaar_voor_volgende") or []
        bronnen += aanpassing["bronnen"]
    regels += _lijst(t["vragen_kop"], fase["voorbeeldvragen"])
    regels += _lijst(t["valkuilen_kop"], valkuilen)
    laatste = nummer == len(FASE_VOLGORDE)
    if not laatste:
        regels += _lijst(t["klaar_kop"], klaar)
    regels += [t["bronnen"].format(bronnen=_bronnen(bronnen)), t["voorbehoud"]]
    if met_verder:
        regels.append(t["verder_laatste"] if laatste else t["verder"])
    return "\n".join(regels)


def _fase_bronnen() -> List[str]:
    """The sources of the phase content (fasen.yml `bronnen`, kept on each phase topic)."""
    onderwerp = kennisbank().onderwerp(f"fase_{FASE_VOLGORDE[0]}")
    assert onderwerp is not None  # every phase is a topic
    return list(onderwerp.bronnen)


def fase_statussen(state: Optional[Mapping[str, Any]]) -> List[Tuple[str, str]]:
    """Each phase's name with its status: 'nu', 'gedaan' or 'open'."""
    state = geldig(state)
    statussen = []
    for fase_id in FASE_VOLGORDE:
        if fase_id == state["fase"] and not state["afgerond"]:
            status = "nu"
        else:
            status = "gedaan" if fase_id in state["gedaan"] else "open"
        statussen.append((_fase(fase_id)["naam"], status))
    return statussen


def overzicht_tekst(state: Optional[Mapping[str, Any]]) -> str:
    """Every phase with 'gedaan', 'hier ben je nu' or 'nog niet'."""
    t = teksten()["overzicht"]
    return "\n".join([t["kop"], *(f"- {naam}: {t[status]}" for naam, status in fase_statussen(state))])


def fase_naam(fase_id: str) -> str:
    """The phase's name as it reads inside a sentence ('eigen verhaal')."""
    return _kleine_letter(_fase(_controleer_fase(fase_id))["naam"])


def hervat_tekst(state: Optional[Mapping[str, Any]], met_verder: bool = True) -> str:
    """Coming back to a walk later: where you were, the overview, and the phase."""
    state = geldig(state)
    state["melding"] = None
    kop = teksten()["hervat"].format(naam=fase_naam(state["fase"]))
    return "\n".join([kop, overzicht_tekst(state), fase_tekst(state, met_verder)])


# --- where do you stand? -------------------------------------------------------------------
def waar_sta_je_vraag() -> str:
    """The question that starts the walk."""
    return teksten()["waar_sta_je"]["vraag"]


def waar_sta_je_keuzes() -> List[Tuple[str, str]]:
    """(phase id, button label) per phase, in phase order."""
    keuzes = teksten()["waar_sta_je"]["keuzes"]
    return [(f, keuzes[f]) for f in FASE_VOLGORDE]


def niet_herkend_tekst() -> str:
    return teksten()["waar_sta_je"]["niet_herkend"]


_RANGTELWOORDEN = ("eerste", "tweede", "derde", "vierde", "vijfde")


def _genoemd_nummer(t: str) -> Optional[str]:
    """'fase drie', 'fase 3', 'de derde fase', 'de laatste fase'."""
    telwoorden = [w.replace("een", "(?:een|één)") for w in teksten()["telwoorden"]]
    for index, woord in enumerate(telwoorden):
        if re.search(rf"\b(?:fase|stap) (?:{woord}|{index + 1})\b", t) or \
                re.search(rf"\b{_RANGTELWOORDEN[index]} fase\b", t):
            return FASE_VOLGORDE[index]
    if re.search(r"\blaatste fase\b", t):
        return FASE_VOLGORDE[-1]
    return None


def _genoemde_naam(t: str) -> Optional[str]:
    """The phase named by its name ('erkenning', 'de motivatiefase', 'eigen verhaal');
    with several names the last one mentioned."""
    namen = {f: {normaal(_fase(f)["naam"]).lower(), f.replace("_", " ")} for f in FASE_VOLGORDE}
    namen["actieplan"].add("actieplan")
    posities: List[Tuple[int, str]] = []
    for fase_id, varianten in namen.items():
        for naam in varianten:
            for match in re.finditer(rf"\b{re.escape(naam)}(?:s?fase)?\b", t):
                posities.append((match.start(), fase_id))
    return max(posities)[1] if posities else None


def lees_fase(tekst: str) -> Optional[str]:
    """The phase a worker's answer to "where do you stand with this person?"
    points to, or None. A phase named by number or name wins; otherwise the
    first rule of aanpak.yml whose pattern matches. "Weet ik niet" starts at
    the beginning."""
    t = normaal(tekst).lower()
    if not t:
        return None
    genoemd = _genoemd_nummer(t) or _genoemde_naam(t)
    if genoemd:
        return genoemd
    for fase_id, patronen in teksten()["herkenning"]:
        if any(p.search(t) for p in patronen):
            return fase_id
    return None


def fase_in_verzoek(tekst: str) -> Optional[str]:
    """The phase a request to start ("ik wil een plan maken voor mijn buurman",
    "naar fase drie") names, or None. Stricter than `lees_fase`: only a phase
    named by number or name, or a plan; "ik wil beginnen" names no phase, so
    the worker is asked where they stand. A "plan van aanpak" is the whole
    approach, not phase five (aanpak.yml `hele_aanpak`)."""
    t = normaal(tekst or "").lower()
    for patroon in teksten()["hele_aanpak"]:
        t = re.sub(patroon, "aanpak", t)
    genoemd = _genoemd_nummer(t) or _genoemde_naam(t)
    if genoemd:
        return genoemd
    return FASE_VOLGORDE[-1] if t and lees_fase(t) == FASE_VOLGORDE[-1] else None


def lees_plan_antwoord(tekst: str) -> Optional[str]:
    """The answer to "wil de persoon zelf al iets veranderen?" (asked before a
    plan when no walk is under way): the plan for yes, motivation for no or
    not sure, None for anything else."""
    t = normaal(tekst).lower()
    for fase_id, patronen in teksten()["plan_vraag"]["antwoorden"].items():
        if any(re.search(p, t) for p in patronen):
            return _controleer_fase(fase_id)
    return None


__all__ = ["start", "zonder_eerder", "voor_nieuwe_persoon", "lees_plan_antwoord",
           "geldig", "volgende", "vorige", "naar", "met_type", "is_zorgmijdend", "fase_tekst",
           "overzicht_tekst", "hervat_tekst", "waar_sta_je_vraag", "waar_sta_je_keuzes", "niet_herkend_tekst",
           "lees_fase", "fase_in_verzoek", "fase_naam"]
