"""What the cluster (bot/cluster.py) must survive, against real PostgreSQL,
Redis and HAProxy: one cluster of 2 Rasa replicas and 2 action servers for
the whole file. The replica is killed last, because starting one again takes
minutes on 2 cores. Events are read back from PostgreSQL with psycopg2."""
from __future__ import annotations

import json
import os
import shutil
import signal
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator, List, Tuple

import psycopg2
import pytest

import postgres_server
from bot import cluster as cluster_module
from bot import servers

BESCHRIJVING = "mevrouw is 81, haar man is vorig jaar overleden, ze komt niet meer buiten, de post stapelt zich op"
# the description says nothing about contacts in so many words: the facet reading's estimate is put to the worker
SCHATTING_CONTACT = "Dit is mijn inschatting uit je hele verhaal. Contact: nog wel wat contact. Klopt dat?"
VRAAG_PROBLEMEN = "Spelen er ook andere problemen?"


@pytest.fixture(scope="module")
def cluster(trained_model) -> Iterator[cluster_module.Cluster]:
    missing = [name for name in ("haproxy", "redis-server") if shutil.which(name) is None]
    if missing:
        postgres_server.unavailable(f"{', '.join(missing)} not installed (apt-get install haproxy redis-server)")
    saved = dict(os.environ)
    servers.use_free_ports()
    try:
        with cluster_module.running(trained_model, 2, 2, servers.free_port()) as running:
            yield running
    finally:
        os.environ.clear()
        os.environ.update(saved)


def zeg(url: str, sender: str, text: str) -> Tuple[str, str]:
    """One REST message; the bot's text and the replica that answered."""
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook", method="POST",
                                     data=json.dumps({"sender": sender, "message": text}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        berichten = json.loads(response.read())
        return "\n".join(b.get("text") or "" for b in berichten), response.headers.get("X-Rasa-Replica", "")


def events(cluster: cluster_module.Cluster, sender: str) -> List[Tuple[str, dict]]:
    with psycopg2.connect(cluster.database_url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT type_name, data FROM events WHERE sender_id = %s ORDER BY id", (sender,))
        return [(type_name, json.loads(data)) for type_name, data in cursor.fetchall()]


def user_texts(cluster: cluster_module.Cluster, sender: str) -> List[str]:
    return [str(data.get("text")) for type_name, data in events(cluster, sender) if type_name == "user"]


def assert_one_turn_at_a_time(cluster: cluster_module.Cluster, sender: str) -> None:
    """Every user message after the first comes after the previous turn's action_listen."""
    laatste_actie = None
    for type_name, data in events(cluster, sender):
        if type_name == "user" and laatste_actie is not None:
            assert laatste_actie == "action_listen", "a turn started before the previous one had finished"
        if type_name == "action":
            laatste_actie = data.get("name")


def gesprek_id() -> str:
    return f"cluster-{uuid.uuid4().hex[:8]}"


def test_one_conversation_stays_on_one_replica(cluster):
    sender = gesprek_id()
    replicas = {zeg(cluster.url, sender, tekst)[1] for tekst in ["hallo", "wat zijn signalen van eenzaamheid?"]}
    assert len(replicas) == 1 and replicas != {""}
    assert user_texts(cluster, sender) == ["hallo", "wat zijn signalen van eenzaamheid?"]


def test_two_messages_at_once_on_different_replicas_are_handled_one_after_the_other(cluster):
    sender = gesprek_id()
    zeg(cluster.url, sender, "hallo")
    teksten = ["wat zijn signalen van eenzaamheid?", "welke typen isolement zijn er?"]
    with ThreadPoolExecutor(2) as pool:
        antwoorden = list(pool.map(lambda pt: zeg(f"http://127.0.0.1:{pt[0]}", sender, pt[1]),
                                   zip(cluster.rasa_ports, teksten, strict=True)))
    assert all(antwoord for antwoord, _ in antwoorden)
    assert sorted(user_texts(cluster, sender)[1:]) == sorted(teksten)
    assert_one_turn_at_a_time(cluster, sender)


def test_the_conversation_continues_after_redis_restarts(cluster):
    sender = gesprek_id()
    zeg(cluster.url, sender, "hallo")
    servers.stop(cluster.redis)
    cluster.redis = cluster_module.start_redis(cluster.redis_port)
    antwoord, _ = zeg(cluster.url, sender, "wat zijn signalen van eenzaamheid?")
    assert antwoord
    assert user_texts(cluster, sender) == ["hallo", "wat zijn signalen van eenzaamheid?"]


def test_the_other_action_server_takes_over(cluster):
    sender = gesprek_id()
    servers.stop(cluster.actions[0], grace_s=0)
    antwoorden = [zeg(cluster.url, sender, tekst)[0] for tekst in [BESCHRIJVING, "alleen de thuiszorg komt nog"]]
    assert SCHATTING_CONTACT in antwoorden[0] and VRAAG_PROBLEMEN in antwoorden[1]


def test_a_replica_killed_in_the_middle_of_a_form_loses_nothing(cluster):
    sender = gesprek_id()
    antwoord, replica = zeg(cluster.url, sender, BESCHRIJVING)
    assert SCHATTING_CONTACT in antwoord
    gedood = cluster.rasa[int(replica.removeprefix("rasa")) - 1]
    os.killpg(gedood.pid, signal.SIGKILL)
    gedood.wait()
    antwoord, andere = zeg(cluster.url, sender, "alleen de thuiszorg komt nog")
    assert andere != replica and VRAAG_PROBLEMEN in antwoord
    verder = [zeg(cluster.url, sender, tekst)[0] for tekst in ["geen andere problemen", "ze staat open voor hulp",
                                                               "ja, dat zegt ze zelf"]]
    assert "situationeel isolement" in verder[-1]
    assert len(user_texts(cluster, sender)) == 5
    assert_one_turn_at_a_time(cluster, sender)
