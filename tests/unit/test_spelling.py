"""Danger words one letter off are read in their right spelling (actions/signalering/spelling.py)."""
import pytest

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
    assert spelling.afstand("suicdi", "suicid") == 1
    assert spelling.afstand("scuidi", "suicid") > 1


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
