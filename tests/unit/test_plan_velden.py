"""The personal action plan (actions/plan/velden.py): every validation message,
Dutch dates relative to a fixed day, steps, and names taken out. Plain
Python, no model; fictional people only."""
import re
from datetime import date
from typing import List

import pytest
import yaml

from actions import plan
from actions.plan import Uitkomst, gegevens

VANDAAG = date(2026, 11, 23)  # a Monday

NAAM_WEG = ("Ik heb iets weggehaald dat op een naam of een ander persoonlijk gegeven lijkt. Het plan noemt alleen "
            "rollen, zoals 'de buurman', of voorletters. Was het geen naam? Schrijf het dan zonder hoofdletter.")
ZONDER_WIE = ("Bij deze stap staat niet wie hem zet. Elke stap heeft iemand nodig die hem doet: de bewoner zelf, "
              "iemand uit het netwerk of jij. Schrijf: wat, door wie, wanneer. Bijvoorbeeld: 'Bellen met de "
              "biljartclub, door de bewoner, 7 december'.")


# --- the goal and the other texts -----------------------------------------------------------------
@pytest.mark.parametrize("leeg", [None, "", "   ", "\n"])
def test_an_empty_goal_is_refused_with_an_example(leeg):
    assert plan.valideer_doel(leeg) == Uitkomst(fout=(
        "Het doel is nog leeg. Schrijf op wat de persoon zelf wil, in zijn of haar eigen woorden. "
        "Bijvoorbeeld: 'Ik wil weer ergens bij horen.'"))


def test_a_goal_of_dont_know_sends_you_back_to_motivation():
    assert plan.valideer_doel("weet ik niet").fout == (
        "Zonder doel kun je nog geen plan maken. Zoek eerst samen uit wat de persoon zelf wil. "
        "Daarover gaat de fase motivatie.")


def test_a_goal_in_own_words_is_kept_as_typed():
    assert plan.valideer_doel("  Ik wil weer  ergens bij horen. ") == Uitkomst("Ik wil weer ergens bij horen.")


def test_a_name_in_the_goal_is_taken_out_and_said():
    uitkomst = plan.valideer_doel("Ik wil weer met Kees gaan vissen")
    assert uitkomst == Uitkomst("Ik wil weer met [NAAM] gaan vissen", opmerking=NAAM_WEG)


def test_a_goal_that_was_only_a_name_is_empty():
    uitkomst = plan.valideer_doel("Jan de Vries")
    assert uitkomst.fout is not None
    assert uitkomst.fout.startswith("Het doel is nog leeg.")
    assert uitkomst.opmerking == NAAM_WEG


@pytest.mark.parametrize("veld, begin", [
    ("drijfveren", "Hier staat nog niets. Wat doet de persoon graag, of waar was hij of zij vroeger goed in?"),
    ("zelf", "Hier staat nog niets. Wat kan de persoon zelf doen, al is het klein?"),
    ("netwerk", "Hier staat nog niets. Wie kan helpen, bijvoorbeeld familie, een buur of een vrijwilliger?"),
])
def test_the_other_texts_may_not_be_empty(veld, begin):
    fout = plan.valideer_tekst(veld, "").fout
    assert fout is not None
    assert fout.startswith(begin)


def test_dont_know_and_nobody_are_honest_answers_for_now():
    assert plan.valideer_tekst("drijfveren", "Weet ik nog niet.") == Uitkomst("nog niet bekend")
    assert plan.valideer_tekst("zelf", "geen idee") == Uitkomst("nog niet bekend")
    assert plan.valideer_tekst("netwerk", "niemand") == Uitkomst("nog niemand")


def test_what_drives_the_person_is_kept():
    tekst = "Hij hield altijd de scorelijsten bij op de sjoelclub."
    assert plan.valideer_tekst("drijfveren", tekst) == Uitkomst(tekst)


def test_the_network_keeps_roles_and_loses_names():
    assert plan.valideer_tekst("netwerk", "Zijn dochter en de buurvrouw") == Uitkomst("Zijn dochter en de buurvrouw")
    assert plan.valideer_tekst("netwerk", "buurman Kees en Anja") == Uitkomst("buurman en [NAAM]",
                                                                               opmerking=NAAM_WEG)


def test_an_unknown_field_is_a_programming_error():
    with pytest.raises(ValueError):
        plan.valideer_tekst("stappen", "x")
    with pytest.raises(ValueError):
        plan.valideer("bestaat_niet", "x")


# --- how the plan refers to the person -------------------------------------------------------------
@pytest.mark.parametrize("tekst, waarde", [
    ("", "de bewoner"), (None, "de bewoner"), ("de bewoner", "de bewoner"), ("bewoner", "de bewoner"),
    ("J.K.", "J.K."), ("j.k.", "J.K."), ("JK", "J.K."), ("J. K.", "J.K."), ("mevrouw J.", "mevrouw J."),
    ("dhr. P.", "meneer P."),
])
def test_the_person_is_de_bewoner_or_initials(tekst, waarde):
    assert plan.valideer_aanduiding(tekst) == Uitkomst(waarde)


@pytest.mark.parametrize("naam", ["Jan", "Jan de Vries", "meneer Bakker", "jan", "Jk"])
def test_a_name_for_the_person_is_refused(naam):
    assert plan.valideer_aanduiding(naam) == Uitkomst(fout=(
        "Dat lijkt een naam. Een naam zetten we niet in het plan, zodat niemand de persoon herkent als het plan "
        "wordt gedeeld. Zeg 'de bewoner', omschrijf de persoon, zoals 'de buurman' of 'mijn cliënt', of geef "
        "alleen voorletters, zoals J.K."))


@pytest.mark.parametrize("omschrijving, waarde", [("mijn cliënt", "mijn cliënt"), ("De buurman", "de buurman"),
                                                  ("mevrouw", "mevrouw"), ("buurvrouw", "buurvrouw")])
def test_a_description_of_the_person_is_accepted(omschrijving, waarde):
    assert plan.valideer_aanduiding(omschrijving) == Uitkomst(waarde)


def test_a_sentence_is_no_way_to_refer_to_the_person():
    fout = plan.valideer_aanduiding("ik ken hem nog maar net").fout
    assert fout is not None and fout.startswith("Zo kan ik de persoon niet noemen in het plan.")


# --- the safety net ------------------------------------------------------------------------------------
def test_an_empty_safety_net_is_refused():
    assert plan.valideer_vangnet("").fout == (
        "Het vangnet is nog leeg. Iedereen heeft iemand nodig om te bellen als het tegenvalt. Noem een rol, "
        "zoals 'de buurvrouw' of 'het wijkteam'.")


@pytest.mark.parametrize("tekst", ["niemand", "Nog niemand.", "geen", "?"])
def test_nobody_to_call_is_refused_with_what_to_do(tekst):
    assert plan.valideer_vangnet(tekst).fout == (
        "Er moet altijd iemand zijn die de persoon kan bellen. Is er nog niemand? Spreek dan af wie dat wordt, "
        "bijvoorbeeld jij of het wijkteam. Bij acuut gevaar kan de persoon altijd de crisisnummers bellen.")


def test_a_safety_net_with_a_phone_number_and_a_name_keeps_the_role():
    uitkomst = plan.valideer_vangnet("buurvrouw Ans, 06-12345678")
    assert uitkomst == Uitkomst("buurvrouw, [TELEFOON]", opmerking=NAAM_WEG)


def test_a_safety_net_that_was_only_a_name_is_refused():
    uitkomst = plan.valideer_vangnet("Piet")
    assert uitkomst.fout is not None
    assert uitkomst.fout.startswith("Het vangnet is nog leeg.")
    assert uitkomst.opmerking == NAAM_WEG


# --- the follow-up date ------------------------------------------------------------------------------------
@pytest.mark.parametrize("tekst, verwacht", [
    ("12 december", date(2026, 12, 12)),
    ("12 dec", date(2026, 12, 12)),
    ("12 december 2027", date(2027, 12, 12)),
    ("dinsdag 8 december", date(2026, 12, 8)),
    ("twaalf december", date(2026, 12, 12)),
    ("12-12-2026", date(2026, 12, 12)),
    ("12/12/2026", date(2026, 12, 12)),
    ("12.12.26", date(2026, 12, 12)),
    ("12-12", date(2026, 12, 12)),
    ("2026-12-24", date(2026, 12, 24)),
    ("vandaag", VANDAAG),
    ("morgen", date(2026, 11, 24)),
    ("overmorgen", date(2026, 11, 25)),
    ("over twee weken", date(2026, 12, 7)),
    ("over 2 weken", date(2026, 12, 7)),
    ("over een week", date(2026, 11, 30)),
    ("over drie dagen", date(2026, 11, 26)),
    ("over een maand", date(2026, 12, 23)),
    ("over een half jaar", date(2027, 5, 23)),
    ("volgende week", date(2026, 11, 30)),
    ("volgende maand", date(2026, 12, 23)),
    ("volgende week dinsdag", date(2026, 12, 1)),
    ("dinsdag volgende week", date(2026, 12, 1)),
    ("volgende week op dinsdag", date(2026, 12, 1)),
    ("dinsdag over twee weken", date(2026, 12, 8)),
    ("dinsdag", date(2026, 11, 24)),
    ("aanstaande vrijdag", date(2026, 11, 27)),
    ("maandag", date(2026, 11, 30)),
    ("donderdagmiddag", date(2026, 11, 26)),
    ("volgende week woensdag om 10 uur", date(2026, 12, 2)),
    ("op 12 december.", date(2026, 12, 12)),
    ("5 januari", date(2027, 1, 5)),  # more than three months ago this year: next year
    ("3 november", date(2026, 11, 3)),  # three weeks ago: a date in the past
])
def test_dutch_dates_are_read_relative_to_today(tekst, verwacht):
    assert plan.lees_datum(tekst, VANDAAG) == verwacht


def test_a_follow_up_date_is_kept_as_iso_and_said_back_in_full():
    assert plan.valideer_vervolgdatum("volgende week dinsdag", VANDAAG) == Uitkomst(
        "2026-12-01", opmerking="Genoteerd: dinsdag 1 december 2026.")
    assert plan.valideer_vervolgdatum("vandaag", VANDAAG).waarde == "2026-11-23"


@pytest.mark.parametrize("tekst, datum", [
    ("1-1-2020", "woensdag 1 januari 2020"),
    ("3 november", "dinsdag 3 november 2026"),
    ("22-11-2026", "zondag 22 november 2026"),
])
def test_a_date_in_the_past_is_refused(tekst, datum):
    assert plan.valideer_vervolgdatum(tekst, VANDAAG) == Uitkomst(
        fout=f"Die datum is al voorbij: {datum}. Kies een dag vanaf vandaag.")


@pytest.mark.parametrize("tekst", ["binnenkort", "over een paar weken", "ergens in het voorjaar", "12",
                                   "dinsdag of woensdag"])
def test_an_unreadable_date_is_refused_with_examples(tekst):
    assert plan.valideer_vervolgdatum(tekst, VANDAAG) == Uitkomst(fout=(
        "Die datum kan ik niet lezen. Schrijf bijvoorbeeld 7 december, 7-12-2026, 'over twee weken' of "
        "'volgende week dinsdag'."))


@pytest.mark.parametrize("tekst", ["31-02-2027", "30 februari", "12-13-2026"])
def test_a_date_that_does_not_exist_is_refused(tekst):
    assert plan.valideer_vervolgdatum(tekst, VANDAAG) == Uitkomst(
        fout="Die datum bestaat niet. Kijk nog eens naar de dag en de maand.")


def test_an_empty_date_is_asked_for():
    assert plan.valideer_vervolgdatum("", VANDAAG).fout == (
        "Ik mis nog een datum. Wanneer kijken jullie samen terug? Bijvoorbeeld 7 december, 'over twee weken' "
        "of 'volgende week dinsdag'.")


def test_today_defaults_to_the_real_date():
    assert plan.lees_datum("vandaag") == date.today()


# --- steps ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("tekst", [
    "Bellen met de biljartclub — de bewoner — volgende week dinsdag",
    "Bellen met de biljartclub - de bewoner - volgende week dinsdag",
    "Bellen met de biljartclub; door de bewoner; volgende week dinsdag",
    "Bellen met de biljartclub, door de bewoner, volgende week dinsdag",
    "Bellen met de biljartclub, de bewoner, volgende week dinsdag",
    "wat: bellen met de biljartclub, wie: de bewoner, wanneer: volgende week dinsdag",
    "1. Bellen met de biljartclub, door de bewoner, volgende week dinsdag",
])
def test_a_step_is_read_in_each_style(tekst):
    uitkomst = plan.valideer_stap(tekst, VANDAAG)
    assert uitkomst.ok, uitkomst.fout
    assert uitkomst.waarde["wat"].lower() == "bellen met de biljartclub"
    assert uitkomst.waarde["wie"] == "de bewoner"
    assert uitkomst.waarde["wanneer"] == "dinsdag 1 december 2026"
    assert uitkomst.waarde["datum"] == "2026-12-01"


def test_a_step_with_a_recurring_moment_keeps_the_words():
    uitkomst = plan.valideer_stap("Lijstjes bijhouden bij de biljartclub, door de bewoner, elke dinsdagavond",
                                  VANDAAG)
    assert uitkomst == Uitkomst({"wat": "Lijstjes bijhouden bij de biljartclub", "wie": "de bewoner",
                                 "wanneer": "elke dinsdagavond", "datum": None})


def test_a_step_with_several_helpers():
    uitkomst = plan.valideer_stap("Samen naar de markt, door de bewoner met de buurvrouw, zaterdag", VANDAAG)
    assert uitkomst.waarde["wie"] == "de bewoner met de buurvrouw"
    assert uitkomst.waarde["wanneer"] == "zaterdag 28 november 2026"


@pytest.mark.parametrize("tekst", [
    "Naar de markt, zaterdag",
    "Naar de markt — niemand — zaterdag",
    "Naar de markt; ; zaterdag",
    "Naar de markt, door niemand, zaterdag",
    "Naar de markt, weet ik niet, zaterdag",
    "Bellen",
])
def test_a_step_without_anyone_to_do_it_is_refused(tekst):
    assert plan.valideer_stap(tekst, VANDAAG) == Uitkomst(fout=ZONDER_WIE)


def test_a_step_whose_only_doer_was_a_name_is_refused_and_the_name_is_gone():
    assert plan.valideer_stap("Bellen met de club, door Kees, morgen", VANDAAG) == Uitkomst(
        fout=ZONDER_WIE, opmerking=NAAM_WEG)


def test_a_step_without_a_moment_is_refused():
    assert plan.valideer_stap("Naar de markt, de buurvrouw", VANDAAG) == Uitkomst(fout=(
        "Bij deze stap staat niet wanneer hij gebeurt. Zet er een moment bij, zoals 'volgende week dinsdag' of "
        "'elke woensdagochtend'."))


def test_a_step_without_what_is_refused():
    assert plan.valideer_stap(" — de bewoner — morgen", VANDAAG) == Uitkomst(
        fout="Bij deze stap staat niet wat er gebeurt. Schrijf: wat, door wie, wanneer.")


def test_an_empty_step_is_refused():
    assert plan.valideer_stap("", VANDAAG) == Uitkomst(
        fout="Deze stap is nog leeg. Schrijf: wat, door wie, wanneer.")


def test_a_step_in_the_past_is_refused():
    assert plan.valideer_stap("Koffie bij de buren; de bewoner; 1-1-2020", VANDAAG) == Uitkomst(
        fout="De datum bij deze stap is al voorbij: woensdag 1 januari 2020. Kies een moment vanaf vandaag.")


def test_a_step_on_a_date_that_does_not_exist_is_refused():
    assert plan.valideer_stap("Koffie drinken - de bewoner - 31-02-2027", VANDAAG).fout == (
        "Die datum bestaat niet. Kijk nog eens naar de dag en de maand.")


def test_a_name_after_a_role_in_a_step_goes_and_the_role_stays():
    uitkomst = plan.valideer_stap("Koffie drinken bij buurvrouw Ans, door de bewoner, woensdag", VANDAAG)
    assert uitkomst == Uitkomst({"wat": "Koffie drinken bij buurvrouw", "wie": "de bewoner",
                                 "wanneer": "woensdag 25 november 2026", "datum": "2026-11-25"},
                                opmerking=NAAM_WEG)


# --- the number of steps --------------------------------------------------------------------------------------
def _stap(nummer):
    return {"wat": f"stap {nummer}", "wie": "de bewoner", "wanneer": "elke week", "datum": None}


@pytest.mark.parametrize("aantal, woord", [(0, "geen"), (1, "een")])
def test_fewer_than_two_steps_is_refused(aantal, woord):
    assert plan.valideer_stappen([_stap(i) for i in range(aantal)]) == Uitkomst(fout=(
        f"Een plan heeft minstens twee stappen. Er staat er nu {woord}. Wat is nog een kleine stap?"))


def test_more_than_five_steps_is_refused():
    assert plan.valideer_stappen([_stap(i) for i in range(6)]) == Uitkomst(fout=(
        "Een plan heeft hoogstens vijf stappen. Houd het klein: kies de stappen die nu het belangrijkst zijn. "
        "Kleine successen tellen."))


@pytest.mark.parametrize("aantal", [2, 3, 4, 5])
def test_two_to_five_steps_are_fine(aantal):
    assert plan.valideer_stappen([_stap(i) for i in range(aantal)]).ok


def test_steps_are_added_one_at_a_time_and_a_sixth_is_refused():
    stappen: List[dict] = []
    for nummer in range(5):
        uitkomst = plan.voeg_stap_toe(stappen, f"Stap {nummer}, de bewoner, elke week", VANDAAG)
        assert uitkomst.ok
        stappen = uitkomst.waarde
    assert len(stappen) == 5
    assert plan.voeg_stap_toe(stappen, "Nog een, de bewoner, morgen", VANDAAG) == Uitkomst(fout=(
        "Er staan al vijf stappen in het plan. Dat is genoeg voor nu: kleine successen tellen. Wil je een stap "
        "vervangen? Haal er dan eerst een weg."))


def test_a_bad_step_is_not_added():
    assert plan.voeg_stap_toe([_stap(1)], "Naar de markt, zaterdag", VANDAAG) == Uitkomst(fout=ZONDER_WIE)


def test_several_steps_at_once_one_per_line():
    uitkomst = plan.lees_stappen("1. Bellen met de club, de bewoner, morgen\n\n2. Koffie, de buurvrouw, zaterdag",
                                 VANDAAG)
    assert [s["wat"] for s in uitkomst.waarde] == ["Bellen met de club", "Koffie"]


def test_several_steps_name_the_bad_one():
    uitkomst = plan.lees_stappen("Bellen met de club, de bewoner, morgen\nKoffie, zaterdag", VANDAAG)
    assert uitkomst.fout == "Stap twee: b" + ZONDER_WIE[1:]


def test_several_steps_check_the_number_too():
    fout = plan.lees_stappen("Bellen met de club, de bewoner, morgen", VANDAAG).fout
    assert fout is not None
    assert fout.startswith("Een plan heeft minstens twee stappen. Er staat er nu een.")


# --- the form ------------------------------------------------------------------------------------------------
def test_the_order_puts_the_safety_net_first_for_the_care_avoiding():
    assert plan.volgorde() == ["aanduiding", "doel", "drijfveren", "zelf", "netwerk", "stappen", "vervolgdatum",
                               "vangnet"]
    assert plan.volgorde(zorgmijdend=True)[:3] == ["aanduiding", "vangnet", "doel"]


def test_the_next_missing_field():
    assert plan.ontbrekend({}) == "aanduiding"
    gevuld = {"aanduiding": "de bewoner", "doel": "x", "drijfveren": "x", "zelf": "x", "netwerk": "x"}
    assert plan.ontbrekend(gevuld) == "stappen"
    assert plan.ontbrekend({**gevuld, "stappen": [_stap(1)]}) == "stappen"
    assert plan.ontbrekend({**gevuld, "stappen": [_stap(1), _stap(2)]}) == "vervolgdatum"
    compleet = {**gevuld, "stappen": [_stap(1), _stap(2)], "vervolgdatum": "2026-12-01", "vangnet": "x"}
    assert plan.ontbrekend(compleet) is None
    assert plan.ontbrekend({"aanduiding": "de bewoner"}, zorgmijdend=True) == "vangnet"


def test_valideer_dispatches_per_field():
    fout = plan.valideer("doel", "", VANDAAG).fout
    assert fout is not None
    assert fout.startswith("Het doel is nog leeg.")
    assert plan.valideer("vervolgdatum", "morgen", VANDAAG).waarde == "2026-11-24"
    assert plan.valideer("vangnet", "de buurvrouw").waarde == "de buurvrouw"
    assert plan.valideer("aanduiding", "J.K.").waarde == "J.K."


def test_questions_carry_a_fresh_example_date_and_the_type_hint():
    assert plan.vraag("vervolgdatum", vandaag=VANDAAG) == (
        "Wanneer kijken jullie samen terug hoe het gaat? Noem een datum, zoals 7 december, of zeg bijvoorbeeld "
        "'over twee weken' of 'volgende week dinsdag'.")
    assert plan.vraag("doel", "dreigend").startswith("Denk aan preventie:")
    assert plan.vraag("vangnet", "structureel_ggz", zorgmijdend=True).startswith(
        "Eerst het vangnet: vertrouwen en iemand om op terug te vallen gaan voor een plan. Wie kan de persoon bellen")
    assert "sjoelclub" in plan.vraag("drijfveren")
    assert plan.vraag("stappen", aantal_stappen=2) == (
        "Wat is de volgende stap? Of zeg 'klaar' als het plan genoeg stappen heeft.")


# --- names --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("tekst, schoon", [
    ("Bellen met Kees", "Bellen met [NAAM]"),
    ("Dan belt Kees de club", "Dan belt [NAAM] de club"),
    ("Jan de Vries komt langs", "[NAAM] komt langs"),
    ("buurman Kees helpt", "buurman helpt"),
    ("Mevrouw Jansen wil weer zingen", "Mevrouw wil weer zingen"),
    ("Dinsdag Kees bellen", "Dinsdag [NAAM] bellen"),
    ("bel 06-12345678", "bel [TELEFOON]"),
    ("ze woont op de Dorpsstraat 12", "ze woont op de [ADRES]"),
])
def test_names_and_identifying_details_are_taken_out(tekst, schoon):
    assert plan.anoniem(tekst) == (schoon, True)


@pytest.mark.parametrize("tekst", [
    "Ik wil weer naar de sjoelclub in Rotterdam",
    "De Luisterlijn bellen",
    "Welzijn op Recept via de huisarts",
    "Humanitas Maatjesproject",
    "Zilverlijn van het Nationaal Ouderenfonds",
    "Ik wil in Den Haag wonen",
    "Bellen met de club op Dinsdag",
    "J.K. belt de club",
    "samen met kees",  # no capital: the worker's way to say it is no name
])
def test_roles_organisations_places_and_ordinary_words_stay(tekst):
    assert plan.anoniem(tekst) == (tekst, False)


def test_texts_about_people_take_a_capitalised_word_for_a_name_also_at_the_start():
    assert plan.anoniem("Kees", over_personen=True) == ("[NAAM]", True)
    assert plan.anoniem("Kees belt de club", over_personen=True) == ("[NAAM] belt de club", True)
    # elsewhere a word at the start of a sentence counts only when deduce knows it as a name
    assert plan.anoniem("Kees belt de club") == ("[NAAM] belt de club", True)
    assert plan.anoniem("Bellen naar de club") == ("Bellen naar de club", False)
    assert plan.anoniem("De buurvrouw en het Wijkteam", over_personen=True) == (
        "De buurvrouw en het Wijkteam", False)


# --- the data file ------------------------------------------------------------------------------------------
def test_the_plan_texts_hold_no_digits():
    data = yaml.safe_load(gegevens.BESTAND.read_text(encoding="utf-8"))

    def teksten(waarde):
        if isinstance(waarde, str):
            yield waarde
        elif isinstance(waarde, list):
            for item in waarde:
                yield from teksten(item)
        elif isinstance(waarde, dict):
            for item in waarde.values():
                yield from teksten(item)

    alle = list(teksten(data))
    assert len(alle) > 50
    assert [t for t in alle if re.search(r"\d", t)] == []
