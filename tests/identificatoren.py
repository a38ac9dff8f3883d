"""Hypothesis strategies for the identifying details of the redaction
corpus's classes (issue 19): Dutch phone numbers, e-mail addresses, BSNs that
pass the elfproef, IBANs with a right checksum, postcode plus house number,
and birth dates after the words that mark them. Each draws
`(identifier, text as typed)`: the identifier is what must never be stored,
the text what a worker types around it ("geboren op" before a date). Plain
words and punctuation from `ZINNEN` go between them; all fictional."""
from __future__ import annotations

import re
from typing import List, Tuple

import phonenumbers
from hypothesis import strategies as st

from gedeeld.redactie import PUBLIC_NUMBERS

Detail = Tuple[str, str]

WOORDEN = ("mevrouw", "woont", "alleen", "en", "haar", "zoon", "belt", "soms", "de", "buurvrouw", "komt",
           "niet", "meer", "buiten", "sinds", "thuiszorg", "huisarts", "bellen", "op", "of", "mailen", "naar",
           "nummer", "adres", "is", "Zwolle", "Nijmegen", "81", "jaar", "oud", "weken", "post", "stapelt")
TUSSEN = (" ", ", ", "; ", ". ", "\n", " - ", " (", ") ", ": ", " / ")
CIJFER = st.integers(0, 9)


def _cijfers(n: int, eerste_min: int = 0) -> st.SearchStrategy[str]:
    return st.tuples(st.integers(eerste_min, 9), *[CIJFER] * (n - 1)).map(lambda ds: "".join(map(str, ds)))


def _groepen(tekst: str, maten: Tuple[int, ...], teken: str) -> str:
    delen, begin = [], 0
    for maat in maten:
        delen.append(tekst[begin:begin + maat])
        begin += maat
    return teken.join(delen)


def _geldig_nummer(tekst: str) -> bool:
    nummer = phonenumbers.parse(tekst, "NL")
    return (phonenumbers.is_valid_number(nummer)
            and phonenumbers.format_number(nummer, phonenumbers.PhoneNumberFormat.E164) not in PUBLIC_NUMBERS)


@st.composite
def telefoon(draw: st.DrawFn) -> Detail:
    """A mobile (06) or Amsterdam/Rotterdam/Utrecht number in a common notation."""
    if draw(st.booleans()):
        abonnee = "6" + draw(st.sampled_from("12345")) + draw(_cijfers(7))
        vormen = [f"0{abonnee}", f"0{abonnee[0]}-{abonnee[1:]}", f"0{abonnee[0]} {abonnee[1:]}",
                  f"+31 {abonnee[0]} {abonnee[1:]}", f"+31{abonnee}", f"0031 {abonnee}"]
    else:
        net = draw(st.sampled_from(["20", "10", "30"]))
        abonnee = draw(_cijfers(7, eerste_min=2))
        vormen = [f"0{net}{abonnee}", f"0{net}-{abonnee}", f"(0{net}) {abonnee[:3]} {abonnee[3:]}",
                  f"0{net} - {abonnee[:3]} {abonnee[3:5]} {abonnee[5:]}", f"+31 (0){net} {abonnee}"]
    nummer = draw(st.sampled_from(vormen).filter(_geldig_nummer))
    return nummer, nummer


@st.composite
def email(draw: st.DrawFn) -> Detail:
    naam = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10)
    lokaal = ".".join(draw(st.lists(naam, min_size=1, max_size=3)))
    adres = f"{lokaal}@{draw(naam)}{draw(st.sampled_from(['', '-zorg']))}.{draw(st.sampled_from(['nl', 'com', 'org']))}"
    return adres, adres


def elfproef_ok(cijfers: str) -> bool:
    return sum(int(c) * w for c, w in zip(cijfers, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True)) % 11 == 0


@st.composite
def bsn(draw: st.DrawFn) -> Detail:
    """Eight digits and the ninth that makes the elfproef pass (drawn again when none does)."""
    begin = draw(_cijfers(8, eerste_min=1))
    laatste = sum(int(c) * w for c, w in zip(begin, (9, 8, 7, 6, 5, 4, 3, 2), strict=True)) % 11
    nummer = begin + str(draw(st.just(laatste).filter(lambda n: n < 10)))
    assert elfproef_ok(nummer)
    vorm = draw(st.sampled_from([nummer, _groepen(nummer, (4, 2, 3), "."), _groepen(nummer, (3, 3, 3), " ")]))
    return vorm, f"{draw(st.sampled_from(['BSN', 'bsn', 'burgerservicenummer', 'nummer']))} {vorm}"


def _iban_controle(land: str, rest: str) -> str:
    getal = int("".join(str(int(c, 36)) for c in rest + land + "00"))
    return f"{98 - getal % 97:02d}"


@st.composite
def iban(draw: st.DrawFn) -> Detail:
    """A Dutch IBAN (bank code and ten digits) with its mod-97 check digits, compact or in groups of four."""
    rest = draw(st.sampled_from(["ABNA", "INGB", "RABO", "SNSB", "TRIO"])) + draw(_cijfers(10))
    compact = f"NL{_iban_controle('NL', rest)}{rest}"
    vorm = draw(st.sampled_from([compact, " ".join(compact[i:i + 4] for i in range(0, 18, 4))]))
    return vorm, vorm


@st.composite
def postcode_huisnummer(draw: st.DrawFn) -> Detail:
    letters = draw(st.text("ABCEFGHJKLMNPRTVWXZ", min_size=2, max_size=2))
    postcode = f"{draw(_cijfers(4, eerste_min=1))}{draw(st.sampled_from([' ', '']))}{letters}"
    huisnummer = f"{draw(st.integers(1, 999))}{draw(st.sampled_from(['', 'a', '-2', ' bis']))}"
    tekst = draw(st.sampled_from([f"{postcode} {huisnummer}", f"{postcode}, nr. {huisnummer}",
                                  f"Lindenlaan {huisnummer}, {postcode}"]))
    return tekst, tekst


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


@st.composite
def geboortedatum(draw: st.DrawFn) -> Detail:
    dag, maand, jaar = draw(st.integers(1, 28)), draw(st.integers(1, 12)), draw(st.integers(1925, 2010))
    datum = draw(st.sampled_from([f"{dag} {MAANDEN[maand - 1]} {jaar}", f"{dag:02d}-{maand:02d}-{jaar}",
                                  f"{dag}/{maand}/{jaar}", f"{jaar}-{maand:02d}-{dag:02d}"]))
    voor = draw(st.sampled_from(["geboren op", "geb.", "geboortedatum:", "Geboren", "geboortedatum is"]))
    return datum, f"{voor} {datum}"


DETAILS = st.one_of(telefoon(), email(), bsn(), iban(), postcode_huisnummer(), geboortedatum())


# Between two details written directly after each other: a space alone makes
# libphonenumber read "(020) 200 0000 06 10000000" as one invalid number and
# keep both, which gedeeld/redactie.py does not solve (a known limit).
TUSSEN_DETAILS = (", ", "; ", ". ", ": ", " en ", " of ")


@st.composite
def bericht(draw: st.DrawFn) -> Tuple[str, List[str]]:
    """(message, identifiers in it): identifying details between plain words and punctuation."""
    delen: List[str] = []
    details: List[str] = []
    vorige_detail = False
    for _ in range(draw(st.integers(1, 8))):
        detail = draw(st.booleans())
        if delen:
            delen.append(draw(st.sampled_from(TUSSEN_DETAILS if detail and vorige_detail else TUSSEN)))
        if detail:
            identificator, getypt = draw(DETAILS)
            details.append(identificator)
            delen.append(getypt)
        else:
            delen.append(" ".join(draw(st.lists(st.sampled_from(WOORDEN), min_size=1, max_size=5))))
        vorige_detail = detail
    return "".join(delen) + draw(st.sampled_from(TUSSEN)), details

def compact(tekst: str) -> str:
    """Without white space, dots, dashes, slashes and brackets: "06-1234 5678" reads "0612345678"."""
    return re.sub(r"[\s.\-/()+:,]", "", tekst).lower()


def bewaard(opgeslagen: str, detail: str) -> bool:
    return detail in opgeslagen or compact(detail) in compact(opgeslagen)
