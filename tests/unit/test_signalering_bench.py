"""The description bench (bot/signalering_bench.py): the held-out descriptions
stay apart from everything the reader learns from, and the figures it prints
are computed as documented."""
import re
from typing import cast

import pytest
import yaml

from actions.signalering import casus, context, facetlezing
from actions.signalering.beoordeling import LEZINGEN
from bot import signalering_bench
from gedeeld import settings

ONTWIKKELSETS = sorted((settings.ROOT / "tests" / "beschrijvingen_ontwikkel").glob("*.yml"))


def _onbekende_waarden(facetten):
    """The (facet, value) pairs of an annotation that the reader and the picture do not know."""
    labels = casus.gegevens()["labels"]
    return [(facet, waarde) for facet, waarde in signalering_bench.paren_van(facetten)
            if facet != "acuut" and waarde not in labels[f"sig_{facet}"]["waarden"]]


def _normaal(tekst):
    return re.sub(r"[\W_]+", "", tekst.lower())


def _zinnen(tekst):
    """Sentences long enough that a match is no coincidence ("Schulden zijn er niet." is common)."""
    return [z for z in re.split(r"(?<=[.!?])\s+", tekst) if len(z.split()) >= 6]


def test_de_heldout_beschrijvingen_staan_nergens_in_de_trainings_of_patroondata():
    bronnen = [*(settings.DATA_DIR / "nlu").glob("*.yml"), settings.KENNIS_DIR / "signalering.yml",
               *(settings.DATA_DIR / "beschrijvingen").glob("*.yml"), *(settings.DATA_DIR / "crisis").glob("*.yml"),
               *ONTWIKKELSETS]
    assert len(bronnen) > len(list((settings.DATA_DIR / "nlu").glob("*.yml"))) + 3
    data = "\n".join(p.read_text(encoding="utf-8") for p in bronnen)
    exact, genormaliseerd = data.lower(), _normaal(data)
    # the message names the held-out item, never its words: a held-out line shown is no longer held out
    for item in signalering_bench.lees():
        for nummer, zin in enumerate(_zinnen(item["tekst"]), start=1):
            letterlijk, bijna = zin.lower() in exact, _normaal(zin) in genormaliseerd  # pytest would show the words
            assert not letterlijk, f"{item['id']}, zin {nummer}, staat in de trainings- of patroondata"
            assert not bijna, f"{item['id']}, zin {nummer}, staat er (bijna) letterlijk in"


@pytest.mark.parametrize("pad", [*sorted((settings.DATA_DIR / "beschrijvingen").glob("beschrijvingen_*.yml")),
                                 *ONTWIKKELSETS, settings.ROOT / "tests" / "beschrijvingen_formaat.yml"],
                         ids=lambda pad: pad.name)
def test_elke_ontwikkelset_gebruikt_alleen_waarden_die_de_lezer_kent(pad):
    """A set a helper writes by tests/beschrijvingen_formaat.yml can be measured as it is: unique ids, and
    only values the reader and the picture know, so a misspelt value cannot count as a miss."""
    items = signalering_bench.lees(pad)
    assert items and len({item["id"] for item in items}) == len(items)
    for item in items:
        assert not _onbekende_waarden(item["facetten"]), item["id"]
        for vermelding in item.get("niet_aanwezig") or []:
            assert vermelding["context"] in context.CONTEXTEN, item["id"]
        assert item["verwacht"]["type"] in LEZINGEN and item["verwacht"]["urgentie"] in ("acuut", "snel", "regulier")


def test_de_heldout_set_heeft_de_gevraagde_omvang():
    items = signalering_bench.lees()
    subsets = [s for item in items for s in item["subsets"]]
    assert len(items) >= 80
    for subset, minimum in (("ontkend", 15), ("hypothetisch_verleden", 15), ("ander", 15),
                            ("versterkt_of_verleden", 15), ("eenzaam_niet_geisoleerd", 10), ("doodswens", 5)):
        assert subsets.count(subset) >= minimum, subset
    for type_id in ("dreigend", "situationeel", "structureel", "structureel_ggz"):
        assert sum(item["verwacht"]["type"] == type_id for item in items) >= 10, type_id


class ZonderSchatting:
    """A facet reading that estimates nothing, so the counts below are the patterns' alone."""
    def kansen(self, tekst):
        return {facet: {facetlezing.NIET_GENOEMD: 1.0} for facet in facetlezing.FACETTEN.values()}


ZONDER_SCHATTING = cast(facetlezing.Facetlezer, ZonderSchatting())


def test_de_cijfers_kloppen_op_een_kleine_set(tmp_path):
    items = yaml.safe_load("""
- id: t1
  tekst: "Mevrouw (82) voelt zich heel eenzaam. Schulden heeft ze niet."
  facetten: {zegt_eenzaam: ja, signalen: [zegt_eenzaam], leeftijdsgroep: oudere, problemen: [], acuut: false}
  niet_aanwezig: [{facet: problemen, waarde: schulden, context: ontkend}]
  subsets: [ontkend]
  verwacht: {type: onbekend, trede: null, urgentie: regulier, beleving: eenzaamheid, ggz_crisis: false}
- id: t2
  tekst: "Meneer wil er niet meer zijn."
  facetten: {acuut: true, contacten: weinig}
  subsets: [doodswens]
  verwacht: {type: onbekend, trede: null, urgentie: acuut, beleving: onduidelijk, ggz_crisis: false}
""")
    uitslag = signalering_bench.meet(items, facetlezer_=ZONDER_SCHATTING)
    assert uitslag.aantal == 2 and uitslag.doodswens == [1, 1]
    assert uitslag.context_fouten["ontkend"] == 0 and uitslag.context_aantal["ontkend"] == 1
    assert uitslag.per_facet["contacten"] == [0, 0, 1]  # missed: recall counts it, precision does not
    assert uitslag.f1("acuut") == (1.0, 1.0, 1.0)
    assert uitslag.nauwkeurigheid("urgentie") == 1.0
    assert "doodswens naar 113         1 van 2" not in signalering_bench.tabel(uitslag)
    assert "doodswens naar 113         1 van 1" in signalering_bench.tabel(uitslag)


def test_een_doodswens_van_een_ander_is_geen_gemiste_doodswens():
    """The death-wish count is about the person's own wish now; a brother's attempt is a
    context mention, counted (and failed) there if it is read as acute danger."""
    items = yaml.safe_load("""
- id: t3
  tekst: "Meneer (60) ziet weinig mensen. Zijn broer deed een poging; zelf denkt hij daar nooit aan."
  facetten: {acuut: false, contacten: weinig}
  niet_aanwezig: [{facet: acuut, waarde: true, context: ander}]
  subsets: [doodswens, ander]
  verwacht: {type: onbekend, trede: null, urgentie: regulier, beleving: onduidelijk, ggz_crisis: false}
""")
    uitslag = signalering_bench.meet(items, gevaar=lambda tekst: False)
    assert uitslag.doodswens == [0, 0] and uitslag.context_fouten["iemand anders"] == 0
    assert "doodswens naar 113         0 van 0" in signalering_bench.tabel(uitslag)
    gealarmeerd = signalering_bench.meet(items, gevaar=lambda tekst: True)
    assert gealarmeerd.doodswens == [0, 0] and gealarmeerd.context_fouten["iemand anders"] == 1


def test_de_tweede_lezers_annoteerden_elke_heldout_beschrijving_een_keer_en_kopieren_geen_tekst():
    ids = [item["id"] for item in signalering_bench.lees()]
    for naam, annotaties in signalering_bench.lezers().items():
        assert [annotatie["id"] for annotatie in annotaties] == ids, naam
        for annotatie in annotaties:
            assert set(annotatie) == {"id", "facetten", "verwacht"}, annotatie["id"]  # no text
            assert not _onbekende_waarden(annotatie["facetten"]), (naam, annotatie["id"])


def test_het_plafond_telt_een_lezer_zoals_de_assistent():
    items = yaml.safe_load("""
- id: t1
  tekst: "Mevrouw (82) voelt zich heel eenzaam en ziet bijna niemand meer."
  facetten: {zegt_eenzaam: ja, signalen: [zegt_eenzaam, weinig_contact], contacten: weinig, leeftijdsgroep: oudere}
  subsets: []
  verwacht: {type: onbekend, trede: null, urgentie: regulier, beleving: beide, ggz_crisis: false}
- id: t2
  tekst: "Meneer (45) werkt en heeft veel vrienden, maar voelt zich alleen."
  facetten: {zegt_eenzaam: ja, signalen: [zegt_eenzaam], contacten: regelmatig, deelname: betaald_werk}
  subsets: []
  verwacht: {type: geen, trede: 6, urgentie: regulier, beleving: eenzaamheid, ggz_crisis: false}
""")
    zelfde = [{"id": item["id"], "facetten": item["facetten"],
               "verwacht": {wat: item["verwacht"][wat] for wat in ("type", "urgentie", "beleving")}} for item in items]
    anders = [zelfde[0], {**zelfde[1], "facetten": {**zelfde[1]["facetten"], "contacten": "weinig"},
                          "verwacht": {**zelfde[1]["verwacht"], "type": "dreigend"}}]
    assert signalering_bench.overeenstemming(items, zelfde).f1()[2] == 1.0
    verschil = signalering_bench.overeenstemming(items, anders)
    assert verschil.per_facet["contacten"] == [1, 2, 2] and verschil.nauwkeurigheid("type") == 0.5
    tabel = signalering_bench.plafond(items, {"lezer_a": zelfde, "lezer_b": anders})
    assert "lezer_a tegen de schrijver: micro-F1 1.000, type 1.000" in tabel
    assert "lezer_b tegen de schrijver: micro-F1 0.889, type 0.500" in tabel
    assert "lezer_a tegen lezer_b: micro-F1 0.889, type 0.500" in tabel
