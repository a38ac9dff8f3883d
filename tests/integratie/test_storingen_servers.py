"""Fault injection with the real servers (issue 19, point 6): the Rasa server
and the action server as `make run` starts them, on a PostgreSQL tracker
store and with a social map (CATALOGUE_URL) served by this test. Each test
breaks one thing and checks what the worker reads and what is stored:

- PostgreSQL stopped mid-form and started again;
- the action server killed mid-form and started again;
- an action that raises on the action server mid-form, on a message full of
  identifiers (the action server here is tests/storende_actieserver.py: the
  real one, whose actions raise only for a message with its marker);
- the social map slow, failing, or answering nonsense;
- bad input on the REST channel: 100,000 characters, binary junk, invalid
  UTF-8, JSON that is not an object, 50 messages of one conversation at once.

One pair of servers for the whole file (starting Rasa is the slow part)."""
from __future__ import annotations

import json
import subprocess
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

import postgres_server
from actions.interventies.teksten import teksten
from bot import action_outage, opslag, servers
from bot.channels import limits
from bot.channels import rest as rest_channel
from gedeeld import settings
from kanalen import active_loop, http, model_voor_kanalen, rasa_url, rest
from lokale_server import Antwoord, LokaleServer, als_json
from storende_actieserver import STORING as ACTIE_VALT_OM

KAART = "/sociale-kaart"
BESCHRIJVING = "mevrouw is 81, haar man is vorig jaar overleden, ze komt niet meer buiten, de post stapelt zich op"
ANTWOORD = "ze heeft een dochter in Zwolle"
HULPVRAAG = "welke activiteiten zijn er in Nijmegen voor een oudere die net weduwe is?"
STORING = teksten()["catalogus"]["storing"]
SOOS = {"id": "soos_west", "naam": "Soos West", "organisatie": "Welzijn West",
        "aanbod": "Elke week samen spelletjes doen. Iedereen is welkom.", "doelgroepen": ["ouderen"],
        "types": ["dreigend", "situationeel"], "treden": [1, 2], "bereik": {"gemeenten": ["Nijmegen"]},
        "contact": {"telefoon": "024-1234567"}, "kosten": "Gratis", "laatst_gecontroleerd": "2026-10-01"}


@dataclass
class Opstelling:
    """The servers of this file, the PostgreSQL cluster under them and the social map."""
    cluster: postgres_server.Cluster
    database: str
    kaart: LokaleServer
    logs: Path
    actieserver: Optional[subprocess.Popen] = field(default=None)

    def start_actieserver(self) -> None:
        self.actieserver = servers.start_action_server(self.logs / "actions.log", module="tests.storende_actieserver")
        servers.wait_until_up(servers.action_server_url(), self.actieserver)

    def events(self, sender: str) -> List[Dict[str, Any]]:
        rows = postgres_server.query(
            self.database, "SELECT type_name, data FROM events WHERE sender_id = %s ORDER BY id", sender)
        return [{"type": t, **json.loads(d)} for t, d in rows]

    def aantal_events(self) -> int:
        return postgres_server.query(self.database, "SELECT count(*) FROM events")[0][0]

    def gebruikersteksten(self, sender: str) -> List[str]:
        return [e["text"] for e in self.events(sender) if e["type"] == "user"]


@pytest.fixture(scope="module")
def opstelling(tmp_path_factory) -> Iterator[Opstelling]:
    logs = tmp_path_factory.mktemp("storingen")
    with postgres_server.own_cluster() as cluster, postgres_server.database(cluster.url) as database, \
            LokaleServer() as kaart, servers.own_ports(), \
            settings.overridden(TRACKER_STORE_URL=database, CATALOGUE_URL=kaart.url(KAART),
                                CATALOGUE_CONNECT_TIMEOUT="1", CATALOGUE_READ_TIMEOUT="1",
                                CATALOGUE_RETRIES="0", CATALOGUE_CACHE_SECONDS="0"):
        kaart.zet(KAART, als_json([SOOS]))
        opstelling = Opstelling(cluster, database, kaart, logs)
        rasa = servers.start_rasa_server(model_voor_kanalen(), logs / "rasa.log")
        try:
            opstelling.start_actieserver()
            servers.wait_until_up(servers.rasa_server_url(), rasa)
            eigen_server(opstelling)
            yield opstelling
        finally:
            servers.stop(rasa, *[p for p in [opstelling.actieserver] if p])


def eigen_server(opstelling: Opstelling) -> None:
    """The server on RASA_PORT is ours: it stores in our PostgreSQL database.
    Rasa opens its port only after loading the model (minutes on a busy
    machine); meanwhile another test run on the machine can take the same
    free port, and then every test here would talk to that server."""
    sender = nieuw("start")
    rest(sender, "hallo")
    assert opstelling.events(sender), (
        f"another server answers on port {settings.get('RASA_PORT')}: not the one this test started")


def nieuw(soort: str) -> str:
    return f"{soort}-{uuid.uuid4().hex[:8]}"


def in_het_formulier(opstelling: Opstelling, soort: str) -> str:
    sender = nieuw(soort)
    rest(sender, BESCHRIJVING)
    assert active_loop(sender) == "signalering_form"
    return sender


# --- the database -------------------------------------------------------------------------------
def test_postgresql_stopped_mid_form_gets_a_clear_message_and_the_form_goes_on_after_its_restart(opstelling):
    sender = in_het_formulier(opstelling, "postgres")
    opgeslagen = opstelling.events(sender)
    opstelling.cluster.stop()
    try:
        assert rest(sender, ANTWOORD) == [opslag.MELDING]
        status, _, gezondheid = http("GET", rasa_url("/webhooks/gezondheid/"))
        assert (status, gezondheid["database"]) == (503, "niet bereikbaar")
    finally:
        opstelling.cluster.start()
    assert opstelling.events(sender) == opgeslagen  # the lost turn is not stored
    antwoord = rest(sender, ANTWOORD)
    assert antwoord and opslag.MELDING not in antwoord
    assert active_loop(sender) == "signalering_form"
    assert opstelling.gebruikersteksten(sender) == [BESCHRIJVING, ANTWOORD]


# --- the action server --------------------------------------------------------------------------
def test_the_action_server_killed_mid_form_gets_a_clear_message_and_the_form_goes_on_after_its_restart(
        opstelling):
    sender = in_het_formulier(opstelling, "acties")
    assert opstelling.actieserver is not None
    servers.stop(opstelling.actieserver, grace_s=0)  # SIGTERM, then at once SIGKILL
    try:
        assert rest(sender, ANTWOORD) == [action_outage.MELDING]
        crisis = rest(nieuw("crisis"), "ze wil niet meer leven")  # the crisis routes come from an action
        assert crisis[0] == opslag.BIJ_CRISIS and "0800-0113" in crisis[1] and len(crisis) == 2
    finally:
        opstelling.start_actieserver()
    assert active_loop(sender) == "signalering_form"
    antwoord = rest(sender, ANTWOORD)
    assert antwoord and action_outage.MELDING not in antwoord
    assert active_loop(sender) == "signalering_form"
    assert opstelling.gebruikersteksten(sender)[0] == BESCHRIJVING
    assert opstelling.gebruikersteksten(sender)[-1] == ANTWOORD


def test_an_action_that_raises_mid_form_gets_a_kind_message_stores_nothing_and_logs_no_identifier(
        opstelling, capfd):
    sender = in_het_formulier(opstelling, "actiefout")
    opgeslagen = opstelling.events(sender)
    bericht = f"{ANTWOORD} {ACTIE_VALT_OM} en mevrouw Jansen, BSN 123456782, belt haar zoon op 06-12345678"
    assert rest(sender, bericht) == [action_outage.MISLUKT]  # before: no answer at all
    assert opstelling.events(sender) == opgeslagen  # the failed turn is not stored
    assert active_loop(sender) == "signalering_form"
    antwoord = rest(sender, ANTWOORD)
    assert antwoord and action_outage.MISLUKT not in antwoord
    assert active_loop(sender) == "signalering_form"
    assert opstelling.gebruikersteksten(sender) == [BESCHRIJVING, ANTWOORD]
    logs = {pad.name: pad.read_text(encoding="utf-8", errors="replace") for pad in opstelling.logs.glob("*.log")}
    assert "viel om bij" in logs["actions.log"] and "mislukte op de actieserver" in logs["rasa.log"]
    uitvoer = capfd.readouterr()
    for naam, tekst in {**logs, "stdout": uitvoer.out, "stderr": uitvoer.err}.items():
        assert not [w for w in ("Jansen", "123456782", "06-12345678") if w in tekst], naam


# --- the social map -----------------------------------------------------------------------------
def test_a_working_social_map_is_used(opstelling):
    opstelling.kaart.zet(KAART, als_json([SOOS]))
    antwoord = "\n".join(rest(nieuw("kaart"), HULPVRAAG))
    assert "Soos West" in antwoord and STORING not in antwoord


@pytest.mark.parametrize("storing", [
    Antwoord(200, json.dumps([SOOS]).encode(), vertraging=2.5),
    Antwoord(500, b"Internal Server Error"),
    Antwoord(503, b""),
    Antwoord(200, b"<html><body>Onderhoud</body></html>"),
    Antwoord(200, b"\xff\xfe\x00 geen json"),
    als_json("interventies"),
    als_json({"interventies": "geen lijst"}),
    als_json([1, None, "Soos", []]),
    als_json([{**SOOS, "types": 3, "treden": "een", "bereik": "Nijmegen"}]),
], ids=["traag", "500", "503", "html", "binair", "tekst", "verkeerde-vorm", "lijst-van-onzin", "verkeerde-velden"])
def test_a_failing_social_map_gives_the_shipped_catalogue_with_a_notice(opstelling, storing):
    opstelling.kaart.zet(KAART, storing)
    try:
        sender = nieuw("kaart")
        begin = time.monotonic()
        antwoord = "\n".join(rest(sender, HULPVRAAG))
        seconden = time.monotonic() - begin
    finally:
        opstelling.kaart.zet(KAART, als_json([SOOS]))
    assert STORING in antwoord
    assert "Dit aanbod past bij ouderen in Nijmegen" in antwoord and "Contact:" in antwoord
    assert "Soos West" not in antwoord
    assert seconden < 10, f"{seconden:.1f} s"
    assert opstelling.gebruikersteksten(sender) == [HULPVRAAG]


# --- bad input on the REST channel --------------------------------------------------------------
IDENTIFICEREND = "Mevrouw Jansen, BSN 123456782, bel haar zoon op 06-12345678. "
WEG = ["Jansen", "123456782", "06-12345678"]


def test_a_message_of_100000_characters_gets_a_notice_and_only_its_redacted_start_is_stored(opstelling):
    sender = in_het_formulier(opstelling, "lang")
    tekst = (IDENTIFICEREND + "ze belt soms met haar dochter. " * 4000)[:100_000]
    antwoord = rest(sender, tekst)
    assert antwoord[0].startswith("Je bericht is erg lang (100.000 tekens). Ik lees alleen de eerste 3.000 tekens.")
    assert len(antwoord) > 1 and active_loop(sender) == "signalering_form"
    opgeslagen = opstelling.gebruikersteksten(sender)
    assert len(opgeslagen) == 2 and len(opgeslagen[1]) <= limits.max_chars()
    assert opgeslagen[1].startswith("Mevrouw [NAAM], BSN [BSN], bel haar zoon op [TELEFOON].")
    database = json.dumps(opstelling.events(sender))
    assert not [w for w in WEG if w in database]


def post(body: bytes, content_type: str = "application/json"):
    return http("POST", rasa_url("/webhooks/rest/webhook"), body, {"Content-Type": content_type})


@pytest.mark.parametrize("body", [
    bytes(range(256)) * 8,
    b'{"sender": "utf8-fout", "message": "caf\xe9 \xff\xfe Jansen"}',
    b'[{"sender": "lijst", "message": "hallo"}]',
    b'"hallo"',
    b"42",
    b"null",
    b'{"sender": "geen-tekst", "message": {"tekst": "hallo"}}',
], ids=["binair", "ongeldige-utf8", "lijst", "tekst", "getal", "null", "bericht-geen-tekst"])
def test_a_body_that_is_no_message_gets_400_with_a_dutch_reason_and_nothing_is_stored(opstelling, body):
    voor = opstelling.aantal_events()
    status, _, antwoord = post(body)
    assert status == 400, (status, antwoord)
    assert isinstance(antwoord, dict) and antwoord["message"] == rest_channel.ONLEESBAAR, antwoord
    assert opstelling.aantal_events() == voor


def test_fifty_messages_of_one_conversation_at_once_each_get_a_dutch_answer_and_none_is_lost(opstelling):
    sender = nieuw("vijftig")
    teksten_ = [f"ze belt soms met haar buurvrouw, bericht {i}" for i in range(50)]

    def stuur(tekst: str):
        return http("POST", rasa_url("/webhooks/rest/webhook"), {"sender": sender, "message": tekst}, timeout=120)

    ander: Dict[str, Any] = {}

    def andere_conversatie() -> None:
        time.sleep(0.3)
        begin = time.monotonic()
        ander["antwoord"] = rest(nieuw("ander"), "hallo")
        ander["seconden"] = time.monotonic() - begin

    helper = threading.Thread(target=andere_conversatie)
    helper.start()
    with ThreadPoolExecutor(max_workers=50) as pool:
        uitkomsten = list(pool.map(stuur, teksten_))
    helper.join()

    assert [status for status, _, _ in uitkomsten] == [200] * 50
    antwoorden = [[m.get("text") or "" for m in body] for _, _, body in uitkomsten]
    assert all(antwoorden), "every message gets an answer"
    te_snel = [t for t, a in zip(teksten_, antwoorden, strict=True) if a == [limits.TE_SNEL]]
    verwerkt = [t for t, a in zip(teksten_, antwoorden, strict=True) if a != [limits.TE_SNEL]]
    assert len(verwerkt) == limits.per_minute() and len(te_snel) == 50 - limits.per_minute()
    assert sorted(opstelling.gebruikersteksten(sender)) == sorted(verwerkt)  # each answered one stored, once
    assert "digitale assistent" in ander["antwoord"][0]
    assert ander["seconden"] < 5, f"{ander['seconden']:.1f} s"
