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
from typing import Iterator, List, NoReturn, Optional

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


@contextmanager
def _throwaway_cluster(bin_dir: Path) -> Iterator[str]:
    directory = Path(tempfile.mkdtemp(prefix="test-postgres-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(directory, user.pw_uid, user.pw_gid)
    data, port = directory / "data", free_port()
    try:
        _run([str(bin_dir / "initdb"), "-D", str(data), "-U", "test", "--auth=trust",
              "-E", "UTF8", "--no-locale"], directory)
        _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(directory / "server.log"), "-w",
              "-t", "60", "-o", f"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off",
              "start"], directory)
        try:
            yield f"postgresql://test@127.0.0.1:{port}/postgres"
        finally:
            _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def server() -> Iterator[str]:
    """A URL to the maintenance database of a running server."""
    if os.environ.get("TEST_POSTGRES_URL"):
        yield os.environ["TEST_POSTGRES_URL"]
        return
    bin_dir = _bin_dir()
    if bin_dir is None:
        unavailable("TEST_POSTGRES_URL is not set and initdb/pg_ctl were not found "
                    "(Debian: apt-get install postgresql)")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            unavailable("running as root and there is no 'postgres' user to run the server as")
    with _throwaway_cluster(bin_dir) as url:
        yield url


@contextmanager
def database(server_url: str) -> Iterator[str]:
    """A new, empty database on the server, dropped afterwards."""
    import psycopg2
    from sqlalchemy.engine.url import make_url

    name = f"test_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(server_url)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        yield str(make_url(server_url).set(database=name))
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    finally:
        admin.close()
