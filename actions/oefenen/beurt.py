"""The practice session, turn by turn: a persona answers the trainee in
character. The feedback at the end is in feedback.py.

Plain Python without Rasa. The whole session is a plain, JSON-serialisable
dict (`state`) that fits in one Rasa slot; every function takes it and returns
a new one (the input is never changed). The rules of the game live in
data/oefenen/spel.yml, every sentence in the persona files and
data/oefenen/feedback.yml.

    state, tekst = start("annie_verhoeven", "huisbezoek", seed=7)
    state, antwoord = beurt(state, "Hoe gaat het met u?")
    state, antwoord = beurt(state, "...", intent=("zet_open_vraag", 0.93))

Trust (0-10) moves with the moves of each turn (actions/oefenen/zetten.py),
each kind of move once per turn: up with open questions, reflections and
summaries, questions about feelings, the network and above all the drive,
affirmation and giving room; down with minimising, advice or a step before
trust is at `advies_vanaf`/`stap_vanaf`, pushing (a pushing line, or advice
or a step right after the persona declined one), and from the third closed
question in a row. Patience pays: after `geduld_na` turns in a row without a
poor move every further turn adds `geduld`. A turn moves trust by at most
`per_beurt`.

The answer: the persona's line for the move at its new trust level (laag,
midden, hoog), followed by what the persona tells. First the open facts,
the one that fits the question best. Once two are told, a hidden fact comes
when trust has passed its threshold and the move invites it (`onthullen_na`):
the one on the question's topic first, at most one every other turn. Asked
about what drives them, the persona tells a drive. Close below a threshold it
drops a hint. Lines are picked with a random generator seeded by (seed,
turn, kind), so a session is repeatable; a line is not used again until
every other line of its kind and level has been used, and an answer never
repeats the one before.

Public: start, beurt, and for the Rasa side inleiding and opening.
"""
from __future__ import annotations

import copy
import random
import re
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from actions.algemeen.yamlbestand import lees_mapping
from actions.kennis.kennisbank import kennisbank
from actions.oefenen import OEFENEN_DIR
from actions.oefenen.personas import INSTELLINGEN, Feit, Persona, personas
from actions.oefenen.zetten import (
    ONDERWERPZETTEN,
    VRAAGZETTEN,
    Zet,
    classificeer,
)

SPEL_BESTAND = OEFENEN_DIR / "spel.yml"
FEEDBACK_BESTAND = OEFENEN_DIR / "feedback.yml"
VERSIE = 1
REFLECTIES = ("eenvoudige_reflectie", "complexe_reflectie")
ONDERWERP_VAN = {"netwerk_verkennen": "netwerk", "gevoelens_verkennen": "gevoelens",
                 "drijfveren_verkennen": "drijfveren"}
REACTIE_VAN = {"open_vraag": "open_vraag", "netwerk_verkennen": "netwerk", "gevoelens_verkennen": "gevoelens",
               "drijfveren_verkennen": "drijfveren", "eenvoudige_reflectie": "reflectie",
               "complexe_reflectie": "reflectie", "bevestiging": "bevestiging", "ruimte_geven": "ruimte",
               "overig": "overig", "gesloten_vraag": "gesloten_vraag", "bagatelliseren": "bagatelliseren",
               "advies": "advies", "volgende_stap": "stap"}
Intent = Tuple[Optional[str], float]  # (name, confidence) from NLU; a message may have no intent name


class OefenFout(ValueError):
    """An unknown persona or setting, or a state this version cannot read."""


@lru_cache(maxsize=1)
def spel() -> dict:
    return lees_mapping(SPEL_BESTAND)


@lru_cache(maxsize=1)
def teksten() -> dict:
    return lees_mapping(FEEDBACK_BESTAND)


def bronnen() -> Dict[str, dict]:
    """The sources the tips may name: the knowledge base's, one source of truth."""
    return kennisbank().bronnen


# --- small helpers -----------------------------------------------------------------
def persona_van(state: dict) -> Persona:
    if state.get("versie") != VERSIE:
        raise OefenFout(f"Onbekende versie van de oefensessie: {state.get('versie')!r}")
    try:
        return personas()[state["persona"]]
    except KeyError:
        raise OefenFout(f"Onbekende persona '{state.get('persona')}'") from None


def _gewicht(persona: Persona, naam: str) -> float:
    return float(persona.gewichten.get(naam, spel()["gewichten"][naam]))


def niveau(vertrouwen: float) -> str:
    grenzen = spel()["niveaus"]
    if vertrouwen >= grenzen["hoog"]:
        return "hoog"
    return "midden" if vertrouwen >= grenzen["midden"] else "laag"


def _begrens(waarde: float, laag: float, hoog: float) -> float:
    return max(laag, min(hoog, waarde))


def _rond(waarde: float) -> float:
    return round(waarde + 0.0, 2)


def _uniek(items: Iterable[str]) -> List[str]:
    return list(dict.fromkeys(items))


def _kies(state: dict, persona: Persona, soort: str, niveau_naam: str) -> str:
    """A line of this kind and level: not used before in this session while
    others are left, never the last one picked of this kind, repeatable by seed."""
    regels_ = persona.reacties[soort][niveau_naam]
    sleutels = [f"{soort}.{niveau_naam}.{i}" for i in range(len(regels_))]
    gebruikt = state["gebruikt"]
    vrij = [s for s in sleutels if s not in gebruikt]
    if not vrij:
        laatste = next((s for s in reversed(gebruikt) if s in sleutels), None)
        state["gebruikt"] = gebruikt = [s for s in gebruikt if s not in sleutels]
        vrij = [s for s in sleutels if s != laatste] or sleutels
    rng = random.Random(f"{state['seed']}:{state['beurt']}:{soort}:{niveau_naam}")
    sleutel = rng.choice(vrij)
    gebruikt.append(sleutel)
    return regels_[sleutels.index(sleutel)]


# --- start -----------------------------------------------------------------------------
def start(persona_id: Optional[str] = None, instelling: str = "huisbezoek",
          seed: Optional[int] = None) -> Tuple[dict, str]:
    """A new session. persona_id None: a persona picked with the seed; seed None: a fresh one.
    Returns the state and the text to show: the scene, then the persona's opening line."""
    alle = personas()
    if seed is None:
        seed = random.SystemRandom().randrange(1, 2 ** 31)
    if persona_id is None:
        persona_id = random.Random(f"{seed}:persona").choice(sorted(alle))
    if persona_id not in alle:
        raise OefenFout(f"Onbekende persona '{persona_id}'. Kies uit: {', '.join(sorted(alle))}")
    if instelling not in INSTELLINGEN:
        raise OefenFout(f"Onbekende instelling '{instelling}'. Kies uit: {', '.join(INSTELLINGEN)}")
    persona = alle[persona_id]
    grenzen = spel()["vertrouwen"]
    vertrouwen = _rond(_begrens(persona.start_vertrouwen + persona.instellingen[instelling].vertrouwen,
                                grenzen["min"], grenzen["max"]))
    state = {
        "versie": VERSIE, "persona": persona_id, "instelling": instelling, "seed": int(seed), "beurt": 0,
        "vertrouwen": vertrouwen, "start_vertrouwen": vertrouwen, "hoogste_vertrouwen": vertrouwen,
        "verteld": [], "onthuld": [], "drijfveren": [], "hints": [], "gebruikt": [],
        "gesloten_op_rij": 0, "zonder_fout": 0, "geweigerd": False, "stap_aanvaard": False,
        "laatste_antwoord": persona.instellingen[instelling].opening, "geschiedenis": [],
    }
    return state, f"{inleiding(state)}\n\n{opening(state)}"


def inleiding(state: dict) -> str:
    """Out of character: who, where, and how to stop."""
    persona = persona_van(state)
    t = teksten()["start"]
    velden = velden_van(persona, state)
    return "\n".join([t["kop"].format(**velden), persona.instellingen[state["instelling"]].beschrijving,
                      t["uitleg"].format(**velden)])


def opening(state: dict) -> str:
    """The persona's first line, in character."""
    return persona_van(state).instellingen[state["instelling"]].opening


def velden_van(persona: Persona, state: dict) -> dict:
    return {"naam": persona.naam, "roepnaam": persona.roepnaam, "leeftijd": persona.leeftijd,
            "aanspreken": persona.aanspreken, "instelling": teksten()["instellingen"][state["instelling"]]}


# --- one turn ----------------------------------------------------------------------------
def beurt(state: dict, tekst: str, intent: Optional[Intent] = None) -> Tuple[dict, str]:
    """The trainee says `tekst`; returns the new state and the persona's answer.
    `intent`: an optional (intent name, confidence) from the NLU model."""
    persona = persona_van(state)
    state = copy.deepcopy(state)
    state["beurt"] += 1
    s = spel()
    zet = classificeer(tekst or "", intent)
    soorten = _uniek(zet.soorten())
    voor = float(state["vertrouwen"])

    te_vroeg_advies = "advies" in soorten and voor < s["advies_vanaf"]
    stap = "volgende_stap" in soorten
    stap_te_vroeg = stap and voor < s["stap_vanaf"]
    aandringen = zet.aandringen or (state["geweigerd"] and ("advies" in soorten or stap))
    gesloten = _gesloten_beurt(zet)
    state["gesloten_op_rij"] = state["gesloten_op_rij"] + 1 if gesloten else 0
    vragenvuur = gesloten and state["gesloten_op_rij"] >= s["vragenvuur_na"]

    delta = 0.0
    for soort in soorten:
        if soort == "advies":
            delta += _gewicht(persona, "advies_te_vroeg" if te_vroeg_advies else "advies_op_tijd")
        elif soort == "volgende_stap":
            delta += _gewicht(persona, "stap_te_vroeg" if stap_te_vroeg else "stap_op_tijd")
        else:
            gewicht = _gewicht(persona, soort)
            if soort in ONDERWERPZETTEN and _vorm_van(zet, soort) == "gesloten" and gewicht > 0:
                gewicht *= s["gesloten_korting"]
            delta += gewicht
    if aandringen:
        delta += _gewicht(persona, "aandringen")
    if vragenvuur:
        delta += _gewicht(persona, "vragenvuur")
    fout = "bagatelliseren" in soorten or te_vroeg_advies or stap_te_vroeg or aandringen or vragenvuur
    state["zonder_fout"] = 0 if fout else state["zonder_fout"] + 1
    if state["zonder_fout"] > s["geduld_na"]:
        delta += _gewicht(persona, "geduld")
    if delta > 0:
        delta *= persona.groei
    delta = _begrens(delta, s["per_beurt"]["omlaag"], s["per_beurt"]["omhoog"])
    grenzen = s["vertrouwen"]
    na = _rond(_begrens(voor + delta, grenzen["min"], grenzen["max"]))
    state["vertrouwen"] = na
    state["hoogste_vertrouwen"] = max(state["hoogste_vertrouwen"], na)
    if te_vroeg_advies or stap_te_vroeg:
        state["geweigerd"] = True
    elif not fout and any(so not in ("overig", "gesloten_vraag") for so in soorten):
        state["geweigerd"] = False

    stap_aanvaard = stap and not stap_te_vroeg and not aandringen
    if stap_aanvaard:
        state["stap_aanvaard"] = True
    situatie = {"zet": zet, "soorten": soorten, "aandringen": aandringen, "vragenvuur": vragenvuur,
                "te_vroeg_advies": te_vroeg_advies, "stap_te_vroeg": stap_te_vroeg, "stap_aanvaard": stap_aanvaard}
    antwoord, gevolg = _antwoord(state, persona, situatie)
    state["laatste_antwoord"] = antwoord
    state["geschiedenis"].append({
        "beurt": state["beurt"], "tekst": tekst or "", "soort": zet.soort, "vorm": zet.vorm,
        "zetten": [[d.soort, d.vorm] for d in zet.delen], "bron": zet.bron, "aandringen": aandringen,
        "advies_te_vroeg": te_vroeg_advies, "stap_te_vroeg": stap_te_vroeg, "stap_aanvaard": stap_aanvaard,
        "vragenvuur": vragenvuur, "vertrouwen_voor": _rond(voor), "vertrouwen": na,
        "verandering": _rond(na - voor), "antwoord": antwoord, **gevolg,
    })
    return state, antwoord


def _gesloten_beurt(zet: Zet) -> bool:
    """A turn that asks only closed questions (no open question, no reflection)."""
    vragen = [d for d in zet.delen if d.vorm and d.soort in VRAAGZETTEN]
    if not vragen or zet.soort not in VRAAGZETTEN:
        return False
    if any(d.soort in REFLECTIES for d in zet.delen):
        return False
    return all(d.vorm == "gesloten" for d in vragen)


def _vorm_van(zet: Zet, soort: str) -> Optional[str]:
    if zet.soort == soort and zet.bron == "nlu":
        return zet.vorm
    return next((d.vorm for d in zet.delen if d.soort == soort), zet.vorm if zet.soort == soort else None)


def _antwoord(state: dict, persona: Persona, sit: dict) -> Tuple[str, dict]:
    """The persona's answer, and what it told (for the history and the feedback)."""
    zet: Zet = sit["zet"]
    hoofd = zet.soort
    nu = niveau(state["vertrouwen"])
    gevolg = {"onthuld": None, "verteld": None, "drijfveer": None, "hint": None}
    delen: List[str] = []

    if hoofd == "bagatelliseren":
        delen.append(_kies(state, persona, "bagatelliseren", nu))
    elif hoofd in ("advies", "volgende_stap") and sit["aandringen"]:
        delen.append(_kies(state, persona, "aandringen", nu))
    elif hoofd == "advies":
        delen.append(_kies(state, persona, "advies", _hooguit_midden(nu) if sit["te_vroeg_advies"] else nu))
    elif hoofd == "volgende_stap":
        delen.append(_kies(state, persona, "stap", "hoog" if sit["stap_aanvaard"] else _hooguit_midden(nu)))
    elif sit["vragenvuur"]:
        delen.append(_kies(state, persona, "vragenvuur", nu))
    elif hoofd == "gesloten_vraag":
        delen.append(_kies(state, persona, "gesloten_vraag", nu))
    elif hoofd == "overig":
        delen.append(_kies(state, persona, "overig", nu))
    else:
        delen += _vertel(state, persona, hoofd, sit["soorten"], nu, gevolg, zet.tekst)

    goed = not (sit["aandringen"] or sit["vragenvuur"] or hoofd in ("bagatelliseren", "advies")
                or sit["stap_te_vroeg"])
    if goed and not gevolg["onthuld"] and not gevolg["drijfveer"]:
        hint = _hint(state, persona)
        if hint:
            delen.append(hint.hint)
            state["hints"].append(hint.id)
            gevolg["hint"] = hint.id
    antwoord = " ".join(d for d in delen if d) or teksten()["leeg_antwoord"]
    if antwoord == state["laatste_antwoord"]:
        antwoord = _kies(state, persona, "niets_nieuws", nu)
    return antwoord, gevolg


def _hooguit_midden(niveau_naam: str) -> str:
    return "midden" if niveau_naam == "hoog" else niveau_naam


def _vertel(state: dict, persona: Persona, hoofd: str, soorten: Sequence[str], nu: str, gevolg: dict,
            vraag: str) -> List[str]:
    """Answer to a move that invites telling: a hidden fact, a drive, an open fact, or a line alone."""
    reactie = REACTIE_VAN[hoofd]
    if any(s in spel()["onthullen_na"] for s in soorten) and _verhaal_verteld(state) and not _net_onthuld(state):
        feit = _te_onthullen(state, persona, ONDERWERP_VAN.get(hoofd))
        drijfveer_over = any(d.id not in state["drijfveren"] for d in persona.drijfveren)
        if feit and hoofd == "drijfveren_verkennen" and feit.onderwerp != "drijfveren" and drijfveer_over:
            feit = None  # asked about what drives them: they tell that first
        if feit:
            state["onthuld"].append(feit.id)
            gevolg["onthuld"] = feit.id
            return [_kies(state, persona, "onthulling", nu), feit.tekst]
    if hoofd == "drijfveren_verkennen":
        drijfveer = _best_passend([d for d in persona.drijfveren if d.id not in state["drijfveren"]], vraag)
        if drijfveer:
            state["drijfveren"].append(drijfveer.id)
            gevolg["drijfveer"] = drijfveer.id
            return [_kies(state, persona, "drijfveren", nu), drijfveer.tekst]
        return [_kies(state, persona, "niets_nieuws", nu)]
    if hoofd in ("bevestiging", "ruimte_geven"):
        return [_kies(state, persona, reactie, nu)]
    onderwerp = {"open_vraag": "algemeen", "eenvoudige_reflectie": "gevoelens",
                 "complexe_reflectie": "gevoelens"}.get(hoofd, ONDERWERP_VAN.get(hoofd))
    feit = _open_feit(state, persona, onderwerp, vraag=vraag)
    if feit:
        state["verteld"].append(feit.id)
        gevolg["verteld"] = feit.id
        return [_kies(state, persona, reactie, nu), feit.tekst]
    if hoofd in REFLECTIES:
        return [_kies(state, persona, "reflectie", nu)]
    return [_kies(state, persona, "niets_nieuws", nu)]


_INHOUDSWOORD = re.compile(r"[a-zà-ÿ]{4,}")
STOPWOORDEN = frozenset("""wat waar wanneer waarom welke hoe wie heeft hebt bent zijn was waren gaat doet
    komt voelt vindt zoal eigenlijk nog eens wel niet even graag vroeger daar hier deze dit dat die
    voor over met van naar zich jouw uw zou zoudt kunt kun wilt wil heel erg veel maar toch ook""".split())


def _woorden_van(tekst: str) -> set:
    return {w for w in _INHOUDSWOORD.findall(tekst.lower()) if w not in STOPWOORDEN}


def _best_passend(kandidaten: Sequence, vraag: str):
    """The candidate (fact or drive) sharing most words with the question; the first on a tie."""
    if not kandidaten:
        return None
    woorden = _woorden_van(vraag)
    scores = [len(woorden & _woorden_van(k.tekst)) for k in kandidaten]
    return kandidaten[scores.index(max(scores))]


def _open_feit(state: dict, persona: Persona, onderwerp: Optional[str], vraag: str):
    """The untold open fact that fits the question best: on its topic first, else any."""
    over = [f for f in persona.open_feiten if f.id not in state["verteld"]]
    passend = [f for f in over if f.onderwerp == onderwerp]
    return _best_passend(passend or over, vraag)


def _drempel(feit: Feit) -> float:
    """A hidden fact's threshold of trust (personas.py requires one on every hidden fact)."""
    assert feit.drempel is not None
    return feit.drempel


def _te_onthullen(state: dict, persona: Persona, onderwerp: Optional[str]):
    """A hidden fact whose threshold trust has passed: the topic's first, else the lowest threshold."""
    klaar = sorted((f for f in persona.verborgen_feiten
                    if f.id not in state["onthuld"] and f.drempel <= state["vertrouwen"]),
                   key=_drempel)
    passend = [f for f in klaar if f.onderwerp == onderwerp]
    return next(iter(passend or klaar), None)


def _net_onthuld(state: dict) -> bool:
    """A persona tells at most one hidden fact per two turns: after one, it takes a breath."""
    return bool(state["geschiedenis"]) and bool(state["geschiedenis"][-1]["onthuld"])


def _verhaal_verteld(state: dict) -> bool:
    """Hidden facts (and hints) come only after the first open facts."""
    return len(state["verteld"]) >= spel()["open_feiten_eerst"]


def _hint(state: dict, persona: Persona):
    if not _verhaal_verteld(state):
        return None
    marge = spel()["hint_marge"]
    for feit in sorted(persona.verborgen_feiten, key=_drempel):
        if feit.id in state["onthuld"] or feit.id in state["hints"] or not feit.hint:
            continue
        if feit.drempel - marge <= state["vertrouwen"] < feit.drempel:
            return feit
    return None
