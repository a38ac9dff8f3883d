"""Feedback on a practice session (the state of beurt.py): counts of the
moves, MITI-style ratios (indicative), the trainee's own lines quoted as good
and poor examples with a better wording, the phases touched, what stayed
hidden, and tips with sources; also the session as a Markdown document.

Public: feedback, verslag_markdown, and for trainers tellingen,
verhoudingen, fasen, tips.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional

from actions.kennis.kennisbank import kennisbank
from actions.oefenen.beurt import (
    REFLECTIES,
    opening,
    persona_van,
    spel,
    teksten,
    velden_van,
)
from actions.oefenen.personas import Persona
from actions.oefenen.zetten import VRAAGZETTEN, normaliseer, regels, zet_naam

MAX_CITAAT = 160
ERNST = ("bagatelliseren", "advies_te_vroeg", "aandringen", "stap_te_vroeg", "vragenvuur")  # poor moves, worst first

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
    persona = persona_van(state)
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
    persona = persona_van(state)
    t = teksten()["feedback"]
    g = state["geschiedenis"]
    velden = velden_van(persona, state)
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
    persona = persona_van(state)
    regels_ = [f"# {teksten()['start']['kop'].format(**velden_van(persona, state))}", "",
               f"_{persona.instellingen[state['instelling']].beschrijving}_", "",
               f"**{persona.roepnaam}:** {opening(state)}", ""]
    for item in state["geschiedenis"]:
        regels_ += [f"**Jij:** {item['tekst']}  ", f"_({zet_naam(item['soort'])}; vertrouwen "
                    f"{_getal(item['vertrouwen_voor'])} → {_getal(item['vertrouwen'])})_", "",
                    f"**{persona.roepnaam}:** {item['antwoord']}", ""]
    regels_ += ["---", "", feedback(state)]
    return "\n".join(regels_)
