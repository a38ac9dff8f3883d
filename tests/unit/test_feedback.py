"""Feedback on a practice session (actions/oefenen/feedback.py): counts,
ratios, quotes, tips with sources, on the scripted conversations of
tests/oefenen_transcripten.yml. Plain Python: no model, no server."""
import re
from collections import Counter

import pytest
from oefentranscripten import PERSONAS, TRANSCRIPTEN, speel

from actions.oefenen.beurt import beurt, bronnen, start, teksten
from actions.oefenen.feedback import (
    feedback,
    tellingen,
    tips,
    verhoudingen,
    verslag_markdown,
)
from actions.oefenen.personas import personas
from actions.oefenen.zetten import VRAAGZETTEN, classificeer


# --- start ------------------------------------------------------------------------------------
@pytest.mark.parametrize("persona_id", PERSONAS)
@pytest.mark.parametrize("soort", ["sterk", "zwak"])
def test_tellingen_kloppen_met_het_transcript(persona_id, soort):
    regels = TRANSCRIPTEN[persona_id][soort]
    state, _ = speel(persona_id, regels)
    verwacht = Counter(s for r in regels for s in classificeer(r).soorten())
    assert tellingen(state) == dict(verwacht)
    tekst = feedback(state)
    for _zet_id, aantal in verwacht.items():
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
        assert feit.samenvatting is not None
        assert feit.samenvatting in tekst
    sterk, _ = speel(persona_id, TRANSCRIPTEN[persona_id]["sterk"])
    tekst = feedback(sterk)
    assert any(f'"{r}' in tekst for r in TRANSCRIPTEN[persona_id]["sterk"])
    for feit_id in sterk["onthuld"]:
        samenvatting = persona.verborgen(feit_id).samenvatting
        assert samenvatting is not None
        assert samenvatting in tekst


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
