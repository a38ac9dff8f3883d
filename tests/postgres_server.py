"""A real PostgreSQL server for tests.

`TEST_POSTGRES_URL` (a URL to a database the tests may create databases
from, e.g. postgresql://user:secret@localhost:5432/postgres) is used when set.
Otherwise a throw-away cluster is made with Debian's (or any) `initdb` and
`pg_ctl` in a temporary directory, listening on 127.0.0.1 on a free port; as
root it runs as the `postgres` user, because PostgreSQL refuses to run as
root. `.ci/run` installs the binaries when they are missing. When there is
no server, CI (CI=true) fails; elsewhere the tests are skipped with the reason.
"""
from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, List, NoReturn, Optional

import pytest

from bot.servers import free_port


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> NoReturn:
    """Fail in CI, skip with the reason elsewhere."""
    if _in_ci():
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL server: {reason}")


def _bin_dir() -> Optional[Path]:
    """The directory with initdb and pg_ctl: on PATH, else the newest under
    /usr/lib/postgresql (Debian keeps them off PATH)."""
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent
    candidates = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    candidates.sort(key=lambda path: [int(n) for n in re.findall(r"\d+", path)])
    return Path(candidates[-1]).parent if candidates else None


def _as_server_user(command: List[str]) -> List[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _run(command: List[str], cwd: Path) -> None:
    result = subprocess.run(_as_server_user(command), cwd=cwd, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")


class Cluster:
    """A throw-away cluster in a temporary directory, which a test may stop
    and start again (the database out of reach mid-conversation)."""

    def __init__(self, bin_dir: Path, directory: Path, port: int):
        self.bin_dir, self.directory, self.port = bin_dir, directory, port
        self.url = f"postgresql://test@127.0.0.1:{port}/postgres"

    def _pg_ctl(self, *args: str) -> None:
        _run([str(self.bin_dir / "pg_ctl"), "-D", str(self.directory / "data"), *args], self.directory)

    def start(self) -> None:
        self._pg_ctl("-l", str(self.directory / "server.log"), "-w", "-t", "60", "-o",
                     f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off", "start")

    def stop(self) -> None:
        self._pg_ctl("-m", "immediate", "-w", "stop")


@contextmanager
def _throwaway_cluster(bin_dir: Path) -> Iterator[Cluster]:
    directory = Path(tempfile.mkdtemp(prefix="test-postgres-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(directory, user.pw_uid, user.pw_gid)
    cluster = Cluster(bin_dir, directory, free_port())
    try:
        _run([str(bin_dir / "initdb"), "-D", str(directory / "data"), "-U", "test", "--auth=trust",
              "-E", "UTF8", "--no-locale"], directory)
        cluster.start()
        try:
            yield cluster
        finally:
            cluster.stop()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def server() -> Iterator[str]:
    """A URL to the maintenance database of a running server."""
    if os.environ.get("TEST_POSTGRES_URL"):
        yield os.environ["TEST_POSTGRES_URL"]
        return
    with own_cluster() as cluster:
        yield cluster.url


@contextmanager
def own_cluster() -> Iterator[Cluster]:
    """A throw-away cluster this process controls (also with TEST_POSTGRES_URL set)."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        unavailable("TEST_POSTGRES_URL is not set and initdb/pg_ctl were not found "
                    "(Debian: apt-get install postgresql)")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            unavailable("running as root and there is no 'postgres' user to run the server as")
    with _throwaway_cluster(bin_dir) as cluster:
        yield cluster


@contextmanager
def database(server_url: str) -> Iterator[str]:
    """A new, empty database on the server, dropped afterwards (over a new
    connection: a test may have restarted the server meanwhile)."""
    from sqlalchemy.engine.url import make_url

    name = f"test_{uuid.uuid4().hex[:12]}"
    _admin(server_url, f'CREATE DATABASE "{name}"')
    yield str(make_url(server_url).set(database=name))
    _admin(server_url, f'DROP DATABASE "{name}" WITH (FORCE)')


def _admin(server_url: str, sql: str) -> None:
    import psycopg2

    admin = psycopg2.connect(server_url)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(sql)
    finally:
        admin.close()

def query(url: str, sql: str, *params: Any) -> List[tuple]:
    """The rows of `sql` on the database at `url`, read with psycopg2 (not Rasa)."""
    import psycopg2

    with psycopg2.connect(url) as db, db.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
