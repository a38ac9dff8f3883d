"""Reading what a worker tells about one person, and showing it back.

Plain Python without Rasa. `lees` finds answers in free Dutch text with the
word patterns of data/kennis/signalering.yml; the signalering form keeps
them in slots. `naar_antwoorden` turns those slots into the assessment's
`Antwoorden`, and `beeld_tekst` says the resulting picture in plain Dutch.

Why patterns and not only the NLU model's entities: the questions need the
values the assessment understands (duration, kind of contact, attitude to
help) and a worker's wording varies little per question, so explicit
patterns are predictable, testable, and easy for a trainer to extend. The
model's entities are merged in where it found something the patterns missed.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import Any, Collection, Dict, Iterable, List, Mapping, Optional, Pattern, Sequence, Tuple

from actions.algemeen.tekst import normaal, opsomming
from actions.algemeen.yamlbestand import lees_mapping
from actions.kennis.kennisbank import kennisbank
from actions.signalering import context, spelling
from actions.signalering.beoordeling import DEELNAME_TREDE, WEET_NIET, Antwoorden, Beeld
from gedeeld import settings
from gedeeld.redactie import redigeer, vind

BESTAND = settings.KENNIS_DIR / "signalering.yml"

OVERGESLAGEN = "overgeslagen"
GEEN = "geen"  # a set slot that was asked and has nothing in it

# slot -> field of Antwoorden
KEUZE_SLOTS = {
    "sig_contacten": "contacten",
    "sig_deelname": "deelname",
    "sig_duur": "duur",
    "sig_houding_hulp": "houding_hulp",
    "sig_zegt_eenzaam": "zegt_eenzaam",
    "sig_leeftijdsgroep": "leeftijdsgroep",
}
SET_SLOTS = {
    "sig_levensgebeurtenissen": "levensgebeurtenissen",
    "sig_problemen": "problemen",
    "sig_signalen": "signalen",
}
ACUUT_SLOT = "sig_acuut"
# The type reading of the description (typelezing.py), when it was sure; kept with the answers.
TYPELEZING_SLOT = "sig_typelezing"
# What the facet reading (facetlezing.py) estimated from the description as a whole, per slot,
# while the worker has not confirmed or corrected it.
GESCHAT_SLOT = "sig_geschat"
# The single-choice slots the patterns read from the description's words, while the worker has
# not answered or corrected them in the form (beoordeling.py: when the type reading counts).
UIT_BESCHRIJVING_SLOT = "sig_uit_beschrijving"
# Everything read or asked about one person.
CASUS_SLOTS = (*KEUZE_SLOTS, *SET_SLOTS, ACUUT_SLOT, TYPELEZING_SLOT, GESCHAT_SLOT, UIT_BESCHRIJVING_SLOT)
# The picture as slots: the plan, the export and a new session read them too.
BEELD_SLOTS = ("beeld_type", "beeld_trede", "beeld_urgentie", "beeld_beleving", "beeld_redenen")

# What the model's entities mean for the slots; doelgroep only tells an age group.
ENTITEIT_SLOTS = {"levensgebeurtenis": "sig_levensgebeurtenissen", "probleem": "sig_problemen",
                  "signaal": "sig_signalen"}
DOELGROEP_LEEFTIJD = {"ouderen": "oudere", "jongeren": "jongere", "kinderen": "kind", "volwassenen": "volwassene"}


# --- the data file -------------------------------------------------------------------
def zonder_accenten(tekst: str) -> str:
    """'héél', 'suïcidaal', 'geëmigreerd' as 'heel', 'suicidaal', 'geemigreerd': one
    character for one, so a position in the result is a position in the text."""
    return "".join(unicodedata.normalize("NFD", c)[0] for c in tekst)


def _compileer(patronen: Iterable[str]) -> Tuple[Pattern[str], ...]:
    return tuple(re.compile(zonder_accenten(p)) for p in patronen)


def _per_waarde(blok: Mapping[str, Mapping[str, List[str]]]) -> Dict[str, Dict[str, Tuple[Pattern[str], ...]]]:
    return {slot: {waarde: _compileer(p) for waarde, p in waarden.items()} for slot, waarden in blok.items()}


@lru_cache(maxsize=1)
def gegevens() -> dict:
    """signalering.yml with its patterns compiled; loaded once."""
    data = lees_mapping(BESTAND)
    data["herkenning"] = _per_waarde(_met_lijsten(data["herkenning"], data["woordenlijsten"]))
    data["antwoorden"] = _per_waarde(data["antwoorden"])
    data["onderwerpen"] = {slot: re.compile(p) for slot, p in data["onderwerpen"].items()}
    data["sturing"] = {soort: _compileer(p) for soort, p in data["sturing"].items()}
    data["bevestigen"].update({oordeel: _compileer(data["bevestigen"][oordeel]) for oordeel in ("ja", "nee")})
    data["acuut"] = _compileer(_met_lijsten(data["acuut"], data["woordenlijsten"]))
    data["doodswens"] = _compileer(_met_lijsten(data["doodswens"], data["woordenlijsten"]))
    data["psychose_tekens"] = _compileer(data["psychose_tekens"])
    data["psychose_recent"] = re.compile(data["psychose_recent"])
    data["functionele_bezoekers"] = _compileer(data["functionele_bezoekers"])
    data["leeftijd"]["patronen"] = _compileer(data["leeftijd"]["patronen"])
    data["chattaal"] = _chattaal(data["chattaal"])
    data["gevaarwoorden"] = tuple(data["gevaarwoorden"])
    data["voorwaarde"] = _compileer(data["voorwaarde"])
    data["nu_gaande"] = re.compile(data["nu_gaande"])
    data["gevaar_ontkend"] = {kant: re.compile(p) for kant, p in data["gevaar_ontkend"].items()}
    data["gevaar_voorbij"] = {kant: re.compile(p) for kant, p in data["gevaar_voorbij"].items()}
    data["verhaal"] = re.compile(data["verhaal"])
    data["context"] = context.compileer(_zonder_accenten_in(data["context"]))
    return data


def _chattaal(woorden: Mapping[str, str]) -> Tuple[Pattern[str], Mapping[str, str]]:
    """One pattern for every chat spelling as a whole word, and what each means."""
    los = "|".join(sorted((re.escape(w) for w in woorden), key=len, reverse=True))
    return re.compile(rf"(?<![\w'/])({los})(?![\w'/])"), dict(woorden)


def _met_lijsten(waarde: Any, lijsten: Mapping[str, str]) -> Any:
    """Every "{naam}" in the patterns replaced by the word list of that name
    (a regex quantifier such as {0,25} has no letters, so it stays)."""
    if isinstance(waarde, str):
        return re.sub(r"\{([a-z_]+)\}", lambda m: lijsten[m.group(1)], waarde)
    if isinstance(waarde, list):
        return [_met_lijsten(w, lijsten) for w in waarde]
    return {k: _met_lijsten(v, lijsten) for k, v in waarde.items()}


def _zonder_accenten_in(waarde: Any) -> Any:
    """Every string in the context section without accents, like the text it reads."""
    if isinstance(waarde, str):
        return zonder_accenten(waarde)
    if isinstance(waarde, list):
        return [_zonder_accenten_in(w) for w in waarde]
    if isinstance(waarde, dict):
        return {k: _zonder_accenten_in(v) for k, v in waarde.items()}
    return waarde


# A message the model could not place reads as a description of someone when
# it names at least this many facets of the questions (age group, contacts,
# duration, ...). Chosen on the training examples: 65 of the 87 descriptions
# name two or more, against 22 of the 2,700 examples of other intents, which
# are form answers and worries about care avoidance as often as not.
MINSTE_FACETTEN = 2


def leest_als_beschrijving(tekst: str) -> bool:
    """Whether a message is a description of someone rather than a question:
    the dialogue starts the signalering questions for it even when the model
    read it as nothing, a form answer or a practice move (actions/gesprek/acties.py)."""
    return not is_vraag(tekst) and len(_vermeldingen_in(_leesbaar(tekst))) >= MINSTE_FACETTEN


def is_vraag(tekst: str) -> bool:
    """Whether a message asks something (a question mark or a question word first)."""
    return _vraag_in(_leesbaar(tekst))


def _vraag_in(t: str) -> bool:
    return any(p.search(t) for p in gegevens()["sturing"]["vraag"])


ZINSDEEL_EINDE = re.compile(r"(?<=[.!?;,\n])\s*")


def bewering_acuut(tekst: str) -> bool:
    """Whether a clause that states a fact, not one that asks or sets a
    condition, names acute danger: "Moet ik 112 bellen? Hij praat ineens met
    een scheve mond" does, "welk nummer bel ik bij zelfmoordgedachten" does
    not; a question that says the danger happens now ("... bij huiselijk
    geweld dat nu gebeurt?") states it too. Clauses end at a full stop,
    question or exclamation mark, semicolon, new line or comma."""
    delen = (_leesbaar(deel) for deel in ZINSDEEL_EINDE.split(tekst))
    return any(_acuut_in(t) and (not _vraag_in(t) or gegevens()["nu_gaande"].search(t))
               and not _voorwaarde_in(t) for t in delen)


ZIN_EINDE = re.compile(r"(?<=[.!?\n])\s*")


def vertelt(tekst: str) -> bool:
    """Whether a sentence of the text states something rather than asks it or sets a
    condition: "Bel ik de politie? Een meisje vertelde net ..." does."""
    zinnen = (_leesbaar(zin) for zin in ZIN_EINDE.split(tekst) if zin.strip())
    return any(not _vraag_in(zin) and not _voorwaarde_in(zin) for zin in zinnen)


def _voorwaarde_in(t: str) -> bool:
    """Whether a clause sets a condition ("als iemand zegt dat hij dood wil, ...")."""
    return any(p.search(t) for p in gegevens()["voorwaarde"])


def vragen() -> List[str]:
    """The question slots, in the order the form asks them."""
    return list(gegevens()["vragen"])


# --- reading text ----------------------------------------------------------------------
def sturing(tekst: str) -> Optional[str]:
    """'weet_niet', 'overslaan' or 'terug' when the text steers the questions."""
    t = _leesbaar(tekst)
    return next((soort for soort, patronen in gegevens()["sturing"].items()
                 if any(p.search(t) for p in patronen)), None)


def bevestiging(tekst: str) -> Optional[str]:
    """'ja' or 'nee' when the text confirms or rejects an estimate put to the worker."""
    t = _leesbaar(tekst)
    return next((oordeel for oordeel in ("ja", "nee") if any(p.search(t) for p in gegevens()["bevestigen"][oordeel])),
                None)


def bevestigvraag(slot: str, waarde: Any) -> str:
    """The estimate put to the worker, in place of the question for `slot`."""
    naam = gegevens()["labels"][slot]["naam"]
    return gegevens()["bevestigen"]["tekst"].format(naam=naam, waarde=waarde_tekst(slot, waarde))


def is_acuut(tekst: str) -> bool:
    """Whether the text names acute danger (suicide, violence, life-threatening neglect)."""
    return _acuut_in(_leesbaar(tekst))


# Set in a message's parse data when the NLU's danger model read acute danger
# in it (bot/nlu/crisisvangnet.py, bot/nlu/gevaarmodel.py).
GEVAAR_GELEZEN = "gevaar_gelezen"


def acuut_gelezen(bericht: Mapping[str, Any]) -> bool:
    """Whether a message (a tracker's `latest_message`) names acute danger:
    as the NLU's danger model read it, or by the patterns."""
    return bool(bericht.get(GEVAAR_GELEZEN)) or is_acuut(bericht.get("text") or "")


def _acuut_in(t: str) -> bool:
    return any(_gevaar_telt(t, m) for m in _gevaarwoorden(t))


def _gevaarwoorden(t: str) -> List["re.Match[str]"]:
    return [m for p in (*gegevens()["acuut"], *gegevens()["doodswens"]) for m in p.finditer(t)]


def _gevaar_telt(t: str, m: "re.Match[str]") -> bool:
    return not _in_verhaal(t, m.start()) and not _ontkend_gevaar(t, m) and not _voorbij_gevaar(t, m)


def zonder_uitgesloten_gevaar(tekst: str) -> Optional[str]:
    """The text (as the patterns read it) without the sentences whose danger
    the contexts turn off, when the patterns find danger words and turn off
    every one of them: denied, long over, or in a story. None otherwise. So
    another reader of danger (the danger model) can read what is left: "rond
    zijn veertigste heeft hij aan zelfmoord gedacht, maar dat ligt ver achter
    hem" says nothing about danger now, the rest of the text may."""
    t = _leesbaar(tekst)
    gevonden = _gevaarwoorden(t)
    if not gevonden or any(_gevaar_telt(t, m) for m in gevonden):
        return None
    weg = sorted((context.zinsbegin(t, m.start()), _einde_zin(t, m.end())) for m in gevonden)
    delen, vanaf = [], 0
    for begin, einde in weg:
        delen.append(t[vanaf:begin])
        vanaf = max(vanaf, einde)
    return " ".join(deel.strip() for deel in [*delen, t[vanaf:]] if deel.strip())


ZINSDEEL_OPENT = re.compile(r"\b(maar|toch|echter|terwijl)\b")


def _ontkend_gevaar(t: str, m: "re.Match[str]") -> bool:
    """Whether the clause denies the danger it names: "er zijn geen signalen dat
    ze dood wil", "suïcidaliteit uitgevraagd: geen". Read from the clause's
    last comma, colon or "maar" on, so a denial does not cover what follows it
    ("hij ontkent het, maar heeft pillen gespaard")."""
    ontkend = gegevens()["gevaar_ontkend"]
    begin = context.zinsbegin(t, m.start(), ".!?;,:\n")
    opent = [o.end() for o in ZINSDEEL_OPENT.finditer(t, begin, m.start())]
    return bool(ontkend["voor"].search(t, opent[-1] if opent else begin, m.start())
                or ontkend["na"].match(t, m.end())
                or (ontkend["gevraagd"].search(t, context.zinsbegin(t, m.start()), m.start())
                    and ontkend["antwoord_nee"].search(t, m.end(), _einde_volgende_zin(t, m.end()))))


def _voorbij_gevaar(t: str, m: "re.Match[str]") -> bool:
    """Whether the danger lies long in the past and is over: a time long ago
    in its sentence or the next, and words after it, in the rest of that
    sentence or the next, that it is over ("rond haar vijftigste heeft ze aan
    zelfdoding gedacht, maar dat ligt echt achter haar"). Not one without the
    other: "vroeger wilde hij dood" alone stays danger."""
    voorbij = gegevens()["gevaar_voorbij"]
    einde = _einde_volgende_zin(t, m.end())
    return bool(voorbij["toen"].search(t, context.zinsbegin(t, m.start()), einde)
                and voorbij["voorbij"].search(t, m.end(), einde))


ZINSTEKEN = re.compile(r"[.!?\n]")


def _einde_zin(t: str, positie: int) -> int:
    """Where the sentence that holds `positie` ends, its mark included."""
    einde = ZINSTEKEN.search(t, positie)
    return einde.end() if einde else len(t)


def _einde_volgende_zin(t: str, positie: int) -> int:
    """Where the sentence after the one that holds `positie` ends."""
    volgende = ZINSTEKEN.search(t, _einde_zin(t, positie))
    return volgende.start() if volgende else len(t)


def _in_verhaal(t: str, positie: int) -> bool:
    """Whether the sentence up to `positie` is about a film, series, book or
    role-play ("een film over een man die van een brug wilde springen"): a
    story, not danger now."""
    return bool(gegevens()["verhaal"].search(t, context.zinsbegin(t, positie, ".!?;\n"), positie))


def _leesbaar(tekst: str) -> str:
    """The text as the patterns read it: lowercase, straight quotes, no accents,
    single spaces, chat spelling written out ('nt' as 'niet'), danger words
    one letter off written right ('suisidaal' as 'suicidaal')."""
    patroon, betekenis = gegevens()["chattaal"]
    t = patroon.sub(lambda m: betekenis[m.group(1)], zonder_accenten(normaal(tekst).lower()))
    return spelling.herstel(t, gegevens()["gevaarwoorden"])


def _eerste(t: str, waarden: Mapping[str, Tuple[Pattern[str], ...]]) -> Optional[str]:
    return next((w for w, patronen in waarden.items() if any(p.search(t) for p in patronen)), None)


def _vermelding(t: str, slot: str, waarde: str, patronen: Sequence[Pattern[str]]) -> Optional[str]:
    """The words of the first mention of `waarde` that counts (not negated,
    hypothetical, past or about someone else), or None. Redacted: a pattern
    with words on both sides ("belt ... soms") can hold a phone number."""
    regels = gegevens()["context"]
    for patroon in patronen:
        for m in patroon.finditer(t):
            if context.telt(regels, t, m.start(), m.end(), f"{slot}.{waarde}"):
                return redigeer(m.group(0).strip())
    return None


def vermeldingen(tekst: str) -> Dict[str, Dict[str, str]]:
    """Per slot, the values a description mentions with the words they came
    from. The words are quoted from the text as the patterns read it (lower
    case), where a name after its title is no longer recognisable ("dhr. vos,
    70,"): what the redaction finds in the worker's own text is taken out of
    the quotes too, so the summary stored with the conversation holds no name."""
    vormen = ((_leesbaar(tekst[v.start:v.end]).strip(), v.replacement) for v in vind(tekst))
    geheim = sorted(((vorm, plaats) for vorm, plaats in vormen if vorm), key=lambda paar: -len(paar[0]))
    return {slot: {waarde: _zonder(woorden, geheim) for waarde, woorden in waarden.items()}
            for slot, waarden in _vermeldingen_in(_leesbaar(tekst)).items()}


def _zonder(woorden: str, geheim: Sequence[Tuple[str, str]]) -> str:
    for vorm, plaats in geheim:
        woorden = re.sub(rf"(?<!\w){re.escape(vorm)}(?!\w)", plaats, woorden)
    return woorden.strip(" .,;:")


def _vermeldingen_in(t: str) -> Dict[str, Dict[str, str]]:
    gevonden: Dict[str, Dict[str, str]] = {}
    leeftijd = _leeftijd_met_woorden(t, los_getal=False)
    if leeftijd:
        gevonden["sig_leeftijdsgroep"] = {leeftijd[0]: leeftijd[1]}
    for slot, waarden in gegevens()["herkenning"].items():
        for waarde, patronen in waarden.items():
            woorden = _vermelding(t, slot, waarde, patronen)
            if woorden is not None:
                gevonden.setdefault(slot, {})[waarde] = woorden
                if slot not in SET_SLOTS and slot != "sig_contacten":
                    break
    return _functioneel(t, gevonden)


def _functioneel(t: str, gevonden: Dict[str, Dict[str, str]]) -> Dict[str, Dict[str, str]]:
    """"Geen familie" next to "de thuiszorg komt elke dag": no one but the
    people paid to come, so only functional contacts."""
    contacten = gevonden.get("sig_contacten", {})
    if "geen" in contacten and "alleen_functioneel" not in contacten:
        woorden = _vermelding(t, "sig_contacten", "alleen_functioneel", gegevens()["functionele_bezoekers"])
        if woorden is not None:
            contacten["alleen_functioneel"] = woorden
    return gevonden


def _contact(waarden: Sequence[str]) -> str:
    """One answer about contacts from all that were mentioned: only helpers
    outweighs the rest; "kent hier niemand" next to a son who visits is a
    few contacts, not none; "dochter komt elke zondag, verder ziet ze
    niemand" is few too, not regular (sets 1 to 34: 41 readings gained, 17
    lost): two different amounts of contact are few; else the one mentioned."""
    if "alleen_functioneel" in waarden:
        return "alleen_functioneel"
    if len(set(waarden) & {"geen", "weinig", "regelmatig"}) > 1:
        return "weinig"
    return waarden[0]


def leeftijdsgroep(leeftijd: int) -> str:
    groepen = sorted(gegevens()["leeftijd"]["groepen"].items(), key=lambda kv: kv[1])
    return [groep for groep, vanaf in groepen if leeftijd >= vanaf][-1]


def _leeftijd_met_woorden(t: str, los_getal: bool) -> Optional[Tuple[str, str]]:
    """The age group an age in years points to, with the words it was read from.
    The first age in the text counts: the person comes before the relatives
    ("Mevrouw (68) zorgt voor haar dochter van 40")."""
    patronen = list(gegevens()["leeftijd"]["patronen"])
    if los_getal:
        patronen.append(re.compile(r"^\W*(\d{1,3})\W*$"))
    leeftijden = [m for m in (p.search(t) for p in patronen) if m and int(m.group(1)) <= 110]
    if not leeftijden:
        return None
    match = min(leeftijden, key=lambda m: m.start(1))
    return leeftijdsgroep(int(match.group(1))), match.group(0).strip()


def _leeftijd(t: str, los_getal: bool) -> Optional[str]:
    gevonden = _leeftijd_met_woorden(t, los_getal)
    return gevonden[0] if gevonden else None


def _duur_sinds_jaar(t: str) -> Optional[str]:
    """'sinds 2019', in a description or as an answer to the duration question:
    how long ago that year is, counted from today."""
    match = re.search(r"\bsinds (19\d\d|20\d\d)\b", t)
    if not match:
        return None
    jaren = date.today().year - int(match.group(1))
    return "jaren" if jaren >= 2 else "maanden" if jaren == 1 else "kort"


def _strikt(t: str) -> Dict[str, Any]:
    gevonden: Dict[str, Any] = {}
    for slot, waarden in _vermeldingen_in(t).items():
        if slot in SET_SLOTS:
            lijst = list(waarden)
            if "overlijden_partner" in lijst and "overlijden_naaste" in lijst:
                lijst.remove("overlijden_naaste")
            gevonden[slot] = lijst
        else:
            gevonden[slot] = _contact(list(waarden)) if slot == "sig_contacten" else next(iter(waarden))
    groep = _leeftijd(t, los_getal=False)
    if groep:
        gevonden["sig_leeftijdsgroep"] = groep
    duur = None if "sig_duur" in gevonden else _duur_sinds_jaar(t)
    if duur:
        gevonden["sig_duur"] = duur
    return _recente_psychose(t, _doodswens(t, gevonden))


def _doodswens(t: str, gevonden: Dict[str, Any]) -> Dict[str, Any]:
    """The person's own death wish is also the signal that life feels pointless;
    not one the danger contexts turn off (denied, long over, in a story)."""
    signalen, doodswens = gevonden.get("sig_signalen", []), gegevens()["doodswens"]
    if ("zinloosheid" not in signalen and _vermelding(t, "sig_signalen", "zinloosheid", doodswens)
            and any(_gevaar_telt(t, m) for p in doodswens for m in p.finditer(t))):
        gevonden["sig_signalen"] = [*signalen, "zinloosheid"]
    return gevonden


def _recente_psychose(t: str, gevonden: Dict[str, Any]) -> Dict[str, Any]:
    """Signs of a psychosis that started only recently (a short duration, or
    days ago) are a psychiatric crisis (KNOWLEDGE.md section 10), whatever
    words the worker used for it."""
    if gevonden.get("sig_duur") != "kort" and not gegevens()["psychose_recent"].search(t):
        return gevonden
    if _vermelding(t, "sig_problemen", "psychische_crisis", gegevens()["psychose_tekens"]) is None:
        return gevonden
    problemen = gevonden.setdefault("sig_problemen", [])
    problemen.extend(p for p in ("psychische_crisis", "psychische_problemen") if p not in problemen)
    return gevonden


def _beantwoorde_vraag(t: str, vraag: str) -> str:
    """The question a short answer answers: the one asked, unless the answer
    names what another question is about and not what this one is about
    ("geen andere problemen" to the contacts question is about problems)."""
    onderwerpen = gegevens()["onderwerpen"]
    eigen = onderwerpen.get(vraag)
    if eigen is not None and eigen.search(t):
        return vraag
    return next((slot for slot, p in onderwerpen.items() if slot != vraag and p.search(t)), vraag)


def _los(t: str, vraag: str) -> Optional[Any]:
    """The looser reading of an answer to the question `vraag`."""
    if vraag == "sig_leeftijdsgroep":
        groep = _leeftijd(t, los_getal=True)
        if groep:
            return groep
    if vraag == "sig_duur":
        duur = _duur_sinds_jaar(t)
        if duur:
            return duur
    waarde = _eerste(t, gegevens()["antwoorden"].get(vraag, {}))
    if waarde is None:
        return None
    return [GEEN] if vraag in SET_SLOTS and waarde == GEEN else waarde


# What the contacts say as a signal, and the other way round.
CONTACT_SIGNAAL = {"geen": "weinig_contact", "weinig": "weinig_contact",
                   "alleen_functioneel": "alleen_functionele_contacten"}


def _samenhang(gevonden: Dict[str, Any]) -> Dict[str, Any]:
    """Keep what was read consistent: a 'nee' about feeling lonely outweighs
    the signal, what the person says about loneliness is also a signal, and
    the contacts and their signal tell each other."""
    signalen = gevonden.setdefault("sig_signalen", [])
    if gevonden.get("sig_zegt_eenzaam") == "nee" and "zegt_eenzaam" in signalen:
        signalen.remove("zegt_eenzaam")
    if "zegt_eenzaam" in signalen:
        gevonden.setdefault("sig_zegt_eenzaam", "ja")
    if gevonden.get("sig_zegt_eenzaam") == "ja" and "zegt_eenzaam" not in signalen:
        signalen.append("zegt_eenzaam")
    if "alleen_functionele_contacten" in signalen:
        gevonden.setdefault("sig_contacten", "alleen_functioneel")
    signaal = CONTACT_SIGNAAL.get(gevonden.get("sig_contacten", ""))
    if signaal and signaal not in signalen:
        signalen.append(signaal)
    if not signalen:
        gevonden.pop("sig_signalen", None)
    return gevonden


def lees(tekst: str, vraag: Optional[str] = None) -> Dict[str, Any]:
    """The slot values the text holds. With `vraag`, a short answer to that
    question counts too ("al jaren", "nee", "81")."""
    t = _leesbaar(tekst)
    gevonden = _strikt(t)
    if vraag and vraag not in gevonden:
        vraag = _beantwoorde_vraag(t, vraag)
    if vraag and vraag not in gevonden:
        waarde = _los(t, vraag)
        if waarde is not None:
            gevonden[vraag] = waarde
    if vraag is None:
        gevonden = _contact_uit_deelname(gevonden)
    return _samenhang(gevonden)


def signalen(slots: Mapping[str, Any]) -> Optional[List[str]]:
    """The signals, with what the contacts say as a signal. For an estimate of the
    contacts that signal is not stored, so it follows when the worker corrects it."""
    gezien = slots.get("sig_signalen")
    signaal = CONTACT_SIGNAAL.get(slots.get("sig_contacten") or "")
    if not signaal or set(gezien or []) & {WEET_NIET, OVERGESLAGEN} or signaal in (gezien or []):
        return gezien
    return [*(gezien or []), signaal]


SOCIALE_DEELNAME = ("georganiseerde_activiteit", "vrijwilligerswerk")


def _contact_uit_deelname(gevonden: Dict[str, Any]) -> Dict[str, Any]:
    """Someone who takes part meets people there: in a free description, a club
    or volunteer work with nothing said about contacts means regular contact,
    and taking part next to "niemand" means few contacts, not none. Only for a
    description: an answer to one question leaves the other questions open."""
    deelname = gevonden.get("sig_deelname")
    if deelname in DEELNAME_TREDE and gevonden.get("sig_contacten") == "geen":
        gevonden["sig_contacten"] = "weinig"
    elif deelname in SOCIALE_DEELNAME and "sig_contacten" not in gevonden:
        gevonden["sig_contacten"] = "regelmatig"
    return gevonden


def _entiteit_telt(entiteit: Mapping[str, Any], t: str, slot: str) -> bool:
    """Whether an entity the model found counts, by the same context rules as
    the patterns: "Schulden heeft hij niet" is no debt, whoever read it."""
    begin, eind = entiteit.get("start"), entiteit.get("end")
    if entiteit.get("role") == "afwezig":
        return False
    if not t or not isinstance(begin, int) or not isinstance(eind, int):
        return True
    return context.telt(gegevens()["context"], t, begin, eind, f"{slot}.{entiteit.get('value')}")


def uit_entiteiten(entiteiten: Iterable[Mapping[str, Any]], tekst: str = "") -> Dict[str, Any]:
    """Slot values from the NLU model's entities (canonical values, docs/entiteiten.md).
    With the message's `tekst`, a negated, hypothetical, past or someone else's
    mention is left out."""
    # Positions in the entities are positions in `tekst`: read it without
    # folding spaces, and only when lowering kept every position.
    t = zonder_accenten(tekst.lower())
    t = t if len(t) == len(tekst) else ""
    gevonden: Dict[str, Any] = {}
    for entiteit in entiteiten:
        soort, waarde = entiteit.get("entity"), entiteit.get("value")
        if soort in ENTITEIT_SLOTS and not _entiteit_telt(entiteit, t, ENTITEIT_SLOTS[soort]):
            continue
        if soort in ENTITEIT_SLOTS:
            lijst = gevonden.setdefault(ENTITEIT_SLOTS[soort], [])
            if waarde not in lijst:
                lijst.append(waarde)
        elif soort == "doelgroep" and waarde in DOELGROEP_LEEFTIJD:
            gevonden["sig_leeftijdsgroep"] = DOELGROEP_LEEFTIJD[waarde]
    return _samenhang(gevonden)


def samenvoegen(*bronnen: Mapping[str, Any]) -> Dict[str, Any]:
    """Merge readings: sets are joined, a single value from an earlier source wins."""
    samen: Dict[str, Any] = {}
    for bron in bronnen:
        for slot, waarde in bron.items():
            if slot in SET_SLOTS:
                lijst = samen.setdefault(slot, [])
                lijst.extend(w for w in waarde if w not in lijst)
            else:
                samen.setdefault(slot, waarde)
    return _bekende_waarden(samen)


def _bekende_waarden(gevonden: Dict[str, Any]) -> Dict[str, Any]:
    """Drop entity values the assessment does not know (a model can be wrong)."""
    herkenning = gegevens()["herkenning"]
    schoon: Dict[str, Any] = {}
    for slot, waarde in gevonden.items():
        if slot in SET_SLOTS:
            lijst = [w for w in waarde if w in herkenning[slot] or w == GEEN]
            if lijst:
                schoon[slot] = lijst
        else:
            schoon[slot] = waarde
    return schoon


# --- from slots to the assessment ----------------------------------------------------
def uit_beschrijving(gelezen: Mapping[str, Any]) -> Optional[List[str]]:
    """The single-choice slots a description's words filled (UIT_BESCHRIJVING_SLOT)."""
    return [slot for slot in KEUZE_SLOTS if gelezen.get(slot) is not None] or None


def naar_antwoorden(slots: Mapping[str, Any]) -> Antwoorden:
    """The form's slots as the assessment's answers. A skipped question and
    'weet ik niet' both mean: not known."""
    velden: Dict[str, Any] = {}
    for slot, veld in KEUZE_SLOTS.items():
        waarde = slots.get(slot)
        velden[veld] = WEET_NIET if waarde in (WEET_NIET, OVERGESLAGEN) else waarde
    for slot, veld in SET_SLOTS.items():
        waarde = signalen(slots) if slot == "sig_signalen" else slots.get(slot)
        if waarde is None:
            velden[veld] = frozenset() if slot == "sig_signalen" else None
        elif set(waarde) & {WEET_NIET, OVERGESLAGEN}:
            velden[veld] = WEET_NIET
        else:
            velden[veld] = frozenset(w for w in waarde if w != GEEN)
    geschat = frozenset(KEUZE_SLOTS[slot] for slot in slots.get(GESCHAT_SLOT) or ())
    uit_beschrijving = frozenset(KEUZE_SLOTS[slot] for slot in slots.get(UIT_BESCHRIJVING_SLOT) or ())
    return Antwoorden(acuut=bool(slots.get(ACUUT_SLOT)), typelezing=slots.get(TYPELEZING_SLOT),
                      geschat=geschat, uit_beschrijving=uit_beschrijving, **velden)


# --- saying it back ----------------------------------------------------------------------
def waarde_tekst(slot: str, waarde: Any) -> str:
    """How one answer reads in a list: 'al maanden', 'scheiding en verhuizing'."""
    labels = gegevens()["labels"]
    if waarde in (WEET_NIET, OVERGESLAGEN) or (isinstance(waarde, list) and set(waarde) & {WEET_NIET, OVERGESLAGEN}):
        return labels[OVERGESLAGEN if OVERGESLAGEN in (waarde if isinstance(waarde, list) else [waarde]) else WEET_NIET]
    if slot in SET_SLOTS:
        if waarde == [GEEN]:
            return labels[slot].get("geen", GEEN)
        return opsomming([labels[slot]["waarden"][w] for w in _getoond(waarde) if w != GEEN])
    return labels[slot]["waarden"][waarde]


def _getoond(waarden: Sequence[str]) -> List[str]:
    """A recent psychiatric crisis is said once, not also as 'psychische problemen'."""
    if "psychische_crisis" in waarden:
        return [w for w in waarden if w != "psychische_problemen"]
    return list(waarden)


def regel(slot: str, waarde: Any, woorden: Sequence[str] = ()) -> str:
    """'- Hoe lang: al jaren', and with the words it was read from: "('al tien jaar')"."""
    bron = " (" + ", ".join(f"'{w}'" for w in woorden) + ")" if woorden else ""
    return f"- {gegevens()['labels'][slot]['naam']}: {waarde_tekst(slot, waarde)}{bron}"


def _woorden(slot: str, waarde: Any, bronnen: Mapping[str, Mapping[str, str]]) -> List[str]:
    """The words behind a value as `vermeldingen` found them, each once."""
    waarden = waarde if isinstance(waarde, list) else [waarde]
    return list(dict.fromkeys(bronnen.get(slot, {})[w] for w in waarden if w in bronnen.get(slot, {})))


def samenvatting(slots: Mapping[str, Any], bronnen: Optional[Mapping[str, Mapping[str, str]]] = None,
                 geschat: Collection[str] = ()) -> Optional[str]:
    """The short list of what is known, or None when nothing is. With `bronnen`
    (from `vermeldingen`), each line says which words it came from, so the
    worker can see and correct a misreading; a value in `geschat` says it is
    an estimate from the description as a whole (facetlezing.py), and which
    words pointed elsewhere."""
    volgorde = [*vragen(), "sig_signalen"]
    regels = [_geschat(slot, slots[slot], bronnen or {}) if slot in geschat
              else regel(slot, slots[slot], _woorden(slot, slots[slot], bronnen or {}))
              for slot in volgorde if slots.get(slot) not in (None, [])]
    return "\n".join([gegevens()["samenvatting_kop"], *regels]) if regels else None


def _geschat(slot: str, waarde: Any, bronnen: Mapping[str, Mapping[str, str]]) -> str:
    anders = [woorden for andere, woorden in bronnen.get(slot, {}).items() if andere != waarde]
    ook = gegevens()["geschat_ook"].format(woorden=", ".join(f"'{w}'" for w in anders)) if anders else ""
    return f"{regel(slot, waarde)} ({gegevens()['geschat']}{ook})"


def _type_regels(beeld: Beeld) -> List[str]:
    """The type line: a type with its reasons, or why there is none."""
    t = gegevens()["beeld"]
    if beeld.zonder_type:
        teksten = t["lezing"] if beeld.uit_lezing else t["zonder_type"]
        uitleg = t["uitleg_eenzaamheid"].format(bron=kennisbank().bronvermelding("djg_kort_2008"))
        ontbreekt = opsomming(t["ontbreekt"][naam] for naam in beeld.ontbreekt)
        return ["- " + teksten[beeld.zonder_type].format(uitleg=uitleg, ontbreekt=ontbreekt)]
    assert beeld.type_naam is not None  # a picture names a type or says why it names none
    type_naam = beeld.type_naam[0].lower() + beeld.type_naam[1:]
    regels = ["- " + t["type"].format(type=type_naam, redenen=opsomming(beeld.redenen))]
    if beeld.alternatief_naam:
        alternatief = beeld.alternatief_naam[0].lower() + beeld.alternatief_naam[1:]
        regels.append("  " + t["alternatief"].format(type=alternatief))
    return regels


def beeld_tekst(beeld: Beeld) -> str:
    """The picture in plain Dutch: a suggestion with its reasons, never a label."""
    t = gegevens()["beeld"]
    kennis = kennisbank()
    regels = [t["kop_weinig_info"] if beeld.onvoldoende_informatie else t["kop"], *_type_regels(beeld)]
    if beeld.psychische_crisis:
        regels.append("- " + t["psychische_crisis"].format(bron=kennis.bronvermelding("bron_ggz_crisis")))
    if beeld.trede is None:
        regels.append("- " + t["trede_onbekend"])
    else:
        assert beeld.trede_naam is not None  # every rung has a name
        regels.append("- " + t["trede"].format(nummer=beeld.trede, naam=beeld.trede_naam.lower(),
                                               bron=kennis.bronvermelding(kennis.treden_bron)))
    regels.append("- " + t["beleving"][beeld.beleving])
    regels.append("- " + t["urgentie"][beeld.urgentie].format(reden=beeld.urgentie_reden))
    regels.append(t["stappen_kop"])
    regels += [f"- {stap}" for stap in beeld.vervolgstappen]
    return "\n".join(regels)
