"""The practice session: a persona answers the trainee in character, and
gives feedback at the end.

Plain Python without Rasa. The whole session is a plain, JSON-serialisable
dict (`state`) that fits in one Rasa slot; every function takes it and returns
a new one (the input is never changed). The rules of the game live in
data/oefenen/spel.yml, every sentence in the persona files and
data/oefenen/feedback.yml.

    state, tekst = start("annie_verhoeven", "huisbezoek", seed=7)
    state, antwoord = beurt(state, "Hoe gaat het met u?")
    state, antwoord = beurt(state, "...", intent=("zet_open_vraag", 0.93))
    print(feedback(state))

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

Public: start, beurt, feedback, and for the Rasa side or trainers inleiding,
opening, tellingen, verhoudingen, fasen, tips, verslag_markdown.
"""
from __future__ import annotations

import copy
import random
import re
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import yaml

from actions.kennis.kennisbank import kennisbank
from actions.oefenen import OEFENEN_DIR
from actions.oefenen.personas import INSTELLINGEN, Persona, personas
from actions.oefenen.zetten import (
    ONDERWERPZETTEN,
    VRAAGZETTEN,
    Zet,
    classificeer,
    normaliseer,
    regels,
    zet_naam,
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
MAX_CITAAT = 160
ERNST = ("bagatelliseren", "advies_te_vroeg", "aandringen", "stap_te_vroeg", "vragenvuur")  # poor moves, worst first
Intent = Tuple[str, float]


class OefenFout(ValueError):
    """An unknown persona or setting, or a state this version cannot read."""


@lru_cache(maxsize=1)
def spel() -> dict:
    return yaml.safe_load(SPEL_BESTAND.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def teksten() -> dict:
    return yaml.safe_load(FEEDBACK_BESTAND.read_text(encoding="utf-8"))


def bronnen() -> Dict[str, dict]:
    """The sources the tips may name: the knowledge base's, one source of truth."""
    return kennisbank().bronnen


# --- small helpers -----------------------------------------------------------------
def _persona(state: dict) -> Persona:
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
    persona = _persona(state)
    t = teksten()["start"]
    velden = _velden(persona, state)
    return "\n".join([t["kop"].format(**velden), persona.instellingen[state["instelling"]].beschrijving,
                      t["uitleg"].format(**velden)])


def opening(state: dict) -> str:
    """The persona's first line, in character."""
    return _persona(state).instellingen[state["instelling"]].opening


def _velden(persona: Persona, state: dict) -> dict:
    return {"naam": persona.naam, "roepnaam": persona.roepnaam, "leeftijd": persona.leeftijd,
            "aanspreken": persona.aanspreken, "instelling": teksten()["instellingen"][state["instelling"]]}


# --- one turn ----------------------------------------------------------------------------
def beurt(state: dict, tekst: str, intent: Optional[Intent] = None) -> Tuple[dict, str]:
    """The trainee says `tekst`; returns the new state and the persona's answer.
    `intent`: an optional (intent name, confidence) from the NLU model."""
    persona = _persona(state)
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


def _te_onthullen(state: dict, persona: Persona, onderwerp: Optional[str]):
    """A hidden fact whose threshold trust has passed: the topic's first, else the lowest threshold."""
    klaar = sorted((f for f in persona.verborgen_feiten
                    if f.id not in state["onthuld"] and f.drempel <= state["vertrouwen"]),
                   key=lambda f: f.drempel)
    passend = [f for f in klaar if f.onderwerp == onderwerp]
    return (passend or klaar or [None])[0]


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
    for feit in sorted(persona.verborgen_feiten, key=lambda f: f.drempel):
        if feit.id in state["onthuld"] or feit.id in state["hints"] or not feit.hint:
            continue
        if feit.drempel - marge <= state["vertrouwen"] < feit.drempel:
            return feit
    return None


# --- feedback ------------------------------------------------------------------------------
def tellingen(state: dict) -> Dict[str, int]:
    """How often each move occurred, counted per sentence (overig left out when a
    line has other moves, as in Zet.soorten)."""
    telling: Dict[str, int] = {}
    for item in state["geschiedenis"]:
        for soort in _regel_soorten(item):
            telling[soort] = telling.get(soort, 0) + 1
    return telling


def _regel_soorten(item: dict) -> List[str]:
    soorten = [s for s, _ in item["zetten"]]
    if item.get("bron") == "nlu":
        return [item["soort"]]
    zonder = [s for s in soorten if s != "overig"]
    return zonder or soorten[:1]


def verhoudingen(state: dict) -> dict:
    """MITI-style ratios (indicative): questions by form, reflections, premature advice."""
    open_, gesloten, reflecties, complex_ = 0, 0, 0, 0
    for item in state["geschiedenis"]:
        if item.get("bron") == "nlu":
            delen = [[item["soort"], item["vorm"]]]
        else:
            delen = item["zetten"]
        for soort, vorm in delen:
            if soort in VRAAGZETTEN and vorm == "open":
                open_ += 1
            elif soort in VRAAGZETTEN and vorm == "gesloten":
                gesloten += 1
            if soort in REFLECTIES:
                reflecties += 1
                complex_ += soort == "complexe_reflectie"
    vragen = open_ + gesloten
    return {
        "open_vragen": open_, "gesloten_vragen": gesloten, "vragen": vragen, "reflecties": reflecties,
        "complexe_reflecties": complex_,
        "aandeel_open": open_ / vragen if vragen else None,
        "reflecties_per_vraag": reflecties / vragen if vragen else (None if not reflecties else float(reflecties)),
        "aandeel_complex": complex_ / reflecties if reflecties else None,
        "te_vroeg": sum(1 for i in state["geschiedenis"] if i["advies_te_vroeg"] or i["stap_te_vroeg"]),
    }


def fasen(state: dict) -> List[str]:
    """The phases of the approach the conversation reached, in order."""
    geschiedenis = state["geschiedenis"]
    bereikt = []
    if state["verteld"] or state["onthuld"]:
        bereikt.append("signaleren")
    voelen = any(s in ("gevoelens_verkennen", *REFLECTIES) for i in geschiedenis for s in _regel_soorten(i))
    if voelen and state["hoogste_vertrouwen"] >= spel()["niveaus"]["midden"]:
        bereikt.append("bespreekbaar_maken")
    if state["onthuld"]:
        bereikt.append("eigen_verhaal")
    if state["drijfveren"]:
        bereikt.append("motivatie")
    if state["stap_aanvaard"]:
        bereikt.append("plan")
    return bereikt


def _citaat(tekst: str) -> str:
    """The trainee's own line, shortened when long, ending in a punctuation mark."""
    tekst = " ".join(tekst.split())
    if len(tekst) > MAX_CITAAT:
        return tekst[:MAX_CITAAT - 1].rstrip() + "…"
    return tekst if tekst[-1:] in (".", "?", "!", "…") else tekst + "."


def _slechte_reden(item: dict) -> Optional[str]:
    """Why a turn was poor (the most serious reason, in the order of ERNST), or None."""
    if "bagatelliseren" in _regel_soorten(item):
        return "bagatelliseren"
    return next((sleutel for sleutel in ERNST[1:] if item[sleutel]), None)


def _goede_beurten(state: dict) -> List[dict]:
    kandidaten = [i for i in state["geschiedenis"] if i["verandering"] > 0 and not _slechte_reden(i)
                  and i["soort"] not in ("overig", "gesloten_vraag")]
    return sorted(kandidaten, key=lambda i: (-(bool(i["onthuld"]) or bool(i["drijfveer"])), -i["verandering"],
                                             i["beurt"]))[:2]


def _slechte_beurten(state: dict) -> List[dict]:
    """Up to three poor turns, each for a different reason, the most serious first."""
    gekozen = []
    for reden in ERNST:
        item = next((i for i in state["geschiedenis"] if _slechte_reden(i) == reden), None)
        if item:
            gekozen.append(item)
    return gekozen[:3]


def _herschrijf(tekst: str, soort: str, vorm_u: str) -> str:
    t = teksten()
    kern = normaliseer(tekst).strip(" ?.!")
    for item in t["herschrijvingen"]:
        patroon = item["patroon"].replace("{U}", "(?:u|je|jij)")
        if re.search(patroon, kern):
            return item[vorm_u]
    voorbeeld = t["per_onderwerp"].get(soort) or t["per_onderwerp"]["gesloten_vraag"]
    return voorbeeld[vorm_u]


def _tip_velden(state: dict, persona: Persona, v: dict) -> Dict[str, Optional[dict]]:
    """For each tip condition: None when it does not hold, else the values for its text."""
    g = state["geschiedenis"]
    geciteerd: set = set()

    def eerste(pred) -> Optional[dict]:
        """The first turn that fits and was not quoted by an earlier tip (quoted now)."""
        item = next((i for i in g if pred(i) and i["beurt"] not in geciteerd), None)
        if item:
            geciteerd.add(item["beurt"])
        return item

    velden: Dict[str, Optional[dict]] = {}
    bag = eerste(lambda i: "bagatelliseren" in _regel_soorten(i))
    velden["bagatelliseren"] = {"citaat": _citaat(bag["tekst"])} if bag else None
    adv = eerste(lambda i: i["advies_te_vroeg"])
    velden["advies_te_vroeg"] = {"citaat": _citaat(adv["tekst"])} if adv else None
    aan = eerste(lambda i: i["aandringen"])
    velden["aandringen"] = {"citaat": _citaat(aan["tekst"])} if aan else None
    gesloten = [i for i in g if i["vorm"] == "gesloten" and i["soort"] in VRAAGZETTEN and i["soort"] != "volgende_stap"]
    te_weinig_open = v["aandeel_open"] is not None and v["aandeel_open"] < 0.5
    vb = eerste(lambda i: i["vragenvuur"]) or eerste(lambda i: i in gesloten)
    if vb and (te_weinig_open or any(i["vragenvuur"] for i in g)):
        velden["gesloten_vragen"] = {"citaat": _citaat(vb["tekst"]),
                                     "herschreven": _herschrijf(vb["tekst"], vb["soort"], persona.aanspreekvorm)}
    else:
        velden["gesloten_vragen"] = None
    weinig = v["vragen"] >= 2 and v["reflecties"] < v["vragen"]
    velden["weinig_reflecties"] = {"vragen": v["vragen"], "reflecties": v["reflecties"]} if weinig else None
    gevraagd_drijfveer = any("drijfveren_verkennen" in _regel_soorten(i) for i in g)
    velden["geen_drijfveer"] = {} if not gevraagd_drijfveer else None
    stap = eerste(lambda i: i["stap_te_vroeg"])
    velden["stap_te_vroeg"] = {"citaat": _citaat(stap["tekst"])} if stap else None
    voorgesteld = any("volgende_stap" in _regel_soorten(i) for i in g)
    velden["geen_stap"] = {} if state["vertrouwen"] >= spel()["stap_vanaf"] and not voorgesteld else None
    open_vraag = eerste(lambda i: i["vorm"] == "open" and i["soort"] in VRAAGZETTEN and i["verandering"] > 0)
    velden["goed_open"] = {"citaat": _citaat(open_vraag["tekst"])} if open_vraag else None
    refl = eerste(lambda i: i["soort"] in REFLECTIES and i["verandering"] > 0)
    velden["goed_reflectie"] = {"citaat": _citaat(refl["tekst"])} if refl else None
    velden["altijd"] = {}
    return velden


def tips(state: dict) -> List[str]:
    """Two or three concrete tips, most important first, each with its source."""
    persona = _persona(state)
    t = teksten()
    v = verhoudingen(state)
    velden = _tip_velden(state, persona, v)
    algemeen = {"roepnaam": persona.roepnaam, "voorbeeld_reflectie": persona.voorbeelden["reflectie"],
                "voorbeeld_drijfveer": persona.voorbeelden["drijfveer_vraag"],
                "voorbeeld_stap": persona.voorbeelden["stap"],
                "voorbeeld_ruimte": t["voorbeeld_ruimte"][persona.aanspreekvorm]}
    gekozen = []
    for tip in t["tips"]:
        waarden = velden.get(tip["wanneer"])
        if waarden is None:
            continue
        bron = kennisbank().bronvermelding(*tip["bronnen"])
        gekozen.append(f"{tip['tekst'].format(**algemeen, **waarden)} {bron}".strip())
        if len(gekozen) == t["maximum_tips"]:
            break
    return gekozen


def _oordeel(waarde: Optional[float], redelijk: float, goed: float) -> str:
    o = teksten()["feedback"]["oordelen"]
    if waarde is None:
        return o["onbekend"]
    return o["goed"] if waarde >= goed else o["redelijk"] if waarde >= redelijk else o["onder"]


def _procent(deel: Optional[float]) -> str:
    return "-" if deel is None else f"{round(deel * 100)}%"


def _getal(waarde: float) -> str:
    return f"{waarde:.1f}".replace(".", ",").replace(",0", "")


def feedback(state: dict) -> str:
    """Concrete Dutch feedback on the session: counts, ratios, the trainee's own
    lines quoted back, the phases reached, what came out and what stayed hidden,
    and two or three tips tied to the sources."""
    persona = _persona(state)
    t = teksten()["feedback"]
    g = state["geschiedenis"]
    velden = _velden(persona, state)
    if not g:
        return t["geen_beurten"].format(**velden)
    regels_: List[str] = [t["titel"].format(beurten=len(g), **velden), ""]
    regels_.append(t["vertrouwen"].format(roepnaam=persona.roepnaam, start=_getal(state["start_vertrouwen"]),
                                          eind=_getal(state["vertrouwen"]),
                                          hoogste=_getal(state["hoogste_vertrouwen"])))

    telling = tellingen(state)
    regels_ += ["", t["kop_telling"]]
    for soort in regels().zetten:
        if telling.get(soort):
            regels_.append(t["telling_regel"].format(naam=zet_naam(soort, meervoud=True), aantal=telling[soort]))

    v = verhoudingen(state)
    regels_ += ["", t["kop_miti"]]
    regels_.append(t["miti_open"].format(aantal=v["open_vragen"], totaal=v["vragen"],
                                         waarde=_procent(v["aandeel_open"]),
                                         oordeel=_oordeel(v["aandeel_open"], 0.5, 0.7)))
    rpv = v["reflecties_per_vraag"]
    regels_.append(t["miti_reflecties"].format(waarde="-" if rpv is None else _getal(rpv), reflecties=v["reflecties"],
                                               vragen=v["vragen"], oordeel=_oordeel(rpv, 1, 2)))
    regels_.append(t["miti_complex"].format(aantal=v["complexe_reflecties"], totaal=v["reflecties"],
                                            waarde=_procent(v["aandeel_complex"]),
                                            oordeel=_oordeel(v["aandeel_complex"], 0.4, 0.5)))
    regels_.append(t["miti_te_vroeg"].format(aantal=v["te_vroeg"]))

    goede, slechte = _goede_beurten(state), _slechte_beurten(state)
    if goede:
        regels_ += ["", t["kop_goed"]]
        for item in goede:
            sjabloon = t["citaat_vraag"] if item["vorm"] and item["soort"] in VRAAGZETTEN else t["citaat"]
            regel = sjabloon.format(tekst=_citaat(item["tekst"]), zet=zet_naam(item["soort"]))
            if item["onthuld"]:
                regel += t["gevolg_onthuld"].format(roepnaam=persona.roepnaam,
                                                    samenvatting=persona.verborgen(item["onthuld"]).samenvatting)
            elif item["drijfveer"]:
                drijfveer = next(d for d in persona.drijfveren if d.id == item["drijfveer"])
                regel += t["gevolg_drijfveer"].format(roepnaam=persona.roepnaam, samenvatting=drijfveer.samenvatting)
            elif item["stap_aanvaard"]:
                regel += t["gevolg_aanvaard"].format(roepnaam=persona.roepnaam)
            regels_.append(regel)
    if slechte:
        regels_ += ["", t["kop_beter"]]
        for item in slechte:
            reden = t["redenen"][_slechte_reden(item)]
            sjabloon = t["citaat_vraag"] if item["vorm"] and item["soort"] in VRAAGZETTEN else t["citaat"]
            regel = sjabloon.format(tekst=_citaat(item["tekst"]), zet=reden)
            if item["verandering"] < 0:
                regel += t["gevolg_daling"].format(roepnaam=persona.roepnaam)
            regels_.append(regel)

    bereikt = fasen(state)
    namen = t["fasen"]
    regels_.append("")
    regels_.append(t["kop_fasen"].format(bereikt=", ".join(namen[f] for f in bereikt)) if bereikt
                   else t["geen_fasen"])
    niet = [namen[f] for f in namen if f not in bereikt]
    if niet:
        regels_.append(t["fasen_niet"].format(lijst=", ".join(niet)))

    totaal = len(persona.verborgen_feiten)
    regels_.append("")
    if state["onthuld"]:
        regels_.append(t["kop_onthuld"].format(roepnaam=persona.roepnaam, aantal=len(state["onthuld"]), totaal=totaal))
        regels_ += [t["feit_regel"].format(samenvatting=persona.verborgen(f).samenvatting) for f in state["onthuld"]]
    else:
        regels_.append(t["niets_onthuld"].format(roepnaam=persona.roepnaam, totaal=totaal))
    verborgen = [f for f in persona.verborgen_feiten if f.id not in state["onthuld"]]
    if verborgen:
        regels_.append(t["kop_verborgen"])
        regels_ += [t["feit_regel"].format(samenvatting=f.samenvatting) for f in verborgen]
    else:
        regels_.append(t["alles_onthuld"])

    regels_ += ["", t["kop_tips"]]
    regels_ += [f"{n}. {tip}" for n, tip in enumerate(tips(state), start=1)]
    return "\n".join(regels_)


def verslag_markdown(state: dict) -> str:
    """For trainers: the transcript and the feedback as Markdown."""
    persona = _persona(state)
    regels_ = [f"# {teksten()['start']['kop'].format(**_velden(persona, state))}", "",
               f"_{persona.instellingen[state['instelling']].beschrijving}_", "",
               f"**{persona.roepnaam}:** {opening(state)}", ""]
    for item in state["geschiedenis"]:
        regels_ += [f"**Jij:** {item['tekst']}  ", f"_({zet_naam(item['soort'])}; vertrouwen "
                    f"{_getal(item['vertrouwen_voor'])} → {_getal(item['vertrouwen'])})_", "",
                    f"**{persona.roepnaam}:** {item['antwoord']}", ""]
    regels_ += ["---", "", feedback(state)]
    return "\n".join(regels_)
