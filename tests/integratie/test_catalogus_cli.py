"""`python -m bot.catalogus import`, end to end in a subprocess, writing to a
temporary CATALOGUE_FILE."""
import json
import os
import subprocess
import sys

import pytest
import yaml

from gedeeld import settings

ROOT = settings.ROOT
KOP = ("naam;organisatie;aanbod;doelgroepen;types;treden;gemeenten;regio;landelijk;"
       "telefoon;website;verwijsroute;kosten;bron;laatst_gecontroleerd")
GOED = [
    "Koffie bij Fatima;Buurtwerk Oost;Elke dinsdag koffie in de wijk. Iedereen is welkom.;ouderen, volwassenen;"
    "dreigend, situationeel;1-3;Nijmegen;;;024-1234567;;;Gratis;;2026-10-01",
    "Wandelclub De Stap;Sportief Samen;Samen wandelen in de buurt. Daarna koffie.;iedereen;dreigend;2,3;Den Bosch;;;;"
    "www.destap-voorbeeld.nl;;Vijf euro per maand;eigen sociale kaart;01-09-2026",
    "Belcirkel Gelderland;Welzijn Gelderland;Elke ochtend een belrondje.;ouderen;dreigend;1;;Gelderland;;;;"
    "via het wijkteam;Gratis;;2026-09-15",
]


def csv_bestand(tmp_path, *rijen, naam="lijst.csv", kop=KOP):
    pad = tmp_path / naam
    pad.write_text("\n".join([kop, *rijen]) + "\n", encoding="utf-8")
    return pad


def importeer(bestand, doel, *extra):
    env = {**os.environ, "CATALOGUE_FILE": str(doel)}
    return subprocess.run([sys.executable, "-m", "bot.catalogus", "import", str(bestand), *extra],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def doel(tmp_path):
    return tmp_path / "var" / "eigen.yml"


def opgeslagen(doel):
    return {item["id"]: item for item in yaml.safe_load(doel.read_text(encoding="utf-8"))["interventies"]}


def test_a_good_csv_is_imported_and_a_second_import_changes_nothing(tmp_path, doel):
    bestand = csv_bestand(tmp_path, *GOED)
    eerste = importeer(bestand, doel)
    assert eerste.returncode == 0, eerste.stdout + eerste.stderr
    assert "Klaar: 3 nieuw, 0 gewijzigd, 0 ongewijzigd." in eerste.stdout
    items = opgeslagen(doel)
    fatima = items["koffie_bij_fatima_buurtwerk_oost"]
    assert fatima["doelgroepen"] == ["ouderen", "volwassenen"] and fatima["treden"] == [1, 2, 3]
    assert items["wandelclub_de_stap_sportief_samen"]["bereik"] == {"gemeenten": ["'s-Hertogenbosch"]}
    assert items["belcirkel_gelderland_welzijn_gelderland"]["bereik"] == {"regio": "Gelderland"}

    inhoud, gewijzigd_op = doel.read_bytes(), doel.stat().st_mtime_ns
    tweede = importeer(bestand, doel)
    assert tweede.returncode == 0
    assert "Klaar: 0 nieuw, 0 gewijzigd, 3 ongewijzigd." in tweede.stdout
    assert doel.read_bytes() == inhoud and doel.stat().st_mtime_ns == gewijzigd_op


def test_a_changed_row_is_recognised_by_name_and_organisation(tmp_path, doel):
    importeer(csv_bestand(tmp_path, *GOED), doel)
    anders = GOED[0].replace("Elke dinsdag", "Elke woensdag")
    uitvoer = importeer(csv_bestand(tmp_path, anders, naam="nieuw.csv"), doel)
    assert "Klaar: 0 nieuw, 1 gewijzigd, 0 ongewijzigd." in uitvoer.stdout
    items = opgeslagen(doel)
    assert len(items) == 3  # entries not in the new file stay
    assert items["koffie_bij_fatima_buurtwerk_oost"]["aanbod"].startswith("Elke woensdag")


def test_a_csv_with_bad_rows_reports_each_line_and_reason_and_writes_nothing(tmp_path, doel):
    bestand = csv_bestand(
        tmp_path,
        GOED[0],
        ";Buurtwerk Oost;Iets zonder naam.;ouderen;dreigend;1;Nijmegen;;;;;via het wijkteam;Gratis;;2026-10-01",
        "Belcirkel;Buurtwerk Oost;Bellen.;ouderen;eenzaam;1;Nijmegn;;;12345;;;Gratis;;2026-10-01",
        "",
        "Tuin;Buurtwerk Oost;Samen tuinieren.;ouderen;dreigend;1;Atlantis;;;;;via het wijkteam;Gratis;;2026-10-01",
    )
    uitvoer = importeer(bestand, doel)
    assert uitvoer.returncode == 1
    regels = uitvoer.stdout.splitlines()
    assert "Regel 3: naam ontbreekt." in regels
    regel_4 = next(r for r in regels if r.startswith("Regel 4: "))
    assert "onbekend type 'eenzaam'" in regel_4
    assert "onbekende gemeente 'Nijmegn' (bedoel je Nijmegen?)" in regel_4
    assert "telefoonnummer '12345' is geen Nederlands nummer" in regel_4
    assert any(r.startswith("Regel 6: onbekende gemeente 'Atlantis'") for r in regels)
    assert "Niets opgeslagen: 3 van de 4 rijen zijn fout." in uitvoer.stdout
    assert not doel.exists()


def test_skip_invalid_saves_the_good_rows(tmp_path, doel):
    bestand = csv_bestand(tmp_path, GOED[0], "Zonder alles;;;;;;;;;;;;;;")
    uitvoer = importeer(bestand, doel, "--skip-invalid")
    assert uitvoer.returncode == 0
    assert uitvoer.stdout.startswith("Regel 3: ")
    assert "Klaar: 1 nieuw, 0 gewijzigd, 0 ongewijzigd. 1 foute rijen overgeslagen." in uitvoer.stdout
    assert list(opgeslagen(doel)) == ["koffie_bij_fatima_buurtwerk_oost"]


def test_a_comma_csv_with_quoted_lists_and_ids(tmp_path, doel):
    kop = "id,naam,organisatie,aanbod,doelgroepen,types,treden,gemeenten,verwijsroute,kosten,laatst_gecontroleerd"
    rij = ('ko-1,Koffie,Buurtwerk,"Koffie, thee en een praatje.","ouderen, mantelzorgers",dreigend,"1,2",'
           '"Utrecht, Zeist",via het wijkteam,Gratis,2026-10-01')
    uitvoer = importeer(csv_bestand(tmp_path, rij, kop=kop), doel)
    assert uitvoer.returncode == 0, uitvoer.stdout
    item = opgeslagen(doel)["ko-1"]
    assert item["bereik"] == {"gemeenten": ["Utrecht", "Zeist"]} and item["doelgroepen"] == ["ouderen", "mantelzorgers"]


def test_an_unknown_column_stops_the_import(tmp_path, doel):
    uitvoer = importeer(csv_bestand(tmp_path, "Koffie;Oost", kop="naam;kleur"), doel)
    assert uitvoer.returncode == 2
    assert "regel 1: onbekende kolom 'kleur'" in uitvoer.stdout and not doel.exists()


def json_entry(**velden):
    entry = {"naam": "Koffie bij Fatima", "organisatie": "Buurtwerk Oost", "aanbod": "Koffie in de wijk.",
             "doelgroepen": ["ouderen"], "types": ["dreigend"], "treden": [1, 2],
             "bereik": {"gemeenten": ["Leeuwarden"]}, "contact": {"telefoon": "058-1234567"},
             "kosten": "Gratis", "laatst_gecontroleerd": "2026-10-01"}
    entry.update(velden)
    return entry


def test_json_good_bad_and_idempotent(tmp_path, doel):
    bestand = tmp_path / "lijst.json"
    bestand.write_text(json.dumps({"interventies": [
        json_entry(),
        json_entry(naam="Belcirkel", types=["onbekend"]),
        json_entry(naam="Wandelen", contact={"telefoon": "0800"}),
    ]}, indent=2), encoding="utf-8")
    uitvoer = importeer(bestand, doel)
    assert uitvoer.returncode == 1
    gemeld = [r.split(":")[0] for r in uitvoer.stdout.splitlines() if r.startswith("Regel ")]
    regels = bestand.read_text(encoding="utf-8").splitlines()
    begin_van_entry = [f"Regel {i}" for i, regel in enumerate(regels, start=1) if regel.strip() == "{" and i > 1]
    assert gemeld == begin_van_entry[1:]  # the second and third entry are bad
    assert "onbekend type 'onbekend'" in uitvoer.stdout and "telefoonnummer '0800'" in uitvoer.stdout
    assert not doel.exists()

    bestand.write_text(json.dumps([json_entry()]), encoding="utf-8")
    assert "Klaar: 1 nieuw" in importeer(bestand, doel).stdout
    assert "Klaar: 0 nieuw, 0 gewijzigd, 1 ongewijzigd." in importeer(bestand, doel).stdout


def test_broken_json_names_its_line(tmp_path, doel):
    bestand = tmp_path / "kapot.json"
    bestand.write_text('[\n  {"naam": "Koffie",\n  }\n]', encoding="utf-8")
    uitvoer = importeer(bestand, doel)
    assert uitvoer.returncode == 2
    assert "regel 3: geen geldige JSON" in uitvoer.stdout and "Er is niets opgeslagen." in uitvoer.stdout
