"""The phased approach against the servers as `make run` starts them (REST,
SQLite tracker store): a worker who asks for a plan for a neighbour ends with
the plan as a document, and a walk paused before a restart of the Rasa
server goes on where it was afterwards."""
import os
import sqlite3
import uuid
from datetime import date
from typing import cast

from bot import servers
from bot.bench import post_json

PLAN_GESPREK = [
    "ik wil een plan maken voor mijn buurman",
    "ja",
    "de bewoner",
    "Ik wil weer ergens bij horen",
    "hij hield vroeger de lijstjes bij van de sjoelclub",
    "zelf de sjoelclub bellen",
    "de dochter en een buurman",
    "bellen met de sjoelclub, door de bewoner, volgende week maandag",
    "samen naar de koffieochtend, door de buurman, over twee weken",
    "klaar",
    "over een maand",
    "de buurvrouw",
]


def zeg(sender: str, text: str) -> list:
    # the REST webhook answers with a list of messages (post_json is typed for a JSON object)
    return cast(list, post_json("/webhooks/rest/webhook", {"sender": sender, "message": text}))


def teksten(antwoord: list) -> list:
    return [m["text"] for m in antwoord if m.get("text")]


def documenten(antwoord: list) -> list:
    return [m["custom"] for m in antwoord if isinstance(m.get("custom"), dict)]


def test_a_plan_for_the_neighbour_and_a_walk_that_survives_a_restart(trained_model, tmp_path, eigen_poorten):
    database = tmp_path / "tracker.db"
    os.environ["TRACKER_STORE_URL"] = f"sqlite:///{database}"
    planner, wandelaar = f"plan-{uuid.uuid4().hex[:6]}", f"walk-{uuid.uuid4().hex[:6]}"
    actions = servers.start_action_server(tmp_path / "actions.log")
    rasa = servers.start_rasa_server(trained_model, tmp_path / "rasa-1.log")
    try:
        servers.wait_until_up(servers.action_server_url(), actions)
        servers.wait_until_up(servers.rasa_server_url(), rasa)
        antwoorden = [zeg(planner, regel) for regel in PLAN_GESPREK]
        assert teksten(antwoorden[0])[0].startswith("Je wilt een plan maken.")  # does the person want change?
        eerste = teksten(antwoorden[1])
        assert eerste[0].startswith("Fase vijf van vijf")
        assert eerste[1].startswith("We vullen nu samen het persoonlijk actieplan in.")
        assert eerste[2].startswith("Hoe noemen we de persoon in het plan?")
        [document] = documenten(antwoorden[-1])
        assert document["bestandsnaam"] == f"actieplan-{date.today().isoformat()}.md"
        markdown = document["markdown"]
        assert markdown.startswith("# Persoonlijk actieplan voor de bewoner")
        assert "> Ik wil weer ergens bij horen" in markdown
        assert "1. Bellen met de sjoelclub. Wie: de bewoner." in markdown
        assert "2. Samen naar de koffieochtend. Wie: de buurman." in markdown

        assert teksten(zeg(wandelaar, "help me stap voor stap met deze cliënt"))[0].startswith("Waar sta je")
        assert teksten(zeg(wandelaar, "ze zegt zelf dat ze zich eenzaam voelt"))[0].startswith(
            "Fase twee van vijf: Erkenning")
        assert teksten(zeg(wandelaar, "volgende fase"))[0].startswith("Fase drie van vijf: Eigen verhaal")
        assert teksten(zeg(wandelaar, "ik wil pauzeren"))[0].startswith(
            "Goed, we pauzeren. Ik onthoud waar je bent: de fase eigen verhaal.")
    finally:
        servers.stop(rasa)

    rasa = servers.start_rasa_server(trained_model, tmp_path / "rasa-2.log")
    try:
        servers.wait_until_up(servers.rasa_server_url(), rasa)
        terug = teksten(zeg(wandelaar, "verder met de aanpak"))
        assert terug[0].startswith("Welkom terug. Je was met deze persoon bij de fase eigen verhaal.")
        assert "- Erkenning: gedaan" in terug[0]
        opnieuw = zeg(planner, "maak er een document van")
        assert documenten(opnieuw)[0]["markdown"] == markdown
    finally:
        servers.stop(rasa, actions)

    with sqlite3.connect(database) as db:
        opgeslagen = "\n".join(row[0] for row in db.execute("select data from events"))
    assert "sjoelclub" in opgeslagen  # the conversation itself is stored (redacted), and read back after the restart
