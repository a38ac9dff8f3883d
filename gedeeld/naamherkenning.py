"""Names without a title word ("Piet komt al weken niet buiten", "zijn dochter
Marieke belt soms"), found with `deduce` (UMC Utrecht; Menger et al. 2018),
beside the title and role patterns of gedeeld/redactie.py.

Only deduce's name annotators are built: Dutch first names and surnames, with
its own list of common words and medical terms that are not names. Its full
pipeline also builds lookup structures for 15 MB of street names, 10 MB of
institution names and every place name: that took 93 s and 850 MB on this
machine (47 s in the issue), the name part alone about 1 s and 11 MB. deduce
2.5 has no cache for its lookup structures (3.x added one); with names only
none is needed.

What stays:
- place names: the intervention lookup needs "Utrecht", "Den Bosch" and
  "Alphen aan den Rijn", so a finding that is, alone or with up to three
  words around it, a place name (deduce's list, and the municipalities and
  provinces in data/interventies/gemeenten.yml) is not a name;
- what the assistant itself says (the responses in domain.yml, data/kennis/
  and data/interventies/): the researchers its sources name ("De Jong Gierveld") and
  the verbs that open its advice ("Pak praktische problemen aan") identify
  nobody, and stored answers stay readable;
- words the assistant uses outside names, at either end of a finding
  ("Sanne de Wit van de Zonnebloem" loses only "Sanne de Wit");
- a title in front ("mevrouw van Dijk"): only the name is replaced, as the
  patterns do.

Loading starts in a background thread as soon as this module is imported (at
server start, when the tracker store and the action server import the
redaction), so no message waits for it. Until it is ready, and when deduce
cannot be loaded (a warning is logged), `namen` finds nothing and the
patterns work alone.
"""
from __future__ import annotations

import json
import logging
import os
import re
import threading
from pathlib import Path
from typing import Any, FrozenSet, Iterator, List, Optional, Tuple, cast

import yaml

from gedeeld import settings

logger = logging.getLogger(__name__)

GEMEENTEN = settings.DATA_DIR / "interventies" / "gemeenten.yml"
# Its `geen_naam`: capitalised words that are no person's name ("Zonnebloem").
PLAN = settings.DATA_DIR / "kennis" / "plan.yml"
# deduce's name lists (tokenizer, annotators, words that are not names).
NAAMLIJSTEN = ("prefixes", "first_names", "interfixes", "interfix_surnames", "surnames", "whitelist")

_klaar = threading.Event()
_herkenner: Optional[Any] = None
_titels = re.compile("")
_plaatsen: FrozenSet[str] = frozenset()
_eigen: FrozenSet[str] = frozenset()
_eigen_woorden: FrozenSet[str] = frozenset()
# deduce's particles ("De", "van") and surnames after them ("Wit", "Man"):
# part of a name, never cut off as an ordinary word.
_naamdelen: FrozenSet[str] = frozenset()
_WOORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _sleutel(tekst: str) -> str:
    """Place names compare without capitals, apostrophes, hyphens and spaces."""
    return re.sub(r"[\s'’-]", "", tekst.lower())


def _deduce_data() -> Path:
    """deduce 2.5 installs its config.json and deduce-data/ beside its package."""
    import deduce

    return Path(deduce.__file__).resolve().parent.parent


def _plaatsnamen() -> FrozenSet[str]:
    lijst = _deduce_data() / "deduce-data" / "lookup_lists" / "locations" / "placenames_long.txt"
    namen = lijst.read_text(encoding="utf-8").splitlines()
    gegevens = yaml.safe_load(GEMEENTEN.read_text(encoding="utf-8"))
    for plaats in gegevens["provincies"] + gegevens["gemeenten"]:
        namen += [plaats["naam"], *plaats.get("ook", [])]
    return frozenset(_sleutel(naam) for naam in namen if naam.strip())


def alle_teksten(waarde: Any) -> Iterator[str]:
    """Every string in parsed YAML or JSON, whatever its layout."""
    if isinstance(waarde, str):
        yield waarde
    elif isinstance(waarde, dict):
        for item in waarde.values():
            yield from alle_teksten(item)
    elif isinstance(waarde, list):
        for item in waarde:
            yield from alle_teksten(item)


def eigen_teksten() -> List[str]:
    """Every text the assistant says: its responses, its knowledge base and
    its catalogue of interventions."""
    domein = yaml.safe_load((settings.ROOT / "domain.yml").read_text(encoding="utf-8"))
    teksten = list(alle_teksten(domein["responses"]))
    for pad in sorted((settings.DATA_DIR / "kennis").glob("*.yml")) + sorted(GEMEENTEN.parent.glob("*.yml")):
        teksten += alle_teksten(yaml.safe_load(pad.read_text(encoding="utf-8")))
    return teksten


def _bouw() -> Tuple[Any, FrozenSet[str], FrozenSet[str]]:
    """deduce's name annotators, built as its `Deduce` class builds them, its
    title words, and its particles and the surnames after them. Uses parts of deduce that are not its public interface:
    requirements.lock pins the exact version."""
    import docdeid as dd
    from deduce import lookup_sets
    from deduce.annotation_processing import DeduceMergeAdjacentAnnotations, PersonAnnotationConverter
    from deduce.deduce import Deduce
    from deduce.tokenizer import DeduceTokenizer

    config = json.loads((_deduce_data() / "config.json").read_text(encoding="utf-8"))
    annotators = {naam: a for naam, a in config["annotators"].items() if a.get("group") == "names"}
    # Extending a name by its context ("Sophie" + "de Jong") repeats until
    # nothing changes: quadratic on a run of name-like words (12 s on 4,000
    # characters of "Burgemeester "); one round keeps the work linear.
    annotators["name_context"]["args"]["iterative"] = False
    lijsten = dd.ds.DsCollection()
    for naam in NAAMLIJSTEN:
        lijsten[naam] = getattr(lookup_sets, f"_get_{naam}")()
    titels = cast(dd.ds.LookupSet, lijsten["prefixes"])
    samen = dd.ds.LookupSet()
    samen += lijsten["interfixes"]
    samen += titels
    tokenizer = DeduceTokenizer(merge_terms=samen)
    herkenner = dd.DocDeid()
    herkenner.tokenizers["default"] = tokenizer
    herkenner.processors = Deduce._initialize_annotators(annotators, lijsten, tokenizer)
    namen = cast(dd.process.DocProcessorGroup, herkenner.processors["names"])
    namen.add_processor("person_annotation_converter", PersonAnnotationConverter())
    herkenner.processors.add_processor(
        "merge_adjacent_annotations",
        DeduceMergeAdjacentAnnotations(slack_regexp=config["adjacent_annotations_slack"]))
    naamdelen = [*cast(dd.ds.LookupSet, lijsten["interfixes"]).items(),
                 *cast(dd.ds.LookupSet, lijsten["interfix_surnames"]).items()]
    return (herkenner, frozenset(titel.lower() for titel in titels.items()),
            frozenset(deel.capitalize() for deel in naamdelen))


def laad() -> None:
    """Build the recogniser (in this thread); on failure, log why and leave
    the names to the patterns."""
    global _herkenner, _titels, _plaatsen, _eigen, _eigen_woorden, _naamdelen
    try:
        _plaatsen = _plaatsnamen()
        herkenner, titels, _naamdelen = _bouw()
        _titels = _titelpatroon(titels)
        eigen, woorden = set(), set()
        for tekst in eigen_teksten():
            gevonden = list(_vind(herkenner, tekst))
            eigen |= {_sleutel(tekst[begin:eind]) for begin, eind in gevonden}
            woorden |= {m.group() for m in _WOORD.finditer(tekst)
                        if not any(begin <= m.start() < eind for begin, eind in gevonden)}
        woorden |= {w.capitalize() for w in yaml.safe_load(PLAN.read_text(encoding="utf-8"))["geen_naam"]}
        _eigen, _eigen_woorden = frozenset(eigen), frozenset(woorden) - _naamdelen
        _herkenner = herkenner
    except Exception:  # deduce missing, its data changed, or anything else: the patterns still work
        _herkenner = None
        logger.warning("Namen zonder aanspreekvorm worden niet herkend: deduce laadt niet. "
                       "Alleen de patronen van gedeeld/redactie.py redigeren namen.", exc_info=True)
    finally:
        _klaar.set()


def start() -> None:
    """Load in a background thread, once per process."""
    _klaar.clear()
    threading.Thread(target=laad, name="naamherkenning", daemon=True).start()


def wacht(seconden: Optional[float] = None) -> bool:
    """Wait until loading has finished; True when names can be found."""
    return _klaar.wait(seconden) and actief()


def actief() -> bool:
    """Whether names are found now (loaded, and loaded well)."""
    return _klaar.is_set() and _herkenner is not None


def _titelpatroon(titels: FrozenSet[str]) -> "re.Pattern[str]":
    """Title words at the start of a finding: deduce takes them along
    ("Mevrouw van Dijk"), the placeholder replaces only the name."""
    woorden = "|".join(re.escape(titel) for titel in sorted(titels, key=len, reverse=True))
    return re.compile(rf"(?:(?:{woorden})\s+)*", re.IGNORECASE)


def _in_plaatsnaam(tekst: str, begin: int, eind: int) -> bool:
    """True when the words from `begin` to `eind`, with up to three words
    before or after them, are a place name ("aan den Rijn" in "Alphen aan den Rijn")."""
    voor = [m.start() for m in re.finditer(r"[^\s,.;:!?()]+[ \t]+", tekst[max(0, begin - 80):begin])][-3:]
    na = [m.end() for m in re.finditer(r"[ \t]+[^\s,.;:!?()]+", tekst[eind:eind + 80])][:3]
    beginnen = [begin] + [max(0, begin - 80) + b for b in voor]
    einden = [eind] + [eind + e for e in na]
    return any(_sleutel(tekst[b:e]) in _plaatsen for b in beginnen for e in einden)


def _vind(herkenner: Any, tekst: str) -> Iterator[Tuple[int, int]]:
    """deduce's names in `tekst`, without a title in front, place names left out."""
    for annotatie in herkenner.deidentify(tekst).annotations:
        titel = _titels.match(annotatie.text)
        begin = annotatie.start_char + (titel.end() if titel else 0)
        if begin < annotatie.end_char and not _in_plaatsnaam(tekst, begin, annotatie.end_char):
            yield begin, annotatie.end_char


def _zonder_eigen_woorden(tekst: str, begin: int, eind: int) -> Optional[Tuple[int, int]]:
    """The name in a finding that took along words the assistant uses
    outside names: "Volgens Karin Smeets" is "Karin Smeets", "Sanne de Wit
    van de Zonnebloem" is "Sanne de Wit". Only the ends are cut: a surname
    that is also a word ("de Wit") stays part of the name."""
    woorden = list(_WOORD.finditer(tekst, begin, eind))
    while woorden and woorden[0].group() in _eigen_woorden:
        woorden.pop(0)
    if woorden and woorden[-1].group() in _eigen_woorden:
        woorden.pop()  # "van de Zonnebloem"; "de Wit" and "de Man" are deduce's surnames and stay
    while woorden and woorden[-1].group().islower():
        woorden.pop()
    hoofdletters = [m for m in woorden if m.group()[0].isupper()]
    return (hoofdletters[0].start(), hoofdletters[-1].end()) if hoofdletters else None


def namen(tekst: str) -> List[Tuple[int, int]]:
    """(start, end) of every name deduce finds in `tekst` that is not a place
    or something the assistant says itself; nothing while deduce is loading or
    when it could not be loaded."""
    if not actief():
        return []
    gevonden = (_zonder_eigen_woorden(tekst, begin, eind) for begin, eind in _vind(_herkenner, tekst)
                if _sleutel(tekst[begin:eind]) not in _eigen)
    return sorted(stuk for stuk in gevonden if stuk)


def _na_fork() -> None:
    """A child forked while the parent was still loading has no loading thread."""
    if not _klaar.is_set():
        start()


start()
os.register_at_fork(after_in_child=_na_fork)
