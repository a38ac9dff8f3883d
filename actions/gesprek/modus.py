"""Intents that only mean something in one mode: a trainee's move (`zet_*`)
in practice mode and a form answer (`antwoord_geven`) inside a form.

Outside their mode such a prediction is no answer to act on: "er wordt geweld
gebruikt" once came out as a practice move with 0.13 confidence, "hij wil
helemaal geen hulp" as a form answer. Rules send those predictions to
`action_buiten_modus`, which re-reads the ranking (this module) and acts on
the best intent that does mean something here. Plain Python, no Rasa.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Optional

FORMULIER_ANTWOORD = "antwoord_geven"
ZET_VOORVOEGSEL = "zet_"
ACUUT = "acute_zorg"
FALLBACK = "nlu_fallback"
# Acute danger needs little: when crisis is the best intent left, a low
# confidence is enough (a missed crisis is worse than the help lines once too
# often). Any other intent must be as sure as the NLU fallback threshold.
ACUUT_ZEKERHEID = 0.1
ANDERE_ZEKERHEID = 0.3
# A question read as a mode-only intent asks for knowledge more often than
# not: a knowledge topic the model also considered may then be less sure.
# On tests/nlu_ontwikkel.yml and the crisis development sets with model
# nl-5ddf2f9d88cfdbe3, questions whose best meaningful guess is a knowledge
# topic between 0.2 and 0.3: 1, and right ("welke training krijgen
# vrijwilligers ...": vrijwilligers 0.28); the next ones under 0.2 were wrong.
VRAAG_ZEKERHEID = 0.2
# A message the NLU could not place (nlu_fallback) gets the crisis routes when
# acute danger is one of its two best guesses: measured on the development
# sets (data/crisis/, data/beschrijvingen/).
ACUUT_BIJ_TWIJFEL = 2
# A best guess under this is no conviction. Measured on the ten crisis
# development sets and tests/nlu_ontwikkel.yml with model nl-5ddf2f9d88cfdbe3
# (practice moves and descriptions left out, they keep their own path): with
# acute danger as second guess at 0.1 or more, the crisis lines the model
# misses that this finds, against close lines and other questions it turns
# into a crisis, out of 187, 345 and 272: under 0.4: 14, 4, 0; 0.5: 22, 4, 0;
# 0.6: 25, 5, 0. With descriptions in, 0.6 found 46 but cost 17 close lines
# and read "mevrouw zit hele dagen achter de geraniums" as a crisis.
ONZEKER = 0.6
# DIET's doubt (acute danger among the guesses of an unsure model, above) does not
# count when the danger model (bot/nlu/gevaarmodel.py, its probability in the parse
# data as GEVAAR_KANS) all but rules danger out: it turned an ordinary description
# ("Ik maak me zorgen om mijn buurvrouw van 80. Ze heeft bijna geen contacten.",
# 0.14) into the crisis answer. On the 24 crisis sets, each left out of the model in
# turn, the lowest crisis line where the doubt rule fires scored 0.17; below 0.15
# were 6 of the 12 other lines it turned into a crisis.
GEEN_GEVAAR = 0.15
GEVAAR_KANS = "gevaar_kans"


def alleen_in_modus(intent: Optional[str]) -> bool:
    """Whether the intent only means something in practice mode or a form."""
    return bool(intent) and (intent == FORMULIER_ANTWOORD or str(intent).startswith(ZET_VOORVOEGSEL))


def beste_andere(ranking: Iterable[Mapping], zeker_genoeg: float = ANDERE_ZEKERHEID) -> Optional[str]:
    """The best intent of the ranking that means something outside a mode and
    is sure enough (acute danger needs less); None when there is none."""
    for kandidaat in ranking:
        naam, zekerheid = kandidaat.get("name"), kandidaat.get("confidence") or 0
        if naam == FALLBACK or alleen_in_modus(naam):
            continue
        drempel = ACUUT_ZEKERHEID if naam == ACUUT else zeker_genoeg
        return naam if zekerheid >= drempel else None
    return None


def oefenzet_voorop(ranking: Iterable[Mapping]) -> bool:
    """Whether a practice move is one of the two best guesses other than the fallback,
    sure enough to count for another intent: a line to a client that the model could
    not tell from another reading ("Het klinkt alsof u zich best alleen voelt sinds uw
    man er niet meer is.": a description 0.48, a practice move 0.46)."""
    gissingen = [k for k in ranking if k.get("name") != FALLBACK][:2]
    return any(str(k.get("name")).startswith(ZET_VOORVOEGSEL) and (k.get("confidence") or 0) >= ANDERE_ZEKERHEID
               for k in gissingen)


def kans_sluit_gevaar_uit(kans: Optional[float]) -> bool:
    """Whether the danger model's probability all but rules acute danger out (GEEN_GEVAAR);
    None (no model) rules nothing out."""
    return kans is not None and kans < GEEN_GEVAAR


def gevaar_uitgesloten(bericht: Mapping) -> bool:
    """The same for a message, by the probability the NLU put in its parse data."""
    return kans_sluit_gevaar_uit(bericht.get(GEVAAR_KANS))


def crisis_bij_twijfel(ranking: Iterable[Mapping]) -> bool:
    """For a message that fell to the NLU fallback: whether acute danger is one
    of the model's best guesses, sure enough to act on."""
    gissingen = [k for k in ranking if k.get("name") != FALLBACK][:ACUUT_BIJ_TWIJFEL]
    return any(k.get("name") == ACUUT and (k.get("confidence") or 0) >= ACUUT_ZEKERHEID for k in gissingen)


def crisis_bij_onzekerheid(ranking: Iterable[Mapping]) -> bool:
    """The same for any message the model reads without conviction: its best
    guess under ONZEKER, and acute danger one of its two best guesses."""
    gissingen = [k for k in ranking if k.get("name") != FALLBACK]
    return bool(gissingen) and (gissingen[0].get("confidence") or 0) < ONZEKER and crisis_bij_twijfel(gissingen)


BESCHRIJVING = "casus_beschrijven"
BESCHRIJVING_ZEKERHEID = 0.1
BESCHRIJVING_WOORDEN = 25


def ook_beschrijving(bericht: Mapping) -> bool:
    """Whether a message read as acute danger is also a case description worth
    reading: long, and the model's ranking gives the description a real chance.
    Chosen on the development descriptions: the ordinary descriptions the model
    read as acute danger are long ones, crisis messages mostly short."""
    tekst = str(bericht.get("text") or "")
    kans = max((k.get("confidence") or 0 for k in bericht.get("intent_ranking") or []
                if k.get("name") == BESCHRIJVING), default=0)
    return kans >= BESCHRIJVING_ZEKERHEID and len(tekst.split()) >= BESCHRIJVING_WOORDEN
