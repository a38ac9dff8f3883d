"""deploy/: the Kubernetes manifests validate against the Kubernetes 1.28
schemas offline (kubernetes-validate), the compose file describes the
cluster's topology, and both HAProxy configurations route as `make cluster`
does (bot/cluster.py) and pass `haproxy -c`."""
from __future__ import annotations

import ipaddress
import shutil
import subprocess
from pathlib import Path
from typing import List

import kubernetes_validate
import pytest
import yaml

from bot import servers
from bot.cluster import haproxy_config
from gedeeld.settings import ROOT

DEPLOY = ROOT / "deploy"
KUBERNETES_VERSION = "1.28.0"


def manifests() -> List[dict]:
    return [doc for path in sorted((DEPLOY / "kubernetes").glob("*.yaml"))
            for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]


def k8s_haproxy_config() -> str:
    return next(doc for doc in manifests() if doc["kind"] == "ConfigMap" and doc["metadata"]["name"] == "haproxy"
                )["data"]["haproxy.cfg"]


def routing(config: str) -> List[str]:
    """The lines that decide which replica gets a message."""
    keys = ("http-request set-var", "balance", "hash-type", "use_backend", "option http-buffer-request")
    return [line.strip() for line in config.splitlines() if line.strip().startswith(keys)]


def section(config: str, name: str) -> List[str]:
    """The lines of HAProxy's section `name` (for example "frontend rasa")."""
    lines = [line.strip() for line in config.splitlines()]
    start = lines.index(name) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith(SECTIONS)), len(lines))
    return lines[start:end]


SECTIONS = ("global", "defaults", "frontend ", "backend ", "listen ", "resolvers ")
HAPROXY_CONFIGS = {"make cluster": haproxy_config(1, 2, [3], [4]), "kubernetes": k8s_haproxy_config(),
                   "compose": (DEPLOY / "haproxy-compose.cfg").read_text()}


@pytest.mark.parametrize("manifest", manifests(), ids=lambda d: f"{d['kind']}/{d['metadata']['name']}")
def test_every_manifest_is_valid_kubernetes(manifest: dict) -> None:
    kubernetes_validate.validate(manifest, KUBERNETES_VERSION, strict=True)


def test_rasa_and_actions_have_probes_and_resources() -> None:
    deployments = {d["metadata"]["name"]: d for d in manifests() if d["kind"] == "Deployment"}
    for name in ("rasa", "actions"):
        container = deployments[name]["spec"]["template"]["spec"]["containers"][0]
        assert container["readinessProbe"] and container["livenessProbe"]
        assert container["resources"]["requests"]["memory"] and container["resources"]["limits"]["memory"]


def test_postgres_and_redis_are_external_services() -> None:
    services = {d["metadata"]["name"]: d for d in manifests() if d["kind"] == "Service"}
    assert services["postgres"]["spec"]["type"] == services["redis"]["spec"]["type"] == "ExternalName"


@pytest.mark.parametrize("config", [k8s_haproxy_config(), (DEPLOY / "haproxy-compose.cfg").read_text()],
                         ids=["kubernetes", "compose"])
def test_haproxy_routes_as_make_cluster_does(config: str, tmp_path: Path) -> None:
    assert routing(config) == routing(haproxy_config(1, 2, [3], [4]))[:len(routing(config))]
    assert "json_query('$.sender')" in config
    if shutil.which("haproxy") is None:
        pytest.fail("haproxy is not installed (apt-get install haproxy; .ci/run does it)")
    (tmp_path / "haproxy.cfg").write_text(config)
    result = subprocess.run(["haproxy", "-c", "-f", str(tmp_path / "haproxy.cfg")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("config", HAPROXY_CONFIGS.values(), ids=HAPROXY_CONFIGS.keys())
def test_haproxy_tells_the_replicas_the_client_address(config: str) -> None:
    """Else every message comes from HAProxy and the per-address limit counts all workers as one."""
    assert "option forwardfor" in section(config, "frontend rasa")


def test_the_rasa_servers_trust_the_proxies_in_front_of_them() -> None:
    rasa = next(d for d in manifests() if d["kind"] == "Deployment" and d["metadata"]["name"] == "rasa")
    env = {e["name"]: e["value"] for e in rasa["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert ipaddress.ip_network(env["TRUSTED_PROXIES"]).is_private
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    subnet = compose["networks"]["default"]["ipam"]["config"][0]["subnet"]
    assert compose["services"]["rasa"]["environment"]["TRUSTED_PROXIES"] == subnet


def test_compose_has_the_cluster_topology() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "actions", "rasa", "haproxy"}
    assert services["rasa"]["environment"]["LOCK_STORE_TYPE"] == "redis"
    assert services["rasa"]["environment"]["TRACKER_STORE_URL"].startswith("postgresql://")
    assert services["rasa"]["deploy"]["replicas"] >= 2 and services["actions"]["deploy"]["replicas"] >= 2
    assert all(port.startswith("127.0.0.1:") for port in services["haproxy"]["ports"])


def make_run_action_server(monkeypatch: pytest.MonkeyPatch) -> List[str]:
    """The command `make run` starts the action server with on port 5055 (bot/servers.py)."""
    started: List[List[str]] = []
    monkeypatch.setenv("ACTION_PORT", "5055")
    monkeypatch.setattr(servers, "ensure_port_free", lambda name: None)
    monkeypatch.setattr(servers, "_start", lambda args, log, command: started.append(command))
    servers.start_action_server()
    return started[0]


def test_deploy_starts_the_projects_action_server_as_make_run_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not rasa_sdk's own `rasa run actions`: that one has no token check and logs the tracker unredacted."""
    command = make_run_action_server(monkeypatch)
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))["services"]["actions"]
    kubernetes = next(d for d in manifests() if d["kind"] == "Deployment" and d["metadata"]["name"] == "actions"
                      )["spec"]["template"]["spec"]["containers"][0]
    for deployed, env in ((compose["command"], compose["environment"]),
                          (kubernetes["command"], {e["name"]: e["value"] for e in kubernetes["env"]})):
        assert deployed[0] == "python" and deployed[1:] == command[1:]
        assert env["SANIC_HOST"] == "0.0.0.0"  # reachable from the Rasa servers, so ACTION_TOKEN is required
