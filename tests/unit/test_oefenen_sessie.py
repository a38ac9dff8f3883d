"""The practice session (actions/oefenen/sessie.py): trust dynamics, hidden
facts, varied answers, the feedback, and a state that fits in a Rasa slot.
The scripted conversations of tests/oefenen_transcripten.yml (one strong and
one weak trainee per persona) are played here. Plain Python: no model, no server."""
import json
import re
from collections import Counter

import pytest
import yaml

from actions.oefenen.personas import INSTELLINGEN, personas
from actions.oefenen.sessie import (
    OefenFout,
    beurt,
    bronnen,
    fasen,
    feedback,
    niveau,
    spel,
    start,
    teksten,
    tellingen,
    tips,
    verhoudingen,
    verslag_markdown,
)
from actions.oefenen.zetten import VRAAGZETTEN, classificeer
from gedeeld import settings

TRANSCRIPTEN = yaml.safe_load((settings.ROOT / "tests" / "oefenen_transcripten.yml").read_text("utf-8"))
PERSONAS = sorted(TRANSCRIPTEN)


def speel(persona_id, regels, instelling="huisbezoek", seed=1):
    state, _ = start(persona_id, instelling, seed=seed)
    antwoorden = []
    for regel in regels:
        state, antwoord = beurt(state, regel)
        antwoorden.append(antwoord)
    return state, antwoorden


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
    assert not any(a and b for a, b in zip(onthuld, onthuld[1:]))


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
@pytest.mark.parametrize("persona_id", PERSONAS)
@pytest.mark.parametrize("soort", ["sterk", "zwak"])
def test_tellingen_kloppen_met_het_transcript(persona_id, soort):
    regels = TRANSCRIPTEN[persona_id][soort]
    state, _ = speel(persona_id, regels)
    verwacht = Counter(s for r in regels for s in classificeer(r).soorten())
    assert tellingen(state) == dict(verwacht)
    tekst = feedback(state)
    for zet_id, aantal in verwacht.items():
        assert re.search(rf"- [^\n]*: {aantal}\n", tekst)
    v = verhoudingen(state)
    vragen = [d for r in regels for d in classificeer(r).delen if d.vorm and d.soort in VRAAGZETTEN]
    assert v["vragen"] == len(vragen)
    assert v["open_vragen"] == sum(d.vorm == "open" for d in vragen)
    assert f"{v['open_vragen']} van je {v['vragen']} vragen" in tekst


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_sterk_krijgt_betere_feedback_dan_zwak(persona_id):
    sterk, _ = speel(persona_id, TRANSCRIPTEN[persona_id]["sterk"])
    zwak, _ = speel(persona_id, TRANSCRIPTEN[persona_id]["zwak"])
    fb_sterk, fb_zwak = feedback(sterk), feedback(zwak)
    t = teksten()["feedback"]
    assert t["kop_goed"] in fb_sterk and t["kop_beter"] not in fb_sterk
    assert t["kop_beter"] in fb_zwak
    v_sterk, v_zwak = verhoudingen(sterk), verhoudingen(zwak)
    assert v_sterk["aandeel_open"] > v_zwak["aandeel_open"]
    assert v_sterk["reflecties"] > v_zwak["reflecties"] and v_sterk["te_vroeg"] < v_zwak["te_vroeg"]


@pytest.mark.parametrize("persona_id", PERSONAS)
def test_feedback_citeert_de_eigen_zinnen_en_noemt_wat_verborgen_bleef(persona_id):
    persona = personas()[persona_id]
    zwak, _ = speel(persona_id, TRANSCRIPTEN[persona_id]["zwak"])
    tekst = feedback(zwak)
    geciteerd = [r for r in TRANSCRIPTEN[persona_id]["zwak"] if f'"{r}' in tekst]
    assert len(geciteerd) >= 3  # in "Kan beter" and in the tips
    for feit in persona.verborgen_feiten:  # nothing came out: all of it stayed hidden
        assert feit.samenvatting in tekst
    sterk, _ = speel(persona_id, TRANSCRIPTEN[persona_id]["sterk"])
    tekst = feedback(sterk)
    assert any(f'"{r}' in tekst for r in TRANSCRIPTEN[persona_id]["sterk"])
    for feit_id in sterk["onthuld"]:
        assert persona.verborgen(feit_id).samenvatting in tekst


@pytest.mark.parametrize("persona_id", PERSONAS)
@pytest.mark.parametrize("soort", ["sterk", "zwak"])
def test_twee_of_drie_tips_met_bron(persona_id, soort):
    state, _ = speel(persona_id, TRANSCRIPTEN[persona_id][soort])
    gegeven = tips(state)
    assert 2 <= len(gegeven) <= 3
    assert all("(bron: " in tip for tip in gegeven)
    tekst = feedback(state)
    assert "indicatie" in tekst and "MITI 3.1.1" in tekst


def test_tips_bij_een_zwak_gesprek_gaan_over_wat_misging():
    zwak, _ = speel("annie_verhoeven", TRANSCRIPTEN["annie_verhoeven"]["zwak"])
    gegeven = tips(zwak)
    assert "Iedereen is wel eens alleen, hoor." in gegeven[0]  # minimising, quoted back
    assert "U moet echt weer naar het koor gaan." in gegeven[1]  # advice too early
    citaten = [re.findall(r'"([^"]+)"', tip)[0] for tip in gegeven]
    assert len(set(citaten)) == len(citaten)  # no line is quoted by two tips


def test_gesloten_vraag_herschreven_als_open_vraag():
    state, _ = start("annie_verhoeven", seed=1)
    for vraag in ("Gaat het goed met u?", "Heeft u kinderen?", "Bent u vaak verdrietig?", "Slaapt u goed?"):
        state, _ = beurt(state, vraag)
    tekst = "\n".join(tips(state))
    assert 'Je vroeg: "Bent u vaak verdrietig?"' in tekst  # the third in a row
    assert 'Probeer: "Hoe is dat voor u?"' in tekst


def test_bronnen_van_de_tips_bestaan():
    for tip in teksten()["tips"]:
        assert tip["bronnen"] and all(b in bronnen() for b in tip["bronnen"])


def test_feedback_zonder_beurten():
    state, _ = start("samira_benali", seed=1)
    assert "nog niets gezegd" in feedback(state)


def test_verslag_voor_trainers():
    regels = TRANSCRIPTEN["gerard_wolters"]["sterk"]
    state, antwoorden = speel("gerard_wolters", regels)
    md = verslag_markdown(state)
    assert md.startswith("# ")
    assert all(f"**Jij:** {r}" in md for r in regels)
    assert all(a in md for a in antwoorden)
    assert feedback(state) in md
