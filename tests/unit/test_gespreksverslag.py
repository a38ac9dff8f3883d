"""The case log: redacted on the way in, per conversation, in a temp SQLite file."""
from __future__ import annotations

import sqlite3

import pytest

from gedeeld import gespreksverslag


@pytest.fixture
def url(tmp_path):
    return f"sqlite:///{tmp_path / 'tracker.db'}"


def test_an_entry_is_stored_redacted_and_read_back(url, tmp_path):
    gespreksverslag.schrijf(
        "gesprek-1", "plan", kanaal="socketio", rol="werker", voorgesteld_type="type_2", trede=3,
        urgentie="snel", fase="motivatie",
        plan="Mevrouw Jansen (81) belt haar zoon op 06-12345678; buurvrouw Marie komt langs.",
        interventies=["Koffieochtend Hoofdstraat 12, Nijmegen", "Maatjesproject"], tijdstip=1_700_000_000.0,
        url=url)

    assert gespreksverslag.lees("gesprek-1", url) == [{
        "conversation_id": "gesprek-1", "timestamp": 1_700_000_000.0, "tijd": "2023-11-14T22:13:20+00:00",
        "moment": "plan", "kanaal": "socketio", "rol": "werker", "voorgesteld_type": "type_2", "trede": "3",
        "urgentie": "snel", "fase": "motivatie",
        "plan": "Mevrouw [NAAM] (81) belt haar zoon op [TELEFOON]; buurvrouw [NAAM] komt langs.",
        "interventies": ["Koffieochtend [ADRES], Nijmegen", "Maatjesproject"],
    }]
    raw = (tmp_path / "tracker.db").read_bytes()
    for text in (b"Jansen", b"06-12345678", b"Marie", b"Hoofdstraat 12"):
        assert text not in raw
    assert b"Nijmegen" in raw and b"(81)" in raw


def test_entries_are_per_conversation_oldest_first(url):
    gespreksverslag.schrijf("a", "einde", tijdstip=300.0, url=url)
    gespreksverslag.schrijf("a", "beeld", voorgesteld_type="type_1", tijdstip=100.0, url=url)
    gespreksverslag.schrijf("b", "interventies", interventies=["Belcirkel"], tijdstip=200.0, url=url)

    assert [e["moment"] for e in gespreksverslag.lees("a", url)] == ["beeld", "einde"]
    assert gespreksverslag.lees("b", url)[0]["interventies"] == ["Belcirkel"]
    assert gespreksverslag.lees("c", url) == []
    assert gespreksverslag.laatste_activiteit(url) == {"a": 300.0, "b": 200.0}


def test_erasing_one_conversation_leaves_the_others(url):
    for moment in ("beeld", "plan"):
        gespreksverslag.schrijf("a", moment, url=url)
    gespreksverslag.schrijf("b", "beeld", url=url)

    assert gespreksverslag.wis("a", url) == 2
    assert gespreksverslag.wis("a", url) == 0
    assert gespreksverslag.lees("a", url) == []
    assert len(gespreksverslag.lees("b", url)) == 1


def test_an_unknown_moment_is_refused(url):
    with pytest.raises(ValueError, match="beeld, plan, interventies, einde"):
        gespreksverslag.schrijf("a", "tussendoor", url=url)


def test_the_tracker_store_database_is_the_default(tmp_path, monkeypatch):
    path = tmp_path / "standaard.db"
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{path}")

    gespreksverslag.schrijf("a", "einde", rol="vrijwilliger")

    with sqlite3.connect(path) as db:
        assert db.execute("select conversation_id, moment, rol from gespreksverslag").fetchall() == [
            ("a", "einde", "vrijwilliger")]
