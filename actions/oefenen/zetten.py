"""Classifying a trainee's line into conversation moves (zetten).

Plain Python without Rasa. `classificeer(tekst, intent=None)` reads the line
sentence by sentence with the Dutch cues of data/oefenen/zetten.yml and
returns a `Zet`: the move that matters most for the line, the question form
(open or gesloten), whether the line presses the person (aandringen), and the
move of every sentence.

How a sentence is read
----------------------
1. Question form, by Dutch word order. The sentence is split at commas; the
   first clause that tells decides. A clause opening with a question word
   (wie, wat, waar, wanneer, hoe, welke, waarom, waardoor, ...) is open,
   except "hoe oud/lang/vaak/laat" and "hoeveel", which ask for one fact
   (closed, as in MITI); a preposition may come first ("Met wie ...?").
   A clause opening with a finite verb followed by its
   subject ("Heeft u", "Gaat het", "Spreek je") is closed. Invitations to
   tell ("Vertel eens", "Kunt u daar meer over vertellen?") are open. A
   sentence ending in "?" that no clause decides is a closed, declarative
   question ("U woont hier alleen?"). Without "?", only the first clause is
   read and only a known finite verb counts, so chat lines without
   punctuation still work ("heb je goed geslapen").
2. Moves that do not depend on the form, in this order: bagatelliseren,
   ruimte_geven, advies (also as a question: "Waarom gaat u niet ..."),
   volgende_stap.
3. A question then gets a topic when a cue for one is in it (the cue that
   comes first in the sentence wins: "Welke mensen zijn belangrijk voor
   u?" is about the network): drijfveren_verkennen, gevoelens_verkennen or
   netwerk_verkennen; otherwise it is an open_vraag or gesloten_vraag.
4. A statement is a bevestiging, overig (greeting, introduction, thanks),
   complexe_reflectie (adds meaning: "het klinkt alsof", "ik kan me
   voorstellen", two-sided, summaries) or eenvoudige_reflectie ("u zegt",
   "dus u ...", "dat klinkt zwaar"); a statement about the person that
   matches nothing ("U ...", "Het ...") is read as a simple reflection, any
   other statement as overig.

The line's move: bagatelliseren or advies in any sentence first (a poor move
is what the person hears), then a proposed next step, then the last question,
then the first of the statements in the order complexe_reflectie,
bevestiging, ruimte_geven, eenvoudige_reflectie, overig.

An NLU intent is an extra signal: `classificeer(tekst, ("zet_advies", 0.91))`.
An intent named "zet_<move id>" (or mapped under `nlu_signaal.intent_zetten`)
wins when its confidence is at least `nlu_signaal.drempel` and higher than the certainty of the
rules for that line; see `combineer`.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Pattern, Sequence, Tuple

from actions.algemeen.yamlbestand import lees_mapping
from actions.oefenen import OEFENEN_DIR

ZETTEN_BESTAND = OEFENEN_DIR / "zetten.yml"
VRAAGZETTEN = ("open_vraag", "gesloten_vraag", "netwerk_verkennen", "gevoelens_verkennen", "drijfveren_verkennen",
               "volgende_stap")
ONDERWERPZETTEN = ("drijfveren_verkennen", "gevoelens_verkennen", "netwerk_verkennen")
VOOR_ALLE_ZINNEN = ("bagatelliseren", "ruimte_geven", "advies", "volgende_stap")
UITSPRAAK_VOLGORDE = ("complexe_reflectie", "bevestiging", "ruimte_geven", "eenvoudige_reflectie", "overig")

Intent = Tuple[Optional[str], float]  # (name, confidence) from NLU; a message may have no intent name


class ZettenFout(ValueError):
    """data/oefenen/zetten.yml is missing something or holds a bad pattern."""


@dataclass(frozen=True)
class Deel:
    """One sentence of the line and how it was read."""
    zin: str
    soort: str
    vorm: Optional[str]  # "open", "gesloten", or None for a statement
    zekerheid: float


@dataclass(frozen=True)
class Zet:
    """A trainee's line as a move."""
    tekst: str
    soort: str
    vorm: Optional[str]
    aandringen: bool
    zekerheid: float
    bron: str  # "regels", "nlu" or "regels+nlu"
    delen: Tuple[Deel, ...]

    def soorten(self) -> List[str]:
        """The move of every sentence, in order (overig left out when there are others).
        When the NLU model decided, it read the whole line: its move only."""
        if self.bron == "nlu":
            return [self.soort]
        soorten = [d.soort for d in self.delen]
        zonder_overig = [s for s in soorten if s != "overig"]
        return zonder_overig or soorten[:1]

    def als_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Regels:
    """The compiled contents of zetten.yml."""
    zetten: Dict[str, dict]
    vraagwoorden: frozenset
    gesloten_vraagwoorden: Tuple[Pattern, ...]
    inleiders: frozenset
    inleiders_met_komma: frozenset
    onderwerpen: frozenset
    geen_werkwoord: frozenset
    vraagwerkwoorden: frozenset
    voorzetsels: frozenset
    uitnodigingen: Tuple[Pattern, ...]
    uitroepen: Tuple[Pattern, ...]
    alle: Dict[str, Tuple[Pattern, ...]]
    uitspraak: Dict[str, Tuple[Pattern, ...]]
    onderwerpen_vraag: Dict[str, Tuple[Pattern, ...]]
    aandringen: Tuple[Pattern, ...]
    reflecties: Dict[str, Tuple[Pattern, ...]]
    samenvatting_begin: Tuple[str, ...]
    samenvatting_min_delen: int
    reflectie_begin: frozenset
    nlu_voorvoegsel: str
    nlu_drempel: float
    nlu_intents: Dict[str, str]
    zekerheid: Dict[str, float]


# --- loading ------------------------------------------------------------------------
def _compileer(patronen: Optional[Sequence[str]], afkortingen: Dict[str, str], waar: str) -> Tuple[Pattern, ...]:
    gecompileerd = []
    for patroon in patronen or ():
        tekst = patroon
        for naam, vervanging in afkortingen.items():
            tekst = tekst.replace("{" + naam + "}", vervanging)
        try:
            gecompileerd.append(re.compile(tekst))
        except re.error as fout:
            raise ZettenFout(
                f"zetten.yml, {waar}: patroon '{patroon}' is geen geldige reguliere expressie ({fout})") from fout
    return tuple(gecompileerd)


def laad_regels(pad: Path = ZETTEN_BESTAND) -> Regels:
    """Read and compile zetten.yml; raise ZettenFout naming the place of a problem."""
    data = lees_mapping(pad, ZettenFout)
    nodig = ("zetten", "afkortingen", "vraagwoorden", "patronen", "onderwerpen_vraag", "reflecties", "nlu_signaal",
             "zekerheid")
    ontbreekt = [n for n in nodig if n not in data]
    if ontbreekt:
        raise ZettenFout(f"{pad.name}: mist {', '.join(ontbreekt)}")
    zetten = data["zetten"]
    for zet_id, info in zetten.items():
        if not isinstance(info, dict) or not all(info.get(k) for k in ("naam", "meervoud", "soort")):
            raise ZettenFout(f"{pad.name}, zet '{zet_id}': naam, meervoud en soort zijn verplicht")
    verwacht = set(VRAAGZETTEN) | set(UITSPRAAK_VOLGORDE) | set(VOOR_ALLE_ZINNEN)
    if set(zetten) != verwacht:
        raise ZettenFout(f"{pad.name}: verwacht precies de zetten {', '.join(sorted(verwacht))}")
    afk = data["afkortingen"]

    def groep(sectie: dict, sleutel: str, waar: str) -> Dict[str, Tuple[Pattern, ...]]:
        result = {}
        for zet_id, inhoud in (sectie or {}).items():
            if zet_id not in zetten:
                raise ZettenFout(f"{pad.name}, {waar}: onbekende zet '{zet_id}'")
            lijst = inhoud.get(sleutel) if isinstance(inhoud, dict) else inhoud
            if lijst:
                result[zet_id] = _compileer(lijst, afk, f"{waar} {zet_id}")
        return result

    nlu = data["nlu_signaal"]
    for intent, zet_id in (nlu.get("intent_zetten") or {}).items():
        if zet_id not in zetten:
            raise ZettenFout(f"{pad.name}, nlu_signaal.intent_zetten: intent '{intent}' wijst naar "
                             f"onbekende zet '{zet_id}'")
    return Regels(
        zetten=zetten,
        vraagwoorden=frozenset(data["vraagwoorden"]),
        gesloten_vraagwoorden=_compileer(data.get("gesloten_vraagwoorden"), afk, "gesloten_vraagwoorden"),
        inleiders=frozenset(data.get("inleiders") or ()),
        inleiders_met_komma=frozenset(data.get("inleiders_met_komma") or ()),
        onderwerpen=frozenset(data.get("onderwerpen") or ()),
        geen_werkwoord=frozenset(data.get("geen_werkwoord") or ()),
        vraagwerkwoorden=frozenset(data.get("vraagwerkwoorden") or ()),
        voorzetsels=frozenset(data.get("voorzetsels") or ()),
        uitnodigingen=_compileer(data.get("uitnodigingen"), afk, "uitnodigingen"),
        uitroepen=_compileer(data.get("uitroepen"), afk, "uitroepen"),
        alle=groep(data["patronen"], "alle", "patronen"),
        uitspraak=groep(data["patronen"], "uitspraak", "patronen"),
        onderwerpen_vraag=groep(data["onderwerpen_vraag"], "", "onderwerpen_vraag"),
        aandringen=_compileer(data.get("aandringen"), afk, "aandringen"),
        reflecties=groep(data["reflecties"], "", "reflecties"),
        samenvatting_begin=tuple(data.get("samenvatting_begin") or ()),
        samenvatting_min_delen=int(data.get("samenvatting_min_delen", 3)),
        reflectie_begin=frozenset(data.get("reflectie_begin") or ()),
        nlu_voorvoegsel=str(nlu.get("voorvoegsel") or ""),
        nlu_drempel=float(nlu.get("drempel", 0.75)),
        nlu_intents=dict(nlu.get("intent_zetten") or {}),
        zekerheid={k: float(v) for k, v in data["zekerheid"].items()},
    )


@lru_cache(maxsize=1)
def regels() -> Regels:
    """The shipped rules, loaded once per process."""
    return laad_regels()


def zet_naam(zet_id: str, meervoud: bool = False) -> str:
    return regels().zetten[zet_id]["meervoud" if meervoud else "naam"]


def zet_soort(zet_id: str) -> str:
    """goed, neutraal, riskant (depends on timing) or slecht."""
    return regels().zetten[zet_id]["soort"]


# --- reading a sentence ------------------------------------------------------------------
_ZINSGRENS = re.compile(r"(?<=[.!?])\s+|\n+")
_WOORD = re.compile(r"[\w'’-]+", re.UNICODE)


def normaliseer(tekst: str) -> str:
    tekst = tekst.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(tekst.lower().split())


def zinnen(tekst: str) -> List[str]:
    return [z.strip() for z in _ZINSGRENS.split(tekst or "") if z and z.strip(" .!?,")]


def _woorden(tekst: str) -> List[str]:
    return _WOORD.findall(tekst)


def _zonder_inleiders(woorden: List[str], r: Regels) -> List[str]:
    i = 0
    while i < len(woorden) - 1 and woorden[i] in r.inleiders:
        i += 1
    return woorden[i:]


_EERSTE_WOORD = re.compile(r"^([\w'-]+)([\s,.!:;-]+)")


def _kop(tekst: str, r: Regels) -> str:
    """The text without leading fillers ("En", "Maar", "Oké,", "Zeg,"), punctuation kept."""
    while True:
        treffer = _EERSTE_WOORD.match(tekst)
        if not treffer or not tekst[treffer.end():].strip():
            return tekst
        woord, komma = treffer.group(1), "," in treffer.group(2)
        if woord not in r.inleiders and not (komma and woord in r.inleiders_met_komma):
            return tekst
        tekst = tekst[treffer.end():]


def _zoek(patronen: Sequence[Pattern], tekst: str) -> bool:
    return any(p.search(tekst) for p in patronen)


def _vorm_van_deel(deel: str, r: Regels, alleen_bekende_werkwoorden: bool) -> Optional[str]:
    woorden = _zonder_inleiders(_woorden(deel), r)
    if not woorden:
        return None
    kop = " ".join(woorden)
    eerste = woorden[0]
    if eerste in r.voorzetsels and len(woorden) >= 2 and woorden[1] in r.vraagwoorden:
        woorden, kop, eerste = woorden[1:], " ".join(woorden[1:]), woorden[1]
    if eerste in r.vraagwoorden:
        return "gesloten" if _zoek(r.gesloten_vraagwoorden, kop) else "open"
    if len(woorden) >= 2 and woorden[1] in r.onderwerpen and eerste not in r.geen_werkwoord \
            and eerste not in r.inleiders:
        if not alleen_bekende_werkwoorden or eerste in r.vraagwerkwoorden:
            return "gesloten"
    return None


def vraagvorm(zin: str, r: Optional[Regels] = None) -> Optional[str]:
    """"open", "gesloten", or None when the sentence is not a question."""
    r = r or regels()
    z = normaliseer(zin)
    vraagteken = z.rstrip().endswith("?")
    kern = z.strip(" .!?")
    kop = _kop(kern, r)
    if _zoek(r.uitnodigingen, kop):
        return "open"
    if not vraagteken and _zoek(r.uitroepen, kop):
        return None
    delen = [d for d in re.split(r"[,;:]", kern) if d.strip()]
    if not vraagteken:
        return _vorm_van_deel(delen[0], r, alleen_bekende_werkwoorden=True) if delen else None
    for deel in delen:
        vorm = _vorm_van_deel(deel, r, alleen_bekende_werkwoorden=False)
        if vorm:
            return vorm
    return "gesloten"


def _onderwerp(kern: str, r: Regels) -> Optional[str]:
    """The topic whose cue comes first in the question; ties go in file order."""
    beste: Optional[Tuple[int, int, str]] = None
    for volgorde, (zet_id, patronen) in enumerate(r.onderwerpen_vraag.items()):
        for patroon in patronen:
            treffer = patroon.search(kern)
            if treffer and (beste is None or (treffer.start(), volgorde) < beste[:2]):
                beste = (treffer.start(), volgorde, zet_id)
    return beste[2] if beste else None


def _is_samenvatting(kern: str, r: Regels) -> bool:
    if not any(kern.startswith(b) for b in r.samenvatting_begin):
        return False
    delen = [d for d in re.split(r",|:|;| en | maar | toen | en nu ", kern) if d.strip()]
    return len(delen) >= r.samenvatting_min_delen


def lees_zin(zin: str, r: Optional[Regels] = None) -> Deel:
    """The move of one sentence."""
    r = r or regels()
    z = r.zekerheid
    kern = normaliseer(zin).strip(" .!?")
    kop = _kop(kern, r)
    vorm = vraagvorm(zin, r)
    for zet_id in VOOR_ALLE_ZINNEN:
        if _zoek(r.alle.get(zet_id, ()), kop):
            return Deel(zin, zet_id, vorm, z["patroon"])
    if vorm:
        onderwerp = _onderwerp(kop, r)
        if onderwerp:
            return Deel(zin, onderwerp, vorm, z["onderwerp"])
        return Deel(zin, "open_vraag" if vorm == "open" else "gesloten_vraag", vorm, z["vraagvorm"])
    for zet_id in ("bevestiging", "overig"):
        if _zoek(r.uitspraak.get(zet_id, ()), kop):
            return Deel(zin, zet_id, None, z["patroon"])
    if _is_samenvatting(kop, r):
        return Deel(zin, "complexe_reflectie", None, z["reflectie"])
    for zet_id in ("complexe_reflectie", "eenvoudige_reflectie"):
        if _zoek(r.reflecties.get(zet_id, ()), kop):
            return Deel(zin, zet_id, None, z["reflectie"])
    woorden = _woorden(kop)
    if woorden and woorden[0] in r.reflectie_begin:
        return Deel(zin, "eenvoudige_reflectie", None, z["standaard_reflectie"])
    return Deel(zin, "overig", None, z["overig"])


# --- the whole line ---------------------------------------------------------------------
def _hoofdzet(delen: Sequence[Deel]) -> Deel:
    for slecht in ("bagatelliseren", "advies", "volgende_stap"):
        for deel in delen:
            if deel.soort == slecht:
                return deel
    vragen = [d for d in delen if d.soort in VRAAGZETTEN]
    if vragen:
        return vragen[-1]
    for soort in UITSPRAAK_VOLGORDE:
        for deel in delen:
            if deel.soort == soort:
                return deel
    return delen[0]


def _lijnvorm(delen: Sequence[Deel], hoofd: Deel) -> Optional[str]:
    """The question form of the line: the main move's, else that of its last question."""
    if hoofd.vorm:
        return hoofd.vorm
    vormen = [d.vorm for d in delen if d.vorm and d.soort in VRAAGZETTEN]
    return vormen[-1] if vormen else None


def intent_zet(intent: Optional[str], r: Optional[Regels] = None) -> Optional[str]:
    """The move an NLU intent stands for, or None."""
    r = r or regels()
    if not intent:
        return None
    if intent in r.nlu_intents:
        return r.nlu_intents[intent]
    if r.nlu_voorvoegsel and intent.startswith(r.nlu_voorvoegsel):
        zet_id = intent[len(r.nlu_voorvoegsel):]
        return zet_id if zet_id in r.zetten else None
    return None


def combineer(regelzet: Zet, intent: Optional[Intent], r: Optional[Regels] = None) -> Zet:
    """Weigh an NLU prediction against the rules' reading of the line."""
    r = r or regels()
    if not intent:
        return regelzet
    naam, zekerheid = intent[0], float(intent[1] or 0.0)
    nlu_soort = intent_zet(naam, r)
    if nlu_soort is None:
        return regelzet
    if nlu_soort == regelzet.soort:
        return Zet(regelzet.tekst, regelzet.soort, regelzet.vorm, regelzet.aandringen,
                   max(zekerheid, regelzet.zekerheid), "regels+nlu", regelzet.delen)
    if zekerheid >= r.nlu_drempel and zekerheid > regelzet.zekerheid:
        vorm = {"open_vraag": "open", "gesloten_vraag": "gesloten"}.get(nlu_soort, regelzet.vorm)
        if nlu_soort not in VRAAGZETTEN and nlu_soort not in ("advies", "bagatelliseren"):
            vorm = None
        return Zet(regelzet.tekst, nlu_soort, vorm, regelzet.aandringen, zekerheid, "nlu", regelzet.delen)
    return regelzet


def classificeer(tekst: str, intent: Optional[Intent] = None) -> Zet:
    """The move of a trainee's line; `intent` is an optional (name, confidence) from NLU."""
    r = regels()
    delen = tuple(lees_zin(z, r) for z in zinnen(tekst)) or (Deel(tekst or "", "overig", None, r.zekerheid["overig"]),)
    hoofd = _hoofdzet(delen)
    kern = normaliseer(tekst)
    aandringen = _zoek(r.aandringen, kern) or any(_zoek(r.aandringen, normaliseer(d.zin).strip(" .?")) for d in delen)
    regelzet = Zet(tekst, hoofd.soort, _lijnvorm(delen, hoofd), aandringen, hoofd.zekerheid, "regels", delen)
    return combineer(regelzet, intent, r)
