"""Writing reviewed messages as training examples (bot/leren/review.py):
identifiers, held-out lines and known examples are refused; the file stays
valid training data, also when empty."""
from __future__ import annotations

import yaml

from bot.leren.review import heldout_teksten, lees_review, verwerk, yaml_tekst

INTENTS = {"gesprek_openen", "buiten_bereik", "casus_beschrijven"}


def schrijf(tmp_path, keuzes, heldout=frozenset()):
    nlu = tmp_path / "nlu"
    nlu.mkdir(exist_ok=True)
    (nlu / "basis.yml").write_text('version: "3.1"\nnlu:\n- intent: gesprek_openen\n  examples: |\n'
                                   '    - hoe begin ik [het gesprek](onderwerp)\n', encoding="utf-8")
    pad = nlu / "review.yml"
    return pad, verwerk(keuzes, INTENTS, pad=pad, heldout=set(heldout), trainingsdata=nlu)


def test_toegewezen_berichten_worden_voorbeelden_gemarkeerd_als_review(tmp_path):
    pad, besluiten = schrijf(tmp_path, [("geef me tips voor een eerste huisbezoek", "gesprek_openen"),
                                        ("hoe laat is het", "buiten bereik")])
    assert [b.reden for b in besluiten] == ["", ""]
    inhoud = yaml.safe_load(pad.read_text(encoding="utf-8"))
    assert inhoud["nlu"] == [
        {"intent": "buiten_bereik", "metadata": {"bron": "review"}, "examples": "- hoe laat is het\n"},
        {"intent": "gesprek_openen", "metadata": {"bron": "review"},
         "examples": "- geef me tips voor een eerste huisbezoek\n"}]


def test_weigert_gegevens_heldout_bekende_en_onbekende_intents(tmp_path):
    pad, besluiten = schrijf(tmp_path, [
        ("mevrouw Jansen zit achter de geraniums", "casus_beschrijven"),
        ("bel 06-12345678", "casus_beschrijven"),
        ("mevrouw [NAAM] is alleen", "casus_beschrijven"),
        ("Een Heldout Zin", "casus_beschrijven"),
        ("hoe begin ik het gesprek", "casus_beschrijven"),
        ("iets nieuws", "bestaat_niet"),
        ("over de kerstpakketten", "nieuw onderwerp")], heldout={"een heldout zin"})
    redenen = [b.reden for b in besluiten]
    assert "NAAM" in redenen[0] and "TELEFOON" in redenen[1]
    assert "weggelakte" in redenen[2]
    assert "testset" in redenen[3] and "trainingsdata" in redenen[4] and "onbekende intent" in redenen[5]
    assert redenen[6].startswith("nieuw onderwerp")
    assert lees_review(pad) == {}
    assert yaml.safe_load(pad.read_text(encoding="utf-8")) == {"version": "3.1", "nlu": []}


def test_een_tweede_ronde_vult_aan_en_dubbele_worden_geweigerd(tmp_path):
    schrijf(tmp_path, [("tips voor een huisbezoek", "gesprek_openen")])
    pad, besluiten = schrijf(tmp_path, [("tips voor een huisbezoek", "gesprek_openen"),
                                        ("tips voor mijn eerste huisbezoek", "gesprek_openen")])
    assert besluiten[0].reden == "staat al in de trainingsdata" and besluiten[1].reden == ""
    assert lees_review(pad) == {"gesprek_openen": ["tips voor een huisbezoek", "tips voor mijn eerste huisbezoek"]}


def test_de_heldout_sets_worden_gelezen():
    assert len(heldout_teksten()) > 100


def test_lege_reviewfile_is_geldige_yaml():
    assert yaml.safe_load(yaml_tekst({})) == {"version": "3.1", "nlu": []}
