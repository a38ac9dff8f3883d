"""Conversation repair (actions/algemeen/herstel.py and its Rasa side in
actions/algemeen/acties.py): every form in domain.yml declares its repairs,
each declared repair is carried out, and what the worker sees when a form's
question is met with 'wat bedoel je?', a question in between, 'vorige fase',
'later verder' or 'nieuwe persoon'. Without a model or server."""
import uuid
from datetime import date

import pytest
import yaml
from rasa_tracker import maak_tracker, slots_van, voer_uit

import actions.aanpak.acties
import actions.gesprek.acties
import actions.interventies.acties
import actions.oefenen.acties
import actions.plan.acties
import actions.signalering.acties  # noqa: F401 - registers the handlers of every form
from actions.aanpak import fasen as aanpak
from actions.algemeen import herstel
from actions.algemeen.acties import herstel_zonder_afhandeling
from gedeeld import settings

FORMULIEREN = sorted(yaml.safe_load((settings.ROOT / "domain.yml").read_text(encoding="utf-8"))["forms"])
PLAN_VELDEN = ["plan_aanduiding", "plan_doel", "plan_drijfveren", "plan_zelf", "plan_netwerk", "plan_stappen",
               "plan_vervolgdatum", "plan_vangnet"]
DOMAIN = {"forms": {"aanpak_form": {"required_slots": ["aanpak_keuze"]}, "plan_form": {"required_slots": PLAN_VELDEN},
                    "signalering_form": {"required_slots": ["sig_contacten", "sig_deelname"]}}}


def vraag(action, text, form, requested, intent="antwoord_geven", confidence=0.95, slots=None, **extra):
    tracker = maak_tracker(text, slots, intent, confidence, loop=form, requested=requested,
                           sender=f"test-{uuid.uuid4().hex[:8]}", **extra)
    messages, events = voer_uit(action, tracker, DOMAIN)
    return [m.get("text") or "" for m in messages], events


def beeindigd(events):
    return any(e.get("event") == "active_loop" and e.get("name") is None for e in events)


# --- the declaration --------------------------------------------------------------------------------
def test_elk_formulier_uit_domain_heeft_een_herstelverklaring():
    assert sorted(herstel.formulieren()) == FORMULIEREN


@pytest.mark.parametrize("form", FORMULIEREN)
def test_elk_verklaard_herstel_wordt_ook_uitgevoerd(form):
    assert herstel_zonder_afhandeling(form) == []


def test_een_onbekende_soort_herstel_in_de_tabel_is_een_fout(tmp_path, monkeypatch):
    bestand = tmp_path / "herstel.yml"
    bestand.write_text("formulieren:\n  x_form: [terugspoelen]\nherkenning: {}\n", encoding="utf-8")
    monkeypatch.setattr(herstel, "BESTAND", bestand)
    herstel.gegevens.cache_clear()
    try:
        with pytest.raises(herstel.HerstelFout, match="x_form: onbekende soort herstel 'terugspoelen'"):
            herstel.gegevens()
    finally:
        herstel.gegevens.cache_clear()


@pytest.mark.parametrize("tekst, soort", [
    ("wat bedoel je?", "verduidelijking"), ("Hoe bedoel je dat?", "verduidelijking"), ("leg uit", "verduidelijking"),
    ("wat bedoel je met contact?", "verduidelijking"), ("vorige fase", "vorige_fase"),
    ("volgende fase", "volgende_fase"), ("later verder", "pauze"), ("opnieuw beginnen", "nieuwe_persoon"),
    ("nieuwe persoon", "nieuwe_persoon"), ("vorige vraag", "vorige_vraag"), ("overslaan", "overslaan"),
    ("ga verder", "verder"), ("mijn cliënt", None), ("ze heeft een zoon", None),
])
def test_herkennen_wat_de_werker_vraagt(tekst, soort):
    assert herstel.herken(tekst) == soort


def test_een_kennisvraag_telt_alleen_zonder_stuurwoorden():
    assert herstel.herken("hoe herken ik eenzaamheid eigenlijk?", kennisvraag=True) == "tussenvraag"
    assert herstel.herken("wat bedoel je?", kennisvraag=True) == "verduidelijking"


# --- in the forms -----------------------------------------------------------------------------------
def test_wat_bedoel_je_met_contact_in_de_signalering_legt_de_vraag_uit():
    teksten, events = vraag(actions.signalering.acties.ValidateSignaleringForm(), "wat bedoel je met contact?",
                            "signalering_form", "sig_contacten", intent="nlu_fallback", confidence=0.3)
    assert teksten[0].startswith("Ik bedoel: met wie heeft de persoon contact?")
    assert slots_van(events)["sig_contacten"] is None


def test_bij_waar_sta_je_een_kennisvraag_en_dan_de_vraag_opnieuw():
    teksten, events = vraag(actions.aanpak.acties.ValidateAanpakForm(), "hoe herken ik eenzaamheid eigenlijk?",
                            "aanpak_form", "aanpak_keuze", intent="signalen_herkennen", confidence=0.99)
    assert teksten and "Dat kon ik niet aan een fase koppelen" not in teksten[0]
    assert slots_van(events)["aanpak_keuze"] is None


def test_bij_waar_sta_je_is_ga_verder_verder_waar_je_was():
    teksten, events = vraag(actions.aanpak.acties.ValidateAanpakForm(), "ga verder", "aanpak_form", "aanpak_keuze",
                            intent="meer_vertellen")
    assert teksten == [] and slots_van(events)["aanpak_keuze"] == "verder"


def test_in_het_plan_is_mijn_client_een_omschrijving():
    teksten, events = vraag(actions.plan.acties.ValidatePlanForm(), "mijn cliënt", "plan_form", "plan_aanduiding")
    assert teksten == [] and slots_van(events)["plan_aanduiding"] == "mijn cliënt"


def test_in_het_plan_is_ik_ken_hem_nog_maar_net_een_eerdere_fase():
    teksten, events = vraag(actions.plan.acties.ValidatePlanForm(), "ik ken hem nog maar net", "plan_form",
                            "plan_aanduiding", intent="aanpak_starten")
    assert teksten == [herstel.melding("andere_fase", naam="inzicht")]
    assert slots_van(events)["plan_aanduiding"] is None


def test_vorige_fase_in_het_plan_gaat_terug_naar_motivatie_en_het_plan_blijft():
    state = aanpak.start("actieplan", eerdere_gedaan=True)
    teksten, events = vraag(actions.plan.acties.ValidatePlanForm(), "vorige fase", "plan_form", "plan_doel",
                            intent="fase_vorige", slots={"aanpak": state, "plan_aanduiding": "de bewoner"})
    assert teksten[0].startswith("Fase vier van vijf: Motivatie")
    assert beeindigd(events)
    assert any(e.get("event") == "followup" and e.get("name") == "action_listen" for e in events)
    gezet = slots_van(events)
    assert gezet["aanpak"]["fase"] == "motivatie" and "plan_aanduiding" not in gezet


def test_later_verder_in_het_plan_pauzeert_en_bewaart():
    teksten, events = vraag(actions.plan.acties.ValidatePlanForm(), "later verder", "plan_form", "plan_doel",
                            intent="afscheid")
    assert teksten == [aanpak.teksten()["gesprek"]["plan_gepauzeerd"]]
    assert beeindigd(events)


def test_volgende_fase_in_het_plan_zegt_dat_dit_de_laatste_is_en_vraagt_opnieuw():
    teksten, events = vraag(actions.plan.acties.ValidatePlanForm(), "volgende fase", "plan_form", "plan_aanduiding",
                            intent="fase_volgende")
    assert teksten == [herstel.melding("geen_volgende_fase")]
    assert slots_van(events)["plan_aanduiding"] is None and not beeindigd(events)


def test_nieuwe_persoon_in_het_plan_begint_opnieuw_en_bewaart_de_oude_aanpak():
    state = aanpak.start("actieplan", eerdere_gedaan=True)
    teksten, events = vraag(actions.plan.acties.ValidatePlanForm(), "nieuwe persoon", "plan_form", "plan_doel",
                            intent="begroeten", confidence=0.3,
                            slots={"aanpak": state, "plan_aanduiding": "de bewoner", "beeld_type": "situationeel"})
    assert teksten == [herstel.melding("nieuwe_persoon", naam="persoonlijk actieplan")]
    gezet = slots_van(events)
    assert gezet["aanpak"]["fase"] == "inzicht" and gezet["aanpak"]["eerder"]["fase"] == "actieplan"
    assert gezet["plan_aanduiding"] is None and gezet["beeld_type"] is None
    assert any(e.get("event") == "followup" and e.get("name") == "aanpak_form" for e in events)


def test_een_nieuwe_sessie_vergeet_de_aanpak_van_de_vorige_persoon():
    nieuw = aanpak.voor_nieuwe_persoon(aanpak.start("motivatie"))
    tracker = maak_tracker(slots={"aanpak": nieuw})
    _, events = voer_uit(actions.gesprek.acties.ActionSessionStart(), tracker)
    assert slots_van(events)["aanpak"]["eerder"] is None and slots_van(events)["aanpak"]["fase"] == "inzicht"


# --- correcting the answer before (schaal, plan) ----------------------------------------------------
@pytest.mark.parametrize("tekst, nieuw", [
    ("nee, bij de vorige vraag bedoelde ik ja", "ja"), ("Sorry, ik bedoelde De Buurvrouw.", "De Buurvrouw"),
    ("de vorige was min of meer", "min of meer"), ("correctie: nee", "nee"),
    ("vorige vraag", None), ("nee, ze heeft wel een zoon", None), ("ja", None),
])
def test_een_verbetering_van_het_vorige_antwoord_herkennen(tekst, nieuw):
    assert herstel.correctie(tekst) == nieuw
    assert (herstel.herken(tekst) == herstel.CORRECTIE) == (nieuw is not None)


SCHAAL_DOMAIN = {"forms": {**DOMAIN["forms"], "schaal_form": {"required_slots": ["schaal_1", "schaal_2", "schaal_3"]}}}


def verbeter(action, tekst, form, requested, vorige, slots):
    tracker = maak_tracker(tekst, slots, "ontkennen", 0.9, loop=form, requested=requested,
                           gevraagd=[vorige, requested], sender=f"test-{uuid.uuid4().hex[:8]}")
    messages, events = voer_uit(action, tracker, SCHAAL_DOMAIN)
    return [m.get("text") or "" for m in messages], slots_van(events)


def test_in_de_schaal_verandert_een_verbetering_het_vorige_antwoord_en_vraagt_opnieuw():
    teksten, gezet = verbeter(actions.signalering.acties.ValidateSchaalForm(),
                              "nee, bij de vorige vraag bedoelde ik ja", "schaal_form", "schaal_2", "schaal_1",
                              {"schaal_1": "nee"})
    assert teksten == [herstel.melding("aangepast", antwoord="ja")]
    assert gezet["schaal_1"] == "ja" and gezet["schaal_2"] is None


def test_in_de_schaal_een_onleesbare_verbetering_laat_het_vorige_antwoord_staan():
    teksten, gezet = verbeter(actions.signalering.acties.ValidateSchaalForm(), "nee, ik bedoelde misschien",
                              "schaal_form", "schaal_2", "schaal_1", {"schaal_1": "nee"})
    assert teksten and not teksten[0].startswith("Aangepast:")
    assert "schaal_1" not in gezet and gezet["schaal_2"] is None


def test_in_het_plan_verandert_een_verbetering_de_omschrijving():
    teksten, gezet = verbeter(actions.plan.acties.ValidatePlanForm(), "sorry, ik bedoelde de buurvrouw",
                              "plan_form", "plan_doel", "plan_aanduiding", {"plan_aanduiding": "de bewoner"})
    assert teksten == [herstel.melding("aangepast", antwoord="de buurvrouw")]
    assert gezet["plan_aanduiding"] == "de buurvrouw" and gezet["plan_doel"] is None


def test_in_het_plan_wordt_ook_een_verbeterde_naam_geweigerd():
    teksten, gezet = verbeter(actions.plan.acties.ValidatePlanForm(), "nee, ik bedoelde Jan de Vries",
                              "plan_form", "plan_doel", "plan_aanduiding", {"plan_aanduiding": "de bewoner"})
    assert teksten == [actions.plan.acties.plan.valideer("aanduiding", "Jan de Vries", date.today()).fout]
    assert "plan_aanduiding" not in gezet and gezet["plan_doel"] is None


def test_een_verbetering_bij_de_eerste_vraag_zegt_dat_er_niets_aan_te_passen_is():
    teksten, gezet = verbeter(actions.plan.acties.ValidatePlanForm(), "nee, ik bedoelde de buurvrouw",
                              "plan_form", "plan_aanduiding", None, {})
    assert teksten == [herstel.melding("niets_aan_te_passen")] and gezet["plan_aanduiding"] is None


# --- typed outside a form (data/nlu/herstel.yml) ----------------------------------------------------
def test_later_verder_buiten_een_formulier_zonder_aanpak_zegt_hoe_je_later_begint():
    messages, _ = voer_uit(actions.aanpak.acties.ActionStoppen(), maak_tracker("later verder", intent="pauzeren"))
    assert [m.get("text") for m in messages] == [herstel.melding("pauze_zonder_aanpak")]


def test_later_verder_buiten_een_formulier_bewaart_de_aanpak():
    state = aanpak.start("erkenning", eerdere_gedaan=True)
    messages, _ = voer_uit(actions.aanpak.acties.ActionStoppen(),
                           maak_tracker("later verder", {"aanpak": state}, intent="pauzeren"))
    assert messages[0]["text"].startswith("Goed, we pauzeren. Ik onthoud waar je bent: de fase erkenning.")


def test_nieuwe_persoon_buiten_een_formulier_begint_opnieuw():
    state = aanpak.start("motivatie", eerdere_gedaan=True)
    messages, events = voer_uit(actions.aanpak.acties.ActionAanpakStarten(),
                                maak_tracker("ik heb iemand anders", {"aanpak": state}, intent="opnieuw_beginnen"))
    assert messages[0]["text"] == herstel.melding("nieuwe_persoon", naam="motivatie")
    gezet = slots_van(events)
    assert gezet["aanpak"]["eerder"]["fase"] == "motivatie" and gezet["aanpak_keuze"] is None
