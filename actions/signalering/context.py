"""Whether a mention in a worker's description counts: the ConText idea for Dutch.

A pattern that finds "schulden" or "depressief" is only half the reading:
"geen schulden", "misschien depressief", "vroeger dronk hij" and "zijn
moeder is depressief" do not say that the person has debts, is depressed or
drinks now. Clinical text mining solved this with trigger words and scopes
(ConText, Harkema et al. 2009; its Dutch adaptation ContextD, Afzal et al.
2014): a trigger such as "geen" or "vroeger" governs the words after it (or
before it, for "... zijn er niet") up to a few words or the end of the
clause. spaCy's blank Dutch pipeline has no parser, so scopes here are token
windows that stop at punctuation and at words that start a new clause
("maar", "want", "omdat", "en is", ...).

Four contexts, with their triggers in data/kennis/signalering.yml (`context`):
- ontkend: "geen", "niet", "nooit", "zonder", "ontkent", "... zijn er niet";
- hypothetisch: "misschien", "bang dat", "als ze", "dreigt", "zou kunnen";
- verleden: "vroeger", "destijds", "ooit", "... gehad", "... afgelost";
- ander: someone else's problem: "zijn moeder", "haar zoon", "de buurman van",
  a relative clause after ", die" up to its punctuation, and after the
  mention "... van haar zoon"; and, when the person's gender is clear, a
  clause whose pronoun is of the other gender ("Mw. ... sinds hij met
  pensioen ging") or the writer's own "ik" outside quotes.

Plain Python; `casus.lees` asks `telt` for every pattern match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, FrozenSet, List, Mapping, Optional, Pattern, Sequence, Tuple

CONTEXTEN = ("ontkend", "hypothetisch", "verleden", "ander")
GESLACHTEN = ("vrouw", "man")
SCHRIJVER = "schrijver"  # the worker who writes: "ik ben zelf vorig jaar weduwe geworden"
TEGENOVER = (("vrouw", "man"), ("man", "vrouw"))  # each gender with the other
ZINSDEEL_MAX = 300  # characters looked back for the start of a mention's clause
OPENING_MAX = 1000  # characters of the opening that tell who the description is about
_TOKEN = re.compile(r"\w+(?:'\w+)?|[^\w\s]")
# A scope of n tokens spans at most n * TEKENS_PER_TOKEN characters, so triggers
# are only looked for that far from a mention: the work per mention is bounded,
# and reading a long message stays linear in its length.
TEKENS_PER_TOKEN = 60
GRENS_LENGTE = 20  # characters a clause break may reach past the end of a scope
BIJZIN_MAX = 16  # tokens of a relative clause about someone else
LEESTEKEN = re.compile(r"[.;:!?\n(),]")  # punctuation, the only end of such a clause
BIJZIN_OPENT = re.compile(r"\b(die|wie)$")  # a trigger that opens a relative clause: "haar zus, die", "met wie"


@dataclass(frozen=True)
class Regels:
    """The triggers and scopes of one data file, compiled."""
    voor: Mapping[str, Tuple[Pattern[str], ...]]  # context -> triggers that govern what follows
    na: Mapping[str, Tuple[Pattern[str], ...]]  # context -> triggers that govern what precedes
    einde: Mapping[str, Pattern[str]]  # context -> where its scopes stop
    venster: Mapping[str, int]  # context -> scope in tokens
    # context -> a trigger that opens a sentence and governs all of it, up to a clause break:
    # "Voorheen ging ze elke week naar de markt en naar de koffieochtend van de kerk."
    zinsbegin: Mapping[str, Optional[Pattern[str]]]
    # context -> all that may stand between a mention and a trigger after it
    tussen: Mapping[str, Optional[Pattern[str]]]
    na_einde: Pattern[str]  # ends a scope only between a mention and a trigger after it
    niet_voor: Mapping[str, FrozenSet[str]]  # context -> "slot.value"s it never applies to
    spreker: Pattern[str]  # the speech verb right before a quote: "zei tegen mij: '"
    spreker_na: Pattern[str]  # the speech verb right after one: "', zei zijn vrouw"
    hoofdzin_na_bijzin: Pattern[str]  # a verb after the comma that closes a relative clause
    hoofdzin_einde: Pattern[str]  # where that main clause ends: "maar", "en de schulden ..."
    # a duration of a relative's own problem ("haar zoon drinkt al jaren") or of the writer's own
    # visits ("ik bezoek hem al twee jaar")
    duur_van_ander: Tuple[Pattern[str], ...]
    ontkenning_in_patroon: FrozenSet[str]  # "slot.value"s whose pattern itself says "not"
    vraag_nee: Pattern[str]  # right after a mention: a short question answered no ("Geldzorgen? Nee")
    geslacht: "Geslacht"


@dataclass(frozen=True)
class Geslacht:
    """Pronouns and titles per gender, for who a clause is about."""
    titel: Mapping[str, Pattern[str]]  # gender -> title at the start of a description
    voornaamwoord: Mapping[str, Pattern[str]]  # gender -> its pronouns
    geteld: Mapping[str, Pattern[str]]  # gender -> the words that tell the person's gender
    zinsdeel_begin: Pattern[str]
    onderwerp: Pattern[str]  # the pronouns that are a subject ("hij", "zij"), not "haar" or "zijn"
    schrijver: Pattern[str]  # the writer as a subject ("ik")
    citaat_open: Pattern[str]  # a quote mark that opens a quote
    citaat_dicht: Pattern[str]  # a quote mark that closes one
    niet_voor: FrozenSet[str]


def compileer(data: Mapping[str, Any]) -> Regels:
    """The `context` section of signalering.yml as `Regels`."""
    def patronen(lijst: Optional[List[str]]) -> Tuple[Pattern[str], ...]:
        return tuple(re.compile(p) for p in (lijst or []))

    blokken: Dict[str, Mapping[str, Any]] = {c: data[c] for c in CONTEXTEN}
    return Regels(
        voor={c: patronen(blok.get("voor")) for c, blok in blokken.items()},
        na={c: patronen(blok.get("na")) for c, blok in blokken.items()},
        einde={c: re.compile("|".join(blok.get("einde", data["einde"]))) for c, blok in blokken.items()},
        venster={c: int(blok.get("venster", data["venster"])) for c, blok in blokken.items()},
        zinsbegin={c: re.compile(blok["zinsbegin"]) if "zinsbegin" in blok else None for c, blok in blokken.items()},
        tussen={c: re.compile(blok["na_tussen"]) if "na_tussen" in blok else None for c, blok in blokken.items()},
        na_einde=re.compile(data["na_einde"]),
        niet_voor={c: frozenset(blok.get("niet_voor") or []) for c, blok in blokken.items()},
        spreker=re.compile(data["ander"]["spreker"]),
        spreker_na=re.compile(data["ander"]["spreker_na"]),
        hoofdzin_na_bijzin=re.compile(data["ander"]["hoofdzin_na_bijzin"]),
        hoofdzin_einde=re.compile(data["ander"]["hoofdzin_einde"]),
        duur_van_ander=tuple(re.compile(data["ander"][k]) for k in ("duur_van_ander", "duur_van_schrijver")),
        ontkenning_in_patroon=frozenset(data["ontkenning_in_patroon"]),
        vraag_nee=re.compile(data["ontkend"]["vraag_nee"]),
        geslacht=_geslacht(data["geslacht"]),
    )


def _geslacht(data: Mapping[str, Any]) -> Geslacht:
    def geteld(blok: Mapping[str, str]) -> Pattern[str]:
        return re.compile("|".join(filter(None, [blok["voornaamwoord"], blok.get("ook_geteld")])))

    return Geslacht(titel={g: re.compile(data[g]["titel"]) for g in GESLACHTEN},
                    voornaamwoord={g: re.compile(data[g]["voornaamwoord"]) for g in GESLACHTEN},
                    geteld={g: geteld(data[g]) for g in GESLACHTEN},
                    zinsdeel_begin=re.compile(data["zinsdeel_begin"]), onderwerp=re.compile(data["onderwerp"]),
                    schrijver=re.compile(data["schrijver"]), citaat_open=re.compile(data["citaat_open"]),
                    citaat_dicht=re.compile(data["citaat_dicht"]),
                    niet_voor=frozenset(data["niet_voor"]))


def geslacht_van(regels: Geslacht, tekst: str) -> Optional[str]:
    """The described person's gender when the opening of the text makes it
    clear: a title at the start that the pronouns do not contradict, or,
    without one, pronouns of one gender at least twice as often as of the
    other. Only the opening is read, so the work per mention stays bounded
    and reading a long message stays linear, without keeping texts in a cache."""
    opening = tekst[:OPENING_MAX]
    tellingen = {g: len(regels.geteld[g].findall(opening)) for g in GESLACHTEN}
    met_titel = (g for g, ander in TEGENOVER if regels.titel[g].search(opening) and tellingen[ander] <= tellingen[g])
    zonder = (g for g, ander in TEGENOVER if tellingen[g] >= max(2, 2 * tellingen[ander]))
    return next(met_titel, None) or next(zonder, None)


def _voornaamwoorden(regels: Geslacht, tekst: str, begin: int, eind: int) -> List[Tuple[int, str, str]]:
    """(position, gender, words) of each pronoun in tekst[begin:eind], in order;
    the writer's own "ik" outside quotes counts as the gender SCHRIJVER."""
    gevonden = [(m.start(), g, m.group(0)) for g in GESLACHTEN
                for m in regels.voornaamwoord[g].finditer(tekst, begin, eind)]
    gevonden += [(m.start(), SCHRIJVER, m.group(0)) for m in regels.schrijver.finditer(tekst, begin, eind)
                 if not _in_citaat(regels, tekst, m.start())]
    return sorted(gevonden)


def _in_citaat(regels: Geslacht, tekst: str, positie: int) -> bool:
    """Whether a position lies between quotes: the person's own words
    ("ze zegt: 'ik red me wel'"), where "ik" is the person, not the writer."""
    return _citaat_opening(regels, tekst, positie) is not None


def _citaat_opening(regels: Geslacht, tekst: str, positie: int) -> Optional["re.Match[str]"]:
    """The quote mark that opens the quote `positie` lies in, or None outside quotes."""
    begin, eind = max(0, positie - ZINSDEEL_MAX), min(len(tekst), positie + 1)  # a mark needs the letter after it
    open_ = [m for m in regels.citaat_open.finditer(tekst, begin, eind) if m.start() < positie]
    dicht = [m.start() for m in regels.citaat_dicht.finditer(tekst, begin, eind) if m.start() < positie]
    return open_[-1] if open_ and (not dicht or open_[-1].start() > dicht[-1]) else None


def zinsbegin(tekst: str, positie: int, tekens: str = ".!?\n") -> int:
    """Where the sentence that holds `positie` begins: after the last of `tekens`
    before it, looked for at most ZINSDEEL_MAX characters back, so the work per
    mention stays bounded."""
    start = max(0, positie - ZINSDEEL_MAX)
    return max(tekst.rfind(teken, start, positie) for teken in tekens) + 1 or start


def _ander_geslacht(regels: Geslacht, tekst: str, begin: int, eind: int, sleutel: str) -> str:
    """The pronoun that makes the mention about someone else, or ''."""
    if {sleutel, sleutel.split(".")[0]} & regels.niet_voor:
        return ""
    persoon = geslacht_van(regels, tekst)
    if persoon is None:  # no "hij" or "zij" to describe: an "ik" may be the person writing about themself
        return ""
    grenzen = [m.end() for m in regels.zinsdeel_begin.finditer(tekst, max(0, begin - ZINSDEEL_MAX), begin)]
    start = grenzen[-1] if grenzen else max(0, begin - ZINSDEEL_MAX)
    kandidaat = _wie(regels, tekst, start, begin, eind)
    return kandidaat[2] if kandidaat and kandidaat[1] != persoon else ""


def _wie(regels: Geslacht, tekst: str, start: int, begin: int, eind: int) -> Optional[Tuple[int, str, str]]:
    """The pronoun that says whose the mention tekst[begin:eind] is, in its clause from `start`:
    a subject inside the mention ("volgens haar hoort hij stemmen"), else the last pronoun
    before it, else a subject right after it ("en wantrouwt hij iedereen"), else the first in it."""
    erin = _voornaamwoorden(regels, tekst, begin, eind)
    onderwerp = [v for v in erin if regels.onderwerp.fullmatch(v[2])]
    if onderwerp:
        return onderwerp[0]
    ervoor = _voornaamwoorden(regels, tekst, start, begin)
    if ervoor:
        return ervoor[-1]
    erna = [v for v in _voornaamwoorden(regels, tekst, eind, min(len(tekst), eind + 5))
            if v[0] == eind + 1 and regels.onderwerp.fullmatch(v[2])]
    return next(iter(erna + [v for v in erin if v[1] != SCHRIJVER]), None)


def _in_bijzin(regels: Regels, trigger: "re.Match[str]", tekst: str, begin: int) -> bool:
    """Whether the mention lies in the relative clause the trigger opens ("haar
    dochter, die sinds januari in een kliniek ligt vanwege een depressie"):
    such a clause runs to the next punctuation, whatever words it holds. When
    a verb follows the comma that closes it, the relative is also the subject
    of that main clause ("Mijn broer, die vlak bij haar woont, heeft al jaren
    een verslaving"), which runs to the next punctuation."""
    if not BIJZIN_OPENT.search(trigger.group(0)):
        return False
    leesteken = LEESTEKEN.search(tekst, trigger.end(), begin)
    if leesteken and not (regels.hoofdzin_na_bijzin.match(tekst, leesteken.start())
                          and not LEESTEKEN.search(tekst, leesteken.end(), begin)
                          and not regels.hoofdzin_einde.search(tekst, leesteken.end(), begin)):
        return False
    return len(_TOKEN.findall(tekst, trigger.end(), begin)) <= BIJZIN_MAX * (2 if leesteken else 1)


def _bereikt(regels: Regels, context: str, tekst: str, begin: int, eind: int) -> bool:
    """Whether a scope from `begin` to `eind` is short enough and not ended by
    a clause break. A break that starts in the scope may end past it: in
    "slaapt niet en wil geen hulp" the break "en wil" ends in the mention."""
    tokens = len(_TOKEN.findall(tekst, begin, eind))
    grens = regels.einde[context].search(tekst, begin, min(len(tekst), eind + GRENS_LENGTE))
    return tokens <= regels.venster[context] and not (grens and grens.start() < eind)


def contexten(regels: Regels, tekst: str, begin: int, eind: int, sleutel: str) -> List[Tuple[str, str]]:
    """The contexts that govern the mention tekst[begin:eind] of `sleutel`
    ("sig_problemen.schulden"), each with the trigger's words."""
    gevonden = []
    for context in CONTEXTEN:
        trigger = ""
        if not {sleutel, sleutel.split(".")[0]} & regels.niet_voor[context]:
            binnen = sleutel not in regels.ontkenning_in_patroon and context != "ander"
            trigger = _trigger(regels, context, tekst, begin, eind, binnen)
            if not trigger and context == "ander":
                trigger = _citaat_van_ander(regels, tekst, begin, eind)
            if not trigger and context == "ontkend":
                nee = regels.vraag_nee.match(tekst, eind)
                trigger = nee.group(1) if nee else ""
        elif context == "ander" and sleutel.startswith("sig_duur."):
            trigger = _duur_van_ander(regels, tekst, begin, eind)
        if not trigger and context == "ander":
            trigger = _ander_geslacht(regels.geslacht, tekst, begin, eind, sleutel)
        if trigger:
            gevonden.append((context, trigger))
    return gevonden


def _duur_van_ander(regels: Regels, tekst: str, begin: int, eind: int) -> str:
    """How long a relative's own problem has lasted ("haar zoon heeft al jaren
    een gokverslaving") or the writer has visited the person ("ik ben sinds
    kort haar maatje"): no duration of the person's situation. Durations are
    otherwise left out of the rules about someone else, since "sinds zijn
    vrouw overleed" does date the person's loss."""
    for patroon in regels.duur_van_ander:
        for m in patroon.finditer(tekst, max(0, begin - ZINSDEEL_MAX), min(len(tekst), eind + ZINSDEEL_MAX)):
            if m.start() > begin:
                break
            if eind <= m.end():
                return m.group(0)
    return ""


def _citaat_van_ander(regels: Regels, tekst: str, begin: int, eind: int) -> str:
    """Who speaks, when the mention lies in a quote in which someone else
    talks about themself: "Haar moeder zei tegen mij: 'ik voel me zo alleen'"
    or "'Ik ben zo eenzaam,' zei zijn vrouw". The person's own words ("Ze zei
    tegen haar dochter: '...'") stay hers, and so does what a relative says
    about the person ("Haar dochter vertelde: 'mama eet slecht'"): only an
    "ik" of the quote makes it the speaker's."""
    opening = _citaat_opening(regels.geslacht, tekst, begin)
    if opening is None or not regels.geslacht.schrijver.search(tekst, opening.end(), eind):
        return ""
    return _spreker_ervoor(regels, tekst, opening) or _spreker_erna(regels, tekst, eind)


def _spreker_ervoor(regels: Regels, tekst: str, opening: "re.Match[str]") -> str:
    """Someone else named before the speech verb that opens the quote."""
    zin = zinsbegin(tekst, opening.start())
    werkwoord = regels.spreker.search(tekst, zin, opening.end())
    return _ander_genoemd(regels, lambda p: p.search(tekst, zin, werkwoord.start())) if werkwoord else ""


def _spreker_erna(regels: Regels, tekst: str, eind: int) -> str:
    """Someone else named right after the speech verb that follows the quote."""
    sluiting = regels.geslacht.citaat_dicht.search(tekst, eind, eind + ZINSDEEL_MAX)
    werkwoord = sluiting and regels.spreker_na.match(tekst, sluiting.end())
    return _ander_genoemd(regels, lambda p: p.match(tekst, werkwoord.end())) if werkwoord else ""


def _ander_genoemd(regels: Regels, zoek: Callable[[Pattern[str]], Optional["re.Match[str]"]]) -> str:
    """The words of the first trigger for someone else that `zoek` finds, or ''."""
    return next((m.group(0) for p in regels.voor["ander"] for m in [zoek(p)] if m), "")


def _trigger(regels: Regels, context: str, tekst: str, begin: int, eind: int, binnen: bool) -> str:
    """The first trigger of `context` whose scope reaches the mention, or ''.
    With `binnen`, a trigger inside the mention counts too ("zegt dat ze
    niet eenzaam is"); a pattern that itself says "not" ("komt niet buiten")
    is only turned by a trigger outside it."""
    bereik = regels.venster[context] * TEKENS_PER_TOKEN
    for patroon in regels.voor[context]:
        for m in patroon.finditer(tekst, max(0, begin - bereik), eind):
            if m.end() <= begin and (_bereikt(regels, context, tekst, m.end(), begin)
                                     or context == "ander" and _in_bijzin(regels, m, tekst, begin)):
                return m.group(0)
            if binnen and m.start() >= begin:
                return m.group(0)
    opening = regels.zinsbegin[context]
    zin = opening.match(tekst, zinsbegin(tekst, begin)) if opening else None
    if zin and zin.end() <= begin and not regels.einde[context].search(tekst, zin.end(), begin):
        return zin.group(0).strip()
    tussen = regels.tussen[context]
    for patroon in regels.na[context]:
        # after the mention, searched from its end: a trigger that starts with free words
        # ("(\w+ ){0,3}uitgesloten") would otherwise swallow the mention and hide the one after it
        for m in patroon.finditer(tekst, eind, eind + bereik):
            if _bereikt(regels, context, tekst, eind, m.start()) and not regels.na_einde.search(
                    tekst, eind, m.start()) and (tussen is None or tussen.fullmatch(tekst, eind, m.start())):
                return m.group(0)
        binnen_gevonden = patroon.search(tekst, begin, eind) if binnen else None
        if binnen_gevonden:
            return binnen_gevonden.group(0)
    return ""


def telt(regels: Regels, tekst: str, begin: int, eind: int, sleutel: str) -> bool:
    """Whether the mention says something about the person, now, for real."""
    return not contexten(regels, tekst, begin, eind, sleutel)


__all__: Sequence[str] = ("CONTEXTEN", "Regels", "compileer", "contexten", "telt", "zinsbegin")
