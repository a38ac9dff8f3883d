"""gedeeld/naamherkenning.py: names without a title word, found with deduce,
as the redaction stores them; place names and words that look like names
stay; without deduce the patterns still work, and say so in the log.
The corpus lines (tests/redactie_corpus.yml) are checked in test_redactie.py."""
from __future__ import annotations

import logging
import sys
from functools import partial

import pytest
import yaml

import tijdmeting
from bot.channels.limits import DEFAULT_MAX_CHARS
from gedeeld import naamherkenning
from gedeeld.redactie import redigeer


def test_the_two_sentences_of_the_issue_are_stored_without_the_name():
    assert redigeer("Piet komt al weken niet buiten") == "[NAAM] komt al weken niet buiten"
    assert redigeer("zijn dochter Marieke belt soms") == "zijn dochter [NAAM] belt soms"


@pytest.mark.parametrize("tekst", [
    "Ze woont in Utrecht en gaat elke week naar Zwolle",
    "Wat is er te doen in Den Bosch of in Alphen aan den Rijn?",
    "Bel de Luisterlijn of de Zilverlijn",
    "In Mei en Juni, op Maandag en Vrijdag",
    "Eenzaamheid en Sociaal isolement bij ouderen",
    "De Huisarts, de Buurvrouw en de Mantelzorger",
    "Pas daarna komt het netwerk. Pak eerst de schulden aan.",
    "postcode 6512, gemeente Nijmegen",
])
def test_places_and_words_that_look_like_names_stay(tekst):
    assert redigeer(tekst) == tekst


def test_every_municipality_the_intervention_lookup_knows_stays():
    """The stored message and slot must still name the municipality, or the
    intervention lookup finds nothing on the next turn."""
    gegevens = yaml.safe_load(naamherkenning.GEMEENTEN.read_text(encoding="utf-8"))
    namen = [n for plaats in gegevens["provincies"] + gegevens["gemeenten"]
             for n in [plaats["naam"], *plaats.get("ook", [])]]
    assert len(namen) > 200
    assert [n for n in namen if redigeer(f"Wat is er in {n} voor ouderen?") != f"Wat is er in {n} voor ouderen?"] == []


def test_a_title_stays_and_only_the_name_is_replaced():
    assert redigeer("Hij heet Gerrit Hendriks en belt met Mevrouw van Dijk") == \
        "Hij heet [NAAM] en belt met Mevrouw [NAAM]"


@pytest.fixture
def zonder_deduce(monkeypatch):
    """deduce cannot be imported: what a server sees when the package is
    missing. The recogniser's state is put back afterwards."""
    for naam in ("_herkenner", "_titels", "_plaatsen", "_eigen"):
        monkeypatch.setattr(naamherkenning, naam, getattr(naamherkenning, naam))
    monkeypatch.setitem(sys.modules, "deduce", None)


@pytest.mark.usefixtures("zonder_deduce")
def test_without_deduce_the_patterns_still_work_and_a_warning_is_logged(caplog):
    with caplog.at_level(logging.WARNING, logger=naamherkenning.__name__):
        naamherkenning.laad()
    assert not naamherkenning.wacht(0)
    assert "deduce laadt niet" in caplog.text
    assert redigeer("mevrouw Jansen, 06-12345678") == "mevrouw [NAAM], [TELEFOON]"
    assert redigeer("Piet komt al weken niet buiten") == "Piet komt al weken niet buiten"


@pytest.mark.parametrize("eenheid", ["Burgemeester ", "Sophie de Jong ", "mevrouw A", "A. ", "a-"])
def test_names_take_linear_time(eenheid):
    """deduce extends names by their context until nothing changes: 12 s on
    4,000 characters of "Burgemeester " before it was limited to one round.
    Four times the text may cost at most eight times as long (a quadratic
    cost is sixteen times), and a message at the length cap under 0.5 s.
    The short text counts the fastest of five runs; the long ones stop at
    the first run within their bound (tijdmeting.duur)."""
    def op(lengte):
        return partial(naamherkenning.namen, tijdmeting.herhaald(eenheid, lengte))

    kort = tijdmeting.duur(op(1000), keer=5, grens=0)
    lang = tijdmeting.duur(op(4000), keer=5, grens=8 * kort + 0.02)
    assert lang <= 8 * kort + 0.02
    assert tijdmeting.duur(op(DEFAULT_MAX_CHARS), keer=5, grens=0.5) <= 0.5



def test_een_tekst_van_voor_het_laden_van_de_namen_wordt_daarna_opnieuw_geredigeerd():
    from gedeeld import redactie

    geheugen = redactie._Uitkomsten()
    with pytest.MonkeyPatch.context() as laden:
        laden.setattr(naamherkenning, "actief", lambda: False)
        laden.setattr(naamherkenning, "namen", lambda tekst: [])
        assert geheugen.redigeer("Piet komt al weken niet buiten") == "Piet komt al weken niet buiten"
    assert naamherkenning.wacht(120)
    assert geheugen.redigeer("Piet komt al weken niet buiten") == "[NAAM] komt al weken niet buiten"
