"""A first picture of a situation: type of isolation, rung, experience, urgency.

Plain Python without Rasa. The worker's answers (`Antwoorden`) go in, a
`Beeld` comes out. The type is a suggestion with its reasons, never a label
or a diagnosis: every reason describes an answer, not the person. All Dutch
texts live in data/kennis/beoordeling.yml; type and rung names come from the
knowledge base (onderwerpen.yml, treden.yml).

Scoring design (type of isolation, after Machielse / seed 001)
--------------------------------------------------------------
1. Kenmerken: each type has a few features, each worth points and each with
   the phrase that quotes the answer behind it:
   - dreigend: a network still there (regular contact, or a few contacts while
     still going out and taking part) next to a risk 2, a life event 1, an
     older person 1, a shrinking-network signal 1, duration kort 1;
   - situationeel: a life event 2, duration kort/maanden 2, a network that has
     fallen away (no or only functional contacts, or a few while the person
     no longer goes out, takes part in nothing, or is not known to take part
     months or longer after a life event) 2;
   - structureel: duration jaren 2, contacts: none or only functional 2,
     few 1; problems: two or more 2, one 1;
   - structureel_ggz: duration jaren 2, psychische problemen or verslaving 2,
     hesitating about or refusing help 2, verwaarlozing 1.
2. Kernregel: the type whose whole pattern fits gets KERNREGEL_BONUS extra,
   so a full pattern outweighs loose pieces of other types:
   - structureel_ggz: (psychische problemen, a psychiatric crisis or
     verslaving) AND not kort/maanden AND (jaren or no or only functional
     contacts): structural isolation together with ggz problems, whether or
     not the person accepts help (seed 001; care avoidance only raises the
     urgency and puts outreach first);
   - structureel: jaren AND (no, only functional or few contacts, or two or
     more problems) AND no psychische problemen or verslaving;
   - situationeel: a life event AND kort/maanden AND the network has fallen
     away AND no ggz problems;
   - dreigend: the network still there AND not jaren AND a risk factor (life
     event, older person, shrinking-network signal): a network alone
     threatens nothing.
   The four patterns exclude each other, so at most one bonus is given.
3. Choice: the highest score wins; on a tie the heavier type wins (better
   too much support than too little). With fewer than MINIMUM_TYPE points
   no type is named: one loose risk factor (only an age, only a life event)
   is too little, and the picture says what to tell first ("onbekend"). Loneliness with
   a network and participation and no sign of isolation names no type
   either ("eenzaamheid": loneliness without isolation, De Jong Gierveld), and
   neither does a network with taking part and no loneliness ("geen_isolement").
4. Borderline: when the runner-up scores within GRENS_MARGE of the winner
   (and at least MINIMUM_ALTERNATIEF) it is the `alternatief_type`, so the
   bot can say "het kan ook ... zijn; overleg met collega's".
5. Redenen: the (at most three) highest-scoring features of the chosen type.
6. Lezing: the type reading of the whole description (typelezing.py, a model
   trained on the annotated descriptions of data/beschrijvingen) replaces the outcome of 1 to 4 while
   the worker has not told the core of the network (contacts, taking part
   when there are contacts to take part with, and how long) in the form:
   what the patterns read from the description's words alone does not end it.
   Measured with each description set left out of the training in turn, the
   reading named the annotated type more often than the rules did on facets
   read from the same words (README). It gives way where seed 001 is
   explicit: the rules' fourth type and a recent psychiatric crisis stay (the
   reading never names the fourth type itself). Once the worker
   answers or corrects a core fact, the rules follow the worker's words. Its
   first reason says the type comes from the description as a whole; the
   rules' own outcome becomes the alternative.

Rung, experience (beleving) and urgency follow simple rules; see their
functions below.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Dict, FrozenSet, List, Optional, Tuple

from actions.algemeen.tekst import opsomming
from actions.algemeen.yamlbestand import lees_mapping
from actions.kennis.kennisbank import kennisbank
from gedeeld import settings

TEKSTEN = settings.KENNIS_DIR / "beoordeling.yml"
WEET_NIET = "weet_niet"

TYPES = ("dreigend", "situationeel", "structureel", "structureel_ggz")  # light to heavy
LEZINGEN = (*TYPES, "geen", "onbekend")  # what the type reading can say: a type, no isolation, too little known
KERNREGEL_BONUS = 3
GRENS_MARGE = 1
MINIMUM_ALTERNATIEF = 3
MINIMUM_TYPE = 2
MAX_REDENEN = 3

DEELNAME_TREDE = {"georganiseerde_activiteit": 3, "vrijwilligerswerk": 4,
                  "betaald_werk_met_ondersteuning": 5, "betaald_werk": 6}
KEUZES = {
    "contacten": ("geen", "alleen_functioneel", "weinig", "regelmatig"),
    "deelname": ("geen", *DEELNAME_TREDE),
    "duur": ("kort", "maanden", "jaren"),
    "houding_hulp": ("open", "twijfelt", "weigert"),
    "zegt_eenzaam": ("ja", "nee"),
    "leeftijdsgroep": ("kind", "jongere", "volwassene", "oudere"),
}
LEVENSGEBEURTENISSEN = ("overlijden_partner", "overlijden_naaste", "scheiding", "verhuizing", "baanverlies",
                        "pensioen", "ziekte", "geboorte_kind", "migratie")
PROBLEMEN = ("schulden", "verslaving", "psychische_problemen", "psychische_crisis", "gezondheid", "verwaarlozing")
SIGNALEN = ("gordijnen_dicht", "brievenbus_vol", "tuin_verwaarloosd", "komt_niet_buiten", "weinig_contact",
            "alleen_functionele_contacten", "niet_meer_bij_activiteiten", "somberheid", "lusteloosheid",
            "slecht_slapen", "slecht_eten", "vermoeidheid", "hoofdpijn", "alcoholgebruik", "medicijngebruik",
            "houdt_afstand", "klampt_vast", "zegt_eenzaam", "zinloosheid", "verdriet")
VERZAMELINGEN = {"levensgebeurtenissen": LEVENSGEBEURTENISSEN, "problemen": PROBLEMEN, "signalen": SIGNALEN}

GGZ_PROBLEMEN = ("psychische_problemen", "psychische_crisis", "verslaving")
WEINIG_NETWERK = ("geen", "alleen_functioneel")
NETWERK_NOG = ("weinig", "regelmatig")
# Signs that isolation has set in: someone who no longer goes out or takes part.
INGEZET_SIGNALEN = ("komt_niet_buiten", "gordijnen_dicht", "brievenbus_vol")
KRIMP_SIGNALEN = ("weinig_contact", "niet_meer_bij_activiteiten")
EENZAAMHEID_SIGNALEN = ("zegt_eenzaam", "verdriet")
ISOLEMENT_SIGNALEN = ("komt_niet_buiten", "weinig_contact", "alleen_functionele_contacten", "gordijnen_dicht",
                      "brievenbus_vol", "niet_meer_bij_activiteiten")


@dataclass(frozen=True)
class Antwoorden:
    """What the worker told. None: not asked yet; "weet_niet": the worker doesn't know.
    The three sets take a frozenset of canonical values (empty: asked, none) or "weet_niet"."""
    contacten: Optional[str] = None
    deelname: Optional[str] = None
    duur: Optional[str] = None
    levensgebeurtenissen: Optional[FrozenSet[str]] = None
    problemen: Optional[FrozenSet[str]] = None
    signalen: Optional[FrozenSet[str]] = None
    houding_hulp: Optional[str] = None
    zegt_eenzaam: Optional[str] = None
    leeftijdsgroep: Optional[str] = None
    acuut: bool = False
    typelezing: Optional[str] = None  # the type reading of the description (LEZINGEN), when it was sure
    geschat: FrozenSet[str] = frozenset()  # facets only estimated from the description (facetlezing.py)
    uit_beschrijving: FrozenSet[str] = frozenset()  # facets read from the description's words, not told in the form

    def __post_init__(self) -> None:
        if self.typelezing not in (None, *LEZINGEN):
            raise ValueError(f"typelezing: onbekende waarde {self.typelezing!r}")
        for naam, toegestaan in KEUZES.items():
            waarde = getattr(self, naam)
            if waarde not in (None, WEET_NIET, *toegestaan):
                raise ValueError(f"{naam}: onbekende waarde {waarde!r}")
        for naam, toegestaan in VERZAMELINGEN.items():
            waarde = getattr(self, naam)
            if waarde is None or waarde == WEET_NIET:
                continue
            waarde = frozenset(waarde)
            onbekend = waarde - set(toegestaan)
            if onbekend:
                raise ValueError(f"{naam}: onbekende waarde(n) {sorted(onbekend)}")
            object.__setattr__(self, naam, waarde)

    def bekend(self, naam: str) -> bool:
        return getattr(self, naam) not in (None, WEET_NIET)

    def verzameling(self, naam: str) -> FrozenSet[str]:
        """The set's values, empty when not known."""
        return getattr(self, naam) if self.bekend(naam) else frozenset()


@dataclass(frozen=True)
class Beeld:
    type_id: Optional[str]  # None: loneliness without isolation, or too little known
    type_naam: Optional[str]
    redenen: Tuple[str, ...]
    alternatief_type: Optional[str]
    alternatief_naam: Optional[str]
    trede: Optional[int]  # None when contacts and participation don't tell
    trede_naam: Optional[str]
    beleving: str  # eenzaamheid, isolement, beide, onduidelijk
    urgentie: str  # acuut, snel, regulier
    urgentie_reden: str
    vervolgstappen: Tuple[str, ...]
    onvoldoende_informatie: bool
    zonder_type: Optional[str] = None  # "eenzaamheid" (lonely, not isolated), "geen_isolement" or "onbekend"
    ontbreekt: Tuple[str, ...] = ()  # with "onbekend": what to tell first
    psychische_crisis: bool = False  # a recent psychiatric crisis: huisarts and ggz crisis route first
    uit_lezing: bool = False  # the type (or no type) comes from the reading of the whole description


# --- texts ------------------------------------------------------------------------
@lru_cache(maxsize=1)
def teksten() -> dict:
    """The texts from beoordeling.yml, loaded once."""
    return lees_mapping(TEKSTEN)


def _reden(*sleutels: str) -> str:
    tekst = teksten()["redenen"]
    for sleutel in sleutels:
        tekst = tekst[sleutel]
    return tekst


def _in_volgorde(waarden: FrozenSet[str], volgorde: Tuple[str, ...]) -> List[str]:
    return [w for w in volgorde if w in waarden]


def _reden_problemen(problemen: FrozenSet[str]) -> str:
    lijst = _in_volgorde(problemen, PROBLEMEN)
    if len(lijst) == 1:
        return _reden("probleem", lijst[0])
    namen = opsomming(_reden("probleem_naam", p) for p in lijst)
    return _reden("meerdere_problemen").format(problemen=namen)


def _reden_gebeurtenissen(a: Antwoorden) -> str:
    lijst = _in_volgorde(a.verzameling("levensgebeurtenissen"), LEVENSGEBEURTENISSEN)
    return opsomming(_reden("levensgebeurtenis", g) for g in lijst)


def _reden_krimp(a: Antwoorden) -> str:
    return opsomming(_reden("signaal", s) for s in _in_volgorde(a.verzameling("signalen"), KRIMP_SIGNALEN))


def _reden_netwerk_weg(a: Antwoorden) -> str:
    if a.contacten in WEINIG_NETWERK:
        return _reden("contacten", a.contacten)
    return _reden("netwerk_weg" if _trekt_zich_terug(a) else "weinig_na_gebeurtenis")


def _reden_houding(a: Antwoorden) -> str:
    assert a.houding_hulp is not None  # quoted only when _mijdt_hulp holds
    return _reden("houding_hulp", a.houding_hulp)


# --- facts read from the answers ----------------------------------------------------
def _problemen(a: Antwoorden) -> FrozenSet[str]:
    """The problems, a recent psychiatric crisis counted once: it is the psychic
    problem, not a second one next to it."""
    problemen = a.verzameling("problemen")
    if "psychische_crisis" in problemen:
        return problemen - {"psychische_problemen"}
    return problemen


def _ggz(a: Antwoorden) -> FrozenSet[str]:
    return _problemen(a) & set(GGZ_PROBLEMEN)


def _gebeurtenis(a: Antwoorden) -> bool:
    return bool(a.verzameling("levensgebeurtenissen"))


def _recente_crisis(a: Antwoorden) -> bool:
    """A psychiatric crisis that began lately, the only ggz problem, in a
    situation that is weeks or months old: the crisis is the circumstance that
    isolates. On the annotated description sets such a case was situational
    four times in seven; long-lasting isolation with a new crisis stays the
    fourth type (duration years)."""
    return _ggz(a) == {"psychische_crisis"} and a.duur in ("kort", "maanden")


def _krimp(a: Antwoorden) -> bool:
    return bool(a.verzameling("signalen") & set(KRIMP_SIGNALEN))


def _trekt_zich_terug(a: Antwoorden) -> bool:
    """Takes part in nothing, or is not known to take part and no longer goes out."""
    return a.deelname == "geen" or (a.deelname not in DEELNAME_TREDE
                                    and bool(a.verzameling("signalen") & set(INGEZET_SIGNALEN)))


def _weinig_na_gebeurtenis(a: Antwoorden) -> bool:
    """A few contacts, not known to take part anywhere, after a life event that
    is not just now: how the twelve description sets written apart read a
    few contacts months after a death or a move (situational isolation). Just
    after the event, a network that is still thinning is threatening isolation."""
    return a.contacten == "weinig" and a.deelname not in DEELNAME_TREDE and _gebeurtenis(a) and a.duur != "kort"


def _netwerk_weg(a: Antwoorden) -> bool:
    """The network has fallen away: no or only functional contacts, or a few
    contacts while the person withdraws or after a life event."""
    return (a.contacten in WEINIG_NETWERK or (a.contacten == "weinig" and _trekt_zich_terug(a))
            or _weinig_na_gebeurtenis(a))


def _netwerk_nog(a: Antwoorden) -> bool:
    """Contacts or taking part are still there (the network may be shrinking)."""
    return not _netwerk_weg(a) and (a.contacten in NETWERK_NOG
                                    or (a.contacten is None and a.deelname in DEELNAME_TREDE))


def _risico(a: Antwoorden) -> bool:
    """A risk for a network that is still there: a life event, old age, a
    shrinking network. A network alone threatens nothing."""
    return _gebeurtenis(a) or a.leeftijdsgroep == "oudere" or _krimp(a)


def _mijdt_hulp(a: Antwoorden) -> bool:
    return a.houding_hulp in ("twijfelt", "weigert")


def _verwaarlozing(a: Antwoorden) -> bool:
    return "verwaarlozing" in a.verzameling("problemen")


def _aantal_problemen(a: Antwoorden) -> int:
    return len(_problemen(a))


# --- scoring the type ------------------------------------------------------------------
Kenmerk = Callable[[Antwoorden], Optional[Tuple[int, str]]]


def _kenmerk(punten: int, geldt: Callable[[Antwoorden], bool], reden: Callable[[Antwoorden], str]) -> Kenmerk:
    """A feature worth `punten` when `geldt` holds, with the phrase that quotes the answer."""
    return lambda a: (punten, reden(a)) if geldt(a) else None


_CONTACTEN = lambda a: _reden("contacten", a.contacten)  # noqa: E731
_DUUR = lambda a: _reden("duur", a.duur)  # noqa: E731

KENMERKEN: Dict[str, Tuple[Kenmerk, ...]] = {
    "dreigend": (
        _kenmerk(2, lambda a: _netwerk_nog(a) and a.contacten is not None and _risico(a), _CONTACTEN),
        _kenmerk(2, lambda a: a.contacten is None and a.deelname in DEELNAME_TREDE and _risico(a),
                 lambda a: _reden("deelname")),
        _kenmerk(1, _gebeurtenis, _reden_gebeurtenissen),
        _kenmerk(1, lambda a: a.leeftijdsgroep == "oudere", lambda a: _reden("oudere")),
        _kenmerk(1, _krimp, _reden_krimp),
        _kenmerk(1, lambda a: a.duur == "kort", _DUUR),
    ),
    "situationeel": (
        _kenmerk(2, _gebeurtenis, _reden_gebeurtenissen),
        _kenmerk(2, lambda a: a.duur in ("kort", "maanden"), _DUUR),
        _kenmerk(2, _netwerk_weg, _reden_netwerk_weg),
    ),
    "structureel": (
        _kenmerk(2, lambda a: a.duur == "jaren", _DUUR),
        _kenmerk(2, lambda a: a.contacten in WEINIG_NETWERK, _CONTACTEN),
        # few contacts as a feature of isolation: "er is maar weinig contact", not "nog wel wat"
        _kenmerk(1, lambda a: a.contacten == "weinig", lambda a: _reden("weinig_contact")),
        _kenmerk(2, lambda a: _aantal_problemen(a) >= 2, lambda a: _reden_problemen(_problemen(a))),
        _kenmerk(1, lambda a: _aantal_problemen(a) == 1, lambda a: _reden_problemen(_problemen(a))),
    ),
    "structureel_ggz": (
        _kenmerk(2, lambda a: a.duur == "jaren", _DUUR),
        _kenmerk(2, lambda a: bool(_ggz(a)), lambda a: _reden_problemen(_ggz(a))),
        _kenmerk(2, _mijdt_hulp, _reden_houding),
        _kenmerk(1, _verwaarlozing, lambda a: _reden("probleem", "verwaarlozing")),
    ),
}

KERNREGELS: Dict[str, Callable[[Antwoorden], bool]] = {
    "dreigend": lambda a: _netwerk_nog(a) and a.duur != "jaren" and _risico(a),
    "situationeel": lambda a: ((_gebeurtenis(a) and a.duur in ("kort", "maanden") and _netwerk_weg(a)
                                and not _ggz(a)) or _recente_crisis(a)),
    "structureel": lambda a: (a.duur == "jaren" and not _ggz(a)
                              and (a.contacten in (*WEINIG_NETWERK, "weinig") or _aantal_problemen(a) >= 2)),
    # Seed 001: structural isolation together with ggz problems, whether or not help is accepted.
    "structureel_ggz": lambda a: (bool(_ggz(a)) and a.duur not in ("kort", "maanden")
                                  and (a.duur == "jaren" or a.contacten in WEINIG_NETWERK)),
}


def _gevonden(type_id: str, a: Antwoorden) -> List[Tuple[int, str]]:
    """The features of a type that the answers show, highest points first."""
    gevonden = [k(a) for k in KENMERKEN[type_id]]
    return sorted((g for g in gevonden if g), key=lambda g: -g[0])


# A type that cannot apply without its defining fact: the fourth type is structural
# isolation *with* ggz problems (seed 001); years alone, or help kept off alone,
# do not make it.
VOORWAARDEN: Dict[str, Callable[[Antwoorden], bool]] = {
    "structureel_ggz": lambda a: bool(_ggz(a)),
}


def scores(a: Antwoorden) -> Dict[str, int]:
    """Points per type: its features plus the bonus when its whole pattern fits;
    none for a type whose defining fact is missing."""
    return {t: (sum(p for p, _ in _gevonden(t, a)) + (KERNREGEL_BONUS if KERNREGELS[t](a) else 0)
                if VOORWAARDEN.get(t, lambda a: True)(a) else 0)
            for t in TYPES}


def _netwerk_onbekend(a: Antwoorden) -> bool:
    """Nothing known about contacts, taking part or how long: a type of
    isolation would rest on nothing about isolation itself."""
    return not (a.bekend("contacten") or a.bekend("deelname") or a.bekend("duur"))


def _kies_type(punten: Dict[str, int]) -> Tuple[Optional[str], Optional[str]]:
    """The winner (ties go to the heavier type) and a runner-up when it is a close call;
    no type when nothing points to one."""
    rangorde = sorted(TYPES, key=lambda t: (punten[t], TYPES.index(t)), reverse=True)
    beste, tweede = rangorde[0], rangorde[1]
    if punten[beste] < MINIMUM_TYPE:
        return None, None
    dichtbij = punten[tweede] >= max(punten[beste] - GRENS_MARGE, MINIMUM_ALTERNATIEF)
    return beste, (tweede if dichtbij else None)


def _type_naam(type_id: str) -> str:
    onderwerp = kennisbank().onderwerp(f"type_{type_id}")
    assert onderwerp is not None  # every type has its topic in onderwerpen.yml
    return onderwerp.titel


# --- rung, experience, urgency ---------------------------------------------------------
def trede(a: Antwoorden) -> Optional[int]:
    """The rung on the participation ladder, or None when the answers don't tell."""
    if a.contacten in WEINIG_NETWERK or (a.deelname == "geen" and a.contacten == "weinig"):
        return 1
    if a.deelname in DEELNAME_TREDE:
        return DEELNAME_TREDE[a.deelname]
    if a.contacten == "regelmatig":
        return 2
    return None


def _trede_naam(nummer: Optional[int]) -> Optional[str]:
    return next((t["naam"] for t in kennisbank().treden if t["nummer"] == nummer), None)


def _eenzaam(a: Antwoorden) -> bool:
    """Loneliness is what the person feels: only their own word is sure, so a
    "nee" outweighs sad-looking signals."""
    signalen = a.verzameling("signalen")
    return a.zegt_eenzaam == "ja" or (a.zegt_eenzaam != "nee" and bool(signalen & set(EENZAAMHEID_SIGNALEN)))


def _geisoleerd(a: Antwoorden, nummer: Optional[int]) -> bool:
    """Isolation is what you can see: few or only functional contacts, or its signals."""
    return (a.contacten in WEINIG_NETWERK or nummer == 1
            or bool(a.verzameling("signalen") & set(ISOLEMENT_SIGNALEN)))


def _netwerk(a: Antwoorden) -> bool:
    """Contacts to speak of: regular contact, or taking part without few contacts."""
    return a.contacten == "regelmatig" or (a.contacten is None and a.deelname in DEELNAME_TREDE)


def eenzaam_zonder_isolement(a: Antwoorden) -> bool:
    """Lonely with a network and no sign of isolation (De Jong Gierveld: loneliness
    is what someone feels, isolation what you can see; KNOWLEDGE.md §1)."""
    return _eenzaam(a) and _netwerk(a) and not _geisoleerd(a, trede(a))


def zonder_isolement(a: Antwoorden) -> bool:
    """Regular contact, taking part, the person's own "not lonely", and no sign
    of isolation, a shrinking network, ggz problems or help kept off: no type
    to name, unless the whole pattern of a heavier type fits. A loss next to a
    full life is a reason to keep an eye out, not a threatening isolation."""
    zeker = a.deelname in DEELNAME_TREDE and a.zegt_eenzaam == "nee"
    return (a.contacten == "regelmatig" and (zeker or not (_risico(a) or _eenzaam(a)))
            and not _geisoleerd(a, trede(a)) and not _krimp(a) and not _ggz(a) and not _mijdt_hulp(a)
            and not any(KERNREGELS[t](a) for t in TYPES if t != "dreigend"))


def beleving(a: Antwoorden, nummer: Optional[int], type_id: Optional[str] = None) -> str:
    """eenzaamheid, isolement, beide or onduidelijk. Any type of isolation, a
    threatening one too, means the picture is about isolation; loneliness only
    when the person says so or shows sadness, since gloom or finding life
    pointless can also come without missing people."""
    eenzaam = _eenzaam(a)
    geisoleerd = type_id is not None or _geisoleerd(a, nummer)
    if eenzaam and geisoleerd:
        return "beide"
    if eenzaam:
        return "eenzaamheid"
    return "isolement" if geisoleerd else "onduidelijk"


def urgentie(a: Antwoorden) -> Tuple[str, str]:
    """acuut on acute danger or a death wish; snel on neglect, refused help,
    two or more problems, a psychiatric crisis or finding life pointless."""
    tekst = teksten()["urgentie"]
    if a.acuut:
        return "acuut", tekst["acuut"]
    redenen = [tekst[sleutel] for sleutel, geldt in (
        ("psychische_crisis", "psychische_crisis" in a.verzameling("problemen")),
        ("zinloosheid", "zinloosheid" in a.verzameling("signalen")),
        ("verwaarlozing", _verwaarlozing(a)),
        ("weigert", a.houding_hulp == "weigert"),
        ("meerdere_problemen", _aantal_problemen(a) >= 2),
    ) if geldt]
    return ("snel", opsomming(redenen)) if redenen else ("regulier", tekst["regulier"])


KERN = ("contacten", "deelname", "duur", "levensgebeurtenissen", "problemen", "houding_hulp")


def onvoldoende_informatie(a: Antwoorden) -> bool:
    kern = ("contacten", "duur", "levensgebeurtenissen", "problemen", "houding_hulp")
    return sum(a.bekend(naam) for naam in kern) < 3


def ontbrekend(a: Antwoorden) -> Tuple[str, ...]:
    """The core facts nobody told yet, in the order worth asking."""
    return tuple(naam for naam in KERN if not a.bekend(naam))


def _stappen(type_id: Optional[str], zonder_type: Optional[str], a: Antwoorden) -> Tuple[str, ...]:
    """The type's steps; a psychiatric crisis first goes to the huisarts and the
    ggz crisis route, not to a volunteer; someone who keeps help off first needs
    someone who comes to them (outreach)."""
    alle = teksten()["vervolgstappen"]
    stappen = list(alle[type_id or zonder_type or "onbekend"])
    if "psychische_crisis" in a.verzameling("problemen"):
        return tuple(alle["psychische_crisis"])
    if a.houding_hulp == "weigert" and type_id not in (None, "structureel_ggz"):
        stappen.insert(0, alle["zorgmijdend"][0])
    return tuple(stappen)


# --- the picture ---------------------------------------------------------------------------
Uitkomst = Tuple[Optional[str], Optional[str], Optional[str]]  # type, alternative, zonder_type


def _volgens_regels(a: Antwoorden) -> Uitkomst:
    type_id, alternatief = (None, None) if _netwerk_onbekend(a) else _kies_type(scores(a))
    if eenzaam_zonder_isolement(a):
        return None, None, "eenzaamheid"
    if zonder_isolement(a):
        return None, None, "geen_isolement"
    return type_id, alternatief, None if type_id else "onbekend"


def _kern_verteld(a: Antwoorden) -> bool:
    """Contacts, taking part (unless there are no contacts to take part with) and how long are
    known, none only estimated from the description as a whole, and the worker told at least one
    of them in the form (an answer or a correction), not only in the description."""
    kern = ("contacten", "duur") + (() if a.contacten in WEINIG_NETWERK else ("deelname",))
    bekend = all(a.bekend(naam) and naam not in a.geschat for naam in kern)
    return bekend and any(naam not in a.uit_beschrijving for naam in kern)


def _lezing_telt(a: Antwoorden, uitkomst: Uitkomst) -> bool:
    """Whether the type reading replaces the rules' outcome (step 6 above)."""
    type_id, _, zonder_type = uitkomst
    regels = type_id or ("onbekend" if zonder_type == "onbekend" else "geen")
    return (a.typelezing not in (None, regels) and type_id != "structureel_ggz"
            and "psychische_crisis" not in a.verzameling("problemen") and not _kern_verteld(a))


def _volgens_lezing(a: Antwoorden, regels: Uitkomst) -> Uitkomst:
    """The reading's outcome; the rules' type, if any, as the alternative."""
    if a.typelezing in TYPES:
        return a.typelezing, regels[0], None
    if a.typelezing == "geen":
        return None, None, "eenzaamheid" if _eenzaam(a) else "geen_isolement"
    return None, None, "onbekend"


def _redenen(type_id: Optional[str], a: Antwoorden, uit_lezing: bool) -> Tuple[str, ...]:
    if type_id is None:
        return ()
    eigen = [reden for _, reden in _gevonden(type_id, a)]
    return tuple(([_reden("lezing")] if uit_lezing else []) + eigen)[:MAX_REDENEN]


def beoordeel(a: Antwoorden) -> Beeld:
    """The first picture of the situation the answers describe."""
    uitkomst = _volgens_regels(a)
    uit_lezing = _lezing_telt(a, uitkomst)
    type_id, alternatief, zonder_type = _volgens_lezing(a, uitkomst) if uit_lezing else uitkomst
    nummer = trede(a)
    niveau, urgentie_reden = urgentie(a)
    return Beeld(
        type_id=type_id,
        type_naam=_type_naam(type_id) if type_id else None,
        redenen=_redenen(type_id, a, uit_lezing),
        alternatief_type=alternatief,
        alternatief_naam=_type_naam(alternatief) if alternatief else None,
        trede=nummer,
        trede_naam=_trede_naam(nummer),
        beleving=beleving(a, nummer, type_id),
        urgentie=niveau,
        urgentie_reden=urgentie_reden,
        vervolgstappen=_stappen(type_id, zonder_type, a),
        onvoldoende_informatie=onvoldoende_informatie(a),
        zonder_type=zonder_type,
        ontbreekt=ontbrekend(a) if zonder_type == "onbekend" else (),
        psychische_crisis="psychische_crisis" in a.verzameling("problemen"),
        uit_lezing=uit_lezing,
    )


__all__ = ["Antwoorden", "Beeld", "beoordeel", "scores", "trede", "beleving", "urgentie", "WEET_NIET"]
