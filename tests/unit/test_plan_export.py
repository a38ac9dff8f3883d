"""The plan and the picture as a chat summary and a Markdown document
(actions/plan/export.py). Plain Python, no model; a fictional person."""
from datetime import date
from typing import List

from actions import plan
from actions.aanpak import fasen as aanpak
from actions.plan import export as plan_export

VANDAAG = date(2026, 11, 23)


def gevuld_plan():
    """A plan filled in through the validators, as the form would."""
    stappen: List[dict] = []
    for tekst in ("Bellen met de biljartclub, door de bewoner met de buurman, volgende week dinsdag",
                  "Een avond meekijken bij de club — de bewoner en de buurman — elke donderdagavond",
                  "Vragen of hij de scorelijsten mag bijhouden; de bewoner; over drie weken"):
        uitkomst = plan.voeg_stap_toe(stappen, tekst, VANDAAG)
        assert uitkomst.ok, uitkomst.fout
        stappen = uitkomst.waarde
    waarden = {
        "aanduiding": plan.valideer_aanduiding("de bewoner").waarde,
        "doel": plan.valideer_doel("Ik wil weer ergens bij horen, net als vroeger bij de sjoelclub.").waarde,
        "drijfveren": plan.valideer_tekst("drijfveren", "Hij hield altijd de scorelijsten bij op de sjoelclub. "
                                                        "Orde en getallen geven hem rust.").waarde,
        "zelf": plan.valideer_tekst("zelf", "Zelf de club bellen. Met de bus gaan lukt nog goed.").waarde,
        "netwerk": plan.valideer_tekst("netwerk", "De buurman, die ook van biljarten houdt. Een zoon die ver "
                                                  "weg woont.").waarde,
        "stappen": stappen,
        "vervolgdatum": plan.valideer_vervolgdatum("over twee weken", VANDAAG).waarde,
        "vangnet": plan.valideer_vangnet("De buurman. Bij nood het wijkteam.").waarde,
    }
    assert plan.ontbrekend(waarden) is None
    return waarden


BEELD = {
    "beeld_type": "situationeel",
    "beeld_trede": 1.0,
    "beeld_urgentie": "regulier",
    "beeld_beleving": "beide",
    "beeld_redenen": ["de partner is overleden", "het speelt al maanden"],
}

VERWACHT = """\
# Persoonlijk actieplan voor de bewoner

Gemaakt op maandag 23 november 2026.

Dit plan bevat geen namen of andere gegevens waaraan je de persoon kunt herkennen.

## Doel

> Ik wil weer ergens bij horen, net als vroeger bij de sjoelclub.

## Wat de bewoner drijft

Hij hield altijd de scorelijsten bij op de sjoelclub. Orde en getallen geven hem rust.

## Wat de bewoner zelf kan en wil

Zelf de club bellen. Met de bus gaan lukt nog goed.

## Wie kan helpen

De buurman, die ook van biljarten houdt. Een zoon die ver weg woont.

## Stappen

1. Bellen met de biljartclub. Wie: de bewoner met de buurman. Wanneer: dinsdag 1 december 2026.
2. Een avond meekijken bij de club. Wie: de bewoner en de buurman. Wanneer: elke donderdagavond.
3. Vragen of hij de scorelijsten mag bijhouden. Wie: de bewoner. Wanneer: maandag 14 december 2026.

## Samen terugkijken

Op maandag 7 december 2026.

## Vangnet: wie de bewoner kan bellen

De buurman. Bij nood het wijkteam.

## Eerste beeld

- Type: dit lijkt het meest op situationeel isolement. Dat is een suggestie om met collega's te bespreken, \
geen etiket en geen diagnose.
- Waarom: de partner is overleden en het speelt al maanden.
- Participatieladder: waarschijnlijk trede 1, geïsoleerd.
- Eenzaamheid of isolement: allebei. Er zijn tekenen van isolement, en er zijn signalen dat de persoon zich \
eenzaam voelt.
- Urgentie: geen haast. Neem wel de tijd voor een goed gesprek.

## Waar je staat in de aanpak

- Inzicht: gedaan
- Erkenning: gedaan
- Eigen verhaal: gedaan
- Motivatie: gedaan
- Persoonlijk actieplan: gedaan

## Bronnen

- Wmo Werkplaatsen, Doorbreek eenzaamheid, 2015
- Hogeschool Utrecht e.a., Doorbreek eenzaamheid, 2015
- Machielse (LESI) in Welzijn+, jaartal onbekend
- participatieladder van VNG en Divosa, jaartal onbekend
"""


def afgeronde_aanpak():
    state = aanpak.start("actieplan", "situationeel", eerdere_gedaan=True)
    return aanpak.volgende(state)


def test_the_markdown_of_a_filled_plan():
    assert plan_export.markdown(gevuld_plan(), BEELD, VANDAAG, afgeronde_aanpak()) == VERWACHT


def test_the_markdown_section_by_section():
    tekst = plan_export.markdown(gevuld_plan(), BEELD, VANDAAG)
    koppen = [regel for regel in tekst.splitlines() if regel.startswith("#")]
    assert koppen == ["# Persoonlijk actieplan voor de bewoner", "## Doel", "## Wat de bewoner drijft",
                      "## Wat de bewoner zelf kan en wil", "## Wie kan helpen", "## Stappen",
                      "## Samen terugkijken", "## Vangnet: wie de bewoner kan bellen", "## Eerste beeld",
                      "## Bronnen"]
    assert "Dit plan bevat geen namen of andere gegevens waaraan je de persoon kunt herkennen." in tekst


def test_the_chat_summary():
    assert plan_export.samenvatting(gevuld_plan(), BEELD, VANDAAG) == "\n".join([
        "Het plan voor de bewoner, gemaakt op maandag 23 november 2026:",
        "- Doel: 'Ik wil weer ergens bij horen, net als vroeger bij de sjoelclub.'",
        "- Wat drijft: Hij hield altijd de scorelijsten bij op de sjoelclub. Orde en getallen geven hem rust.",
        "- Zelf doen: Zelf de club bellen. Met de bus gaan lukt nog goed.",
        "- Wie kan helpen: De buurman, die ook van biljarten houdt. Een zoon die ver weg woont.",
        "- Stappen:",
        "  - Bellen met de biljartclub (de bewoner met de buurman, dinsdag 1 december 2026)",
        "  - Een avond meekijken bij de club (de bewoner en de buurman, elke donderdagavond)",
        "  - Vragen of hij de scorelijsten mag bijhouden (de bewoner, maandag 14 december 2026)",
        "- Samen terugkijken: maandag 7 december 2026",
        "- Vangnet: De buurman. Bij nood het wijkteam.",
        "Eerste beeld: situationeel isolement (een suggestie, geen etiket), trede 1, geïsoleerd.",
        "Er staan geen namen of andere gegevens in waaraan je de persoon kunt herkennen.",
        "Het hele plan staat ook in een document dat je kunt downloaden of kopiëren.",
    ])


def test_initials_are_used_throughout():
    tekst = plan_export.markdown({**gevuld_plan(), "aanduiding": "J.K."}, None, VANDAAG)
    assert tekst.startswith("# Persoonlijk actieplan voor J.K.\n")
    assert "## Wat J.K. drijft" in tekst and "## Vangnet: wie J.K. kan bellen" in tekst
    assert plan_export.samenvatting({**gevuld_plan(), "aanduiding": "J.K."}, None, VANDAAG).startswith(
        "Het plan voor J.K., gemaakt op")


def test_names_that_reached_the_slots_anyway_are_not_exported():
    vies = {**gevuld_plan(), "aanduiding": "Jan de Vries", "doel": "Ik wil met Kees vissen",
            "vangnet": "buurvrouw Ans, 06-12345678",
            "stappen": [{"wat": "Bellen met Piet", "wie": "Anja", "wanneer": "morgen"}]}
    for tekst in (plan_export.markdown(vies, BEELD, VANDAAG), plan_export.samenvatting(vies, BEELD, VANDAAG)):
        for naam in ("Jan", "Vries", "Kees", "Ans", "Piet", "Anja", "06-12345678"):
            assert naam not in tekst
    tekst = plan_export.markdown(vies, BEELD, VANDAAG)
    assert "# Persoonlijk actieplan voor de bewoner" in tekst
    assert "> Ik wil met [NAAM] vissen" in tekst
    assert "Buurvrouw, [TELEFOON]" in tekst


def test_markdown_in_what_the_worker_typed_stays_text():
    tekst = plan_export.markdown({"doel": "Ik wil *weer* <b>dansen</b> | # echt"}, None, VANDAAG)
    assert r"> Ik wil \*weer\* \<b\>dansen\</b\> \| # echt" in tekst


def test_an_empty_plan_and_no_picture_say_so():
    tekst = plan_export.markdown({}, None, VANDAAG)
    assert tekst.count("Nog niet ingevuld.") == 7
    assert "## Eerste beeld\n\nEr is nog geen eerste beeld gemaakt." in tekst
    assert "## Waar je staat in de aanpak" not in tekst
    assert "Machielse" in tekst and "participatieladder van VNG" not in tekst


def test_for_the_care_avoiding_the_safety_net_comes_first():
    tekst = plan_export.markdown(gevuld_plan(), {**BEELD, "beeld_type": "structureel_ggz"}, VANDAAG)
    koppen = [regel for regel in tekst.splitlines() if regel.startswith("## ")]
    assert koppen[:2] == ["## Vangnet: wie de bewoner kan bellen", "## Doel"]
    zorgmijdend = aanpak.start("actieplan", "situationeel", zorgmijdend=True)
    tekst = plan_export.markdown(gevuld_plan(), BEELD, VANDAAG, zorgmijdend)
    assert [r for r in tekst.splitlines() if r.startswith("## ")][0] == "## Vangnet: wie de bewoner kan bellen"


def test_a_picture_without_rung_or_reasons():
    regels = plan_export.beeld_regels({"beeld_type": "dreigend", "beeld_trede": None, "beeld_urgentie": "snel"})
    assert regels == [
        "Type: dit lijkt het meest op dreigend isolement. Dat is een suggestie om met collega's te bespreken, "
        "geen etiket en geen diagnose.",
        "Participatieladder: nog niet bekend.",
        "Urgentie: kom snel in actie.",
    ]
    assert plan_export.beeld_regels({"beeld_type": "bestaat_niet"}) == []


def test_the_payload_for_the_web_channel_and_rest():
    payload = plan_export.export_payload(gevuld_plan(), BEELD, VANDAAG, afgeronde_aanpak())
    assert payload == {"soort": "actieplan", "bestandsnaam": "actieplan-2026-11-23.md", "mime": "text/markdown",
                       "markdown": VERWACHT}
