"""The web-service clients against a real local HTTP server (tests/lokale_server.py):
the social map and the PDOK postcode service, in each failure mode, with the
fallback, the retries and the cache counted on the server side."""
import socket
import time
from pathlib import Path

import pytest

from actions.interventies import render_overzicht
from actions.interventies.dienst import Dienst, Dienstinstellingen, Instellingen
from actions.interventies.remote import DienstFout, JsonClient
from actions.interventies.teksten import teksten
from lokale_server import Antwoord, LokaleServer, als_json

KAART = "/sociale-kaart"
PDOK = "/search/v3_1/free"
READ_TIMEOUT = 0.3
TRAAG = 0.8  # beyond the read timeout
STORING = teksten()["catalogus"]["storing"]
PLAATS = teksten()["plaats"]


class Klok:
    """A clock the test moves forward, for the cache."""

    def __init__(self):
        self.nu = 1000.0

    def __call__(self):
        return self.nu


@pytest.fixture
def server():
    with LokaleServer() as lokale_server:
        yield lokale_server


def client(klok=None, pogingen=2, cache=60.0):
    return JsonClient(0.3, READ_TIMEOUT, pogingen, cache, backoff=0.01, klok=klok or time.monotonic)


def instellingen(url="", pogingen=2, cache=60.0):
    return Dienstinstellingen(url, 0.3, READ_TIMEOUT, pogingen, cache, backoff=0.01)


def dienst_met_kaart(server, tmp_path, **opties):
    return Dienst(Instellingen(tmp_path / "eigen.yml", instellingen(server.url(KAART), **opties), instellingen()))


def dienst_met_geocoder(server, tmp_path, **opties):
    return Dienst(Instellingen(tmp_path / "eigen.yml", instellingen(), instellingen(server.url(), **opties)))


def kaart_entry(**velden):
    entry = {"id": "soos_west", "naam": "Soos West", "organisatie": "Welzijn West",
             "aanbod": "Elke week samen spelletjes doen. Iedereen is welkom.", "doelgroepen": ["ouderen"],
             "types": ["dreigend", "situationeel"], "treden": [1, 2], "bereik": {"gemeenten": ["Enschede"]},
             "contact": {"telefoon": "053-1234567"}, "kosten": "Gratis", "laatst_gecontroleerd": "2026-10-01"}
    entry.update(velden)
    return entry


def pdok(gemeente="Nijmegen", provincie="Gelderland"):
    return {"response": {"numFound": 1, "start": 0, "maxScore": 9.1, "numFoundExact": True, "docs": [
        {"type": "postcode", "weergavenaam": f"6512AB {gemeente}", "postcode": "6512AB",
         "gemeentenaam": gemeente, "provincienaam": provincie, "id": "pcd-1"}]}}


# --- the JSON client ------------------------------------------------------------------
def test_a_good_answer_is_cached_until_it_is_stale(server):
    server.zet(KAART, als_json({"ok": True}))
    klok = Klok()
    json_client = client(klok)
    assert json_client.get(server.url(KAART)) == {"ok": True}
    assert json_client.get(server.url(KAART)) == {"ok": True}
    assert server.aantal[KAART] == 1
    klok.nu += 61
    json_client.get(server.url(KAART))
    assert server.aantal[KAART] == 2


def test_a_500_is_retried_and_the_retry_succeeds(server):
    server.zet(KAART, Antwoord(500), als_json({"ok": True}))
    assert client().get(server.url(KAART)) == {"ok": True}
    assert server.aantal[KAART] == 2


def test_always_500_fails_after_the_retries_and_pauses_before_asking_again(server):
    server.zet(KAART, Antwoord(500))
    klok = Klok()
    json_client = client(klok, pogingen=2)
    with pytest.raises(DienstFout, match="status 500"):
        json_client.get(server.url(KAART))
    assert server.aantal[KAART] == 3
    with pytest.raises(DienstFout):
        json_client.get(server.url(KAART))
    assert server.aantal[KAART] == 3  # the failure is remembered for a short pause
    klok.nu += 61
    with pytest.raises(DienstFout):
        json_client.get(server.url(KAART))
    assert server.aantal[KAART] == 6


def test_a_slow_answer_times_out_and_is_retried(server):
    server.zet(KAART, als_json({"ok": True}, vertraging=TRAAG))
    begin = time.monotonic()
    with pytest.raises(DienstFout, match="geen antwoord"):
        client(pogingen=1).get(server.url(KAART))
    assert time.monotonic() - begin < TRAAG * 2
    assert server.aantal[KAART] == 2


def test_a_slow_answer_then_a_fast_one_succeeds(server):
    server.zet(KAART, als_json({"traag": True}, vertraging=TRAAG), als_json({"snel": True}))
    assert client(pogingen=1).get(server.url(KAART)) == {"snel": True}


@pytest.mark.parametrize("antwoord", [Antwoord(200, b"{niet: json"), Antwoord(200, b""), Antwoord(404)])
def test_malformed_empty_or_missing_answers_are_service_errors(server, antwoord):
    server.zet(KAART, antwoord)
    with pytest.raises(DienstFout):
        client().get(server.url(KAART))


def test_a_port_nobody_listens_on_is_a_service_error():
    with socket.socket() as vrij:
        vrij.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{vrij.getsockname()[1]}{KAART}"
    with pytest.raises(DienstFout, match="geen antwoord"):
        client(pogingen=1).get(url)


# --- the social map --------------------------------------------------------------------
def test_the_social_map_is_laid_over_the_catalogue_and_cached(server, tmp_path):
    server.zet(KAART, als_json({"interventies": [kaart_entry()]}))
    dienst = dienst_met_kaart(server, tmp_path)
    resultaat = dienst.zoek("Enschede", doelgroep="ouderen")
    assert resultaat.melding is None
    assert resultaat.treffers[0].interventie.id == "soos_west"
    assert not any(t.interventie.voorbeeld for t in resultaat.treffers)  # real local offer replaces examples
    dienst.zoek("Enschede")
    assert server.aantal[KAART] == 1


def test_bad_entries_of_the_social_map_are_left_out(server, tmp_path):
    server.zet(KAART, als_json([kaart_entry(), kaart_entry(id="kapot", types=["onbekend"])]))
    catalogus, melding = dienst_met_kaart(server, tmp_path).catalogus()
    assert melding is None and "soos_west" in catalogus.interventies and "kapot" not in catalogus.interventies


@pytest.mark.parametrize("antwoorden", [
    [Antwoord(500)],
    [als_json({"interventies": [kaart_entry()]}, vertraging=TRAAG)],
    [Antwoord(200, b"<html>onderhoud</html>")],
    [als_json({"sociale_kaart": []})],
    [als_json({"interventies": []})],
    [als_json({"interventies": [kaart_entry(naam="")]})],
    [Antwoord(200, b"")],
], ids=["always-500", "slow", "malformed", "wrong-shape", "empty-list", "no-valid-entry", "empty-body"])
def test_when_the_social_map_fails_the_shipped_catalogue_is_used_with_a_notice(server, tmp_path, antwoorden):
    server.zet(KAART, *antwoorden)
    resultaat = dienst_met_kaart(server, tmp_path, pogingen=1).zoek("Enschede")
    assert resultaat.melding == STORING
    assert "voorbeeld_enschede_mantelzorgcafe" in {t.interventie.id for t in resultaat.treffers}
    assert render_overzicht(resultaat).splitlines()[0] == STORING


def test_the_social_map_recovers_after_a_500(server, tmp_path):
    server.zet(KAART, Antwoord(503), als_json({"interventies": [kaart_entry()]}))
    resultaat = dienst_met_kaart(server, tmp_path).zoek("Enschede")
    assert resultaat.melding is None and resultaat.treffers[0].interventie.id == "soos_west"
    assert server.aantal[KAART] == 2


# --- postcodes ---------------------------------------------------------------------------
def test_a_postcode_is_resolved_with_the_pdok_request_shape(server, tmp_path):
    server.zet(PDOK, als_json(pdok()))
    uitkomst = dienst_met_geocoder(server, tmp_path).bepaal_plaats("6512 ab")
    assert uitkomst.plaats.gemeente == "Nijmegen" and uitkomst.plaats.provincie == "Gelderland"
    assert server.queries[PDOK] == [{"q": ["6512AB"], "fq": ["type:postcode"], "rows": ["1"]}]


def test_a_postcode_in_a_municipality_the_list_lacks_still_finds_regional_offer(server, tmp_path):
    server.zet(PDOK, als_json(pdok("Berg en Dal", "Gelderland")))
    dienst = dienst_met_geocoder(server, tmp_path)
    plaats = dienst.bepaal_plaats("6571").plaats
    assert plaats.gemeente == "Berg en Dal"
    resultaat = dienst.zoek(plaats.gemeente, provincie=plaats.provincie)
    assert resultaat.treffers[0].niveau == "regionaal"


def test_the_same_postcode_is_asked_once(server, tmp_path):
    server.zet(PDOK, als_json(pdok()))
    dienst = dienst_met_geocoder(server, tmp_path)
    dienst.bepaal_plaats("6512AB")
    dienst.bepaal_plaats("6512 AB")
    assert server.aantal[PDOK] == 1


def test_an_unknown_postcode_asks_for_the_municipality(server, tmp_path):
    server.zet(PDOK, als_json({"response": {"numFound": 0, "start": 0, "docs": []}}))
    uitkomst = dienst_met_geocoder(server, tmp_path).bepaal_plaats("9999 ZZ")
    assert uitkomst.plaats is None and uitkomst.vraag == PLAATS["postcode_onbekend"].format(postcode="9999ZZ")


@pytest.mark.parametrize("antwoord", [
    Antwoord(500),
    als_json(pdok(), vertraging=TRAAG),
    Antwoord(200, b"{kapot"),
    Antwoord(200, b""),
    als_json({"docs": []}),
    als_json({"response": {"docs": [{"type": "postcode"}]}}),
], ids=["always-500", "slow", "malformed", "empty-body", "wrong-shape", "no-gemeentenaam"])
def test_when_the_postcode_service_fails_the_dialogue_asks_for_the_municipality(server, tmp_path, antwoord):
    server.zet(PDOK, antwoord)
    uitkomst = dienst_met_geocoder(server, tmp_path, pogingen=1).bepaal_plaats("6512AB")
    assert uitkomst.plaats is None and uitkomst.vraag == PLAATS["postcode_storing"]


def test_the_postcode_service_recovers_after_a_500(server, tmp_path):
    server.zet(PDOK, Antwoord(502), als_json(pdok()))
    assert dienst_met_geocoder(server, tmp_path).bepaal_plaats("6512AB").plaats.gemeente == "Nijmegen"
    assert server.aantal[PDOK] == 2


def test_names_never_go_to_the_postcode_service(server, tmp_path):
    server.zet(PDOK, als_json(pdok()))
    assert dienst_met_geocoder(server, tmp_path).bepaal_plaats("Nijmegn").plaats.gemeente == "Nijmegen"
    assert server.aantal[PDOK] == 0


# --- settings ------------------------------------------------------------------------------
def test_by_default_nothing_leaves_the_machine(monkeypatch):
    for naam in ("CATALOGUE_URL", "GEOCODER_ENABLED", "CATALOGUE_FILE"):
        monkeypatch.delenv(naam, raising=False)
    monkeypatch.setattr("gedeeld.settings.ROOT", Path("/nonexistent-root"))  # no developer's .env
    standaard = Instellingen.uit_omgeving()
    assert standaard.sociale_kaart.url == "" and standaard.geocoder.url == ""
    assert standaard.eigen_bestand.name == "interventies_eigen.yml"
    dienst = Dienst(standaard)
    assert dienst.sociale_kaart is None and dienst.geocoder is None


def test_settings_switch_the_services_on(monkeypatch, tmp_path):
    monkeypatch.setenv("CATALOGUE_URL", "http://127.0.0.1:9/kaart")
    monkeypatch.setenv("GEOCODER_ENABLED", "true")
    monkeypatch.setenv("CATALOGUE_FILE", "var/eigen_test.yml")
    monkeypatch.setenv("CATALOGUE_READ_TIMEOUT", "1.5")
    gekozen = Instellingen.uit_omgeving()
    assert gekozen.sociale_kaart.url == "http://127.0.0.1:9/kaart" and gekozen.sociale_kaart.read_timeout == 1.5
    assert gekozen.geocoder.url == "https://api.pdok.nl/bzk/locatieserver"
    assert gekozen.eigen_bestand.is_absolute() and gekozen.eigen_bestand.name == "eigen_test.yml"


def test_a_bad_number_in_the_settings_names_the_setting(monkeypatch):
    monkeypatch.setenv("GEOCODER_RETRIES", "twee")
    with pytest.raises(ValueError, match="GEOCODER_RETRIES"):
        Instellingen.uit_omgeving()
