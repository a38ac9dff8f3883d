"""Property-based fuzzing of the description reader (actions/signalering/casus.py)
with hypothesis (issue 19): on any text, with or without the question asked,
it never raises, what it reads never holds an identifier of the corpus's
classes, and its work grows linearly with the length of the text."""
from __future__ import annotations

from typing import Any, Iterator, List, Tuple

from hypothesis import example, given, settings
from hypothesis import strategies as st

import tijdmeting
from actions.signalering import casus
from identificatoren import DETAILS, WOORDEN, bericht, bewaard

SNEL = settings(max_examples=150, deadline=2000)
VRAAG = st.none() | st.sampled_from(casus.vragen())


def teksten(waarde: Any) -> Iterator[str]:
    """Every string in what the reader returns (values and the words they came from)."""
    if isinstance(waarde, str):
        yield waarde
    elif isinstance(waarde, dict):
        for sleutel, item in waarde.items():
            yield from teksten(sleutel)
            yield from teksten(item)
    elif isinstance(waarde, (list, tuple, set, frozenset)):
        for item in waarde:
            yield from teksten(item)


@SNEL
@given(st.text(), VRAAG)
def test_any_text_is_read_without_an_error(tekst, vraag):
    assert isinstance(casus.lees(tekst, vraag), dict)
    assert isinstance(casus.vermeldingen(tekst), dict)
    casus.is_acuut(tekst)
    casus.sturing(tekst)


@SNEL
@given(bericht(), VRAAG)
@example(("belt 020 2000000 soms ", ["020 2000000"]), None)  # found by this test: the words "belt ... soms"
@example(("komt alleen (020) 200 0000 81 thuiszorg ", ["(020) 200 0000"]), None)  # found by this test
def test_what_is_read_holds_no_identifier(voorbeeld: Tuple[str, List[str]], vraag):
    tekst, details = voorbeeld
    gelezen = " | ".join([*teksten(casus.lees(tekst, vraag)), *teksten(casus.vermeldingen(tekst))])
    assert not [d for d in details if bewaard(gelezen, d)], gelezen


@settings(max_examples=8, deadline=None)
@given(st.lists(DETAILS, max_size=2), st.lists(st.sampled_from(WOORDEN), min_size=1, max_size=6))
@example([], ["niet", "mevrouw", "belt", "soms"])  # found by this test: every mention negated, 626x
@example([], ["sinds"])  # found by this test: an unbounded repetition of 'al |sinds |...' before 'jaar', 31x
def test_the_work_grows_linearly_with_the_length(details, woorden):
    eenheid = " ".join([*(getypt for _, getypt in details), *woorden]) + " "
    groei = tijdmeting.groei(casus.lees, eenheid, 25)
    assert groei < 25, f"10x longer took {groei:.0f}x the time on {eenheid!r} * n"
