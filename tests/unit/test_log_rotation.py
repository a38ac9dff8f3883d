"""bot/log_rotation.py: a server's log rotates to `<log>.<date>` with the
server writing on in a new file, and rotated files older than RETENTION_DAYS
are removed (issue 19)."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time

import pytest

from bot import log_rotation
from gedeeld import settings

DAG = 86400


def oud(path, dagen: float, now: float) -> None:
    path.write_text(f"regel van {dagen} dagen geleden\n")
    os.utime(path, (now - dagen * DAG, now - dagen * DAG))


@pytest.fixture
def schrijver(tmp_path):
    """A file descriptor that writes to server.log, as a server's stdout does."""
    log = tmp_path / "server.log"
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    yield log, fd
    os.close(fd)


def test_rotated_files_older_than_the_retention_period_are_removed(tmp_path):
    now = time.time()
    log = tmp_path / "rasa.log"
    log.write_text("vandaag\n")
    for dagen in (1, 89, 91, 400):
        oud(tmp_path / f"rasa.log.{dagen}", dagen, now)
    oud(tmp_path / "actions.log.2020-01-01", 400, now)  # another server's log: not this one's to remove

    weg = log_rotation.remove_expired(log, 90, now)

    assert sorted(p.name for p in weg) == ["rasa.log.400", "rasa.log.91"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "actions.log.2020-01-01", "rasa.log", "rasa.log.1", "rasa.log.89"]


def test_the_current_log_rotates_and_the_server_writes_on_in_a_new_file(schrijver):
    log, fd = schrijver
    os.write(fd, b"gisteren\n")
    gisteren = time.time() - DAG
    os.utime(log, (gisteren, gisteren))

    oude = log_rotation.rotate(log, fds=[fd])
    os.write(fd, b"vandaag\n")

    assert oude is not None and oude.name == f"server.log.{dt.date.fromtimestamp(gisteren).isoformat()}"
    assert oude.read_text() == "gisteren\n"
    assert log.read_text() == "vandaag\n"


def test_a_second_rotation_on_the_same_day_keeps_the_first(schrijver):
    log, fd = schrijver
    os.write(fd, b"ochtend\n")
    eerste = log_rotation.rotate(log, fds=[fd])
    os.write(fd, b"middag\n")
    tweede = log_rotation.rotate(log, fds=[fd])
    assert eerste is not None and tweede is not None
    assert eerste.read_text() == "ochtend\n" and tweede.read_text() == "middag\n"
    assert tweede.name == eerste.name + ".1"
    assert log_rotation.rotate(log, fds=[fd]) is None  # an empty log stays


def test_at_start_an_earlier_days_log_is_rotated_and_expired_files_go(schrijver, tmp_path):
    log, fd = schrijver
    now = time.time()
    os.write(fd, b"van eergisteren\n")
    os.utime(log, (now - 2 * DAG, now - 2 * DAG))
    oud(tmp_path / "server.log.2020-01-01", 200, now)

    with settings.overridden(LOG_FILE=str(log), RETENTION_DAYS="90"):
        thread = log_rotation.install(fds=[fd], clock=lambda: now)
    os.write(fd, b"nu\n")

    assert thread is not None and thread.daemon and thread.is_alive()
    assert log.read_text() == "nu\n"
    assert [p.read_text() for p in log_rotation.rotated(log)] == ["van eergisteren\n"]


def test_the_next_rotation_is_at_midnight():
    elf_uur = dt.datetime(2026, 12, 4, 23, 0).timestamp()
    assert log_rotation.seconds_to_midnight(elf_uur) == pytest.approx(3600)


def test_without_a_log_file_nothing_happens():
    with settings.overridden(LOG_FILE=""):
        assert log_rotation.install(fds=[]) is None


def test_a_server_process_rotates_its_own_stdout_and_stderr(tmp_path):
    """In a child process as bot/servers.py starts a server: output to LOG_FILE."""
    log = tmp_path / "actions.log"
    log.write_text("oude regel\n")
    os.utime(log, (time.time() - 3 * DAG,) * 2)
    code = ("import sys; from bot import log_rotation; log_rotation.install(); "
            "print('stdout na rotatie', flush=True); print('stderr na rotatie', file=sys.stderr, flush=True)")
    with open(log, "ab") as out:
        subprocess.run([sys.executable, "-c", code], cwd=settings.ROOT, stdout=out, stderr=subprocess.STDOUT,
                       env={**os.environ, "LOG_FILE": str(log)}, check=True, timeout=60)
    assert log.read_text() == "stdout na rotatie\nstderr na rotatie\n"
    assert [p.read_text() for p in log_rotation.rotated(log)] == ["oude regel\n"]
