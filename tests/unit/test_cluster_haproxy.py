"""bot/cluster.py without a model: HAProxy, as the cluster configures it,
passes each client's address on, and the replicas believe it from HAProxy
only, so the per-address rate limit counts clients, not HAProxy."""
from __future__ import annotations

import shutil
import subprocess
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator, List

import pytest

from bot import cluster, servers
from bot.channels import limits


class Replica(BaseHTTPRequestHandler):
    """A stand-in Rasa replica that keeps each request's X-Forwarded-For lines."""
    forwarded: List[List[str]] = []

    def do_GET(self) -> None:  # HAProxy's health check
        self._answer()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Replica.forwarded.append(self.headers.get_all("X-Forwarded-For") or [])
        self._answer()

    def _answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"[]")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def haproxy_before_a_replica(tmp_path: Path) -> Iterator[str]:
    """HAProxy with the cluster's configuration in front of one stand-in replica."""
    if shutil.which("haproxy") is None:
        pytest.fail("haproxy is not installed (apt-get install haproxy; .ci/run does it)")
    replica = ThreadingHTTPServer(("127.0.0.1", 0), Replica)
    threading.Thread(target=replica.serve_forever, daemon=True).start()
    front = servers.free_port()
    config = tmp_path / "haproxy.cfg"
    config.write_text(cluster.haproxy_config(front, servers.free_port(), [replica.server_address[1]],
                                             [servers.free_port()]))
    process = subprocess.Popen(["haproxy", "-f", str(config), "-db"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        cluster._wait_for_port(front, process, "HAProxy", timeout_s=20)
        yield f"http://127.0.0.1:{front}"
    finally:
        servers.stop(process)
        replica.shutdown()


def test_haproxy_passes_the_client_address_to_the_replica(haproxy_before_a_replica, monkeypatch):
    """A reverse proxy on the host sent the worker's address; HAProxy appends its own client (127.0.0.1)."""
    Replica.forwarded.clear()
    request = urllib.request.Request(f"{haproxy_before_a_replica}/webhooks/rest/webhook", method="POST",
                                     data=b'{"sender": "a", "message": "hoi"}',
                                     headers={"Content-Type": "application/json", "X-Forwarded-For": "198.51.100.7"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
    assert Replica.forwarded == [["198.51.100.7", "127.0.0.1"]]
    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1")
    assert limits.client_address("127.0.0.1", ",".join(Replica.forwarded[0])) == "198.51.100.7"


def test_the_replicas_trust_haproxy_and_nobody_else(monkeypatch):
    for name in ("TRACKER_STORE_URL", "LOCK_STORE_TYPE", "REDIS_HOST", "REDIS_PORT", "ACTION_ENDPOINT_URL",
                 "SERVER_INTERFACE", "TRUSTED_PROXIES"):
        monkeypatch.setenv(name, "")  # restored after the test
    cluster._rasa_environment(cluster.Cluster("http://127.0.0.1:1", "postgresql://rasa@127.0.0.1:2/postgres", 3),
                              "http://127.0.0.1:4/webhook")
    assert limits.client_address("127.0.0.1", "198.51.100.7") == "198.51.100.7"
    assert limits.client_address("192.0.2.5", "198.51.100.7") == "192.0.2.5"  # a forged header from elsewhere
