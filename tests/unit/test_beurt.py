"""A practice session turn by turn (actions/oefenen/beurt.py): trust dynamics,
hidden facts, varied answers, and a state that fits in a Rasa slot. The
scripted conversations of tests/oefenen_transcripten.yml are played here.
Plain Python: no model, no server."""
import json

import pytest
from oefentranscripten import PERSONAS, TRANSCRIPTEN, speel

from actions.oefenen.beurt import (
    OefenFout,
    beurt,
    niveau,
    spel,
    start,
)
from actions.oefenen.feedback import (
    fasen,
)
from actions.oefenen.personas import INSTELLINGEN, personas


# --- start ------------------------------------------------------------------------------------
def test_start_geeft_scene_en_openingszin():
    state, tekst = start("annie_verhoeven", "telefoon", seed=3)
    persona = personas()["annie_verhoeven"]
    assert persona.instellingen["telefoon"].beschrijving in tekst
    assert tekst.endswith(persona.instellingen["telefoon"].opening)
    assert "stop het rollenspel" in tekst
    assert state["vertrouwen"] == persona.start_vertrouwen + persona.instellingen["telefoon"].vertrouwen


def test_willekeurige_persona_met_seed_is_herhaalbaar():
    gekozen = {start(None, "buurthuis", seed=s)[0]["persona"] for s in range(40)}
    assert gekozen == set(personas())
    assert start(None, "buurthuis", seed=11)[0]["persona"] == start(None, "buurthuis", seed=11)[0]["persona"]
    assert isinstance(start()[0]["seed"], int)  # no seed: a fresh one, kept in the state


def test_onbekende_persona_of_instelling():
    with pytest.raises(OefenFout, match="Onbekende persona 'piet'"):
        start("piet")
    with pytest.raises(OefenFout, match="Onbekende instelling 'markt'"):
        start("annie_verhoeven", "markt")


@pytest.mark.parametrize("instelling", INSTELLINGEN)
@pytest.mark.parametrize("persona_id", PERSONAS)
def test_elke_persona_in_elke_instelling(persona_id, instelling):
    state, antwoorden = speel(persona_id, TRANSCRIPTEN[persona_id]["sterk"][:4], instelling)
    assert all(antwoorden)


# --- the state ---------------------------------------------------------------------------------
def test_state_is_json_en_speelt_verder_na_opslaan():
    regels = TRANSCRIPTEN["samira_benali"]["sterk"]
    state, _ = speel("samira_benali", regels[:5], seed=9)
    opgeslagen = json.loads(json.dumps(state))  # as a Rasa slot would keep it
    assert opgeslagen == state
    direct, verder = state, opgeslagen
    for regel in regels[5:]:
        direct, a = beurt(direct, regel)
        verder, b = beurt(verder, regel)
        assert a == b
    json.dumps(direct)
    assert set(state) >= {"persona", "instelling", "seed", "vertrouwen", "onthuld", "geschiedenis", "gebruikt"}


def test_beurt_verandert_de_oude_state_niet():
    state, _ = start("ruud_bakker", seed=2)
    kopie = json.loads(json.dumps(state))
    beurt(state, "Hoe gaat het met u?")
    assert state == kopie


def test_zelfde_seed_zelfde_gesprek_andere_seed_ander_gesprek():
    regels = TRANSCRIPTEN["annie_verhoeven"]["sterk"]
    assert speel("annie_verhoeven", regels, seed=5)[1] == speel("annie_verhoeven", regels, seed=5)[1]
    assert speel("annie_verhoeven", regels, seed=5)[1] != speel("annie_verhoeven", regels, seed=6)[1]


def test_andere_versie_wordt_geweigerd():
    state, _ = start("ruud_bakker", seed=2)
    state["versie"] = 99
    with pytest.raises(OefenFout, match="versie"):
        beurt(state, "Hallo")


# --- trust dynamics --------------------------------------------------------------------------------
@pytest.mark.parametrize("persona_id", PERSONAS)
def test_sterk_gesprek_onthult_meer_dan_zwak(persona_id):
    sterk, _ = speel(persona_id, TRANSCRIPTEN[persona_id]["sterk"])
    zwak, _ = speel(persona_id, TRANSCRIPTEN[persona_id]["zwak"])
    assert sterk["onthuld"], "a strong conversation brings out at least one hidden fact"
    assert not zwak["onthuld"]
    assert len(sterk["onthuld"]) > len(zwak["onthuld"])
    assert sterk["vertrouwen"] > sterk["start_vertrouwen"]
    assert zwak["vertrouwen"] < zwak["start_vertrouwen"]
    assert len(fasen(sterk)) > len(fasen(zwak))
    assert "motivatie" in fasen(sterk) and "eigen_verhaal" in fasen(sterk)


@pytest.mark.parametrize("persona_id", PERSONAS)
@pytest.mark.parametrize("soort", ["sterk", "zwak"])
def test_verborgen_feit_pas_boven_de_drempel(persona_id, soort):
    state, _ = speel(persona_id, TRANSCRIPTEN[persona_id][soort])
    persona = personas()[persona_id]
    for item in state["geschiedenis"]:
        if item["onthuld"]:
            feit = persona.verborgen(item["onthuld"])
            assert item["vertrouwen"] >= feit.drempel
            assert feit.tekst in item["antwoord"]
    # never two hidden facts in two turns in a row
    onthuld = [bool(i["onthuld"]) for i in state["geschiedenis"]]
    assert not any(a and b for a, b in zip(onthuld, onthuld[1:], strict=False))


def test_te_vroeg_advies_kost_vertrouwen_later_niet():
    state, _ = start("annie_verhoeven", seed=1)
    te_vroeg, antwoord = beurt(state, "U moet vaker naar de markt gaan.")
    assert te_vroeg["vertrouwen"] < state["vertrouwen"] and te_vroeg["geschiedenis"][-1]["advies_te_vroeg"]
    assert antwoord in sum(personas()["annie_verhoeven"].reacties["advies"].values(), ())
    later, _ = speel("annie_verhoeven", TRANSCRIPTEN["annie_verhoeven"]["sterk"][:8])
    assert later["vertrouwen"] >= spel()["advies_vanaf"]
    na, _ = beurt(later, "Misschien kunt u vaker naar de markt gaan.")
    assert not na["geschiedenis"][-1]["advies_te_vroeg"] and na["vertrouwen"] >= later["vertrouwen"]


def test_drie_gesloten_vragen_op_rij():
    state, _ = start("annie_verhoeven", seed=1)
    vertrouwen = [state["vertrouwen"]]
    for vraag in ("Woont u hier al lang?", "Is dat uw tuin?", "Bent u vandaag al buiten geweest?",
                  "Kookt u zelf?"):
        state, antwoord = beurt(state, vraag)
        vertrouwen.append(state["vertrouwen"])
    g = state["geschiedenis"]
    assert [i["vragenvuur"] for i in g] == [False, False, True, True]
    assert vertrouwen[1] == vertrouwen[2] == vertrouwen[0]  # two closed questions cost nothing
    assert vertrouwen[3] < vertrouwen[2] and vertrouwen[4] < vertrouwen[3]
    vuur = sum(personas()["annie_verhoeven"].reacties["vragenvuur"].values(), ())
    assert g[2]["antwoord"] in vuur
    # an open question breaks the chain
    state, _ = beurt(state, "Hoe ziet een gewone dag eruit voor u?")
    state, _ = beurt(state, "Kookt u vaak?")
    assert not state["geschiedenis"][-1]["vragenvuur"]


def test_bagatelliseren_kost_vertrouwen():
    state, _ = speel("samira_benali", TRANSCRIPTEN["samira_benali"]["sterk"][:4])
    na, antwoord = beurt(state, "Dat hoort er gewoon bij, dat heeft iedereen.")
    assert na["vertrouwen"] < state["vertrouwen"]
    assert antwoord in sum(personas()["samira_benali"].reacties["bagatelliseren"].values(), ())


def test_aandringen_na_een_weigering():
    state, _ = start("gerard_wolters", seed=1)
    state, _ = beurt(state, "Zullen we samen naar de huisarts gaan?")
    assert state["geschiedenis"][-1]["stap_te_vroeg"] and not state["geschiedenis"][-1]["aandringen"]
    voor = state["vertrouwen"]
    state, antwoord = beurt(state, "Zal ik dan een afspraak voor u maken?")
    assert state["geschiedenis"][-1]["aandringen"]
    assert antwoord in sum(personas()["gerard_wolters"].reacties["aandringen"].values(), ())
    assert state["vertrouwen"] <= voor


def test_geduld_en_ruimte_brengen_vertrouwen():
    state, _ = start("gerard_wolters", seed=1)
    for regel in ("U hoeft niet open te doen.", "Ik heb geen haast.", "U bepaalt zelf of u iets zegt.",
                  "Neem rustig de tijd.", "Het mag ook een andere keer."):
        voor = state["vertrouwen"]
        state, _ = beurt(state, regel)
        assert state["vertrouwen"] > voor
    assert state["geschiedenis"][-1]["verandering"] > state["geschiedenis"][0]["verandering"] * 0.99


def test_vertrouwen_blijft_binnen_de_schaal_en_per_beurt_begrensd():
    state, _ = speel("ruud_bakker", TRANSCRIPTEN["ruud_bakker"]["zwak"] * 2)
    assert all(0 <= i["vertrouwen"] <= 10 for i in state["geschiedenis"])
    state, _ = speel("ruud_bakker", TRANSCRIPTEN["ruud_bakker"]["sterk"] * 2)
    assert all(0 <= i["vertrouwen"] <= 10 for i in state["geschiedenis"])
    assert max(i["verandering"] for i in state["geschiedenis"]) <= spel()["per_beurt"]["omhoog"]


def test_nlu_intent_telt_mee_in_de_beurt():
    state, _ = start("annie_verhoeven", seed=1)
    na, _ = beurt(state, "Tja, zo gaat dat.", intent=("zet_bagatelliseren", 0.95))
    assert na["geschiedenis"][-1]["soort"] == "bagatelliseren" and na["vertrouwen"] < state["vertrouwen"]


def test_niveaus():
    assert (niveau(0), niveau(3.99), niveau(4), niveau(6.9), niveau(7), niveau(10)) == \
        ("laag", "laag", "midden", "midden", "hoog", "hoog")


# --- varied answers ------------------------------------------------------------------------------------
@pytest.mark.parametrize("persona_id", PERSONAS)
@pytest.mark.parametrize("regel", ["Hoe gaat het met u?", "Woont u hier al lang?", "Iedereen is wel eens alleen.",
                                   "Goedemiddag.", "Dat klinkt zwaar."])
def test_nooit_twee_keer_hetzelfde_antwoord_op_rij(persona_id, regel):
    state, tekst = start(persona_id, seed=4)
    vorige = state["laatste_antwoord"]
    for _ in range(30):
        state, antwoord = beurt(state, regel)
        assert antwoord != vorige
        vorige = antwoord


def test_een_zin_komt_pas_terug_als_de_andere_op_zijn():
    state, _ = start("ruud_bakker", seed=8)
    antwoorden = []
    for _ in range(3):  # three "overig" lines at the weak level: all three before any repeats
        state, antwoord = beurt(state, "Oké.")
        antwoorden.append(antwoord)
    assert len(set(antwoorden)) == 3


# --- feedback --------------------------------------------------------------------------------------------
