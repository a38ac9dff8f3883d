"""The servers as `make run` starts them: endpoints.yml read with the
embedded defaults, REST answers in Dutch, the conversation lands in SQLite."""
import os
import sqlite3

from bot import servers
from bot.bench import post_json


def post(body):
    return post_json("/webhooks/rest/webhook", body)


def test_rest_channel_answers_in_dutch_and_stores_the_conversation(trained_model, tmp_path, eigen_poorten):
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
