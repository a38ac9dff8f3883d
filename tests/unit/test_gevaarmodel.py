"""The danger model's data, threshold and training (bot/nlu/gevaarmodel.py), and how the
crisis safety net and the actions use its reading."""
import pickle
import re

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from actions.signalering import casus
from bot.nlu import gevaarmodel
from bot.nlu.crisisvangnet import CrisisVangnet, leest_gevaar

LANGE_BESCHRIJVING = ("Mevrouw Ploeg (82) woont alleen sinds haar man overleed. Ze komt weinig buiten, de thuiszorg "
                      "komt twee keer per week en haar zoon belt soms vanuit Spanje.")
KLEIN = [("hij zegt dat hij er vannacht een eind aan maakt", True), ("ze ligt bewusteloos op de vloer", True),
         ("hij staat met een mes voor haar deur", True), ("hoe begin ik een gesprek over eenzaamheid", False),
         ("ze gaat graag naar het koor", False), ("vorig jaar viel hij, nu loopt hij weer", False)]


def test_het_corpus_telt_crisisregels_en_beschrijvingen_met_hun_label():
    voorbeelden = gevaarmodel.corpus()
    crisis = [v for p in sorted(gevaarmodel.CRISISMAP.glob("*.yml")) for v in gevaarmodel.crisisvoorbeelden(p)]
    assert len(crisis) >= 21 * 80 and {g for _, g in crisis} == {True, False}
    # a description counts as danger when it is acute or holds a death wish, else as none
    doodswens = gevaarmodel.beschrijvingvoorbeelden(gevaarmodel.BESCHRIJVINGMAP / "doodswens.yml")
    assert 0 < sum(g for _, g in doodswens) < len(doodswens)
    assert len(voorbeelden) > len(crisis) + 400


def test_een_lange_beschrijving_vraagt_meer_zekerheid_dan_een_kort_bericht():
    assert len(LANGE_BESCHRIJVING) > gevaarmodel.LANG
    assert not gevaarmodel.gevaar(0.65, gevaarmodel.BESCHRIJVING, LANGE_BESCHRIJVING)
    assert gevaarmodel.gevaar(0.75, gevaarmodel.BESCHRIJVING, LANGE_BESCHRIJVING)
    assert gevaarmodel.gevaar(0.65, gevaarmodel.BESCHRIJVING, "ze ligt op de grond")
    assert gevaarmodel.gevaar(0.65, "zorgmijding", LANGE_BESCHRIJVING)
    assert not gevaarmodel.gevaar(0.5, "zorgmijding", "ze ligt op de grond")


def test_een_lange_beschrijving_vraagt_niet_meer_dan_een_kort_bericht_als_diet_ook_aan_gevaar_denkt():
    assert gevaarmodel.gevaar(0.65, gevaarmodel.BESCHRIJVING, LANGE_BESCHRIJVING, diet_twijfelt=True)
    assert not gevaarmodel.gevaar(0.59, gevaarmodel.BESCHRIJVING, LANGE_BESCHRIJVING, diet_twijfelt=True)
    assert not gevaarmodel.gevaar(0.5, "zorgmijding", "ze ligt op de grond", diet_twijfelt=True)


def test_een_beschrijving_met_een_zin_vol_gevaar_telt_ook_als_het_geheel_twijfelt():
    """A death wish is often one sentence among many: read alone, that sentence counts at DREMPEL_ZIN."""
    tekst = LANGE_BESCHRIJVING + " Gisteren zei ze dat ze de pillen al klaar heeft liggen."
    zin = {"Gisteren zei ze dat ze de pillen al klaar heeft liggen.": 0.92}
    assert gevaarmodel.gevaar(0.4, gevaarmodel.BESCHRIJVING, tekst, lees_zin=lambda z: zin.get(z, 0.1))
    assert not gevaarmodel.gevaar(0.4, gevaarmodel.BESCHRIJVING, tekst, lees_zin=lambda z: 0.89)
    assert not gevaarmodel.gevaar(0.4, gevaarmodel.BESCHRIJVING, tekst)


def _model():
    """A danger model that reads danger only where the words "zelfmoord" or "afscheid" occur."""
    woorden = lambda tekst: re.findall(r"\w+", tekst.lower())  # noqa: E731
    return gevaarmodel.Gevaarmodel([(woorden, {"zelfmoord": 0, "afscheid": 1}, [1.0, 1.0], [10.0, 10.0])], -3.0)


VOORBIJ = ("Meneer Yildiz (63) woont alleen en ziet zijn kinderen om de week. Rond zijn veertigste heeft hij na "
           "zijn faillissement aan zelfmoord gedacht, maar dat ligt ver achter hem, zegt hij.")


def test_gevaar_dat_de_patronen_als_voorbij_lezen_telt_niet_mee_voor_het_model():
    """Seen in a transcript: a death wish long over, read as danger by the model with DIET in doubt."""
    assert not leest_gevaar(_model(), 0.95, gevaarmodel.BESCHRIJVING, VOORBIJ)
    # what is left still counts: a farewell the patterns do not read
    assert leest_gevaar(_model(), 0.95, gevaarmodel.BESCHRIJVING, VOORBIJ + " Gisteren nam hij ineens afscheid.")
    # a danger the patterns read and count is not taken away
    assert leest_gevaar(_model(), 0.95, gevaarmodel.BESCHRIJVING, "Hij denkt aan zelfmoord, zegt hij.")


def test_een_tekst_valt_uiteen_in_zinnen_bij_punt_vraagteken_uitroepteken_en_nieuwe_regel():
    assert gevaarmodel.zinnen("Ze woont alleen. Belt ze nog? Ja!\nZe wil praten") == [
        "Ze woont alleen.", "Belt ze nog?", "Ja!", "Ze wil praten"]
    assert gevaarmodel.zinnen("  ") == []


def test_dezelfde_voorbeelden_geven_hetzelfde_model():
    teksten = ["hij wil er vannacht een eind aan maken", "ze zingt in het koor"]
    een, twee = gevaarmodel.train(KLEIN), gevaarmodel.train(KLEIN)
    assert gevaarmodel.kansen(een, teksten) == gevaarmodel.kansen(twee, teksten)
    kans_gevaar, kans_koor = gevaarmodel.kansen(een, teksten)
    assert kans_gevaar > 0.5 > kans_koor
    assert gevaarmodel.kansen(een, []) == []


def test_een_ander_corpusbestand_geeft_een_andere_vingerafdruk(tmp_path, monkeypatch):
    monkeypatch.setattr(gevaarmodel, "CRISISMAP", tmp_path)
    monkeypatch.setattr(gevaarmodel, "BESCHRIJVINGMAP", tmp_path / "leeg")
    (tmp_path / "a.yml").write_text('crisis: ["hij ligt op de grond"]\ngeen_crisis: []\n', encoding="utf-8")
    voor = gevaarmodel.vingerafdruk()
    (tmp_path / "a.yml").write_text('crisis: ["hij ligt op de grond en bloedt"]\ngeen_crisis: []\n', encoding="utf-8")
    assert gevaarmodel.vingerafdruk() != voor


class VasteKans(gevaarmodel.Gevaarmodel):
    """A stand-in model that gives every text the same probability of danger."""

    def __init__(self, kans: float) -> None:
        super().__init__([], 0.0)
        self.vast = kans

    def kans(self, tekst: str) -> float:
        return self.vast


def _verwerkt(vangnet, tekst, intent, zekerheid=0.9):
    ranking = [{"name": intent, "confidence": zekerheid}, {"name": "bedanken", "confidence": 0.05}]
    bericht = Message(data={TEXT: tekst, INTENT: ranking[0], INTENT_RANKING_KEY: ranking})
    vangnet.process([bericht])
    return bericht


ZONDER_PATROON = "het peutertje staat al een uur alleen te huilen op het balkon"


def test_het_vangnet_leest_gevaar_dat_alleen_het_model_ziet():
    assert not casus.is_acuut(ZONDER_PATROON)
    bericht = _verwerkt(CrisisVangnet(VasteKans(0.7)), ZONDER_PATROON, "bedanken")
    assert bericht.get(INTENT)["name"] == "acute_zorg" and bericht.get(casus.GEVAAR_GELEZEN) is True
    rustig = _verwerkt(CrisisVangnet(VasteKans(0.5)), ZONDER_PATROON, "bedanken")
    assert rustig.get(INTENT)["name"] == "bedanken" and rustig.get(casus.GEVAAR_GELEZEN) is None
    # without a model (before training) only the patterns and DIET's ranking count
    assert _verwerkt(CrisisVangnet(), ZONDER_PATROON, "bedanken").get(INTENT)["name"] == "bedanken"


@pytest.mark.parametrize("tekst", ["", "hallo", ZONDER_PATROON, "ze ligt bewusteloos, ze ligt bewusteloos!",
                                   "Waar kan een eenzame oudere in Utrecht koffie drinken? 🙂", LANGE_BESCHRIJVING * 3])
def test_het_snelle_model_geeft_dezelfde_kans_als_scikit_learn(tekst):
    model = gevaarmodel.fit(KLEIN)
    verwacht = model.predict_proba([tekst])[0, 1]
    assert gevaarmodel.compileer(model).kans(tekst) == pytest.approx(verwacht, abs=1e-12)


def test_een_getraind_model_komt_ongeschonden_terug_uit_de_opslag():
    model = gevaarmodel.train(KLEIN)
    teruggelezen = pickle.loads(pickle.dumps(model))
    assert gevaarmodel.kansen(teruggelezen, [ZONDER_PATROON]) == gevaarmodel.kansen(model, [ZONDER_PATROON])


def test_een_beschrijving_met_gevaar_houdt_zijn_pad_en_draagt_de_lezing_mee():
    tekst = ("Meneer Bos (70) woont alleen en ziet bijna niemand, zijn kinderen wonen ver weg. Hij komt de deur "
             "niet meer uit sinds zijn vrouw overleed. Vanochtend stond zijn kleinkind alleen te huilen op het balkon.")
    assert not casus.is_acuut(tekst)
    bericht = _verwerkt(CrisisVangnet(VasteKans(0.95)), tekst, gevaarmodel.BESCHRIJVING)
    assert bericht.get(INTENT)["name"] == gevaarmodel.BESCHRIJVING  # read on, with the routes first
    assert casus.acuut_gelezen(bericht.as_dict(only_output_properties=True))
    # a long description needs more conviction
    twijfel = _verwerkt(CrisisVangnet(VasteKans(0.65)), tekst, gevaarmodel.BESCHRIJVING)
    assert not casus.acuut_gelezen(twijfel.as_dict(only_output_properties=True))


def test_acuut_gelezen_volgt_het_model_of_de_patronen():
    assert casus.acuut_gelezen({"text": "ze gaat graag naar het koor", casus.GEVAAR_GELEZEN: True})
    assert casus.acuut_gelezen({"text": "hij wil niet meer leven"})
    assert not casus.acuut_gelezen({"text": "ze gaat graag naar het koor"})
    assert not casus.acuut_gelezen({})
