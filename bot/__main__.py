"""Command line: `python -m bot {validate,train,run,shell,test-stories,bench,cluster}`."""
from __future__ import annotations

import argparse
import signal
import sys

from bot import model, rasa_cli, servers
from gedeeld import settings


def cmd_validate(_: argparse.Namespace) -> int:
    model.validate()
    return 0


def cmd_train(_: argparse.Namespace) -> int:
    model.ensure_model()
    return 0


def cmd_run(_: argparse.Namespace) -> int:
    path = model.ensure_model()
    # Explicit handlers: a process started in the background inherits an
    # ignored SIGINT, and both servers must stop on Ctrl-C or a kill.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        with servers.running(path), servers.demo_site() as demo:
            port = settings.get("RASA_PORT")
            print(f"De assistent draait. REST: http://localhost:{port}/webhooks/rest/webhook "
                  f"(acties op poort {settings.get('ACTION_PORT')}). Stoppen: Ctrl-C.", flush=True)
            print(f"Demo-intranetpagina met de chatwidget: {demo}", flush=True)
            signal.pause()
    except KeyboardInterrupt:
        pass
    print("Gestopt: Rasa-server en actieserver zijn afgesloten.")
    return 0


def cmd_shell(_: argparse.Namespace) -> int:
    from bot import shell
    return shell.main(model.ensure_model())


def cmd_test_stories(_: argparse.Namespace) -> int:
    path = model.ensure_model()
    servers.use_free_ports()
    actions = servers.start_action_server()
    try:
        servers.wait_until_up(servers.action_server_url(), actions)
        result = rasa_cli.run(
            "test", "core", "--model", str(path), "--stories", "tests/stories",
            "--endpoints", "endpoints.yml", "--fail-on-prediction-errors", "--out", "results",
            check=False,
        )
    finally:
        servers.stop(actions)
    return result.returncode


def cmd_bench(_: argparse.Namespace) -> int:
    from bot import bench
    return bench.main()


def cmd_cluster(args: argparse.Namespace) -> int:
    from bot import cluster
    path = model.ensure_model()
    if args.bench:
        return cluster.bench(path)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    replicas, action_servers = cluster.replica_counts()
    try:
        with cluster.running(path, replicas, action_servers, int(settings.get("CLUSTER_PORT"))) as running:
            print(cluster.describe(running), flush=True)
            signal.pause()
    except KeyboardInterrupt:
        pass
    print("Gestopt: HAProxy, Rasa-replica's, actieservers, Redis en PostgreSQL zijn afgesloten.")
    return 0


def main(argv: list[str] | None = None) -> int:
    settings.load()
    parser = argparse.ArgumentParser(prog="python -m bot")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, handler in [("validate", cmd_validate), ("train", cmd_train), ("run", cmd_run),
                          ("shell", cmd_shell), ("test-stories", cmd_test_stories), ("bench", cmd_bench)]:
        commands.add_parser(name).set_defaults(handler=handler)
    cluster = commands.add_parser("cluster", help="N Rasa replicas and M action servers behind HAProxy")
    cluster.add_argument("--bench", action="store_true", help="the 20-conversation load, cluster vs one process")
    cluster.set_defaults(handler=cmd_cluster)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
