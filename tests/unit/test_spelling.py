"""Danger words one letter off are read in their right spelling (actions/signalering/spelling.py)."""
import random
import string
import time

import pytest

import tijdmeting
from actions.signalering import casus, spelling

STAMMEN = ("zelfmoord", "suicid", "overdosis")


@pytest.mark.parametrize("woord, gelezen", [
    ("zelfmoort", "zelfmoord"),            # a letter changed
    ("zelfmord", "zelfmoord"),             # a letter left out
    ("overdossis", "overdosis"),           # a letter too many
    ("suisidaal", "suicidaal"),
    ("sucidaal", "suicidaal"),
    ("zelfmoortgedachten", "zelfmoordgedachten"),  # the start of a compound
    ("zelfmoord", "zelfmoord"),            # already right
    ("sociaal", "sociaal"),                # other words stay
    ("succesvol", "succesvol"),
    ("overdag", "overdag"),
])
def test_een_gevaarwoord_met_een_tikfout_wordt_goed_gelezen(woord, gelezen):
    assert spelling.herstel(woord, STAMMEN) == gelezen


def test_een_gevaarwoord_in_twee_delen_wordt_een_woord():
    assert spelling.herstel("zelf moord gedachten, over dosis", STAMMEN) == "zelfmoord gedachten, overdosis"
    assert spelling.herstel("zelf moet ze gaan", STAMMEN) == "zelf moet ze gaan"


def test_drie_letters_verschil_is_een_ander_woord():
    assert spelling.herstel("zelfmaakt", STAMMEN) == "zelfmaakt"


def test_twee_letters_omgedraaid_is_een_tikfout():
    assert spelling.afstanden("suicdi", "suicid")[-1] == 1
    assert spelling.afstanden("scuidi", "suicid", 1)[-1] > 1


def test_een_tabel_geeft_de_afstand_voor_elk_begin_van_het_woord():
    assert spelling.afstanden("zelfmord", "zelfmoord", 2)[-1] == 1
    assert spelling.afstanden("xxxxxxxx", "zelfmoord", 1)[-1] == 2  # given up early, as grens + 1


def test_een_lange_stam_mag_twee_letters_verschillen_een_korte_een():
    assert spelling.herstel("zelfmort", STAMMEN) == "zelfmoord"
    assert spelling.herstel("sucdaal", STAMMEN) == "sucdaal"


@pytest.mark.parametrize("tekst", [
    "mijn maatje appte dat hij zelfmord wil plegen",
    "ze is suisidaal volgens haar zus",
    "hij dreigt met zelfmoort",
])
def test_een_tikfout_in_een_gevaarwoord_geeft_toch_de_crisisroutes(tekst):
    assert casus.is_acuut(tekst)


def test_lange_tekst_wordt_in_lineaire_tijd_gelezen():
    tekst = " ".join(["suisidaal zelfmoort sociaal"] * 3000)
    assert spelling.herstel(tekst, STAMMEN).count("suicidaal") == 3000


def test_tienduizend_tekens_verschillende_bijna_woorden_blijven_binnen_de_grens():
    """Every word different, each starting like a stem, so every comparison
    runs its table to the end: the worst case for this module."""
    stammen = casus.gegevens()["gevaarwoorden"]
    willekeur = random.Random(7)
    woorden = ["zelfm" + "".join(willekeur.choice(string.ascii_lowercase) for _ in range(5)) for _ in range(1000)]
    tekst = " ".join(woorden)[:tijdmeting.LENGTE]
    begin = time.perf_counter()
    spelling.herstel(tekst, stammen)
    assert time.perf_counter() - begin <= 4 * tijdmeting.GRENS
