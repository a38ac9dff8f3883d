"""The review inbox and the insight report on a fresh database filled with a
few hundred generated conversations through the trained model, the
redacting tracker store and a real action server (tests/gesprekken_vullen.py):
the inbox groups, the review YAML (valid for `rasa data validate`, no
identifiers, no held-out lines), and every number of the report checked
against the database itself; then the page and the report in Chromium."""
from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import sqlite3
import subprocess
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest
import yaml

import gesprekken_vullen
from bot import leerlus, rasa_cli, servers
from bot.leren import review
from bot.leren.rapport import MINIMUM
from gedeeld import settings
from kanalen import http, model_voor_kanalen, omgeving

WEEK = 7 * 24 * 3600
BEGRIPEN = ["hoeveel mensen zijn eenzaam", "welke signalen van eenzaamheid zijn er",
            "hoe begin ik een gesprek over eenzaamheid", "wat is sociaal isolement"]
# An idiom for sitting at home doing nothing, which the model was not trained
# on. Which wordings of it the model happens to read well enough differs per
# model (retraining once moved a fixed pair of them from a fallback to a
# confident intent, even to acute_zorg), so the fixture parses these first
# and the conversations use those the model is unsure of (`onzeker`), at
# least one with a name and one without.
GERANIUMS = ["mijn buurman zit de hele dag achter de geraniums", "hij zit alleen nog maar achter de geraniums",
             "mijn oom zit de hele dag achter de geraniums", "mijn buurvrouw zit de hele dag achter de geraniums",
             "zij zit tegenwoordig alleen maar achter de geraniums", "die man zit echt de hele dag achter de geraniums",
             "mevrouw Jansen zit de hele dag achter de geraniums", "mevrouw Jansen zit hele dagen achter de geraniums",
             "meneer Jansen zit de hele dag achter de geraniums", "meneer Jansen zit hele dagen achter de geraniums"]
DREMPEL = 0.5
CORRECTIE = ["geef me tips voor een eerste huisbezoek", "nee, ik bedoel hoe ik het gesprek begin"]
CRISIS = ["hij zegt dat hij niet meer wil leven"]
KANALEN = ["socketio", "socketio", "telegram", "rest"]


def generatie(geraniums: List[str], n: int = 200) -> List[tuple]:
    """n conversations: understood questions, fallbacks (some with a name in
    them), corrections, the crisis button after a fallback, crisis statements."""
    kans = random.Random(17)
    gesprekken = []
    for i in range(n):
        soort = i % 10
        if soort < 5:
            teksten = kans.sample(BEGRIPEN, kans.randint(1, 2))
        elif soort < 7:
            teksten = [kans.choice(geraniums)]
        elif soort == 7:
            teksten = list(CORRECTIE)
        elif soort == 8:
            teksten = [kans.choice(geraniums), "/acute_zorg"]
        else:
            teksten = list(CRISIS)
        gesprekken.append((f"gen-{i:03d}", KANALEN[i % len(KANALEN)], teksten))
    return gesprekken


def onzeker(agent, loop: asyncio.AbstractEventLoop) -> List[str]:
    """The idiom's wordings the model falls back on or reads under the inbox's threshold."""
    lezingen = {t: loop.run_until_complete(agent.parse_message(t))["intent"] for t in GERANIUMS}
    gekozen = [t for t, i in lezingen.items() if i["name"] == "nlu_fallback" or i["confidence"] < DREMPEL]
    if not (any("Jansen" in t for t in gekozen) and any("Jansen" not in t for t in gekozen)):
        pytest.fail(f"the model reads too many idiom lines with confidence, add wordings to GERANIUMS: {lezingen}")
    return gekozen


def _schuif_terug(pad: Path, senders: Set[str], seconden: float) -> None:
    """Move whole conversations back in time (columns and event JSON), so the
    report has more than one week; what is stored stays otherwise as written."""
    with sqlite3.connect(pad) as db:
        for rij_id, data in db.execute(f"select id, data from events where sender_id in "
                                       f"({','.join('?' * len(senders))})", sorted(senders)).fetchall():
            event = json.loads(data)
            event["timestamp"] -= seconden
            db.execute("update events set timestamp = ?, data = ? where id = ?",
                       (event["timestamp"], json.dumps(event), rij_id))
        if db.execute("select 1 from sqlite_master where name = 'gespreksverslag'").fetchone():
            db.execute(f"update gespreksverslag set timestamp = timestamp - ? where conversation_id in "
                       f"({','.join('?' * len(senders))})", (seconden, *sorted(senders)))


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    pad = tmp_path_factory.mktemp("leren") / "tracker.db"
    with servers.own_ports(), omgeving(TRACKER_STORE_URL=f"sqlite:///{pad}"):
        actions = servers.start_action_server(pad.parent / "actions.log")
        loop = asyncio.new_event_loop()  # one loop for the agent: the parses first, then the conversations
        try:
            servers.wait_until_up(servers.action_server_url(), actions)
            agent = gesprekken_vullen.agent(model_voor_kanalen(), settings.get("ACTION_ENDPOINT_URL"))
            gesprekken = generatie(onzeker(agent, loop))
            gesprekken_vullen.voer(agent, gesprekken, loop)
        finally:
            loop.close()
            servers.stop(actions)
        _schuif_terug(pad, {s for s, _, _ in gesprekken[:60]}, WEEK)
        yield pad


def _rijen(pad: Path, sql: str, *params) -> List[tuple]:
    with sqlite3.connect(pad) as db:
        return db.execute(sql, params).fetchall()


def _gebruikersberichten(pad: Path) -> List[dict]:
    """Every user event with what happened right after it (the next action)."""
    berichten: List[dict] = []
    for sender, data in _rijen(pad, "select sender_id, data from events order by sender_id, timestamp, id"):
        event = json.loads(data)
        if event["event"] == "user":
            berichten.append({"sender": sender, **event, "acties": []})
        elif event["event"] == "action" and berichten and berichten[-1]["sender"] == sender:
            berichten[-1]["acties"].append(event["name"])
    return berichten


def test_de_inbox_groepeert_wat_niet_begrepen_werd_met_geredigeerde_teksten(database, capsys):
    with omgeving(TRACKER_STORE_URL=f"sqlite:///{database}"):
        groepen = leerlus.groepen(settings.get("TRACKER_STORE_URL"), 30, DREMPEL)
    teksten = [i.bericht.tekst for g in groepen for i in g.items]
    assert not any(t.startswith("/") for t in teksten), "button clicks are not questions"
    assert not any("Jansen" in t for t in teksten)
    geraniums = [g for g in groepen if any("geraniums" in i.bericht.tekst for i in g.items)]
    assert len(geraniums) == 1, [[i.bericht.tekst for i in g.items] for g in geraniums]
    niet_begrepen = [b for b in _gebruikersberichten(database) if "geraniums" in b["text"] and (
        b["parse_data"]["intent"]["name"] == "nlu_fallback" or "utter_please_rephrase" in b["acties"]
        or b["parse_data"]["intent"]["confidence"] < DREMPEL)]
    assert geraniums[0].aantal == len(niet_begrepen) >= 40
    met_naam = {b["text"] for b in niet_begrepen if b["text"].startswith(("mevrouw", "meneer"))}
    assert met_naam and all("[NAAM]" in t and t in teksten for t in met_naam)
    huisbezoek = next(g for g in groepen if any("huisbezoek" in i.bericht.tekst for i in g.items))
    assert all("gecorrigeerd" in i.redenen for i in huisbezoek.items)
    assert huisbezoek.aantal == sum(1 for b in _gebruikersberichten(database) if "huisbezoek" in b["text"])
    assert geraniums[0].intent != "-" and geraniums[0].tweede != "-"


def test_de_review_schrijft_geldige_yaml_zonder_gegevens_of_heldout(database, tmp_path, monkeypatch, capsys):
    bestand = tmp_path / "review.yml"
    monkeypatch.setattr(review, "REVIEW_FILE", bestand)
    with omgeving(TRACKER_STORE_URL=f"sqlite:///{database}"):
        groepen = leerlus.groepen(settings.get("TRACKER_STORE_URL"), 30, DREMPEL)
        nummers = {("geraniums" if any("geraniums" in i.bericht.tekst for i in g.items) else "huisbezoek"): g.nummer
                   for g in groepen if any(w in i.bericht.tekst for i in g.items for w in ("geraniums", "huisbezoek"))}
        code = leerlus.main(["--toewijzen", f"{nummers['geraniums']}=casus_beschrijven",
                             f"{nummers['huisbezoek']}=gesprek_openen"])
    uit = capsys.readouterr().out
    assert code == 0 and "niet toegevoegd: me" in uit and "[NAAM]" in uit and "+ casus_beschrijven:" in uit
    voorbeelden = review.lees_review(bestand)
    alle = [v for lijst in voorbeelden.values() for v in lijst]
    assert set(voorbeelden) == {"casus_beschrijven", "gesprek_openen"}
    assert "geef me tips voor een eerste huisbezoek" in voorbeelden["gesprek_openen"]
    assert not any("[" in v or "Jansen" in v for v in alle)
    assert not {review.normaal(v) for v in alle} & review.heldout_teksten()
    assert yaml.safe_load(bestand.read_text(encoding="utf-8"))["nlu"][0]["metadata"] == {"bron": "review"}
    data = ["data/stories", "data/rules", str(bestand)] + [str(p) for p in sorted((settings.ROOT / "data/nlu").glob(
        "*.yml")) if p.name != "review.yml"]
    result = subprocess.run(rasa_cli.command("data", "validate", "--fail-on-warnings", "--config", "config.yml",
                                             "--domain", "domain.yml", "--data", *data),
                            cwd=settings.ROOT, env=rasa_cli.environment(), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


class Tabellen(HTMLParser):
    """caption -> {row header -> [cell texts]} of every table in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tabellen: Dict[str, Dict[str, List[str]]] = {}
        self.tekst, self.caption = "", ""
        self.rij: List[str] = []
        self.plaatjes: List[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("caption", "th", "td"):
            self.tekst = ""
        elif tag == "tr":
            self.rij = []
        elif tag == "img":
            self.plaatjes.append(dict(attrs)["src"] or "")

    def handle_data(self, data):
        self.tekst += data

    def handle_endtag(self, tag):
        if tag == "caption":
            self.caption = self.tekst
            self.tabellen[self.caption] = {}
        elif tag in ("th", "td"):
            self.rij.append(self.tekst)
        elif tag == "tr" and self.rij and self.rij[0]:
            self.tabellen[self.caption][self.rij[0]] = self.rij[1:]


def _cel(aantal: int, gesprekken: int) -> str:
    return "< 5" if 0 < gesprekken < MINIMUM else str(aantal)


def _week(timestamp: float) -> str:
    jaar, nummer, _ = datetime.fromtimestamp(timestamp, timezone.utc).isocalendar()
    return f"{jaar}-W{nummer:02d}"


Tellingen = Tuple[Dict[str, Dict[str, Set[str]]], Dict[str, Dict[str, int]]]


def _verwacht(database: Path) -> Tellingen:
    """The report's tables computed straight from the database's rows."""
    berichten = _gebruikersberichten(database)
    per: Dict[str, Dict[str, Set[str]]] = defaultdict(lambda: defaultdict(set))
    aantal: Dict[str, Dict[str, int]] = defaultdict(lambda: defaultdict(int))
    eerste: Dict[str, dict] = {}
    for b in berichten:
        eerste.setdefault(b["sender"], b)
    for b in berichten:
        kanaal = eerste[b["sender"]]["input_channel"]
        rol = "vrijwilliger" if kanaal == "telegram" else "sociaal werker"
        gemist = b["parse_data"]["intent"]["name"] == "nlu_fallback" or "utter_please_rephrase" in b["acties"]
        sleutels = [("week", _week(b["timestamp"])), ("kanaal", kanaal), ("rol", rol)]
        if not b["text"].startswith("/"):
            sleutels += [("getypt", _week(b["timestamp"]))] + ([("gemist", _week(b["timestamp"]))] if gemist else [])
        if not gemist:
            sleutels.append(("intent", b["parse_data"]["intent"]["name"]))
        for soort, sleutel in sleutels:
            per[soort][sleutel].add(b["sender"])
            aantal[soort][sleutel] += 1
    for sender, data in _rijen(database, "select sender_id, data from events"):
        if json.loads(data).get("name") == "action_crisis":
            per["crisis"][_week(json.loads(data)["timestamp"])].add(sender)
            aantal["crisis"][_week(json.loads(data)["timestamp"])] += 1
    return per, aantal


def test_elk_getal_van_het_rapport_klopt_met_de_database(database, tmp_path):
    vandaag = datetime.now(timezone.utc).date()
    uit = tmp_path / "rapport.html"
    with omgeving(TRACKER_STORE_URL=f"sqlite:///{database}"):
        from bot import inzicht
        assert inzicht.main(["--van", str(vandaag - timedelta(days=13)), "--tot", str(vandaag), "--uit", str(uit)]) == 0
    pagina = uit.read_text(encoding="utf-8")
    tabellen = Tabellen()
    tabellen.feed(pagina)
    t = tabellen.tabellen
    per, aantal = _verwacht(database)
    weken = t["Gesprekken en berichten per week"]
    assert len([w for w in weken if per["week"][w]]) == 2, weken
    for w, cellen in weken.items():
        assert cellen == [_cel(len(per["week"][w]), len(per["week"][w])), _cel(aantal["week"][w], len(per["week"][w]))]
    for caption, soort in [("Gesprekken en berichten per kanaal", "kanaal"),
                           ("Gesprekken en berichten per rol", "rol")]:
        assert t[caption] == {k: [_cel(len(s), len(s)), _cel(aantal[soort][k], len(s))] for k, s in per[soort].items()}
    for w, cellen in t["Niet begrepen per week"].items():
        n, gemist = len(per["getypt"][w]), per["gemist"][w]
        procent = f"{round(aantal['gemist'][w] / aantal['getypt'][w] * 100)}%" if aantal["getypt"][w] else "-"
        assert cellen == [_cel(aantal["getypt"][w], n), _cel(aantal["gemist"][w], len(gemist)),
                          "< 5" if 0 < n < MINIMUM else procent]
    vragen = t["Meest gestelde vragen (intents) en hun verloop"]
    assert {k: c[0] for k, c in vragen.items()} == {
        k: _cel(len(s), len(s)) for k, s in sorted(per["intent"].items(), key=lambda x: (-len(x[1]), x[0]))[:10]}
    crisis = t["Hulplijnen gegeven (crisisantwoorden) per week"]
    assert crisis == {w: [_cel(aantal["crisis"][w], len(per["crisis"][w])),
                          _cel(len(per["crisis"][w]), len(per["crisis"][w]))] for w in weken}
    assert sum(len(s) for s in per["crisis"].values()) >= 20
    for caption in ("Beelden per voorgesteld type", "Beelden per urgentie", "Meest getoonde interventies",
                    "Oefengesprekken per persona"):
        assert caption in t
    # Privacy: no user text anywhere, the notice at the top, charts as images.
    for b in _gebruikersberichten(database):
        assert b["text"] not in pagina
    assert pagina.index("minder dan 5 gesprekken") < pagina.index("<h1>")
    assert len(tabellen.plaatjes) >= 7 and all(p.startswith("data:image/png;base64,") for p in tabellen.plaatjes)


def test_de_pagina_en_het_rapport_in_chromium(database, tmp_path):
    node = shutil.which("node")
    assert node and (settings.ROOT / "node_modules" / "playwright-core").is_dir()
    vandaag = datetime.now(timezone.utc).date()
    with omgeving(TRACKER_STORE_URL=f"sqlite:///{database}", API_TOKEN="proef-token-17",
                  DEMO_PORT=str(servers.free_port())), servers.demo_site() as site:
        status, _, tekst = http("GET", f"{site}inzicht")
        assert status == 401 and "token" in tekst
        assert http("GET", f"{site}leerlus?token=fout")[0] == 401
        result = subprocess.run(
            [node, str(settings.ROOT / "tests" / "leren_browser.mjs")], cwd=settings.ROOT, capture_output=True,
            text=True, timeout=240, env={**os.environ, "SITE_URL": site, "TOKEN": "proef-token-17",
                                         "VAN": str(vandaag - timedelta(days=13)), "TOT": str(vandaag),
                                         "USER_TEXTS": json.dumps(sorted({b["text"] for b in
                                                                          _gebruikersberichten(database)})),
                                         "SCREENSHOT_DIR": str(settings.ROOT / "results" / "screenshots")})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert (settings.ROOT / "results" / "screenshots" / "inzicht-rapport.png").is_file()
