"""The knowledge base: every fact the bot can say is there once, with a source."""
import re
import shutil

import pytest
import yaml

from actions.kennis.kennisbank import (
    KENNIS_DIR,
    PLACEHOLDER,
    KennisbankFout,
    kennisbank,
    laad,
)
from gedeeld import settings

ROOT = settings.ROOT
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
KNOWLEDGE_INTENTS = ["signalen_herkennen", "typologie", "participatieladder", "fase_uitleg", "begrip_uitleg",
                     "cijfers", "gesprek_openen", "doorverwijzen", "zorgmijding",
                     "vrijwilligers", "participatiesamenleving", "doelgroep_divers", "samenwerking_zorg_welzijn",
                     "gevolgen_isolement", "stigma"]


def domain_response_texts():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    for name, variants in domain["responses"].items():
        for variant in variants:
            yield name, variant.get("text", "")
            for button in variant.get("buttons", []):
                yield name, button["title"]


def prose_texts(kennis):
    """Texts written as prose: they may hold placeholders but no digits."""
    for topic in kennis.onderwerpen.values():
        for text in filter(None, (topic.kort, topic.meer, topic.titel, topic.voorbehoud)):
            yield f"onderwerp {topic.id}", text
    for fase in kennis.fasen.values():
        for key in ("naam", "doel", "wat_doe_je"):
            yield f"fase {fase['id']}", fase[key]
        for key in ("voorbeeldvragen", "valkuilen", "klaar_voor_volgende"):
            for text in fase[key]:
                yield f"fase {fase['id']}", text
    for key in ("inleiding", "afsluiting", "verder"):
        yield "crisis", kennis.crisis[key]
    yield from domain_response_texts()


def sourced_numbers(kennis):
    """Every number that stands in an entry of the knowledge base with a source."""
    numbers = set()
    for bron in kennis.bronnen.values():
        numbers |= set(NUMBER.findall(f"{bron['kort']} {bron['jaar']}"))
    for cijfer in kennis.cijfers.values():
        numbers |= set(NUMBER.findall(cijfer["tekst"]))
    for lijn in kennis.hulplijnen.values():
        numbers |= set(NUMBER.findall(" ".join(lijn["nummers"]) + " " + lijn["wanneer"]))
    numbers |= {str(trede["nummer"]) for trede in kennis.treden}
    return numbers


def test_prose_holds_no_digits_only_placeholders_do():
    offenders = [(where, text) for where, text in prose_texts(kennisbank())
                 if re.search(r"\d", PLACEHOLDER.sub("", text))]
    assert offenders == []


def test_every_number_the_bot_can_say_is_in_the_knowledge_base_with_a_source():
    kennis = kennisbank()
    allowed = sourced_numbers(kennis)
    said = kennis.alle_teksten() + list(domain_response_texts())
    unsourced = [(where, n) for where, text in said for n in NUMBER.findall(text) if n not in allowed]
    assert unsourced == []
    assert all(cijfer["bron"] in kennis.bronnen for cijfer in kennis.cijfers.values())


def test_every_rendered_figure_names_its_source_and_year():
    kennis = kennisbank()
    for ident in kennis.cijfers:
        rendered = kennis.render("{cijfer:%s}" % ident)
        bron = kennis.bronnen[kennis.cijfers[ident]["bron"]]
        assert f"(bron: {bron['kort']}, {bron['jaar']})" in rendered


def test_every_knowledge_intent_has_a_topic():
    kennis = kennisbank()
    assert [i for i in KNOWLEDGE_INTENTS if kennis.onderwerp_voor_intent(i) is None] == []


def test_crisis_answer_gives_the_exact_numbers_with_sources():
    tekst = kennisbank().crisis_antwoord(None).tekst
    assert "bel 112" in tekst
    assert "bel 113 of 0800-0113" in tekst
    assert "bel 0800-2000" in tekst
    assert "(bron: 113.nl; ANP, 2025)" in tekst
    assert tekst.index("112") < tekst.index("0800-0113")


def test_ladder_lists_six_named_rungs_with_source():
    tekst = kennisbank().render("{treden}")
    for nummer, naam in enumerate(["Geïsoleerd", "Sociale contacten buitenshuis",
                                   "Deelname aan georganiseerde activiteiten", "Onbetaald werk",
                                   "Betaald werk met ondersteuning", "Betaald werk"], start=1):
        assert f"{nummer}. {naam}:" in tekst
    assert "(bron: participatieladder van VNG en Divosa" in tekst


def test_each_phase_has_enough_practical_content():
    for fase in kennisbank().fasen.values():
        assert len(fase["voorbeeldvragen"]) >= 3, fase["id"]
        assert len(fase["valkuilen"]) >= 2, fase["id"]
        assert fase["klaar_voor_volgende"], fase["id"]


@pytest.fixture
def kennis_copy(tmp_path):
    target = tmp_path / "kennis"
    shutil.copytree(KENNIS_DIR, target)
    return target


def test_unknown_source_is_refused_with_file_and_entry(kennis_copy):
    path = kennis_copy / "cijfers.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("bron: hortulanus_2003", "bron: verzonnen"),
                    encoding="utf-8")
    with pytest.raises(KennisbankFout, match=r"cijfers.yml 'isolement_volwassenen': onbekende bron 'verzonnen'"):
        laad(kennis_copy)


def test_placeholder_to_unknown_figure_is_refused(kennis_copy):
    path = kennis_copy / "onderwerpen.yml"
    text = path.read_text(encoding="utf-8").replace("{cijfer:isolement_volwassenen}", "{cijfer:bestaat_niet}", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KennisbankFout, match="onbekende cijfer 'bestaat_niet'"):
        laad(kennis_copy)


def test_missing_file_is_named(kennis_copy):
    (kennis_copy / "hulplijnen.yml").unlink()
    with pytest.raises(KennisbankFout, match="hulplijnen.yml: kan het bestand niet lezen"):
        laad(kennis_copy)


def test_elke_bron_heeft_een_verschijningsjaar_of_zegt_dat_het_onbekend_is():
    jaren = {b["id"]: b["jaar"] for b in kennisbank().bronnen.values()}
    assert {i: j for i, j in jaren.items()
            if not re.fullmatch(r"(19|20)\d\d( en (19|20)\d\d)?|jaartal onbekend", j)} == {}


@pytest.mark.parametrize("cijfer_id, bron_id, spreker", [
    ("isolement_kinderen", "welzijnplus_schenkels", "Schenkels"),
    ("rotterdam_ouderen", "welzijnplus_van_der_hout", "Van der Hout"),
])
def test_de_welzijn_plus_cijfers_staan_op_naam_van_wie_ze_noemde(cijfer_id, bron_id, spreker):
    kennis = kennisbank()
    assert kennis.cijfers[cijfer_id]["bron"] == bron_id
    assert spreker in kennis.bronnen[bron_id]["kort"]


def test_alleen_outreachend_geldt_voor_wie_zorg_mijdt_niet_voor_het_hele_type():
    onderwerp = kennisbank().onderwerp("type_structureel_ggz")
    assert onderwerp is not None
    tekst = kennisbank().kort_antwoord(onderwerp).tekst
    assert "Wie zorg mijdt, bereik je alleen outreachend" in tekst
    assert "Je bereikt ze alleen outreachend" not in tekst


def test_elk_onderwerpantwoord_noemt_zijn_bron():
    kennis = kennisbank()
    zonder = [o.id for o in kennis.onderwerpen.values()
              if "(bron: " not in kennis.kort_antwoord(o).tekst or "(bron: " not in kennis.meer_antwoord(o).tekst]
    assert zonder == []


def test_signalen_begint_met_concrete_signalen_en_dan_de_soorten():
    kennis = kennisbank()
    onderwerp = kennis.onderwerp("signalen")
    assert onderwerp is not None
    antwoord = kennis.kort_antwoord(onderwerp)
    signalen = [r for r in antwoord.tekst.splitlines() if r.startswith("- ")]
    assert antwoord.tekst.startswith("Let vooral op deze signalen:") and 5 <= len(signalen) <= 6
    assert "gordijnen" in antwoord.tekst and "functionele contacten" in antwoord.tekst
    assert len([k for k in antwoord.knoppen if k.titel.startswith("Signalen: ")]) == 6


# Issue 16: the seed topics that had no answer. Per topic: a fact from the seed that the
# short answer must give, and one the short or longer answer must give.
SEEDONDERWERPEN = {
    "vrijwilligers": ("werven, begeleiden en aansturen", "Wat doet de coördinator van vrijwilligers?"),
    "participatiesamenleving": ("waar een netwerk ontbreekt, moet de overheid helpen", "kracht van het netwerk"),
    "doelgroep_divers": ("van alleenstaande moeders tot mantelzorgers, en van kleuters tot ouderen",
                         "voorschoolse opvang"),
    "samenwerking_zorg_welzijn": ("schotten ertussen worden langzaam afgebroken", "van de huisarts tot de visboer"),
    "gevolgen_isolement": ("kwaliteit van leven", "verwaarlozing, vervuiling, verslaving of schulden"),
    "stigma": ("een eigen doel in de handreiking Ernstige vereenzaming", "Samen Sterk zonder Stigma"),
}
# Who said what in seed 001: a name in the text must come with that person's part of the article as source.
SPREKERS = {"Machielse": "welzijnplus_rotterdam", "Van der Hout": "welzijnplus_van_der_hout",
            "Schenkels": "welzijnplus_schenkels"}


def seedonderwerp(onderwerp_id):
    onderwerp = kennisbank().onderwerp(onderwerp_id)
    assert onderwerp is not None, onderwerp_id
    return onderwerp


@pytest.mark.parametrize("onderwerp_id", sorted(SEEDONDERWERPEN))
def test_elk_seedonderwerp_beantwoordt_zijn_intent_met_het_feit_en_de_bron(onderwerp_id):
    in_kort, in_kort_of_meer = SEEDONDERWERPEN[onderwerp_id]
    kennis = kennisbank()
    onderwerp = kennis.onderwerp_voor_intent(onderwerp_id)
    assert onderwerp is not None and onderwerp.id == onderwerp_id
    kort, meer = kennis.kort_antwoord(onderwerp).tekst, kennis.meer_antwoord(onderwerp).tekst
    assert in_kort in kort and in_kort_of_meer in kort + meer
    assert "(bron: " in kort and "(bron: " in meer


@pytest.mark.parametrize("onderwerp_id", sorted(SEEDONDERWERPEN))
def test_elk_seedonderwerp_is_een_knop_onder_een_verwant_bestaand_antwoord(onderwerp_id):
    kennis = kennisbank()
    titel = seedonderwerp(onderwerp_id).titel
    onder = [o.id for o in kennis.onderwerpen.values() if o.id not in SEEDONDERWERPEN
             and titel in [k.titel for k in kennis.kort_antwoord(o).knoppen]]
    assert onder, f"geen enkel bestaand antwoord biedt '{titel}' als knop"


@pytest.mark.parametrize("onderwerp_id", sorted(SEEDONDERWERPEN))
def test_wie_een_seedonderwerp_bij_naam_noemt_staat_ook_als_bron_eronder(onderwerp_id):
    onderwerp = seedonderwerp(onderwerp_id)
    kort = kennisbank().kort_antwoord(onderwerp).tekst
    genoemd = {naam for naam in SPREKERS if naam in onderwerp.kort + (onderwerp.meer or "")}
    assert {naam for naam in genoemd if SPREKERS[naam] not in onderwerp.bronnen} == set()
    assert all(kennisbank().bronnen[SPREKERS[naam]]["kort"] in kort for naam in genoemd)


def test_een_vrijwilliger_met_zorgen_hoort_naar_wie_hij_gaat_en_bij_acuut_gevaar_het_alarmnummer():
    antwoord = kennisbank().kort_antwoord(seedonderwerp("vrijwilligers"))
    assert "Bespreek het met je coördinator." in antwoord.tekst
    assert "Is er acuut gevaar? Bel dan meteen het alarmnummer." in antwoord.tekst
    assert "Wie haal je erbij?" in [k.titel for k in antwoord.knoppen]


def test_het_crisisantwoord_wordt_herkend_onder_beide_openingszinnen():
    from actions.kennis.kennisbank import kennisbank
    kennis = kennisbank()
    assert kennis.is_crisisantwoord(kennis.crisis_antwoord(None).tekst)
    assert kennis.is_crisisantwoord(kennis.crisis_antwoord(None, algemene_vraag=True).tekst)
    assert not kennis.is_crisisantwoord("Ieder mens heeft behoefte aan contacten die iets betekenen.")
