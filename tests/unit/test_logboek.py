"""actions/verslag/logboek.py: a case-log entry that cannot be written is
told to the worker, and the conversation goes on (issue 19, point 3)."""
from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher
from rasa_tracker import maak_tracker
from sqlalchemy.exc import OperationalError

from actions.verslag import logboek
from gedeeld import gespreksverslag


def test_a_failed_write_is_told_to_the_worker(monkeypatch):
    def kapot(*args, **kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(gespreksverslag, "schrijf", kapot)
    dispatcher = CollectingDispatcher()

    assert logboek.schrijf_moment(dispatcher, maak_tracker(), "beeld", voorgesteld_type="type_1") is False
    assert [m["text"] for m in dispatcher.messages] == [logboek.NIET_BEWAARD]


def test_a_written_entry_says_nothing_extra(monkeypatch, tmp_path):
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'verslag.db'}")
    dispatcher = CollectingDispatcher()

    assert logboek.schrijf_moment(dispatcher, maak_tracker(), "beeld", voorgesteld_type="type_1") is True
    assert dispatcher.messages == []
    assert [e["moment"] for e in gespreksverslag.lees(maak_tracker().sender_id)] == ["beeld"]
