"""The knowledge base in data/kennis: loading, checking and rendering.

Plain Python without Rasa, so it is tested on its own. See
data/kennis/SCHEMA.md for the file format. Numbers reach the user only through
placeholders ({cijfer:ID}, {hulplijn:ID}, {treden}), which always add the
source; that keeps every figure traceable to one entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from actions.algemeen.yamlbestand import lees_mapping
from gedeeld import settings

KENNIS_DIR = settings.KENNIS_DIR
PLACEHOLDER = re.compile(r"\{(cijfer|hulplijn|treden)(?::([a-z0-9_]+))?\}")
FASE_VOLGORDE = ("inzicht", "erkenning", "eigen_verhaal", "motivatie", "actieplan")


class KennisbankFout(ValueError):
    """A knowledge file is missing, malformed or refers to something unknown."""


@dataclass(frozen=True)
class Knop:
    titel: str
    payload: str


@dataclass(frozen=True)
class Antwoord:
    tekst: str
    knoppen: Tuple[Knop, ...] = ()


@dataclass(frozen=True)
class Onderwerp:
    id: str
    titel: str
    kort: str
    meer: Optional[str]
    vervolg: Tuple[str, ...]
    bronnen: Tuple[str, ...]
    intents: Tuple[str, ...] = ()
    voorbehoud: Optional[str] = None


@dataclass
class Kennisbank:
    bronnen: Dict[str, dict]
    cijfers: Dict[str, dict]
    hulplijnen: Dict[str, dict]
    treden: List[dict]
    treden_bron: str
    fasen: Dict[str, dict]
    onderwerpen: Dict[str, Onderwerp]
    crisis: dict
    per_intent: Dict[str, str] = field(default_factory=dict)
    # fasen.yml, optional parts: the worker's steps beside the phases and the
    # adaptations per type of isolation (see SCHEMA.md).
    werkstappen: List[dict] = field(default_factory=list)
    fase_aanpassingen: Dict[str, dict] = field(default_factory=dict)

    # --- looking things up -------------------------------------------------
    def onderwerp_voor_intent(self, intent: str) -> Optional[Onderwerp]:
        topic_id = self.per_intent.get(intent)
        return self.onderwerpen[topic_id] if topic_id else None

    def onderwerp(self, topic_id: str) -> Optional[Onderwerp]:
        return self.onderwerpen.get(topic_id)

    # --- rendering -----------------------------------------------------------
    def bron_kort(self, bron_id: str) -> str:
        """One source as the user reads it: 'kort, jaar'."""
        bron = self.bronnen[bron_id]
        return f"{bron['kort']}, {bron['jaar']}"

    def bronvermelding(self, *bron_ids: str) -> str:
        """'(bron: kort, jaar; kort, jaar)', each source once; '' without sources."""
        delen = [self.bron_kort(b) for b in dict.fromkeys(bron_ids)]
        return f"(bron: {'; '.join(delen)})" if delen else ""

    def render(self, tekst: str) -> str:
        """Replace the placeholders in `tekst` by facts with their source."""
        # {treden} has no id ('' then); {cijfer:..} and {hulplijn:..} always have one (checked on loading)
        return PLACEHOLDER.sub(lambda m: self._placeholder(m.group(1), m.group(2) or ""), tekst).strip()

    def _placeholder(self, soort: str, ident: str) -> str:
        if soort == "cijfer":
            cijfer = self.cijfers[ident]
            return f"{cijfer['tekst']} {self.bronvermelding(cijfer['bron'])}."
        if soort == "hulplijn":
            return self.hulplijn_regel(ident)
        regels = [f"{t['nummer']}. {t['naam']}: {t['uitleg']}" for t in self.treden]
        return "\n".join(regels) + f"\n{self.bronvermelding(self.treden_bron)}"

    def hulplijn_regel(self, ident: str) -> str:
        lijn = self.hulplijnen[ident]
        nummers = " of ".join(lijn["nummers"])
        return (f"{lijn['naam']}: bel {nummers}, {lijn['wanneer']}. "
                f"{lijn['voor']} {self.bronvermelding(lijn['bron'])}")

    def genoemde_hulplijn(self, tekst: str) -> Optional[str]:
        """The one help line a question names by its `namen` ("het nummer van de
        Luisterlijn"); None when it names none or more than one."""
        t = tekst.lower()
        genoemd = [ident for ident, lijn in self.hulplijnen.items()
                   if any(re.search(rf"(?<![\w-]){re.escape(naam)}(?![\w-])", t) for naam in lijn.get("namen", ()))]
        return genoemd[0] if len(genoemd) == 1 else None

    def hulplijn_antwoord(self, ident: str) -> Antwoord:
        """One help line: number, hours, what it is for, source; then all lines."""
        return Antwoord(self.hulplijn_regel(ident), (Knop("Alle hulplijnen en verwijzen", "/doorverwijzen"),))

    def _met_bron(self, onderwerp: Onderwerp, tekst: str) -> str:
        """A topic's text ends with the sources it rests on, unless it names them already."""
        if "(bron:" in tekst or not onderwerp.bronnen:
            return tekst
        return f"{tekst}\n{self.bronvermelding(*onderwerp.bronnen)}"

    def kort_antwoord(self, onderwerp: Onderwerp) -> Antwoord:
        """The short first answer, with buttons for more and related topics."""
        tekst = self._met_bron(onderwerp, self.render(onderwerp.kort))
        if onderwerp.voorbehoud and not onderwerp.meer:
            tekst += f"\nLet op: {onderwerp.voorbehoud}"
        knoppen: List[Knop] = []
        if onderwerp.meer:
            tekst += "\nWil je meer weten?"
            knoppen.append(Knop("Vertel meer", meer_payload(onderwerp.id)))
        knoppen += self._vervolgknoppen(onderwerp)
        return Antwoord(tekst, tuple(knoppen))

    def meer_antwoord(self, onderwerp: Onderwerp) -> Antwoord:
        """The longer answer behind "Vertel meer"."""
        tekst = self._met_bron(onderwerp, self.render(onderwerp.meer or onderwerp.kort))
        if onderwerp.voorbehoud:
            tekst += f"\nLet op: {onderwerp.voorbehoud}"
        return Antwoord(tekst, tuple(self._vervolgknoppen(onderwerp)))

    def _vervolgknoppen(self, onderwerp: Onderwerp) -> List[Knop]:
        return [Knop(self.onderwerpen[v].titel, meer_payload(v)) for v in onderwerp.vervolg]

    def crisis_antwoord(self, verder_met: Optional[Onderwerp], algemene_vraag: bool = False) -> Antwoord:
        """Crisis routes first; then the offer to continue where the user was.
        A question that names danger in general gets its own opening line."""
        regels = [f"- {self.hulplijn_regel(r)}" for r in self.crisis["routes"]]
        psychisch = self.crisis.get("psychische_crisis")
        if psychisch:
            regels.append(f"- {psychisch['tekst']} {self.bronvermelding(psychisch['bron'])}")
        routes = "\n".join(regels)
        inleiding = self.crisis["inleiding_vraag" if algemene_vraag else "inleiding"]
        tekst = f"{inleiding}\n{routes}\n{self.crisis['afsluiting']}"
        knoppen: List[Knop] = [Knop("Menu", "/wat_kun_je")]
        if verder_met:
            tekst += f"\n{self.crisis['verder']}"
            knoppen.insert(0, Knop(f"Verder: {verder_met.titel}", meer_payload(verder_met.id)))
        return Antwoord(tekst, tuple(knoppen))

    def is_crisisantwoord(self, tekst: str) -> bool:
        """Whether a reply gives the crisis routes, under either opening line."""
        return any(self.crisis[sleutel] in tekst for sleutel in ("inleiding", "inleiding_vraag"))

    def alle_teksten(self) -> List[Tuple[str, str]]:
        """Every text the bot can say from this knowledge base, rendered, with
        a label saying where it came from (used by the fact-check test)."""
        teksten = []
        for onderwerp in self.onderwerpen.values():
            for soort, antwoord in (("kort", self.kort_antwoord(onderwerp)), ("meer", self.meer_antwoord(onderwerp))):
                teksten.append((f"onderwerp {onderwerp.id} ({soort})", antwoord.tekst))
                teksten += [(f"knop bij {onderwerp.id}", k.titel) for k in antwoord.knoppen]
        teksten.append(("crisis", self.crisis_antwoord(next(iter(self.onderwerpen.values()), None)).tekst))
        return teksten


def meer_payload(topic_id: str) -> str:
    return '/meer_vertellen{"onderwerp":"%s"}' % topic_id


# --- loading -------------------------------------------------------------------
def _read(directory: Path, name: str) -> dict:
    return lees_mapping(directory / name, KennisbankFout)


def _by_id(items: Optional[Sequence[dict]], name: str, required: Sequence[str]) -> Dict[str, dict]:
    result: Dict[str, dict] = {}
    for index, item in enumerate(items or []):
        missing = [key for key in ("id", *required) if not item.get(key)]
        if missing:
            raise KennisbankFout(f"{name}: item {index + 1} mist {', '.join(missing)}")
        if item["id"] in result:
            raise KennisbankFout(f"{name}: id '{item['id']}' komt twee keer voor")
        result[item["id"]] = item
    return result


def _check_ref(ref: str, known: Mapping[str, Any], where: str, what: str) -> None:
    if ref not in known:
        raise KennisbankFout(f"{where}: onbekende {what} '{ref}'")


def _fase_onderwerp(fase: dict, bronnen: Sequence[str], voorbehoud: Optional[str]) -> Onderwerp:
    """A phase as a topic: purpose and task first, the practical detail behind "meer"."""
    def lijst(kop: str, regels: Sequence[str]) -> str:
        return kop + "\n" + "\n".join(f"- {r}" for r in regels)

    kort = (f"Fase {fase['naam'].lower()} (jouw stap: {fase['stap_werker'].lower()}).\n"
            f"Doel voor de persoon: {fase['doel']}\nWat jij doet: {fase['wat_doe_je']}")
    meer = "\n".join([
        lijst("Vragen die je kunt stellen:", fase["voorbeeldvragen"]),
        lijst("Let op deze valkuilen:", fase["valkuilen"]),
        lijst("Klaar voor de volgende fase als:", fase["klaar_voor_volgende"]),
    ])
    return Onderwerp(id=f"fase_{fase['id']}", titel=f"Fase: {fase['naam']}", kort=kort, meer=meer,
                     vervolg=(), bronnen=tuple(bronnen), voorbehoud=voorbehoud)


def laad(directory: Path = KENNIS_DIR) -> Kennisbank:
    """Load and check every knowledge file; raise KennisbankFout on the first problem."""
    bronnen = _by_id(_read(directory, "bronnen.yml").get("bronnen"), "bronnen.yml", ("titel", "kort", "jaar"))
    cijfers = _by_id(_read(directory, "cijfers.yml").get("cijfers"), "cijfers.yml", ("tekst", "bron"))
    hulplijnen = _by_id(_read(directory, "hulplijnen.yml").get("hulplijnen"), "hulplijnen.yml",
                        ("naam", "nummers", "wanneer", "voor", "bron"))
    for name, items in (("cijfers.yml", cijfers), ("hulplijnen.yml", hulplijnen)):
        for ident, item in items.items():
            _check_ref(item["bron"], bronnen, f"{name} '{ident}'", "bron")

    treden_data = _read(directory, "treden.yml")
    _check_ref(treden_data.get("bron", ""), bronnen, "treden.yml", "bron")
    treden = treden_data.get("treden") or []
    if [t.get("nummer") for t in treden] != list(range(1, len(treden) + 1)) or len(treden) != 6:
        raise KennisbankFout("treden.yml: verwacht zes treden, genummerd vanaf één")

    fasen_data = _read(directory, "fasen.yml")
    fasen = _by_id(fasen_data.get("fasen"), "fasen.yml",
                   ("naam", "stap_werker", "doel", "wat_doe_je", "voorbeeldvragen", "valkuilen", "klaar_voor_volgende"))
    if tuple(fasen) != FASE_VOLGORDE:
        raise KennisbankFout(f"fasen.yml: verwacht de fasen {', '.join(FASE_VOLGORDE)} in die volgorde")
    for bron in fasen_data.get("bronnen", []):
        _check_ref(bron, bronnen, "fasen.yml", "bron")

    onderwerpen = _load_onderwerpen(directory, bronnen)
    for fase in fasen.values():
        topic = _fase_onderwerp(fase, fasen_data.get("bronnen", []), fasen_data.get("voorbehoud"))
        onderwerpen[topic.id] = topic

    crisis = _read(directory, "crisis.yml").get("crisis") or {}
    for key in ("inleiding", "inleiding_vraag", "routes", "afsluiting", "verder"):
        if not crisis.get(key):
            raise KennisbankFout(f"crisis.yml: mist {key}")
    for route in crisis["routes"]:
        _check_ref(route, hulplijnen, "crisis.yml", "hulplijn")

    kennis = Kennisbank(bronnen, cijfers, hulplijnen, treden, treden_data["bron"], fasen, onderwerpen, crisis,
                        per_intent=_intent_index(onderwerpen),
                        werkstappen=_werkstappen(fasen_data.get("stappen_werker"), fasen),
                        fase_aanpassingen=_fase_aanpassingen(fasen_data.get("aanpassingen"), fasen, bronnen,
                                                             onderwerpen))
    _check_topics(kennis)
    return kennis


def _werkstappen(items: Optional[Sequence[dict]], fasen: Dict[str, dict]) -> List[dict]:
    """The worker's steps beside the phases (optional); each phase belongs to one step."""
    if not items:
        return []
    stappen = _by_id(items, "fasen.yml stappen_werker", ("naam", "fasen", "uitleg"))
    gezien: List[str] = []
    for ident, stap in stappen.items():
        for fase in stap["fasen"]:
            _check_ref(fase, fasen, f"fasen.yml stap '{ident}'", "fase")
        gezien += stap["fasen"]
    if sorted(gezien) != sorted(fasen):
        raise KennisbankFout("fasen.yml stappen_werker: elke fase hoort bij precies één stap")
    return list(stappen.values())


def _fase_aanpassingen(items: Optional[dict], fasen: Dict[str, dict], bronnen: Dict[str, dict],
                       onderwerpen: Dict[str, Onderwerp]) -> Dict[str, dict]:
    """Adaptations per type (optional): keys are type ids with a topic type_<id>, or 'zorgmijdend'."""
    result: Dict[str, dict] = {}
    for sleutel, item in (items or {}).items():
        where = f"fasen.yml aanpassing '{sleutel}'"
        if sleutel != "zorgmijdend" and f"type_{sleutel}" not in onderwerpen:
            raise KennisbankFout(f"{where}: onbekend type")
        if not isinstance(item, dict) or not item.get("kern") or not item.get("bronnen"):
            raise KennisbankFout(f"{where}: mist kern of bronnen")
        for bron in item["bronnen"]:
            _check_ref(bron, bronnen, where, "bron")
        for type_id in item.get("ook_bij_types") or []:
            if f"type_{type_id}" not in onderwerpen:
                raise KennisbankFout(f"{where}: onbekend type '{type_id}' in ook_bij_types")
        for fase, extra in (item.get("fasen") or {}).items():
            _check_ref(fase, fasen, where, "fase")
            onbekend = set(extra or {}) - {"tip", "valkuilen", "klaar_voor_volgende"}
            if not extra or onbekend:
                raise KennisbankFout(f"{where} fase '{fase}': verwacht tip, valkuilen of klaar_voor_volgende")
        result[sleutel] = item
    return result


def _intent_index(onderwerpen: Dict[str, Onderwerp]) -> Dict[str, str]:
    """Which topic answers which intent; an intent belongs to one topic only."""
    index: Dict[str, str] = {}
    for onderwerp in onderwerpen.values():
        for intent in onderwerp.intents:
            if intent in index:
                raise KennisbankFout(
                    f"onderwerpen.yml '{onderwerp.id}': intent '{intent}' hoort al bij '{index[intent]}'")
            index[intent] = onderwerp.id
    return index


def _load_onderwerpen(directory: Path, bronnen: Dict[str, dict]) -> Dict[str, Onderwerp]:
    raw = _by_id(_read(directory, "onderwerpen.yml").get("onderwerpen"), "onderwerpen.yml",
                 ("titel", "kort", "bronnen"))
    onderwerpen: Dict[str, Onderwerp] = {}
    for ident, item in raw.items():
        for bron in item["bronnen"]:
            _check_ref(bron, bronnen, f"onderwerpen.yml '{ident}'", "bron")
        intents = item.get("intent") or []
        onderwerpen[ident] = Onderwerp(
            id=ident, titel=item["titel"], kort=item["kort"], meer=item.get("meer"),
            vervolg=tuple(item.get("vervolg") or ()), bronnen=tuple(item["bronnen"]),
            intents=tuple([intents] if isinstance(intents, str) else intents),
            voorbehoud=item.get("voorbehoud"),
        )
    return onderwerpen


def _check_topics(kennis: Kennisbank) -> None:
    for onderwerp in kennis.onderwerpen.values():
        where = f"onderwerpen.yml '{onderwerp.id}'"
        for vervolg in onderwerp.vervolg:
            _check_ref(vervolg, kennis.onderwerpen, where, "vervolgonderwerp")
        for tekst in filter(None, (onderwerp.kort, onderwerp.meer)):
            for soort, ident in PLACEHOLDER.findall(tekst):
                known = {"cijfer": kennis.cijfers, "hulplijn": kennis.hulplijnen}.get(soort)
                if known is not None:
                    _check_ref(ident, known, where, soort)


@lru_cache(maxsize=1)
def kennisbank() -> Kennisbank:
    """The shipped knowledge base, loaded once per process."""
    return laad()
