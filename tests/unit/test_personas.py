"""Personas of the practice partner (actions/oefenen/personas.py): the shipped
files pass the schema, and a bad file gets clear Dutch errors naming the
file, the field and what is wrong. Plain Python: no model, no server."""
import shutil

import pytest
import yaml

from actions.algemeen.yamlbestand import yaml_uit
from actions.oefenen import personas as mod
from actions.oefenen.personas import (
    INSTELLINGEN,
    NIVEAUS,
    PERSONA_DIR,
    REACTIESOORTEN,
    TYPES,
    PersonaFout,
    laad,
    lees_bestand,
    overzicht,
    personas,
)

ANNIE = PERSONA_DIR / "annie_verhoeven.yml"


def _ruw():
    return yaml_uit(ANNIE.read_text(encoding="utf-8"))


def _schrijf(tmp_path, naam, data):
    pad = tmp_path / naam
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad


def _problemen(tmp_path, data, naam="annie_verhoeven.yml"):
    persona, problemen = lees_bestand(_schrijf(tmp_path, naam, data))
    assert persona is None
    return problemen


# --- the shipped personas -----------------------------------------------------------------
def test_geleverde_personas_zijn_in_orde():
    alle = laad()
    assert len(alle) >= 4
    assert {p.type for p in alle.values()} == set(TYPES)  # one per type of isolation at least


@pytest.mark.parametrize("persona_id", sorted(personas()))
def test_persona_is_volledig(persona_id):
    p = personas()[persona_id]
    assert p.open_feiten and len(p.verborgen_feiten) >= 2 and p.drijfveren
    assert all(f.drempel is not None and f.drempel > p.start_vertrouwen for f in p.verborgen_feiten)
    assert all(f.samenvatting for f in p.verborgen_feiten)
    assert set(p.instellingen) == set(INSTELLINGEN)
    for soort in REACTIESOORTEN:
        for niveau in NIVEAUS:
            regels = p.reacties[soort][niveau]
            assert len(regels) >= 2 and len(set(regels)) == len(regels), (soort, niveau)


def test_overzicht_voor_de_keuzeknoppen():
    rijen = overzicht()
    assert {r["id"] for r in rijen} == set(personas())
    assert all(r["naam"] and r["korte_beschrijving"] and r["type"] in TYPES for r in rijen)


def test_trainer_voegt_een_persona_toe_door_een_bestand_toe_te_voegen(tmp_path):
    for pad in PERSONA_DIR.glob("*.yml"):
        shutil.copy(pad, tmp_path)
    nieuw = _ruw()
    nieuw.update(id="annie_kopie", naam="Annie Kopie")
    _schrijf(tmp_path, "annie_kopie.yml", nieuw)
    alle = laad(tmp_path)
    assert "annie_kopie" in alle and len(alle) == len(personas()) + 1


# --- bad files ---------------------------------------------------------------------------------
def test_ontbrekend_veld(tmp_path):
    data = _ruw()
    del data["leeftijd"]
    assert "annie_verhoeven.yml: leeftijd: ontbreekt" in _problemen(tmp_path, data)


def test_verkeerde_soort_waarde(tmp_path):
    data = _ruw()
    data.update(leeftijd="eenentachtig", start_vertrouwen=12, type="eenzaam", aanspreekvorm="jij")
    problemen = _problemen(tmp_path, data)
    assert "annie_verhoeven.yml: leeftijd: moet een heel getal zijn, nu 'eenentachtig'" in problemen
    assert "annie_verhoeven.yml: start_vertrouwen: moet tussen 0 en 10 liggen, nu 12" in problemen
    assert ("annie_verhoeven.yml: type: onbekende waarde 'eenzaam' "
            "(kies uit: dreigend, situationeel, structureel, structureel_ggz)") in problemen
    assert any(p.startswith("annie_verhoeven.yml: aanspreekvorm: onbekende waarde 'jij'") for p in problemen)


def test_verkeerd_gespeld_veld(tmp_path):
    data = _ruw()
    data["verborgenfeiten"] = data.pop("verborgen_feiten")
    problemen = _problemen(tmp_path, data)
    assert "annie_verhoeven.yml: verborgenfeiten: onbekend veld (controleer de spelling; zie data/oefenen/SCHEMA.md)" \
        in problemen
    assert "annie_verhoeven.yml: verborgen_feiten: ontbreekt" in problemen


def test_verborgen_feit_onder_het_startvertrouwen(tmp_path):
    data = _ruw()
    data["verborgen_feiten"][0]["drempel"] = 2
    problemen = _problemen(tmp_path, data)
    assert any("verborgen_feiten 'koor_gestopt', drempel: moet hoger zijn dan start_vertrouwen (3)" in p
               for p in problemen)


def test_verborgen_feit_zonder_drempel_of_samenvatting(tmp_path):
    data = _ruw()
    del data["verborgen_feiten"][1]["drempel"]
    data["verborgen_feiten"][1]["samenvatting"] = ""
    problemen = _problemen(tmp_path, data)
    assert "annie_verhoeven.yml: verborgen_feiten 'riet', drempel: ontbreekt" in problemen
    assert "annie_verhoeven.yml: verborgen_feiten 'riet', samenvatting: ontbreekt of is leeg" in problemen


def test_onbekend_onderwerp_en_dubbele_id(tmp_path):
    data = _ruw()
    data["open_feiten"][0]["onderwerp"] = "hobby"
    data["open_feiten"][1]["id"] = "marian"
    problemen = _problemen(tmp_path, data)
    assert any(p.startswith("annie_verhoeven.yml: open_feiten 'kees', onderwerp: onbekende waarde 'hobby'")
               for p in problemen)
    assert ("annie_verhoeven.yml: id's: 'marian' komt meer dan één keer voor in open_feiten, verborgen_feiten "
            "en drijfveren") in problemen


def test_reacties(tmp_path):
    data = _ruw()
    data["reacties"]["boosheid"] = {"laag": ["a", "b"]}
    del data["reacties"]["advies"]["hoog"]
    data["reacties"]["bevestiging"]["midden"] = ["Dank je."]
    data["reacties"]["overig"]["laag"] = ["Ja, ja.", "Ja, ja."]
    problemen = _problemen(tmp_path, data)
    assert any(p.startswith("annie_verhoeven.yml: reacties 'boosheid': onbekende soort reactie") for p in problemen)
    assert "annie_verhoeven.yml: reacties 'advies', hoog: ontbreekt (minstens 2 zinnen)" in problemen
    assert "annie_verhoeven.yml: reacties 'bevestiging', midden: heeft er minstens 2 nodig, nu 1" in problemen
    assert ("annie_verhoeven.yml: reacties 'overig', laag: de zin 'Ja, ja.' staat er twee keer in; "
            "varieer de zinnen") in problemen


def test_instellingen(tmp_path):
    data = _ruw()
    del data["instellingen"]["telefoon"]
    data["instellingen"]["markt"] = {"beschrijving": "x", "opening": "y"}
    data["instellingen"]["huisbezoek"]["opening"] = None
    problemen = _problemen(tmp_path, data)
    assert ("annie_verhoeven.yml: instellingen 'telefoon': ontbreekt (elke persona heeft huisbezoek, buurthuis "
            "en telefoon)") in problemen
    assert any(p.startswith("annie_verhoeven.yml: instellingen 'markt': onbekende instelling") for p in problemen)
    assert "annie_verhoeven.yml: instellingen 'huisbezoek', opening: ontbreekt of is leeg" in problemen


def test_id_moet_de_bestandsnaam_zijn(tmp_path):
    problemen = _problemen(tmp_path, _ruw(), naam="annie.yml")
    assert "annie.yml: id: moet gelijk zijn aan de bestandsnaam zonder .yml ('annie'), nu 'annie_verhoeven'" \
        in problemen


def test_gewichten_en_groei(tmp_path):
    data = _ruw()
    data["gewichten"] = {"aandringen": -9, "vriendelijkheid": 1}
    data["groei"] = "langzaam"
    problemen = _problemen(tmp_path, data)
    assert "annie_verhoeven.yml: gewichten, aandringen: moet tussen -5 en 5 liggen, nu -9" in problemen
    assert any(p.startswith("annie_verhoeven.yml: gewichten, vriendelijkheid: onbekend gewicht") for p in problemen)
    assert "annie_verhoeven.yml: groei: moet een getal zijn, nu 'langzaam'" in problemen


def test_geen_geldige_yaml_noemt_de_regel(tmp_path):
    pad = tmp_path / "kapot.yml"
    pad.write_text("id: kapot\nnaam: [Annie\nleeftijd: 80\n", encoding="utf-8")
    persona, problemen = lees_bestand(pad)
    assert persona is None and problemen[0].startswith("kapot.yml: geen geldige YAML rond regel")


def test_geen_mapping(tmp_path):
    pad = tmp_path / "lijst.yml"
    pad.write_text("- Annie\n- Kees\n", encoding="utf-8")
    assert lees_bestand(pad)[1] == ["lijst.yml: verwacht bovenaan velden als id, naam en leeftijd, nu een lijst"]


def test_laad_noemt_elk_fout_bestand(tmp_path):
    shutil.copy(ANNIE, tmp_path)
    data = _ruw()
    data.update(id="kapot", leeftijd=None)
    _schrijf(tmp_path, "kapot.yml", data)
    with pytest.raises(PersonaFout) as fout:
        laad(tmp_path)
    assert fout.value.redenen == ["kapot.yml: leeftijd: ontbreekt"]


def test_lege_map(tmp_path):
    with pytest.raises(PersonaFout, match="geen persona's gevonden"):
        laad(tmp_path)


def test_controle_vanaf_de_opdrachtregel(tmp_path, capsys):
    data = _ruw()
    data["type"] = "zwaar"
    kapot = _schrijf(tmp_path, "annie_verhoeven.yml", data)
    assert mod.main([str(ANNIE)]) == 0
    assert "annie_verhoeven.yml: in orde (Annie Verhoeven, dreigend)" in capsys.readouterr().out
    assert mod.main([str(kapot)]) == 1
    assert "type: onbekende waarde 'zwaar'" in capsys.readouterr().out
