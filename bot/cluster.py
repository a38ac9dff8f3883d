"""`python -m bot cluster` (`make cluster`): Rasa's production topology on one
machine: CLUSTER_RASA_REPLICAS Rasa servers and CLUSTER_ACTION_SERVERS action
servers behind HAProxy, the PostgreSQL tracker store and Rasa's RedisLockStore.

PostgreSQL, Redis and HAProxy are Debian's packages (`.ci/run` installs them),
started here as child processes with their data under var/cluster/ and
listening on 127.0.0.1 only. HAProxy sends every message of one conversation
to the same replica: a consistent hash on the REST body's `sender`, on the
Telegram update's chat, and on the client address for the widget's socket.io
connection (a socket.io session is one long connection from one browser).
Action calls go through HAProxy too, round robin over the action servers
that answer their health check. Ctrl-C stops everything.

HAProxy adds X-Forwarded-For (`option forwardfor`) and the replicas trust it
from 127.0.0.1 (TRUSTED_PROXIES): their per-address rate limit counts each
client, not HAProxy as one client (bot/channels/limits.py).
"""
from __future__ import annotations

import glob
import os
import pwd
import socket
import subprocess
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, List

from bot import servers
from gedeeld import settings

CLUSTER_DIR = settings.VAR_DIR / "cluster"
POSTGRES_USER = "rasa"
PROXY_ADDRESS = "127.0.0.1"  # HAProxy calls the replicas from here


@dataclass
class Cluster:
    """Addresses and processes of a running cluster."""
    url: str
    database_url: str
    redis_port: int
    rasa: List[subprocess.Popen] = field(default_factory=list)
    rasa_ports: List[int] = field(default_factory=list)
    actions: List[subprocess.Popen] = field(default_factory=list)
    redis: subprocess.Popen | None = None
    haproxy: subprocess.Popen | None = None


def _child(command: List[str], log: str, user: str | None = None, **kwargs) -> subprocess.Popen:
    """A child process in its own process group, output to var/cluster/logs/LOG."""
    logs = CLUSTER_DIR / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    if user and os.geteuid() == 0:
        command = ["runuser", "-u", user, "--", *command]
    return subprocess.Popen(command, stdout=open(logs / log, "ab"), stderr=subprocess.STDOUT,
                            start_new_session=True, **kwargs)


def _wait_for_port(port: int, process: subprocess.Popen, what: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} stopped with code {process.returncode} (see var/cluster/logs/)")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{what} did not listen on port {port} within {timeout_s:.0f} s")


def _wait_for_postgres(url: str, timeout_s: float = 120) -> None:
    """Listening is not ready: after an unclean stop PostgreSQL recovers first."""
    import psycopg2

    deadline = time.monotonic() + timeout_s
    while True:
        try:
            psycopg2.connect(url).close()
            return
        except psycopg2.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(p.split("/")[4]))
    if not found:
        raise RuntimeError("PostgreSQL was not found: apt-get install postgresql (or run .ci/run)")
    return Path(found[-1]).parent


def _server_user() -> str | None:
    """PostgreSQL refuses to run as root: then it runs as Debian's `postgres` user."""
    return "postgres" if os.geteuid() == 0 else None


@contextmanager
def postgres(port: int) -> Iterator[str]:
    """PostgreSQL with its data in var/cluster/postgres (kept between runs)."""
    bin_dir, data = _postgres_bin(), CLUSTER_DIR / "postgres"
    user = _server_user()
    if not (data / "PG_VERSION").exists():
        data.mkdir(parents=True, exist_ok=True)
        if user:
            entry = pwd.getpwnam(user)
            os.chown(data, entry.pw_uid, entry.pw_gid)
        command = [str(bin_dir / "initdb"), "-D", str(data), "-U", POSTGRES_USER, "--auth=trust", "-E", "UTF8",
                   "--no-locale"]
        subprocess.run(["runuser", "-u", user, "--", *command] if user else command, check=True,
                       capture_output=True, cwd=data)
    process = _child([str(bin_dir / "postgres"), "-D", str(data), "-p", str(port), "-k", str(data),
                      "-c", "listen_addresses=127.0.0.1"], "postgres.log", user, cwd=data)
    try:
        url = f"postgresql://{POSTGRES_USER}@127.0.0.1:{port}/postgres"
        _wait_for_port(port, process, "PostgreSQL")
        _wait_for_postgres(url)
        yield url
    finally:
        servers.stop(process)


def start_redis(port: int) -> subprocess.Popen:
    """Redis for the lock store only: nothing is written to disk."""
    directory = CLUSTER_DIR / "redis"
    directory.mkdir(parents=True, exist_ok=True)
    process = _child(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                      "--appendonly", "no", "--dir", str(directory)], "redis.log")
    _wait_for_port(port, process, "Redis")
    return process


def haproxy_config(front: int, action_front: int, rasa_ports: List[int], action_ports: List[int],
                   stats: int = 0) -> str:
    """HAProxy: consistent hashing per conversation to the Rasa replicas, round
    robin over healthy action servers."""
    rasa = "\n".join(f"  server rasa{i} 127.0.0.1:{p} check inter 2s fall 2 rise 1"
                     for i, p in enumerate(rasa_ports, 1))
    actions = "\n".join(f"  server actions{i} 127.0.0.1:{p} check inter 2s fall 2 rise 1"
                        for i, p in enumerate(action_ports, 1))
    return f"""global
  maxconn 2000
defaults
  mode http
  timeout connect 5s
  timeout client 120s
  timeout server 120s
  timeout tunnel 1h
  option redispatch
  retries 2
frontend rasa
  bind 127.0.0.1:{front}
  option forwardfor
  option http-buffer-request
  http-request set-var(txn.conversation) req.body,json_query('$.sender') if {{ path /webhooks/rest/webhook }}
  http-request set-var(txn.conversation) req.body,json_query('$.message.chat.id') if {{ path_beg /webhooks/telegram/ }}
  use_backend widget if {{ path_beg /socket.io/ }}
  default_backend rasa
backend rasa
  balance hash var(txn.conversation)
  hash-type consistent
  option httpchk GET /
  http-response set-header X-Rasa-Replica %[srv_name]
{rasa}
backend widget
  balance source
  hash-type consistent
  option httpchk GET /
{rasa}
frontend actions
  bind 127.0.0.1:{action_front}
  default_backend actions
backend actions
  balance roundrobin
  option httpchk GET /health
{actions}
""" + (f"listen stats\n  bind 127.0.0.1:{stats}\n  stats enable\n  stats uri /stats\n" if stats else "")


def wait_until_all_up(stats_url: str, servers_expected: int, timeout_s: float = 60) -> None:
    """Until HAProxy's own checks see every server UP: before that, the hash
    would send a conversation elsewhere once the late server comes up."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{stats_url};csv", timeout=5) as response:
            rows = [line.split(",") for line in response.read().decode().splitlines()[1:]]
        up = [row for row in rows if len(row) > 17 and row[1] not in {"FRONTEND", "BACKEND"} and row[17] == "UP"]
        if len(up) >= servers_expected:
            return
        time.sleep(0.5)
    raise RuntimeError(f"HAProxy did not see all {servers_expected} servers up within {timeout_s:.0f} s")


def _rasa_environment(cluster: Cluster, action_url: str) -> None:
    os.environ.update({"TRACKER_STORE_URL": cluster.database_url, "LOCK_STORE_TYPE": "redis",
                       "REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(cluster.redis_port),
                       "ACTION_ENDPOINT_URL": action_url, "SERVER_INTERFACE": "127.0.0.1",
                       "TRUSTED_PROXIES": PROXY_ADDRESS})


def create_tables(database_url: str) -> None:
    """The tracker store's and the case log's tables, made once before the
    replicas start, so they do not race to create them."""
    from bot.tracker_store import RedactingSQLTrackerStore
    from gedeeld import gespreksverslag

    RedactingSQLTrackerStore(domain=None, host=database_url)
    gespreksverslag.database(database_url)


@contextmanager
def running(model: Path, replicas: int, action_servers: int, front_port: int) -> Iterator[Cluster]:
    """The whole cluster, healthy, for the duration of the block."""
    settings.load()
    with ExitStack() as stack:
        database_url = stack.enter_context(postgres(servers.free_port()))
        create_tables(database_url)
        cluster = Cluster(f"http://127.0.0.1:{front_port}", database_url, servers.free_port())
        cluster.redis = start_redis(cluster.redis_port)
        # The Redis running at the end: the fault test restarts it mid-run.
        stack.callback(lambda: servers.stop(cluster.redis))  # type: ignore[arg-type]
        action_front = servers.free_port()
        _rasa_environment(cluster, f"http://127.0.0.1:{action_front}/webhook")
        action_ports = [servers.free_port() for _ in range(action_servers)]
        for i, port in enumerate(action_ports, 1):
            os.environ["ACTION_PORT"] = str(port)
            cluster.actions.append(servers.start_action_server(CLUSTER_DIR / "logs" / f"actions{i}.log"))
        cluster.rasa_ports = [servers.free_port() for _ in range(replicas)]
        for i, port in enumerate(cluster.rasa_ports, 1):
            os.environ["RASA_PORT"] = str(port)
            cluster.rasa.append(servers.start_rasa_server(model, CLUSTER_DIR / "logs" / f"rasa{i}.log"))
        stack.callback(lambda: servers.stop(*cluster.rasa, *cluster.actions))
        config = CLUSTER_DIR / "haproxy.cfg"
        stats_port = servers.free_port()
        config.write_text(haproxy_config(front_port, action_front, cluster.rasa_ports, action_ports, stats_port))
        cluster.haproxy = _child(["haproxy", "-f", str(config), "-db"], "haproxy.log")
        stack.callback(lambda: servers.stop(cluster.haproxy))  # type: ignore[arg-type]
        for process, port in zip(cluster.actions, action_ports, strict=True):
            servers.wait_until_up(f"http://127.0.0.1:{port}/health", process)
        for process, port in zip(cluster.rasa, cluster.rasa_ports, strict=True):
            # the replicas load their models at the same time, on the same cores
            servers.wait_until_up(f"http://127.0.0.1:{port}/", process, servers.STARTUP_TIMEOUT_S * replicas)
        servers.wait_until_up(f"{cluster.url}/", cluster.haproxy)
        # rasa and widget backends list every replica, actions every action server
        wait_until_all_up(f"http://127.0.0.1:{stats_port}/stats", 2 * replicas + action_servers)
        yield cluster


def replica_counts() -> tuple[int, int]:
    """N Rasa replicas and M action servers from the settings (.env)."""
    return int(settings.get("CLUSTER_RASA_REPLICAS")), int(settings.get("CLUSTER_ACTION_SERVERS"))


def describe(cluster: Cluster) -> str:
    return (f"Cluster draait: REST {cluster.url}/webhooks/rest/webhook, widget (socket.io) {cluster.url}, "
            f"{len(cluster.rasa)} Rasa-replica's (poorten {', '.join(map(str, cluster.rasa_ports))}), "
            f"{len(cluster.actions)} actieservers, PostgreSQL {cluster.database_url}, "
            f"Redis 127.0.0.1:{cluster.redis_port}. Logs: var/cluster/logs/. Stoppen: Ctrl-C.")


def bench(model: Path) -> int:
    """The bench's 20-conversation load through HAProxy, then on one process
    (as `make bench` runs it), and the ratio."""
    from bot import bench as one_process
    from bot import load

    replicas, action_servers = replica_counts()
    servers.no_rate_limits()
    embedded = dict(os.environ)
    with running(model, replicas, action_servers, servers.free_port()) as cluster:
        load.conversation(cluster.url, "warm-up", 3)
        through_cluster = load.run(cluster.url, one_process.CONCURRENT_CONVERSATIONS)
    # back to the embedded set-up (in-memory lock store): the cluster's Redis is gone
    os.environ.clear()
    os.environ.update(embedded)
    servers.use_free_ports()
    os.environ["TRACKER_STORE_URL"] = f"sqlite:///{settings.VAR_DIR / 'bench' / 'cluster-single.db'}"
    (settings.VAR_DIR / "bench" / "cluster-single.db").unlink(missing_ok=True)
    with servers.running(model, log_dir=settings.VAR_DIR / "bench"):
        url = one_process.local_url()
        load.conversation(url, "warm-up", 3)
        single = load.run(url, one_process.CONCURRENT_CONVERSATIONS)
    print(f"{one_process.CONCURRENT_CONVERSATIONS} conversations at once, {load.TURNS} turns each:")
    print(f"  cluster ({replicas} Rasa, {action_servers} actions): {through_cluster.line()}")
    print(f"  one process (SQLite, in-memory locks): {single.line()}")
    print(f"  ratio {through_cluster.throughput / single.throughput:.2f}x (2 shared cores: the replicas compete "
          "for the same CPU)")
    return 0
