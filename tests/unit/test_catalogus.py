"""The intervention catalogue without Rasa or network: the shipped data, the
schema check, search order, place names and the chat text."""
import re
import shutil
from datetime import date

import pytest
import yaml

from actions.interventies import render_interventie, render_overzicht
from actions.interventies.catalogus import (
    DATA_DIR,
    CatalogusFout,
    Treffer,
    Zoekresultaat,
    context,
    laad_ingebouwd,
)
from actions.interventies.dienst import Dienst, Dienstinstellingen, Instellingen
from actions.interventies.gemeenten import (
    Gemeente,
    Gemeenteregister,
    laad_gemeenten,
    normaliseer,
)
from actions.interventies.plaats import bepaal_plaats, postcode
from actions.interventies.schema import SchemaFout, telefoon_is_nederlands, valideer
from actions.interventies.teksten import teksten
from actions.kennis.kennisbank import kennisbank
from gedeeld import settings

ROOT = settings.ROOT
NUMBER = re.compile(r"\d+")
VOORBEELD_ZIN = teksten()["weergave"]["voorbeeld"]
OFFLINE = Dienstinstellingen("", 1, 1, 0, 0)


@pytest.fixture(scope="module")
def catalogus():
    return laad_ingebouwd()


@pytest.fixture(scope="module")
def register():
    return laad_gemeenten()


def entry(**velden):
    """A valid own entry (an organisation's list), changed by `velden`."""
    ruw = {"id": "koffie_oost", "naam": "Koffie in Oost", "organisatie": "Buurtwerk Oost",
           "aanbod": "Elke week koffie in de wijk. Iedereen is welkom.", "doelgroepen": ["iedereen"],
           "types": ["dreigend", "situationeel"], "treden": [1, 2, 3], "bereik": {"gemeenten": ["Nijmegen"]},
           "contact": {"telefoon": "024-1234567"}, "kosten": "Gratis", "laatst_gecontroleerd": "2026-10-01"}
    ruw.update(velden)
    return ruw


def eigen(register, **velden):
    return valideer(entry(**velden), context(register, eigen=True))


# --- the shipped data ------------------------------------------------------------------
def test_the_national_interventions_of_knowledge_section_11_are_in(catalogus):
    namen = {i.naam for i in catalogus.interventies.values() if i.bereik.niveau == "landelijk"}
    assert {"Zin in vriendschap", "Vrienden maken… kun je leren", "GRIP&GLANS", "De Luisterlijn",
            "Welzijn op Recept", "Maatjesproject", "Zilverlijn"} <= namen


def test_the_luisterlijn_refers_to_the_help_line_instead_of_copying_its_number(catalogus):
    luisterlijn = catalogus.interventies["de_luisterlijn"]
    assert luisterlijn.contact.hulplijn == "luisterlijn" and luisterlijn.contact.telefoon is None
    nummers = {n for lijn in kennisbank().hulplijnen.values() for n in lijn["nummers"]}
    assert not [i.id for i in catalogus.interventies.values() if i.contact.telefoon in nummers]


def test_every_example_town_has_examples_that_say_so(catalogus):
    voorbeelden = [i for i in catalogus.interventies.values() if i.voorbeeld]
    steden = {g for i in voorbeelden for g in i.bereik.gemeenten}
    assert {"Nijmegen", "Utrecht", "Groningen", "Enschede", "Rotterdam", "Leeuwarden"} <= steden
    for interventie in voorbeelden:
        assert interventie.naam.startswith("Voorbeeld:") and "vul hier" in interventie.naam
        assert interventie.organisatie.startswith("Voorbeeld:")
        assert VOORBEELD_ZIN in render_interventie(_treffer(interventie))


def test_real_entries_name_a_source_and_a_checked_date(catalogus):
    for interventie in catalogus.interventies.values():
        if not interventie.voorbeeld:
            assert interventie.bron in kennisbank().bronnen and interventie.laatst_gecontroleerd


def test_shipped_prose_holds_no_digits(catalogus):
    teksten_met_cijfers = [
        (i.id, tekst) for i in catalogus.interventies.values()
        for tekst in (i.naam, i.organisatie, i.aanbod, i.kosten, i.contact.verwijsroute or "")
        if re.search(r"\d", tekst)]
    assert teksten_met_cijfers == []


def test_shipped_offers_are_two_or_three_sentences(catalogus):
    lengte = {i.id: len(re.findall(r"[.!?](\s|$)", i.aanbod)) for i in catalogus.interventies.values()}
    assert {ident: n for ident, n in lengte.items() if n not in (2, 3)} == {}


def test_every_number_in_an_answer_comes_from_a_sourced_field(catalogus):
    kennis = kennisbank()
    toegestaan = set()
    for bron in kennis.bronnen.values():
        toegestaan |= set(NUMBER.findall(f"{bron['kort']} {bron['jaar']}"))
    for lijn in kennis.hulplijnen.values():
        toegestaan |= set(NUMBER.findall(" ".join(lijn["nummers"]) + " " + lijn["wanneer"]))
    toegestaan |= {str(t["nummer"]) for t in kennis.treden}
    for interventie in catalogus.interventies.values():
        if interventie.laatst_gecontroleerd:
            d = interventie.laatst_gecontroleerd
            toegestaan |= {str(d.day), str(d.year)}
    gezegd = [render_overzicht(catalogus_resultaat(catalogus, g, trede=1)) for g in (None, "Nijmegen", "Groningen")]
    gezegd += [render_interventie(_treffer(i)) for i in catalogus.interventies.values()]
    assert {n for tekst in gezegd for n in NUMBER.findall(tekst)} - toegestaan == set()


def test_every_municipality_the_nlu_knows_is_in_gemeenten_yml(register):
    nlu = yaml.safe_load((ROOT / "data" / "nlu" / "synoniemen.yml").read_text(encoding="utf-8"))["nlu"]
    lookup = next(item for item in nlu if item.get("lookup") == "gemeente")
    namen = [regel[2:].strip() for regel in lookup["examples"].splitlines() if regel.strip()]
    assert len(namen) > 100
    assert [naam for naam in namen if register.exact(naam) is None] == []


def test_the_nlu_spelling_variants_of_municipalities_resolve(register):
    nlu = yaml.safe_load((ROOT / "data" / "nlu" / "synoniemen.yml").read_text(encoding="utf-8"))["nlu"]
    for item in nlu:
        if "synonym" in item and register.exact(item["synonym"]):
            varianten = [regel[2:].strip() for regel in item["examples"].splitlines() if regel.strip()]
            for variant in varianten:
                plaats = bepaal_plaats(variant, register, None).plaats
                assert plaats and plaats.gemeente == register.exact(item["synonym"]).naam, variant


# --- the schema check ------------------------------------------------------------------
def test_a_valid_entry_is_normalised(register):
    interventie = eigen(register, doelgroepen="Ouderen; alleenstaande ouders", types="structureel ggz",
                        treden="1-3", bereik={"gemeenten": "Den Bosch"})
    assert interventie.doelgroepen == ("ouderen", "alleenstaande_ouders")
    assert interventie.types == ("structureel_ggz",) and interventie.treden == (1, 2, 3)
    assert interventie.bereik.gemeenten == ("'s-Hertogenbosch",)
    assert interventie.laatst_gecontroleerd == date(2026, 10, 1)


def test_every_reason_of_a_bad_entry_is_reported_in_dutch(register):
    with pytest.raises(SchemaFout) as fout:
        eigen(register, naam="", types=["eenzaam"], contact={"telefoon": "12345"},
              bereik={"gemeenten": ["Nijmegn"]}, treden=[7], kleur="rood")
    redenen = fout.value.redenen
    assert "naam ontbreekt" in redenen
    assert any(r.startswith("onbekend type 'eenzaam'") for r in redenen)
    assert any(r.startswith("telefoonnummer '12345' is geen Nederlands nummer") for r in redenen)
    assert "onbekende gemeente 'Nijmegn' (bedoel je Nijmegen?)" in redenen
    assert any(r.startswith("trede '7' bestaat niet") for r in redenen)
    assert "onbekend veld 'kleur'" in redenen


@pytest.mark.parametrize("velden, reden", [
    ({"bereik": {}}, "bereik ontbreekt"),
    ({"bereik": {"gemeenten": ["Nijmegen"], "regio": "Gelderland"}}, "geef één soort bereik"),
    ({"bereik": {"regio": "Randstad"}}, "onbekende regio 'Randstad'"),
    ({"contact": {}}, "contact ontbreekt"),
    ({"contact": {"website": "geen adres"}}, "website 'geen adres' is geen webadres"),
    ({"contact": {"hulplijn": "onbekend"}}, "onbekende hulplijn 'onbekend'"),
    ({"doelgroepen": ["katten"]}, "onbekende doelgroep 'katten'"),
    ({"laatst_gecontroleerd": "gisteren"}, "datum laatst gecontroleerd ontbreekt of is onleesbaar"),
    ({"laatst_gecontroleerd": "2999-01-01"}, "ligt in de toekomst"),
])
def test_each_rule_has_its_own_reason(register, velden, reden):
    with pytest.raises(SchemaFout) as fout:
        eigen(register, **velden)
    assert any(reden in r for r in fout.value.redenen), fout.value.redenen


def test_shipped_entries_need_a_known_source_own_entries_do_not(register):
    with pytest.raises(SchemaFout, match="onbekende bron 'mijn_kaart'"):
        valideer(entry(bron="mijn_kaart"), context(register))
    with pytest.raises(SchemaFout, match="bron ontbreekt"):
        valideer(entry(), context(register))
    assert eigen(register, bron="sociale kaart Oost").bron == "sociale kaart Oost"


@pytest.mark.parametrize("nummer, goed", [
    ("024-1234567", True), ("06-12345678", True), ("+31 6 12345678", True), ("0800-0113", True),
    ("088-0767 000", True), ("0900 1234567", True), ("14 024", True), ("112", True),
    ("12345", False), ("024-123456", False), ("+32 2 1234567", False), ("bel ons", False),
])
def test_dutch_phone_numbers(nummer, goed):
    assert telefoon_is_nederlands(nummer) is goed


def kopie_van_de_data(tmp_path):
    doel = tmp_path / "interventies"
    shutil.copytree(DATA_DIR, doel)
    return doel


@pytest.mark.parametrize("wijziging, melding", [
    (lambda e: e.update(types=["eenzaam"]),
     "landelijk.yml: interventie 1 (zin_in_vriendschap): onbekend type 'eenzaam'"),
    (lambda e: e.pop("naam"), "naam ontbreekt"),
    (lambda e: e["contact"].update(telefoon="0123"), "telefoonnummer '0123' is geen Nederlands nummer"),
    (lambda e: e.update(bereik={"gemeenten": ["Atlantis"]}), "onbekende gemeente 'Atlantis'"),
    (lambda e: e.update(id="zilverlijn"), "id 'zilverlijn' komt twee keer voor"),
])
def test_a_bad_shipped_file_is_refused_with_file_entry_and_reason(tmp_path, wijziging, melding):
    data_dir = kopie_van_de_data(tmp_path)
    pad = data_dir / "landelijk.yml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    wijziging(data["interventies"][0])
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogusFout) as fout:
        laad_ingebouwd(data_dir)
    assert melding in str(fout.value)


def test_an_unreadable_file_is_refused(tmp_path):
    data_dir = kopie_van_de_data(tmp_path)
    (data_dir / "voorbeelden.yml").write_text("interventies: [unclosed", encoding="utf-8")
    with pytest.raises(CatalogusFout, match="voorbeelden.yml: kan het bestand niet lezen"):
        laad_ingebouwd(data_dir)


# --- search --------------------------------------------------------------------------------
def catalogus_resultaat(catalogus, gemeente, **criteria):
    return Zoekresultaat(tuple(catalogus.zoek(gemeente, **criteria)), gemeente, criteria.get("doelgroep"))


def _treffer(interventie):
    """A result for one entry, as a search in its own place would give it."""
    plaats = interventie.bereik.gemeenten[0] if interventie.bereik.gemeenten else interventie.bereik.regio
    return Treffer(interventie, interventie.bereik.niveau, plaats, None, None, None)


@pytest.fixture
def met_eigen_aanbod(catalogus, register):
    return catalogus.met([
        eigen(register, id="lokaal_iedereen", naam="Buurtkamer"),
        eigen(register, id="lokaal_ouderen", naam="Ouderensoos", doelgroepen=["ouderen"]),
        eigen(register, id="regionaal", naam="Belcirkel Gelderland", bereik={"regio": "Gelderland"}),
        eigen(register, id="jongeren", naam="Jongerenmaatje", doelgroepen=["jongeren"]),
        eigen(register, id="utrecht", naam="Taalcafé", bereik={"gemeenten": ["Utrecht"]}),
    ])


def test_local_before_regional_before_national(met_eigen_aanbod):
    treffers = met_eigen_aanbod.zoek("Nijmegen")
    assert {t.interventie.id for t in treffers[:3]} == {"lokaal_iedereen", "lokaal_ouderen", "jongeren"}
    assert treffers[3].interventie.id == "regionaal" and treffers[3].plaats == "Gelderland"
    assert {t.niveau for t in treffers[4:]} == {"landelijk"}
    assert "utrecht" not in {t.interventie.id for t in treffers}


def test_within_a_level_the_named_target_group_comes_before_everyone(met_eigen_aanbod):
    treffers = met_eigen_aanbod.zoek("Nijmegen", doelgroep="ouderen")
    assert [t.interventie.id for t in treffers[:2]] == ["lokaal_ouderen", "lokaal_iedereen"]
    assert "jongeren" not in {t.interventie.id for t in treffers}
    landelijk = [t for t in treffers if t.niveau == "landelijk"]
    eerste_iedereen = next(i for i, t in enumerate(landelijk) if t.doelgroep is None)
    assert all(t.doelgroep == "ouderen" for t in landelijk[:eerste_iedereen])
    assert all(t.doelgroep is None for t in landelijk[eerste_iedereen:])


def test_type_and_rung_filter(catalogus):
    for treffer in catalogus.zoek("Rotterdam", type="structureel_ggz"):
        assert "structureel_ggz" in treffer.interventie.types
    ggz = {t.interventie.id for t in catalogus.zoek("Rotterdam", type="structureel_ggz")}
    assert ggz == {"voorbeeld_rotterdam_outreach", "de_luisterlijn"}
    assert all(4 in t.interventie.treden for t in catalogus.zoek("Utrecht", trede=4))


def test_without_a_place_only_national_offer(catalogus):
    assert {t.niveau for t in catalogus.zoek(None)} == {"landelijk"}


def test_at_most_one_example_and_none_once_there_is_real_local_offer(catalogus, met_eigen_aanbod):
    assert sum(t.interventie.voorbeeld for t in catalogus.zoek("Nijmegen")) == 1
    assert sum(t.interventie.voorbeeld for t in met_eigen_aanbod.zoek("Nijmegen")) == 0
    assert catalogus.zoek("Nijmegen", doelgroep="ouderen", type="situationeel")[0].interventie.id == \
        "voorbeeld_nijmegen_verliesgroep"


def test_a_municipality_not_in_the_list_gets_its_province_and_national_offer(catalogus):
    treffers = catalogus.zoek("Berg en Dal", provincie="Gelderland")
    assert [t.niveau for t in treffers][0] == "regionaal"
    assert treffers[0].plaats == "Gelderland"


def test_an_unknown_criterion_is_a_wiring_mistake(catalogus):
    with pytest.raises(ValueError):
        catalogus.zoek("Nijmegen", doelgroep="weduwen")
    with pytest.raises(ValueError):
        catalogus.zoek("Nijmegen", trede=9)


def test_own_file_is_laid_over_the_shipped_catalogue_and_reread_when_it_changes(tmp_path, register):
    pad = tmp_path / "eigen.yml"
    dienst = Dienst(Instellingen(pad, OFFLINE, OFFLINE))
    assert "koffie_oost" not in dienst.catalogus()[0].interventies
    pad.write_text(yaml.safe_dump({"interventies": [entry()]}), encoding="utf-8")
    resultaat = dienst.zoek("Nijmegen")
    assert resultaat.treffers[0].interventie.id == "koffie_oost" and resultaat.melding is None
    assert not any(t.interventie.voorbeeld for t in resultaat.treffers)


# --- place names -------------------------------------------------------------------------
@pytest.mark.parametrize("tekst, gemeente", [
    ("Den Bosch", "'s-Hertogenbosch"), ("groningen stad", "Groningen"), ("utrecht", "Utrecht"),
    ("’s-Hertogenbosch", "'s-Hertogenbosch"), ("gemeente Nijmegen", "Nijmegen"), ("den haag", "'s-Gravenhage"),
    ("Enschedé", "Enschede"), ("Sneek", "Súdwest-Fryslân"),
])
def test_names_and_variants_resolve_without_a_notice(register, tekst, gemeente):
    uitkomst = bepaal_plaats(tekst, register, None)
    assert uitkomst.plaats is not None
    assert uitkomst.plaats.gemeente == gemeente and uitkomst.melding is None


@pytest.mark.parametrize("tekst, gemeente", [("Nijmegn", "Nijmegen"), ("tilbrug", "Tilburg"),
                                              ("leewarden", "Leeuwarden"), ("Roterdam", "Rotterdam")])
def test_a_typo_resolves_and_says_which_municipality_it_chose(register, tekst, gemeente):
    uitkomst = bepaal_plaats(tekst, register, None)
    assert uitkomst.plaats is not None
    assert uitkomst.plaats.gemeente == gemeente
    assert uitkomst.melding == f"Ik zoek in de gemeente {gemeente} (je schreef '{tekst}')."


def test_nothing_resolves_the_dialogue_gets_a_question_with_the_reason(register):
    zinnen = teksten()["plaats"]
    assert bepaal_plaats("", register, None).vraag == zinnen["vraag"]
    onbekend = bepaal_plaats("Atlantis", register, None)
    assert onbekend.vraag is not None
    assert onbekend.plaats is None and onbekend.vraag.startswith("Ik ken geen gemeente met de naam 'Atlantis'.")
    provincie = bepaal_plaats("Friesland", register, None).vraag
    assert provincie is not None
    assert provincie.startswith("Fryslân is een provincie.")
    assert bepaal_plaats("6512 AB", register, None).vraag == zinnen["postcode_uit"]


def test_two_close_municipalities_make_a_question_with_options():
    register = Gemeenteregister([Gemeente("Testveld", "Gelderland"), Gemeente("Testvelt", "Utrecht")], {},
                                {normaliseer("Gelderland"): "Gelderland", "utrecht": "Utrecht"})
    uitkomst = bepaal_plaats("testvel", register, None)
    assert uitkomst.plaats is None and uitkomst.opties == ("Testveld", "Testvelt")
    assert uitkomst.vraag is not None
    assert uitkomst.vraag.endswith("Bedoel je Testveld of Testvelt?")


@pytest.mark.parametrize("tekst, code", [("6512 ab", "6512AB"), ("6512", "6512"), ("  3511AX ", "3511AX"),
                                         ("0512 AB", None), ("65123", None), ("Nijmegen", None)])
def test_postcodes_are_recognised(tekst, code):
    assert postcode(tekst) == code


# --- chat text -----------------------------------------------------------------------------
def test_the_widow_in_nijmegen_gets_three_fitting_suggestions_with_contact_and_reason(catalogus):
    resultaat = catalogus_resultaat(catalogus, "Nijmegen", doelgroep="ouderen", type="situationeel")
    tekst = render_overzicht(resultaat)
    items = [regel for regel in tekst.splitlines() if regel.startswith("- ")]
    assert len(items) == 3
    assert tekst.count("  Contact: ") == 3 and tekst.count("  Waarom: ") == 3
    assert tekst.count(VOORBEELD_ZIN) == 1
    assert "in Nijmegen, voor ouderen, past bij situationeel isolement" in tekst
    assert tekst.splitlines()[-1] == teksten()["weergave"]["meer"]


def test_the_detail_has_offer_contact_cost_source_and_date(catalogus):
    treffer = next(t for t in catalogus.zoek(None) if t.interventie.id == "welzijn_op_recept")
    tekst = render_interventie(treffer)
    assert "De huisarts of praktijkondersteuner verwijst iemand naar een welzijnscoach." in tekst
    assert "Contact: Via de huisarts of de praktijkondersteuner." in tekst
    assert "Kosten: Verschilt per gemeente." in tekst
    assert ("Bron: Movisie, databank sociale interventies, jaartal onbekend; "
            "laatst gecontroleerd op 23 november 2026.") in tekst
    assert VOORBEELD_ZIN not in tekst


def test_a_help_line_contact_gives_its_number_with_its_source(catalogus):
    treffer = next(t for t in catalogus.zoek(None) if t.interventie.id == "de_luisterlijn")
    tekst = render_interventie(treffer)
    assert "bel 088-0767 000" in tekst and "(bron: NRC, 2021)" in tekst


def test_paging_notice_and_empty_results(catalogus):
    resultaat = catalogus_resultaat(catalogus, None)
    tweede_blad = render_overzicht(resultaat, vanaf=3)
    assert tweede_blad.splitlines()[0] == teksten()["weergave"]["kop_meer"]
    assert resultaat.treffers[3].interventie.naam in tweede_blad
    assert render_overzicht(resultaat, vanaf=len(resultaat.treffers)) == teksten()["weergave"]["geen_meer"]
    leeg = Zoekresultaat((), "Nijmegen", "kinderen", melding="Let op: storing.")
    assert render_overzicht(leeg).splitlines() == ["Let op: storing.", teksten()["weergave"]["niets"]]
