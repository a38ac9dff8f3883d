"""The crisis safety net after DIET (bot/nlu/crisisvangnet.py), on messages as DIET leaves them."""
import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.crisisvangnet import CrisisVangnet


def verwerkt(tekst, *paren):
    """The intent and ranking names after the safety net, for DIET's ranking `paren` (name, confidence)."""
    ranking = [{"name": naam, "confidence": zekerheid} for naam, zekerheid in paren]
    bericht = Message(data={TEXT: tekst, INTENT: ranking[0], INTENT_RANKING_KEY: ranking})
    CrisisVangnet().process([bericht])
    return bericht.get(INTENT)["name"], [k["name"] for k in bericht.get(INTENT_RANKING_KEY)]


def gelezen(tekst, intent):
    return verwerkt(tekst, (intent, 0.8), ("acute_zorg", 0.05))


@pytest.mark.parametrize("tekst, intent", [
    ("hoe pak ik dit aan? haar zoon slaat haar als ze geen geld geeft", "aanpak_starten"),
    ("bedankt, maar hij zei net dat hij zichzelf iets aan wil doen", "bedanken"),
    ("ja, en ze spaart haar slaappillen op", "antwoord_geven"),
    ("hij ligt al uren op de badkamervloer en kan niet op", "buiten_bereik"),
    # A situation read as a referral question gets the crisis answer, not the list of help lines
    ("haar zoon sluit haar elke dag op, ik weet niet bij wie ik moet zijn", "doorverwijzen"),
    # A question beside a clause that states the danger: the danger counts
    ("Wie moet ik bellen? Mevrouw ligt sinds vanochtend op de grond.", "doorverwijzen"),
    ("Wat moet ik doen, mijn buurman wil niet meer leven", "doorverwijzen"),
    ("Mijn buurman wil niet meer leven, welk nummer kan ik bellen?", "doorverwijzen"),
    # A question that says the danger is happening now
    ("Welk nummer bel ik bij een mishandeling die op dit moment bij de buren gebeurt?", "doorverwijzen"),
    # A short emergency read as a description: the crisis answer alone, not the questions after it
    ("De buurman met dementie is weg, al drie uur, en niemand weet waar hij is.", "casus_beschrijven"),
    # A statement read as a knowledge topic asks for no topic: the crisis answer alone
    ("Mevrouw ligt al sinds gisteren op de grond en kan niet opstaan, ze wil geen hulp.", "zorgmijding"),
])
def test_acuut_gevaar_wordt_acute_zorg_wat_diet_ook_las(tekst, intent):
    naam, ranking = gelezen(tekst, intent)
    assert naam == "acute_zorg" and ranking[:2] == ["acute_zorg", intent] and ranking.count("acute_zorg") == 1


@pytest.mark.parametrize("tekst, intent", [
    ("Heeft u weleens aan zelfmoord gedacht?", "zet_gevoelens_verkennen"),  # a practice move
    ("Meneer (80) woont alleen, vroeger sloeg zijn vader hem.", "casus_beschrijven"),  # no danger now
    # a description worth reading on gives the routes and is read on
    ("Mevrouw (84) woont sinds de dood van haar man alleen in een flat. Haar dochter belt af en toe. "
     "Ze komt weinig buiten en zegt tegen de thuiszorg dat ze niet meer wil leven.", "casus_beschrijven"),
    ("welk nummer bel ik bij zelfmoordgedachten", "doorverwijzen"),  # the referral gives the routes
    ("Als een deelnemer zegt dat hij dood wil, wie bel ik dan?", "doorverwijzen"),  # a condition, not a fact
    ("Bij wie meld ik het als ik huiselijk geweld vermoed?", "doorverwijzen"),
    ("Welke hulplijn bel ik bij huiselijk geweld?", "doorverwijzen"),
    ("welke signalen van suïcide zie je bij ouderen?", "signalen_herkennen"),  # routes, then the answer
    ("hoe pak ik dit aan? ze komt de deur niet meer uit", "aanpak_starten"),  # no danger named
])
def test_andere_berichten_houden_de_intent_van_diet(tekst, intent):
    assert gelezen(tekst, intent)[0] == intent


def test_de_kennisvragen_komen_uit_de_regels_voor_action_kennis_antwoord():
    from bot.nlu.crisisvangnet import kennisvragen
    assert {"signalen_herkennen", "doorverwijzen", "cijfers", "gesprek_openen"} <= kennisvragen()
    assert not {"aanpak_starten", "interventie_zoeken", "casus_beschrijven"} & kennisvragen()


def test_de_seedonderwerpen_in_hun_eigen_regelbestand_zijn_ook_kennisvragen():
    from bot.nlu.crisisvangnet import kennisvragen
    assert {"vrijwilligers", "participatiesamenleving", "doelgroep_divers", "samenwerking_zorg_welzijn",
            "gevolgen_isolement", "stigma"} <= kennisvragen()


def test_een_kennisvraag_over_een_seedonderwerp_die_gevaar_noemt_houdt_zijn_eigen_pad():
    # action_kennis_antwoord gives the crisis routes first and then the answer, so the question is not lost
    tekst = "ik ben vrijwilliger, meneer zegt dat hij er een eind aan wil maken, bij wie kan ik terecht?"
    assert gelezen(tekst, "vrijwilligers")[0] == "vrijwilligers"


def _onzeker(tekst, eerste, tweede):
    return verwerkt(tekst, eerste, tweede, ("bedanken", 0.05))[0]


def test_een_onzekere_lezing_met_acuut_gevaar_als_tweede_gok_wordt_acute_zorg():
    gelezen = _onzeker("ze ligt maar op bed en wil niemand zien", ("zorgmijding", 0.33), ("acute_zorg", 0.21))
    assert gelezen == "acute_zorg"


def test_een_zekere_lezing_of_acuut_gevaar_ver_weg_blijft_wat_diet_las():
    assert _onzeker("ze wil geen hulp van de thuiszorg", ("zorgmijding", 0.72), ("acute_zorg", 0.21)) == "zorgmijding"
    assert _onzeker("ze wil geen hulp van de thuiszorg", ("zorgmijding", 0.33), ("acute_zorg", 0.04)) == "zorgmijding"


def test_een_onzekere_oefenzet_blijft_een_oefenzet():
    assert _onzeker("denkt u weleens aan de dood?", ("zet_gevoelens_verkennen", 0.35),
                    ("acute_zorg", 0.3)) == "zet_gevoelens_verkennen"


def test_een_onzekere_beschrijving_blijft_een_beschrijving():
    gelezen = _onzeker("mevrouw zit hele dagen achter de geraniums", ("casus_beschrijven", 0.31), ("acute_zorg", 0.2))
    assert gelezen == "casus_beschrijven"


def test_een_onzekere_tweede_gok_telt_niet_als_het_gevaarmodel_gevaar_zo_goed_als_uitsluit():
    from actions.gesprek.modus import GEEN_GEVAAR
    from bot.nlu.crisisvangnet import wordt_crisis
    tekst = "Ik maak me zorgen om mijn buurvrouw van 80. Ze heeft bijna geen contacten."
    onzeker = [{"name": "zorgmijding", "confidence": 0.3}, {"name": "acute_zorg", "confidence": 0.2}]
    assert not wordt_crisis("zorgmijding", tekst, onzeker, kans=GEEN_GEVAAR - 0.01)
    assert wordt_crisis("zorgmijding", tekst, onzeker, kans=GEEN_GEVAAR)
    assert wordt_crisis("zorgmijding", tekst, onzeker)  # no model (before training): DIET's doubt counts
    # a pattern still counts, however low the model's probability
    assert wordt_crisis("zorgmijding", "ze ligt al uren op de grond en kan niet opstaan", onzeker, kans=0.01)


@pytest.mark.parametrize("tekst, crisis", [
    # the danger model read danger and a sentence states it, beside the question
    ("Naar wie verwijs ik een man die gisteravond door zijn zoon is geschopt? De zoon woont bij hem.", True),
    ("Moet ik Veilig Thuis bellen? Een jongen van 12 vertelde me net dat zijn oom hem 's nachts bezoekt.", True),
    # a question alone keeps the referral answer, which gives the routes
    ("Welk nummer kan een cliënt bellen als hij af en toe aan zelfmoord denkt?", False),
    ("Als iemand zegt dat hij geslagen wordt, naar wie verwijs ik dan?", False),
])
def test_een_verwijsvraag_naast_een_zin_die_het_gevaar_vertelt_wordt_een_crisis(tekst, crisis):
    from bot.nlu.crisisvangnet import wordt_crisis
    ranking = [{"name": "doorverwijzen", "confidence": 0.7}, {"name": "acute_zorg", "confidence": 0.1}]
    assert wordt_crisis("doorverwijzen", tekst, ranking, gevaar=True) is crisis
