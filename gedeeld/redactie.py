"""Find and replace details that identify a person in Dutch text.

Workers type about real clients; this module makes sure what is stored reads
"mevrouw [NAAM], [TELEFOON]" instead. Plain Python, no Rasa, so the tracker
store, the case log and the tests all use the same rules.

What is found, and how (each kind is also the placeholder: ``[KIND]``):

- ``BSN``: nine digits, also written 1234.56.782 or 123 456 782, that pass the
  elfproef. The check is `stdnum.nl.bsn` (python-stdnum): a maintained
  implementation of the official test, so a random nine-digit number (10 in 11
  of them fail) stays.
- ``TELEFOON``: `phonenumbers` (Google's libphonenumber metadata) with
  ``PhoneNumberMatcher(text, "NL", leniency=VALID)``. It knows every Dutch
  notation (06-12345678, +31 (0)20 123 4567, 0031..., (020) 123 4567,
  010 - 123 45 67, 0800/0900 numbers) and which number ranges really exist,
  which a pattern cannot: dates (03-05-1941), years and amounts are not valid
  numbers, so they stay. Foreign numbers in +CC notation are found too. The
  help lines the assistant itself gives (`PUBLIC_NUMBERS`) stay, because they
  identify nobody and keep stored answers readable.
- ``E-MAIL``: a pattern; finding an address in chat text needs no library
  (validation libraries check deliverability, not where an address is).
- ``IBAN``: candidates by pattern, kept only when `stdnum.iban`
  (python-stdnum) accepts them: country format plus the mod-97 checksum. The
  same dependency-free package as the BSN check; `schwifty` would add bank
  registries and pycountry that redaction does not need. An IBAN with a wrong
  checksum stays, like a BSN that fails the elfproef.
- ``ADRES``: a pattern for a street name (a word ending in straat, laan, weg,
  plein, gracht, ...) plus house number, with a postcode after it if there is
  one, and for a full postcode (6512 AB) plus house number.
- ``POSTCODELETTERS``: a full postcode without house number keeps its four
  digits ("6512 [POSTCODELETTERS]"): the four digits are what the
  intervention lookup needs, the letters narrow it down to a few streets.
  A four-digit postcode alone, municipality names and ages stay.
- ``GEBOORTEDATUM``: a date after "geboren (op)", "geb.", "geboortedatum" or
  just before "geboren"; other dates (appointments) and a bare birth year stay.
- ``NAAM``: a capitalised name after a title or role word (mevrouw, meneer,
  mevr., dhr., mw., de heer, (mijn) cliënt, buurvrouw, zoon, haar man, ...):
  "mevrouw Jansen", "meneer De Vries", "mijn cliënt Piet". Names without such
  a word ("Piet komt niet buiten") come from deduce's Dutch name lists
  (gedeeld/naamherkenning.py), place names left out; where a pattern's
  finding overlaps one of them, the pattern's wins. Names typed in lower case
  are not found, which is one reason workers are asked not to type names.

Amounts of money (€ 1.250,00, 1250 euro) are never redacted, whatever else
matches inside them.
"""
from __future__ import annotations

import bisect
import hashlib
import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import AbstractSet, Any, Iterable, Iterator, List, Tuple

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from gedeeld import naamherkenning

# Help lines the assistant gives (data/kennis/hulplijnen.yml), in E.164.
PUBLIC_NUMBERS = frozenset({"+318000113", "+318002000", "+31880767000"})

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
LETTER = UPPER + LOWER

# Every repetition here and below starts where its run of characters starts
# (a lookbehind), so a long run is read once, not once from every position:
# work per message stays linear in its length (tests/unit/test_redactie_tijd.py).
MONEY = re.compile(
    r"€\s?\d[\d.,]*(?:-|,-)?|(?<![\d.,])\b\d[\d.,]*\s?(?:euro|eur)\b", re.IGNORECASE)

EMAIL = re.compile(r"(?<![\w.+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")

# 15 to 34 characters, in groups of four or not.
IBAN_CANDIDATE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}")

BSN = re.compile(r"(?<![\w.,-])(?:\d{9}|\d{4}[. ]\d{2}[. ]\d{3}|\d{3}[. ]\d{3}[. ]\d{3})(?![\w]|[.,-]\d)")

# Dutch postcodes never use the letter pairs SA, SD and SS. Lower-case letters
# only when written against the digits: "6512 en 6511" is two postcodes.
POSTCODE_LETTERS = r"(?: ?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![\w])"
POSTCODE = r"[1-9]\d{3}" + POSTCODE_LETTERS
FULL_POSTCODE = re.compile(r"(?<![\w])(?P<digits>[1-9]\d{3})" + POSTCODE_LETTERS)

_UNITS = (r"jaar|jaren|keer|uur|min|minuten|dag|dagen|week|weken|maand|maanden|"
          r"kind|kinderen|euro|procent|km|kilometer|meter")
HOUSE_NUMBER = (r"\d{1,5}(?!\d)(?:-\d{1,4}|[ -]?[A-Za-z](?![\w])|\s?(?:bis|hs|bg|huis|boven|I{1,3})\b)?"
                rf"(?!\s*(?:%|{_UNITS})\b)(?![\d,.]\d)")

STREET_SUFFIXES = (r"straat|straatje|laan|laantje|weg|plein|pleintje|gracht|kade|singel|dijk|dreef|"
                   r"steeg|hof|hofje|park|pad|markt|plantsoen|wal|veld|haven|akker|kamp|allee|"
                   r"boulevard|poort|promenade|passage")
PARTICLE = r"(?:[vV]an|[dD]e|[dD]er|[dD]en|[hH]et|'t|'s|[tT]er|[tT]en|[tT]e|[lL]a|[lL]e|[dD]u|[eE]l|[aA]l|[vV]on)"
# Words that open many-word street names ("Burgemeester van Nispenstraat",
# "Lange Nieuwstraat", "Van Welderenstraat"); any other capitalised word
# before a street ("Koffieochtend Hoofdstraat 12") is not part of it.
STREET_PREFIXES = (r"Burgemeester|Burg\.|Dokter|Dr\.|Professor|Prof\.|Mr\.|Pastoor|Pater|Generaal|Kapitein|"
                   r"Admiraal|President|Prins|Prinses|Koning|Koningin|Graaf|Gravin|Hertog|Jonkheer|Sint|St\.|"
                   r"Lange|Korte|Oude|Nieuwe|Grote|Kleine|Hoge|Lage|Noord|Oost|Zuid|West")
STREET = (rf"(?:(?:(?:{STREET_PREFIXES})\s+){{1,3}}(?:{PARTICLE}\s+){{0,3}}"
          rf"|(?:Van|Ter|Ten|Den|De|'t)\s+(?:(?:der|den|de)\s+)?)?"
          rf"(?<![{LETTER}'’.-])[{LETTER}'’.-]{{2,}}(?:{STREET_SUFFIXES})")
ADDRESS = re.compile(
    rf"(?<![\w])(?:{STREET}\s+{HOUSE_NUMBER}(?:\s*,?\s*{POSTCODE})?"
    rf"|{POSTCODE}[\s,]+(?:(?:nr\.?|nummer|huisnummer)\s*)?{HOUSE_NUMBER})")

_MONTHS = (r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
           r"jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec")
DATE = (rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:\d{{4}}|\d{{2}})|\d{{4}}-\d{{1,2}}-\d{{1,2}}"
        rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?(?:\s+(?:\d{{4}}|'\d{{2}}))?)(?![\w])")
BIRTH_DATE = re.compile(
    rf"\b(?:geboren|geb\.?|geboortedatum|geb\.?\s?datum)(?:\s+(?:op|is|de))?\s*:?\s*(?P<date>{DATE})"
    rf"|(?<![\w-])(?P<date_before>{DATE})(?=\s+(?:[{LETTER}]+\s+){{0,2}}geboren\b)",
    re.IGNORECASE)

TITLES = r"mevrouw|mevr\.?|mw\.?|meneer|mijnheer|dhr\.?|de\s+heer|mej\.?|juffrouw|dokter|dr\.?|familie|fam\.?"
_POSSESSIVE = r"mijn|m'n|haar|d'r|zijn|z'n|hun|onze|ons"
ROLES = (r"cli[eë]nte?|pati[eë]nte?|bewoner|bewoonster|buurman|buurvrouw|zoon|dochter|kleinzoon|"
         r"kleindochter|schoonzoon|schoondochter|broer|zus|zuster|vader|moeder|opa|oma|oom|tante|neef|"
         r"nicht|vriend|vriendin|partner|echtgenoot|echtgenote|mantelzorger|huisarts|begeleider")
NAME_WORD = rf"[{UPPER}][{LOWER}'’]+(?:-(?:{PARTICLE}\s+)?[{UPPER}][{LOWER}'’]+)*"
# A name stays on one line: "voor de bewoner" at the end of a heading is not
# followed by a name on the next line ("Gemaakt op ..."), so only spaces and
# tabs may separate a title or role from the name and the parts of a name.
_SPACE = r"[ \t]+"
NAME = (rf"(?:(?:[{UPPER}]\.[ \t]?){{1,4}})?(?:{PARTICLE}{_SPACE}){{0,3}}{NAME_WORD}"
        rf"(?:{_SPACE}(?:{PARTICLE}{_SPACE}){{0,3}}{NAME_WORD}){{0,2}}")
NAME_AFTER_TITLE = re.compile(
    rf"(?i:(?<![\w])(?:{TITLES}|(?:(?:{_POSSESSIVE})\s+)?(?:{ROLES})|(?:{_POSSESSIVE})\s+(?:man|vrouw)){_SPACE})"
    rf"(?P<name>{NAME})(?![\w])")
# Capitalised words that start a new clause rather than a name.
NOT_NAMES = frozenset("""Ik Jij Je Hij Zij Ze Wij We Het De Een Die Dat Deze Dit En Of Maar Want Is Was
    Heeft Had Wil Kan Komt Gaat Woont Zegt Uit In Op Bij Met Naar Voor Van Nee Ja""".split())

# Lower number: wins when two findings overlap.
PRIORITY = ("E-MAIL", "IBAN", "GEBOORTEDATUM", "ADRES", "POSTCODELETTERS", "BSN", "TELEFOON", "NAAM")


@dataclass(frozen=True)
class Vondst:
    """One identifying detail: `text[start:end]` becomes `replacement`."""
    kind: str
    start: int
    end: int
    replacement: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


class _Spans:
    """Spans that do not overlap, sorted, so one overlap check costs a
    bisection, not a look at every span: a message full of details (or of
    amounts) stays linear (found by fuzzing, issue 19)."""

    def __init__(self) -> None:
        self.starts: List[int] = []
        self.ends: List[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start)
        return (i > 0 and self.ends[i - 1] > start) or (i < len(self.starts) and self.starts[i] < end)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    @classmethod
    def of(cls, spans: Iterable[Tuple[int, int]]) -> "_Spans":
        result = cls()
        for start, end in spans:
            result.add(start, end)
        return result


def _finding(kind: str, start: int, end: int) -> Vondst:
    return Vondst(kind, start, end, f"[{kind}]")


def _emails(text: str) -> Iterator[Vondst]:
    for m in EMAIL.finditer(text):
        yield _finding("E-MAIL", m.start(), m.end())


# A -> "10", ..., Z -> "35": the letters of an IBAN as its checksum reads them.
_IBAN_DIGITS = {ord(letter): str(value) for value, letter in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ", start=10)}


def _mod97(candidate: str) -> bool:
    """The IBAN checksum alone: a cheap first test, so text full of IBAN-like
    words ("nl12 nl12 ...") costs microseconds per cut, not a full check."""
    compact = candidate.replace(" ", "").upper()
    return len(compact) >= 15 and int((compact[4:] + compact[:4]).translate(_IBAN_DIGITS)) % 97 == 1


def _ibans(text: str) -> Iterator[Vondst]:
    """From each possible start, the longest candidate that passes the
    checksum, cut back word by word ("NL91 ABNA 0417 1643 00 en" -> "...00")."""
    position = 0
    while m := IBAN_CANDIDATE.search(text, position):
        candidate, position = m.group(), m.start() + 1
        for end in range(len(candidate), 0, -1):
            if ((end == len(candidate) or candidate[end] == " ") and _mod97(candidate[:end])
                    and stdnum_iban.is_valid(candidate[:end])):
                yield _finding("IBAN", m.start(), m.start() + end)
                position = m.start() + end
                break


def _bsns(text: str) -> Iterator[Vondst]:
    for m in BSN.finditer(text):
        if stdnum_bsn.is_valid(m.group()):
            yield _finding("BSN", m.start(), m.end())


# libphonenumber drops a whole candidate that holds a date with slashes, so
# "afspraak 3/5/2026 0612345678" kept the number (found by fuzzing, issue 19):
# such dates are blanked (same length) before the numbers are looked for.
# A word with a digit in it; words with eight or more are read on their own.
DIGIT_WORD = re.compile(r"(?<!\S)[^\s\d]*\d\S*")
# Number groups with one space between them ("(020) 200 0000 81"): libphonenumber
# reads the whole row as one invalid candidate, so a number written in parts
# next to another number was kept (found by fuzzing). Such a row is read again
# from each group that can start a number (0, +, "(0"), a few groups at a time.
# A dash between spaces joins groups too ("81 020 - 200 00 00", found by fuzzing).
NUMBER_ROW = re.compile(r"(?<!\S)[(+]?\d[\d()\-]*(?:(?: - | )[(+]?\d[\d()\-]*)+")
GROUP = re.compile(r"\S+")
NUMBER_START = re.compile(r"\(?[0+]")
MIN_DIGITS, MAX_DIGITS = 9, 13
SLASH_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])")


def _matches(text: str, offset: int = 0) -> Iterator[Vondst]:
    """libphonenumber takes the opening bracket of "(06-12345678)" along as
    if it opened an area code; the placeholder leaves it, so both brackets stay."""
    for m in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID):
        if phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164) not in PUBLIC_NUMBERS:
            los_haakje = m.raw_string.startswith("(") and ")" not in m.raw_string
            yield _finding("TELEFOON", offset + m.start + los_haakje, offset + m.end)


def _blank(text: str, spans: Iterable[Tuple[int, int]]) -> str:
    """`text` with each span replaced by as many spaces (positions stay)."""
    parts, position = [], 0
    for start, end in sorted(spans):
        parts += [text[position:start], " " * (end - max(start, position))]
        position = max(position, end)
    return "".join(parts) + text[position:] if parts else text


def _numbers_once(text: str) -> List[Vondst]:
    """The numbers libphonenumber finds, those in words with eight or more
    digits that are not part of one, each word on its own, and those inside
    a row of number groups (`_in_row`)."""
    found = list(_matches(text))
    taken = _Spans.of((f.start, f.end) for f in found)
    found += [f for word in DIGIT_WORD.finditer(text)
              if sum(c.isdigit() for c in word.group()) >= 8 and not taken.overlaps(word.start(), word.end())
              for f in _matches(word.group(), word.start())]
    taken = _Spans.of((f.start, f.end) for f in found)
    return found + [f for row in NUMBER_ROW.finditer(text) if not taken.overlaps(row.start(), row.end())
                    for f in _in_row(row.group(), row.start())]


def _in_row(row: str, offset: int) -> List[Vondst]:
    """The numbers in `row`, read from each group that can start one, taking
    groups until there are enough digits (a fixed amount of work per group)."""
    groups = [(m.start(), m.end(), sum(c.isdigit() for c in m.group())) for m in GROUP.finditer(row)]
    found: List[Vondst] = []
    i = 0
    while i < len(groups):
        einde, hits = _number_from(row, offset, groups, i) if NUMBER_START.match(row, groups[i][0]) else (i, [])
        found += hits
        i = einde + 1
    return found


def _number_from(row: str, offset: int, groups: List[Tuple[int, int, int]],
                 i: int) -> Tuple[int, List[Vondst]]:
    """The last group of the number that starts at group `i` and what was found; (i, []) when there is none."""
    digits = 0
    for j in range(i, len(groups)):
        digits += groups[j][2]
        if digits > MAX_DIGITS:
            break
        hits = list(_matches(row[groups[i][0]:groups[j][1]], offset + groups[i][0])) if digits >= MIN_DIGITS else []
        if hits:
            return j, hits
    return i, []


def _phone_numbers(text: str) -> Iterator[Vondst]:
    """libphonenumber reads "0612345678 0687654321" or "(020) 200 0000
    0202000000" as one invalid candidate and found one or neither of them
    (found by fuzzing, issue 19); so words are also read on their own, and
    the text is read again without what was found (at most three rounds,
    each linear). Overlaps are left to `vind`."""
    text = _blank(text, ((m.start(), m.end()) for m in SLASH_DATE.finditer(text)))
    for _ in range(3):
        found = _numbers_once(text)
        if not found:
            return
        yield from found
        text = _blank(text, ((f.start, f.end) for f in found))


def _addresses(text: str) -> Iterator[Vondst]:
    for m in ADDRESS.finditer(text):
        yield _finding("ADRES", m.start(), m.end())
    for m in FULL_POSTCODE.finditer(text):
        yield Vondst("POSTCODELETTERS", m.start(), m.end(), f"{m.group('digits')} [POSTCODELETTERS]")


def _birth_dates(text: str) -> Iterator[Vondst]:
    for m in BIRTH_DATE.finditer(text):
        group = "date" if m.group("date") else "date_before"
        yield _finding("GEBOORTEDATUM", m.start(group), m.end(group))


def _is_name(words: List[str]) -> bool:
    """False when the first word that is not a particle starts a clause."""
    first = next((w for w in words if not re.fullmatch(PARTICLE, w)), None)
    return first is not None and first not in NOT_NAMES


def namen_na_titel(text: str) -> Iterator[Vondst]:
    """Names after a title or role word ("buurman Kees"): the action plan
    keeps the role and drops these names, where other names become [NAAM]."""
    for m in NAME_AFTER_TITLE.finditer(text):
        if _is_name(m.group("name").split()):
            yield _finding("NAAM", m.start("name"), m.end("name"))


FINDERS = (_emails, _ibans, _birth_dates, _addresses, _bsns, _phone_numbers, namen_na_titel)


def _names_without_title(text: str) -> Iterator[Vondst]:
    for start, end in naamherkenning.namen(text):
        yield _finding("NAAM", start, end)


def vind(text: str) -> List[Vondst]:
    """Every identifying detail in `text`, in reading order, none overlapping.
    deduce's names come last: where one overlaps a pattern's finding, the
    pattern's wins."""
    money = _Spans.of((m.start(), m.end()) for m in MONEY.finditer(text))
    candidates = [f for finder in FINDERS for f in finder(text)]
    candidates.sort(key=lambda f: (PRIORITY.index(f.kind), f.start, -f.end))
    taken, chosen = _Spans(), []
    for finding in [*candidates, *_names_without_title(text)]:
        if not (money.overlaps(finding.start, finding.end) or taken.overlaps(finding.start, finding.end)):
            taken.add(finding.start, finding.end)
            chosen.append(finding)
    return sorted(chosen, key=lambda f: f.start)


def vervang(text: str, findings: List[Vondst]) -> str:
    """`text` with each of `findings` (from `vind(text)`) replaced."""
    parts, position = [], 0
    for finding in findings:
        parts += [text[position:finding.start], finding.replacement]
        position = finding.end
    return "".join(parts) + text[position:]


class _Uitkomsten:
    """The redacted form of recently seen texts, so a text that recurs (the
    bot's own answers, a user text in both `text` and `parse_data`, a log
    line) is redacted once. Keyed by a digest under a key drawn per process,
    never by the text: the cache holds no raw text, only what may be stored
    anyway. Bounded in entries and in text length. Whether names are found
    yet (deduce loads in the background) is part of the key, so a text
    redacted before the names were there is redacted again after."""

    GROOTSTE = 4096
    LANGSTE = 4000

    def __init__(self) -> None:
        self._sleutel = os.urandom(16)
        self._items: "OrderedDict[bytes, str]" = OrderedDict()
        self._slot = threading.Lock()

    def _digest(self, text: str) -> bytes:
        stand = b"met namen" if naamherkenning.actief() else b"zonder"
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), key=self._sleutel, person=stand,
                               digest_size=20).digest()

    def redigeer(self, text: str) -> str:
        if len(text) > self.LANGSTE:
            return vervang(text, vind(text))
        digest = self._digest(text)
        with self._slot:
            if digest in self._items:
                self._items.move_to_end(digest)
                return self._items[digest]
        redacted = vervang(text, vind(text))
        with self._slot:
            self._items[digest] = redacted
            if len(self._items) > self.GROOTSTE:
                self._items.popitem(last=False)
        return redacted


_UITKOMSTEN = _Uitkomsten()


def redigeer(text: str) -> str:
    """`text` with every identifying detail replaced by its placeholder."""
    return _UITKOMSTEN.redigeer(text)


def soorten(text: str) -> List[str]:
    """The kinds of identifying detail in `text`, sorted (for tests and logs)."""
    return sorted({f.kind for f in vind(text)})


def redigeer_waarde(value: Any, keep: AbstractSet[str] = frozenset()) -> Any:
    """A JSON-like value (slot value, event payload) with every string in it
    redacted; keys, numbers, booleans and None are kept as they are, and so
    is the value under any key in `keep`, at any depth (identifiers such as
    intent and action names)."""
    if isinstance(value, str):
        return redigeer(value)
    if isinstance(value, dict):
        return {key: item if key in keep else redigeer_waarde(item, keep) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [redigeer_waarde(item, keep) for item in value]
    return value
