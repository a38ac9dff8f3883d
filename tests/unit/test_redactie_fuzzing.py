"""Property-based fuzzing of gedeeld/redactie.py with hypothesis (issue 19):
on any text it never raises, it never keeps an identifier of the corpus's
classes (tests/identificatoren.py builds them), and its work grows linearly
with the length of the text."""
from __future__ import annotations

from typing import List, Tuple

from hypothesis import example, given, settings
from hypothesis import strategies as st

import tijdmeting
from gedeeld.redactie import redigeer, redigeer_waarde, vind
from identificatoren import DETAILS, bericht, bewaard

SNEL = settings(max_examples=150, deadline=2000)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda kind: st.lists(kind, max_size=4) | st.dictionaries(st.text(max_size=8), kind, max_size=4),
                    max_leaves=12)


@SNEL
@given(st.text())
def test_any_text_is_redacted_without_an_error(tekst):
    assert isinstance(redigeer(tekst), str)


@SNEL
@given(JSON)
def test_any_json_value_keeps_its_shape(waarde):
    redacted = redigeer_waarde(waarde)
    assert type(redacted) is type(waarde) or (isinstance(waarde, tuple) and isinstance(redacted, list))


@SNEL
@given(bericht())
@example(("afspraak 3/5/2026 0612345678 ", ["0612345678"]))  # found by this test: a date with slashes before it
@example(("komt alleen (020) 200 0000 81 thuiszorg ", ["(020) 200 0000"]))  # found by fuzzing: a number after it
@example(("81 020 - 200 00 00 ", ["020 - 200 00 00"]))  # found by fuzzing: a dash between the groups, a number before
def test_no_identifier_of_the_corpus_classes_is_kept(voorbeeld: Tuple[str, List[str]]):
    tekst, details = voorbeeld
    opgeslagen = redigeer(tekst)
    assert not [d for d in details if bewaard(opgeslagen, d)], opgeslagen


@settings(max_examples=5, deadline=None)
@given(st.lists(DETAILS, min_size=1, max_size=3), st.sampled_from([" ", ", ", "-", ". ", "\n"]))
def test_the_work_grows_linearly_with_the_length(details, tussen):
    eenheid = tussen.join(getypt for _, getypt in details) + tussen
    groei = tijdmeting.groei(vind, eenheid, 25)  # the work itself: a cached text would time nothing
    assert groei < 25, f"10x longer took {groei:.0f}x the time on {eenheid!r} * n"
