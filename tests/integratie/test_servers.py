"""The servers as `make run` starts them: endpoints.yml read with the
embedded defaults, REST answers in Dutch, the conversation lands in SQLite."""
import json
import os
import sqlite3
import urllib.error
import urllib.request

import pytest

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


def test_with_an_action_token_rasa_sends_it_and_the_action_server_refuses_calls_without_it(
        trained_model, tmp_path, eigen_poorten):
    os.environ["TRACKER_STORE_URL"] = f"sqlite:///{tmp_path / 'tracker.db'}"
    os.environ["ACTION_TOKEN"] = "actie-geheim-voor-de-test"
    try:
        with servers.running(trained_model, log_dir=tmp_path):
            answer = post({"sender": "token-test", "message": "Welke signalen van eenzaamheid zijn er?"})
            request = urllib.request.Request(f"http://localhost:{os.environ['ACTION_PORT']}/webhook", method="POST",
                                             data=json.dumps({"next_action": "action_verslag_tonen",
                                                              "sender_id": "token-test"}).encode(),
                                             headers={"Content-Type": "application/json"})
            with pytest.raises(urllib.error.HTTPError) as forged:
                urllib.request.urlopen(request, timeout=10)
    finally:
        os.environ["ACTION_TOKEN"] = ""

    assert forged.value.code == 401
    texts = " ".join(m.get("text", "") for m in answer)
    assert "signalen" in texts.lower(), answer
    assert "Failed to execute custom action" not in (tmp_path / "rasa.log").read_text()
