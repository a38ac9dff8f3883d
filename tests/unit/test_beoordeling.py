"""The first picture of a situation (actions/signalering/beoordeling.py), tested on
written, fictional vignettes: four or more per type, with close calls,
contradictions and acute danger. Plain Python: no model, no server."""
import itertools
import re
from dataclasses import dataclass, replace
from typing import FrozenSet, Optional, Tuple, cast

import pytest

from actions.kennis.kennisbank import kennisbank
from actions.signalering.beoordeling import (
    KERNREGELS,
    TEKSTEN,
    TYPES,
    WEET_NIET,
    Antwoorden,
    beleving,
    beoordeel,
    teksten,
    trede,
)

f = frozenset
# WEET_NIET for a whole set question. Antwoorden accepts it (casus.py passes it too), but the set
# fields are typed with their normalised form only, a frozenset.
WEET_NIET_SET = cast(FrozenSet[str], WEET_NIET)


@dataclass(frozen=True)
class Vignet:
    naam: str
    verhaal: str
    antwoorden: Antwoorden
    type_id: str  # a type, or "geen": lonely without isolation, no type named
    trede: Optional[int]
    urgentie: str
    redenen_over: Tuple[str, ...]  # the answer each reason quotes, in order
    alternatief: Optional[str] = None


VIGNETTEN = [
    # --- dreigend ---------------------------------------------------------------------
    Vignet("dreigend_na_verlies_vriendin",
           "Mevrouw De Wit (tachtig) gaat nog naar de handwerkclub en ziet haar buren vaak. Sinds haar "
           "beste vriendin kort geleden overleed, slaat ze de club soms over. Ze zegt dat ze niet eenzaam is.",
           Antwoorden(contacten="regelmatig", deelname="georganiseerde_activiteit", duur="kort",
                      levensgebeurtenissen=f({"overlijden_naaste"}), problemen=f(),
                      signalen=f({"niet_meer_bij_activiteiten"}), houding_hulp="open", zegt_eenzaam="nee",
                      leeftijdsgroep="oudere"),
           "dreigend", 3, "regulier", ("contacten", "levensgebeurtenissen", "leeftijdsgroep")),
    # Few contacts while taking part in nothing: the network has fallen away since the move,
    # so not threatening any more; the ggz problems make the fourth type the close call.
    Vignet("situationeel_grensgeval_zorgmijdend",
           "Sander is een paar maanden geleden verhuisd. Hij heeft nog wat contact met zijn broer, maar doet "
           "verder niets buiten de deur. Er spelen psychische problemen, zijn huis raakt vervuild en hij wil "
           "geen hulp. Hoe lang dat al zo is, weet je niet precies.",
           Antwoorden(contacten="weinig", deelname="geen", duur="maanden", levensgebeurtenissen=f({"verhuizing"}),
                      problemen=f({"psychische_problemen", "verwaarlozing"}), houding_hulp="weigert",
                      leeftijdsgroep="volwassene"),
           "situationeel", 1, "snel", ("levensgebeurtenissen", "duur", "contacten"), alternatief="structureel_ggz"),
    Vignet("dreigend_werkt_nog_maar_ziet_vrienden_minder",
           "Karim (52) werkt nog drie dagen per week. Sinds zijn scheiding, een paar maanden geleden, ziet hij "
           "zijn vrienden steeds minder.",
           Antwoorden(contacten="weinig", deelname="betaald_werk", duur="maanden",
                      levensgebeurtenissen=f({"scheiding"}), signalen=f({"weinig_contact"}),
                      leeftijdsgroep="volwassene"),
           "dreigend", 6, "regulier", ("contacten", "levensgebeurtenissen", "signalen")),
    Vignet("dreigend_veel_contact_toch_eenzaam",
           "Ilse werkt fulltime en heeft veel collega's en vrienden om zich heen. Sinds haar scheiding, "
           "een paar weken geleden, is ze verdrietig en zegt ze dat ze zich eenzaam voelt.",
           Antwoorden(contacten="regelmatig", deelname="betaald_werk", duur="kort",
                      levensgebeurtenissen=f({"scheiding"}), problemen=f(), signalen=f({"verdriet"}),
                      houding_hulp="open", zegt_eenzaam="ja", leeftijdsgroep="volwassene"),
           "geen", 6, "regulier", ()),
    Vignet("dreigend_jongere_na_verhuizing",
           "Noah (zestien) is net verhuisd. Hij zit nog op voetbal, maar komt steeds minder en appt "
           "nauwelijks nog met vrienden van vroeger.",
           Antwoorden(contacten="weinig", deelname="georganiseerde_activiteit", duur="kort",
                      levensgebeurtenissen=f({"verhuizing"}),
                      signalen=f({"niet_meer_bij_activiteiten", "weinig_contact"}), houding_hulp="open",
                      leeftijdsgroep="jongere"),
           "dreigend", 3, "regulier", ("contacten", "levensgebeurtenissen", "signalen")),
    Vignet("dreigend_acuut_gevaar",
           "Meneer Bakker (vierentachtig) verloor vorige maand zijn vrouw. Zijn kinderen komen vaak langs. "
           "Hij zegt dat hij eenzaam is, dat het leven geen zin meer heeft, en hij noemt een plan.",
           Antwoorden(contacten="regelmatig", duur="kort", levensgebeurtenissen=f({"overlijden_partner"}),
                      problemen=f(), signalen=f({"zinloosheid"}), zegt_eenzaam="ja", leeftijdsgroep="oudere",
                      acuut=True),
           "geen", 2, "acuut", ()),
    Vignet("dreigend_mantelzorger",
           "Kees (zeventig) zorgt sinds een paar weken voor zijn vrouw, die ziek is geworden. Hij heeft nog wel "
           "wat contact, maar ziet zijn vrienden steeds minder.",
           Antwoorden(contacten="weinig", duur="kort", levensgebeurtenissen=f({"ziekte"}),
                      signalen=f({"weinig_contact"}), leeftijdsgroep="oudere"),
           "dreigend", None, "regulier", ("contacten", "levensgebeurtenissen", "leeftijdsgroep")),
    # --- situationeel ---------------------------------------------------------------------
    Vignet("situationeel_weduwe",
           "Mevrouw Yilmaz verloor een half jaar geleden haar man. Ze spreekt nu alleen nog de caissière en "
           "de thuiszorg. Ze zegt dat ze zich eenzaam voelt en wil graag iets doen.",
           Antwoorden(contacten="alleen_functioneel", deelname="geen", duur="maanden",
                      levensgebeurtenissen=f({"overlijden_partner"}), problemen=f(), houding_hulp="open",
                      zegt_eenzaam="ja", leeftijdsgroep="oudere"),
           "situationeel", 1, "regulier", ("levensgebeurtenissen", "duur", "contacten")),
    Vignet("situationeel_grensgeval_contacten_onbekend",
           "Mark is kort geleden gescheiden en doet vrijwilligerswerk bij de voedselbank. Collega's zien hem "
           "minder. Hoeveel contact hij verder nog heeft, weet je niet.",
           Antwoorden(contacten=WEET_NIET, deelname="vrijwilligerswerk", duur="kort",
                      levensgebeurtenissen=f({"scheiding"}), problemen=f(), signalen=f({"weinig_contact"}),
                      houding_hulp="open"),
           "situationeel", 4, "regulier", ("levensgebeurtenissen", "duur"), alternatief="dreigend"),
    Vignet("situationeel_weinig_contact_maanden_na_verlies",
           "Mevrouw Smit (78) verloor acht maanden geleden haar man. Ze ziet haar zoon nog af en toe, verder "
           "weinig mensen. Ze zegt dat ze zich eenzaam voelt.",
           Antwoorden(contacten="weinig", duur="maanden", levensgebeurtenissen=f({"overlijden_partner"}),
                      problemen=f(), zegt_eenzaam="ja", leeftijdsgroep="oudere"),
           "situationeel", None, "regulier", ("levensgebeurtenissen", "duur", "contacten")),
    Vignet("situationeel_na_ontslag",
           "Karim raakte een paar maanden geleden zijn baan kwijt. Hij heeft schulden, ziet niemand meer en "
           "twijfelt of hij hulp wil.",
           Antwoorden(contacten="geen", deelname="geen", duur="maanden", levensgebeurtenissen=f({"baanverlies"}),
                      problemen=f({"schulden"}), houding_hulp="twijfelt", leeftijdsgroep="volwassene"),
           "situationeel", 1, "regulier", ("levensgebeurtenissen", "duur", "contacten")),
    Vignet("situationeel_geisoleerd_maar_tevreden",
           "Lena kwam kort geleden naar Nederland. Ze heeft alleen contact met de mensen van de gemeente en de "
           "winkel. Ze zegt dat ze niet eenzaam is en het rustig aan wil doen.",
           Antwoorden(contacten="alleen_functioneel", deelname="geen", duur="kort",
                      levensgebeurtenissen=f({"migratie"}), problemen=f(), signalen=f(), houding_hulp="open",
                      zegt_eenzaam="nee"),
           "situationeel", 1, "regulier", ("levensgebeurtenissen", "duur", "contacten")),
    Vignet("situationeel_acuut_gevaar",
           "Jeroen verloor kort geleden zijn beste vriend. Hij ziet niemand meer, zegt dat hij eenzaam is en "
           "dat alles zinloos voelt. Hij praat over een einde maken aan zijn leven.",
           Antwoorden(contacten="geen", duur="kort", levensgebeurtenissen=f({"overlijden_naaste"}),
                      problemen=f({"psychische_problemen"}), signalen=f({"zinloosheid"}), zegt_eenzaam="ja",
                      acuut=True),
           "situationeel", 1, "acuut", ("levensgebeurtenissen", "duur", "contacten")),
    # --- structureel ------------------------------------------------------------------------
    Vignet("structureel_schulden_en_gezondheid",
           "Meneer Visser woont al jaren alleen. Hij spreekt alleen de huisarts en de bezorger. Hij heeft "
           "schulden en last van zijn hart. Hij staat open voor hulp.",
           Antwoorden(contacten="alleen_functioneel", deelname="geen", duur="jaren", levensgebeurtenissen=f(),
                      problemen=f({"schulden", "gezondheid"}), houding_hulp="open"),
           "structureel", 1, "snel", ("duur", "contacten", "problemen")),
    Vignet("ggz_lang_maar_open",
           "Petra is al jaren geïsoleerd en heeft psychische klachten. Ze wil graag hulp en laat de werker "
           "binnen.",
           Antwoorden(contacten="geen", deelname="geen", duur="jaren", problemen=f({"psychische_problemen"}),
                      houding_hulp="open", zegt_eenzaam=WEET_NIET),
           "structureel_ggz", 1, "regulier", ("duur", "problemen")),
    Vignet("structureel_lang_alleen_met_schulden",
           "Meneer De Vries woont al jaren alleen. Alleen de thuiszorg komt nog. Hij heeft schulden en staat "
           "open voor hulp.",
           Antwoorden(contacten="alleen_functioneel", duur="jaren", problemen=f({"schulden"}),
                      houding_hulp="open", leeftijdsgroep="volwassene"),
           "structureel", 1, "regulier", ("duur", "contacten", "problemen")),
    Vignet("structureel_veel_contact_toch_lang",
           "Mevrouw Smit (zeventig) krijgt elke week bezoek van haar dochter, maar verder ziet ze al jaren "
           "bijna niemand meer. Ze heeft schulden en gezondheidsklachten.",
           Antwoorden(contacten="regelmatig", deelname="geen", duur="jaren", levensgebeurtenissen=f(),
                      problemen=f({"schulden", "gezondheid"}), signalen=f({"weinig_contact"}),
                      leeftijdsgroep="oudere"),
           "structureel", 2, "snel", ("duur", "problemen")),
    Vignet("structureel_weinig_bekend_over_problemen",
           "Ahmed heeft al jaren weinig contact. Of er andere problemen spelen, weet je niet. Hij twijfelt "
           "over hulp.",
           Antwoorden(contacten="weinig", duur="jaren", levensgebeurtenissen=f(), problemen=WEET_NIET_SET,
                      houding_hulp="twijfelt"),
           "structureel", None, "regulier", ("duur", "contacten")),
    # --- structureel met ggz ------------------------------------------------------------------
    Vignet("ggz_zorgmijdend_en_verwaarloosd",
           "De gordijnen van meneer Mulder zijn al dagen dicht en zijn brievenbus puilt uit. Hij is al jaren "
           "alleen, heeft psychische problemen, het huis raakt vervuild en hij doet niet open voor hulp.",
           Antwoorden(contacten="geen", deelname="geen", duur="jaren",
                      problemen=f({"psychische_problemen", "verwaarlozing"}),
                      signalen=f({"gordijnen_dicht", "brievenbus_vol"}), houding_hulp="weigert"),
           "structureel_ggz", 1, "snel", ("duur", "problemen", "houding_hulp")),
    Vignet("ggz_grensgeval_geldzorgen",
           "Sinds een paar maanden heeft Sandra psychische klachten en schulden. Ze spreekt nog wel wat "
           "mensen, maar wil geen hulp.",
           Antwoorden(contacten="weinig", duur="maanden", problemen=f({"psychische_problemen", "schulden"}),
                      houding_hulp="weigert"),
           "structureel_ggz", None, "snel", ("problemen", "houding_hulp"), alternatief="structureel"),
    Vignet("ggz_grensgeval_duur_maanden",
           "Sinds een paar maanden komt Tamara niet meer buiten. Ze heeft psychische problemen, het huis is "
           "vervuild en ze wil geen hulp.",
           Antwoorden(contacten="geen", duur="maanden", levensgebeurtenissen=f(),
                      problemen=f({"psychische_problemen", "verwaarlozing"}), houding_hulp="weigert"),
           "structureel_ggz", 1, "snel", ("problemen", "houding_hulp", "problemen"), alternatief="structureel"),
    Vignet("ggz_verslaving_twijfelt",
           "Henk drinkt al jaren veel. Hij spreekt alleen de mensen in de supermarkt, houdt iedereen op "
           "afstand en twijfelt of hij hulp wil.",
           Antwoorden(contacten="alleen_functioneel", duur="jaren", problemen=f({"verslaving"}),
                      signalen=f({"alcoholgebruik", "houdt_afstand"}), houding_hulp="twijfelt"),
           "structureel_ggz", 1, "regulier", ("duur", "problemen", "houding_hulp")),
    Vignet("ggz_met_familie_om_zich_heen",
           "Rob heeft al jaren een verslaving en schulden. Zijn zus komt elke week, maar hulp wil hij niet. "
           "Hij zegt dat hij niet eenzaam is.",
           Antwoorden(contacten="regelmatig", deelname="geen", duur="jaren", problemen=f({"verslaving", "schulden"}),
                      houding_hulp="weigert", zegt_eenzaam="nee"),
           "structureel_ggz", 2, "snel", ("duur", "problemen", "houding_hulp")),
    Vignet("ggz_acuut_gevaar",
           "Monique is al jaren alleen en heeft psychische problemen. Ze wil geen hulp, zegt dat niets nog "
           "zin heeft en dat ze er een einde aan wil maken.",
           Antwoorden(contacten="geen", duur="jaren", problemen=f({"psychische_problemen"}),
                      signalen=f({"zinloosheid"}), houding_hulp="weigert", acuut=True),
           "structureel_ggz", 1, "acuut", ("duur", "problemen", "houding_hulp")),
]


# --- tracing a reason back to an answer ------------------------------------------------------
def zinnen_van_antwoorden(a: Antwoorden) -> dict:
    """Every phrase the answers that were given can produce, with the field it quotes."""
    r = teksten()["redenen"]
    zinnen = {}
    for veld, sleutel in (("contacten", "contacten"), ("duur", "duur"), ("houding_hulp", "houding_hulp")):
        waarde = getattr(a, veld)
        if waarde in r[sleutel]:
            zinnen[r[sleutel][waarde]] = veld
    for g in a.verzameling("levensgebeurtenissen"):
        zinnen[r["levensgebeurtenis"][g]] = "levensgebeurtenissen"
    for p in a.verzameling("problemen"):
        zinnen[r["probleem"][p]] = zinnen[r["probleem_naam"][p]] = "problemen"
    for s in a.verzameling("signalen") & set(r["signaal"]):
        zinnen[r["signaal"][s]] = "signalen"
    if a.leeftijdsgroep == "oudere":
        zinnen[r["oudere"]] = "leeftijdsgroep"
    if a.contacten == "weinig":
        zinnen[r["netwerk_weg"]] = zinnen[r["weinig_na_gebeurtenis"]] = zinnen[r["weinig_contact"]] = "contacten"
    return zinnen


def veld_van(reden: str, a: Antwoorden) -> str:
    """The answer a reason quotes; fails when any part of it was not among the answers given."""
    voorvoegsel = teksten()["redenen"]["meerdere_problemen"].split("{")[0]
    delen = re.split(r", | en ", reden.removeprefix(voorvoegsel))
    zinnen = zinnen_van_antwoorden(a)
    velden = {zinnen.get(deel) for deel in delen}
    assert None not in velden and len(velden) == 1, f"reden {reden!r} past niet bij de antwoorden"
    veld = velden.pop()
    assert veld is not None
    return veld


# --- the vignettes ------------------------------------------------------------------------------
@pytest.mark.parametrize("vignet", VIGNETTEN, ids=lambda v: v.naam)
def test_vignette(vignet):
    beeld = beoordeel(vignet.antwoorden)
    if vignet.type_id == "geen":
        assert (beeld.type_id, beeld.zonder_type, beeld.redenen) == (None, "eenzaamheid", ())
        assert (beeld.trede, beeld.urgentie, beeld.beleving) == (vignet.trede, vignet.urgentie, "eenzaamheid")
        assert list(beeld.vervolgstappen) == teksten()["vervolgstappen"]["eenzaamheid"]
        return
    assert beeld.type_id == vignet.type_id
    assert beeld.alternatief_type == vignet.alternatief
    assert beeld.trede == vignet.trede
    assert beeld.urgentie == vignet.urgentie
    assert tuple(veld_van(r, vignet.antwoorden) for r in beeld.redenen) == vignet.redenen_over
    onderwerp = kennisbank().onderwerp(f"type_{vignet.type_id}")
    assert onderwerp is not None
    assert beeld.type_naam == onderwerp.titel
    outreach = vignet.antwoorden.houding_hulp == "weigert" and vignet.type_id != "structureel_ggz"
    assert list(beeld.vervolgstappen) == ([teksten()["vervolgstappen"]["zorgmijdend"][0]] if outreach else []) + \
        teksten()["vervolgstappen"][vignet.type_id]
    assert not beeld.onvoldoende_informatie


def test_the_vignettes_cover_every_type_four_times_with_close_calls_and_acute_danger():
    for type_id in TYPES:
        assert sum(v.type_id == type_id for v in VIGNETTEN) >= 4
    assert sum(v.alternatief is not None for v in VIGNETTEN) >= 4
    assert sum(v.antwoorden.acuut for v in VIGNETTEN) >= 2


@pytest.mark.parametrize("vignet", VIGNETTEN, ids=lambda v: v.naam)
def test_a_reason_mentions_the_duration_only_when_it_was_given(vignet):
    zonder_duur = Antwoorden(**{**vignet.antwoorden.__dict__, "duur": None})
    duurzinnen = set(teksten()["redenen"]["duur"].values())
    assert not duurzinnen & set(beoordeel(zonder_duur).redenen)


def test_borderline_case_names_both_types():
    beeld = beoordeel(next(v for v in VIGNETTEN if v.naam == "ggz_grensgeval_duur_maanden").antwoorden)
    onderwerp = kennisbank().onderwerp("type_structureel")
    assert onderwerp is not None
    assert beeld.alternatief_naam == onderwerp.titel
    assert "er spelen psychische problemen" in beeld.redenen


def test_acute_danger_always_wins_the_urgency():
    beeld = beoordeel(Antwoorden(acuut=True, problemen=f({"verwaarlozing", "schulden"}), houding_hulp="weigert"))
    assert (beeld.urgentie, beeld.urgentie_reden) == ("acuut", teksten()["urgentie"]["acuut"])


# --- every full pattern leads to its type ---------------------------------------------------------
def test_a_full_pattern_always_gives_its_type():
    keuzes = itertools.product(
        [None, "geen", "alleen_functioneel", "weinig", "regelmatig"], [None, "kort", "maanden", "jaren"],
        [f(), f({"pensioen"})], [f(p) for n in range(3) for p in itertools.combinations(
            ["schulden", "psychische_problemen", "verwaarlozing"], n)],
        [f(), f({"weinig_contact"})], [None, "open", "twijfelt", "weigert"], ["volwassene", "oudere"])
    for c, d, g, p, s, h, leeftijd in keuzes:
        a = Antwoorden(contacten=c, duur=d, levensgebeurtenissen=g, problemen=p, signalen=s, houding_hulp=h,
                       leeftijdsgroep=leeftijd)
        passend = [t for t in TYPES if KERNREGELS[t](a)]
        beeld = beoordeel(a)
        assert len(passend) <= 1 and len(beeld.redenen) <= 3
        if passend:
            assert beeld.type_id == passend[0], a


# --- little or unknown information --------------------------------------------------------------
def test_weet_niet_everywhere_gives_a_tentative_picture_without_crashing():
    a = Antwoorden(contacten=WEET_NIET, deelname=WEET_NIET, duur=WEET_NIET, levensgebeurtenissen=WEET_NIET_SET,
                   problemen=WEET_NIET_SET, signalen=WEET_NIET_SET, houding_hulp=WEET_NIET, zegt_eenzaam=WEET_NIET,
                   leeftijdsgroep=WEET_NIET)
    beeld = beoordeel(a)
    assert beeld.onvoldoende_informatie
    assert (beeld.type_id, beeld.zonder_type, beeld.redenen, beeld.alternatief_type) == (None, "onbekend", (), None)
    assert beeld.ontbreekt == ("contacten", "deelname", "duur", "levensgebeurtenissen", "problemen", "houding_hulp")
    assert (beeld.trede, beeld.trede_naam) == (None, None)
    assert (beeld.beleving, beeld.urgentie) == ("onduidelijk", "regulier")
    assert 2 <= len(beeld.vervolgstappen) <= 4


def test_nothing_asked_yet_is_tentative_too():
    assert beoordeel(Antwoorden()).onvoldoende_informatie


def test_three_known_core_answers_are_enough():
    twee = Antwoorden(contacten="geen", duur="jaren", houding_hulp=WEET_NIET, problemen=WEET_NIET_SET)
    assert beoordeel(twee).onvoldoende_informatie
    assert not beoordeel(Antwoorden(contacten="geen", duur="jaren", problemen=f())).onvoldoende_informatie


def test_an_unknown_value_is_refused_and_sets_are_normalised():
    with pytest.raises(ValueError):
        Antwoorden(contacten="veel")
    with pytest.raises(ValueError):
        Antwoorden(problemen=f({"eenzaamheid"}))
    # a list on purpose: it is normalised to a frozenset
    assert Antwoorden(problemen=["schulden"]).problemen == f({"schulden"})  # type: ignore[arg-type]


# --- rung and experience -------------------------------------------------------------------------
@pytest.mark.parametrize("contacten, deelname, verwacht", [
    ("geen", "betaald_werk", 1), ("alleen_functioneel", None, 1), ("weinig", "geen", 1),
    ("regelmatig", "geen", 2), ("regelmatig", None, 2), ("weinig", "georganiseerde_activiteit", 3),
    (None, "vrijwilligerswerk", 4), ("regelmatig", "betaald_werk_met_ondersteuning", 5),
    ("regelmatig", "betaald_werk", 6), ("weinig", None, None), (WEET_NIET, WEET_NIET, None),
])
def test_rung(contacten, deelname, verwacht):
    a = Antwoorden(contacten=contacten, deelname=deelname)
    assert trede(a) == verwacht
    namen = {t["nummer"]: t["naam"] for t in kennisbank().treden}
    assert beoordeel(a).trede_naam == namen.get(verwacht)


@pytest.mark.parametrize("antwoorden, verwacht", [
    (Antwoorden(contacten="regelmatig", deelname="betaald_werk", zegt_eenzaam="ja"), "eenzaamheid"),
    (Antwoorden(contacten="alleen_functioneel", zegt_eenzaam="nee"), "isolement"),
    (Antwoorden(contacten="geen", zegt_eenzaam="ja"), "beide"),
    (Antwoorden(contacten="regelmatig", signalen=f({"verdriet"})), "eenzaamheid"),
    (Antwoorden(contacten="regelmatig", signalen=f({"somberheid"})), "onduidelijk"),
    (Antwoorden(contacten="regelmatig", signalen=f({"somberheid"}), zegt_eenzaam="nee"), "onduidelijk"),
    (Antwoorden(signalen=f({"gordijnen_dicht", "brievenbus_vol"})), "isolement"),
    (Antwoorden(contacten="weinig", deelname="geen"), "isolement"),
    (Antwoorden(), "onduidelijk"),
])
def test_beleving(antwoorden, verwacht):
    assert beleving(antwoorden, trede(antwoorden)) == verwacht
    assert beoordeel(antwoorden).beleving == verwacht


# --- the texts -------------------------------------------------------------------------------------
def alle_strings(waarde):
    if isinstance(waarde, str):
        yield waarde
    elif isinstance(waarde, dict):
        for sleutel, inhoud in waarde.items():
            yield str(sleutel)
            yield from alle_strings(inhoud)
    elif isinstance(waarde, list):
        for inhoud in waarde:
            yield from alle_strings(inhoud)


def test_no_text_in_beoordeling_yml_holds_a_digit():
    assert re.search(r"\d", TEKSTEN.read_text(encoding="utf-8")) is None
    assert [t for t in alle_strings(teksten()) if re.search(r"\d", t)] == []


def test_every_type_has_two_to_four_steps_and_every_canonical_value_a_phrase():
    from actions.signalering.beoordeling import KEUZES, LEVENSGEBEURTENISSEN, PROBLEMEN
    r = teksten()
    assert all(2 <= len(r["vervolgstappen"][t]) <= 4 for t in TYPES)
    assert set(r["redenen"]["levensgebeurtenis"]) == set(LEVENSGEBEURTENISSEN)
    assert set(r["redenen"]["probleem"]) == set(r["redenen"]["probleem_naam"]) == set(PROBLEMEN)
    for veld in ("contacten", "duur", "houding_hulp"):
        assert set(r["redenen"][veld]) == set(KEUZES[veld])


def test_one_loose_risk_factor_names_no_type_but_says_what_is_missing():
    beeld = beoordeel(Antwoorden(leeftijdsgroep="oudere"))
    assert beeld.type_id is None and beeld.zonder_type != "eenzaamheid"
    assert "contacten" in beeld.ontbreekt


def test_netwerk_en_meedoen_zonder_eenzaamheid_noemt_geen_type():
    a = Antwoorden(contacten="regelmatig", deelname="georganiseerde_activiteit", zegt_eenzaam="nee",
                   levensgebeurtenissen=f({"overlijden_naaste"}), leeftijdsgroep="oudere")
    beeld = beoordeel(a)
    assert (beeld.type_id, beeld.zonder_type, beeld.beleving) == (None, "geen_isolement", "onduidelijk")
    assert list(beeld.vervolgstappen) == teksten()["vervolgstappen"]["geen_isolement"]


def test_wie_zelf_eenzaam_zegt_te_zijn_krijgt_niet_het_beeld_zonder_isolement():
    a = Antwoorden(contacten="regelmatig", deelname="georganiseerde_activiteit", zegt_eenzaam="ja")
    assert beoordeel(a).zonder_type == "eenzaamheid"


def test_zonder_iets_over_contact_meedoen_of_duur_noemt_het_beeld_geen_type():
    a = Antwoorden(problemen=f({"psychische_crisis", "psychische_problemen"}), leeftijdsgroep="volwassene")
    beeld = beoordeel(a)
    assert (beeld.type_id, beeld.zonder_type) == (None, "onbekend")
    assert beeld.psychische_crisis
    assert list(beeld.vervolgstappen) == teksten()["vervolgstappen"]["psychische_crisis"]


def test_weinig_contact_en_nergens_aan_meedoen_na_een_verhuizing_is_situationeel():
    a = Antwoorden(contacten="weinig", deelname="geen", duur="kort", levensgebeurtenissen=f({"verhuizing"}),
                   leeftijdsgroep="oudere")
    beeld = beoordeel(a)
    assert beeld.type_id == "situationeel"
    assert teksten()["redenen"]["netwerk_weg"] in beeld.redenen


def test_jaren_weinig_contact_zonder_ggz_is_structureel_en_niet_het_vierde_type():
    """Seed 001: the fourth type is structural isolation with ggz problems; years
    at home with no work (and "geen psychiatrie bekend") do not make it."""
    a = Antwoorden(duur="jaren", deelname="geen", leeftijdsgroep="volwassene")
    assert beoordeel(a).type_id == "structureel"
    met_ggz = Antwoorden(duur="jaren", deelname="geen", leeftijdsgroep="volwassene",
                         problemen=f({"psychische_problemen"}))
    assert beoordeel(met_ggz).type_id == "structureel_ggz"


# --- the type reading of the whole description (typelezing.py), step 6 -------------------------
LEZING = teksten()["redenen"]["lezing"]
# A widow with a few contacts who still goes to a club: the rules say threatening (a network still there).
WEDUWE = Antwoorden(contacten="weinig", deelname="georganiseerde_activiteit",
                    levensgebeurtenissen=f({"overlijden_partner"}), leeftijdsgroep="oudere")


def test_de_typelezing_beslist_zolang_de_kern_van_het_netwerk_niet_verteld_is():
    regels = beoordeel(WEDUWE)
    beeld = beoordeel(replace(WEDUWE, typelezing="situationeel"))
    assert regels.type_id != "situationeel" and not regels.uit_lezing
    assert (beeld.type_id, beeld.uit_lezing, beeld.alternatief_type) == ("situationeel", True, regels.type_id)
    assert beeld.redenen[0] == LEZING and len(beeld.redenen) <= 3


def test_als_contact_meedoen_en_duur_verteld_zijn_beslissen_de_regels():
    verteld = replace(WEDUWE, deelname="geen", duur="maanden")
    assert beoordeel(replace(verteld, typelezing="structureel")) == beoordeel(verteld)
    # without contacts to speak of, taking part is not asked: contacts and duration are the core
    zonder = Antwoorden(contacten="geen", duur="jaren")
    assert beoordeel(replace(zonder, typelezing="dreigend")) == beoordeel(zonder)


def test_een_geschatte_kern_is_niet_verteld_en_laat_de_typelezing_beslissen():
    """Contacts, taking part and duration only estimated from the description (facetlezing.py)."""
    geschat = replace(WEDUWE, deelname="geen", duur="maanden", typelezing="structureel",
                      geschat=frozenset({"deelname", "duur"}))
    assert beoordeel(geschat).type_id == "structureel" and beoordeel(geschat).uit_lezing
    assert not beoordeel(replace(geschat, geschat=frozenset())).uit_lezing


def test_een_kern_die_alleen_uit_de_beschrijving_gelezen_is_laat_de_typelezing_beslissen():
    """The patterns read contacts, taking part and duration from the description; the worker
    has not answered or corrected any of them in the form."""
    gelezen = replace(WEDUWE, deelname="geen", duur="maanden", typelezing="structureel",
                      uit_beschrijving=frozenset({"contacten", "deelname", "duur"}))
    assert beoordeel(gelezen).type_id == "structureel" and beoordeel(gelezen).uit_lezing
    # the worker answered how long it has been going on: the rules follow the worker's words
    verteld = replace(gelezen, uit_beschrijving=frozenset({"contacten", "deelname"}))
    assert beoordeel(verteld) == beoordeel(replace(verteld, typelezing=None))


def test_een_weet_ik_niet_laat_de_typelezing_staan():
    beeld = beoordeel(replace(WEDUWE, duur=WEET_NIET, typelezing="situationeel"))
    assert beeld.type_id == "situationeel" and beeld.uit_lezing


def test_de_typelezing_neemt_het_vierde_type_en_de_psychische_crisis_niet_over():
    ggz = Antwoorden(contacten="geen", problemen=f({"psychische_problemen"}))
    assert beoordeel(ggz).type_id == "structureel_ggz"
    assert beoordeel(replace(ggz, typelezing="situationeel")).type_id == "structureel_ggz"
    crisis = replace(WEDUWE, problemen=f({"psychische_crisis"}), typelezing="dreigend")
    assert not beoordeel(crisis).uit_lezing


def test_een_typelezing_zonder_isolement_noemt_geen_type_en_weegt_eigen_eenzaamheid():
    eenzaam = beoordeel(replace(WEDUWE, zegt_eenzaam="ja", typelezing="geen"))
    niet = beoordeel(replace(WEDUWE, zegt_eenzaam="nee", typelezing="geen"))
    assert (eenzaam.type_id, eenzaam.zonder_type, eenzaam.redenen) == (None, "eenzaamheid", ())
    assert (niet.type_id, niet.zonder_type) == (None, "geen_isolement")
    onbekend = beoordeel(replace(WEDUWE, typelezing="onbekend"))
    assert (onbekend.type_id, onbekend.zonder_type, onbekend.uit_lezing) == (None, "onbekend", True)


def test_dezelfde_lezing_als_de_regels_verandert_niets():
    regels = beoordeel(WEDUWE)
    assert beoordeel(replace(WEDUWE, typelezing=regels.type_id)) == regels


def test_een_onbekende_typelezing_wordt_geweigerd():
    with pytest.raises(ValueError, match="typelezing"):
        Antwoorden(typelezing="heel_erg")


def test_een_psychische_crisis_van_pas_geleden_na_een_gewoon_leven_is_situationeel():
    # trying it over REST: a first psychosis a week ago in a man who worked and had friends got
    # "structureel isolement met ggz, want er is sinds kort een psychische crisis"
    kort = Antwoorden(contacten="weinig", deelname="geen", duur="kort", problemen=f({"psychische_crisis"}),
                      houding_hulp="twijfelt", leeftijdsgroep="volwassene")
    beeld = beoordeel(kort)
    assert beeld.type_id == "situationeel" and beeld.psychische_crisis
    assert list(beeld.vervolgstappen) == teksten()["vervolgstappen"]["psychische_crisis"]
    # years of isolation with a new crisis stay the fourth type, and so does a long-standing ggz problem
    assert beoordeel(replace(kort, duur="jaren")).type_id == "structureel_ggz"
    assert beoordeel(replace(kort, problemen=f({"psychische_crisis", "verslaving"}))).type_id != "situationeel"
