"""The servers as `make run` starts them: endpoints.yml read with the
embedded defaults, REST answers in Dutch, the conversation lands in SQLite."""
import json
import os
import sqlite3
import urllib.request

from bot import servers, settings


def post(body):
    request = urllib.request.Request(
        f"http://localhost:{settings.get('RASA_PORT')}/webhooks/rest/webhook",
        data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def test_rest_channel_answers_in_dutch_and_stores_the_conversation(trained_model, tmp_path):
    database = tmp_path / "tracker.db"
    os.environ["TRACKER_STORE_URL"] = f"sqlite:///{database}"
    with servers.running(trained_model, log_dir=tmp_path):
        greeting = post({"sender": "rest-test", "message": "hallo"})
        crisis = post({"sender": "rest-test", "message": "ze wil niet meer leven"})

    assert "digitale assistent, geen mens" in greeting[0]["text"]
    assert "0800-0113" in crisis[0]["text"]
    with sqlite3.connect(database) as db:
        intents = [row[0] for row in db.execute(
            "select intent_name from events where sender_id = 'rest-test' and type_name = 'user'")]
    assert intents == ["begroeten", "acute_zorg"]
