"""Rasa's graph run node by node (bot/graph_runner.py), on a small graph of
plain callables shaped like Rasa's: each node gets (name, output) pairs of the
nodes it needs and returns its own pair."""
from types import SimpleNamespace

import pytest
from rasa.engine.exceptions import GraphRunError

from bot import graph_runner


def _node(needs):
    return SimpleNamespace(needs=needs)


def _runner(calls, fail=None):
    schema = {
        "tokens": _node({"messages": "__message__"}),
        "features": _node({"messages": "tokens"}),
        "intent": _node({"messages": "features"}),
        "policy": _node({"tracker": "__tracker__", "messages": "intent"}),
    }

    def component(name):
        def call(*inputs):
            calls.append(name)
            if name == fail:
                raise RuntimeError("kapot")
            return name, [value for _, value in inputs]
        return call

    return SimpleNamespace(_graph_schema=SimpleNamespace(nodes=schema, target_names=["policy"]),
                           _instantiated_nodes={name: component(name) for name in schema})


def test_each_node_runs_once_after_what_it_needs_and_the_targets_come_back():
    calls: list = []
    runner = _runner(calls)
    result = graph_runner.run(runner, {"__message__": "hallo"}, ["intent"])
    assert calls == ["tokens", "features", "intent"]
    assert result == {"intent": [[["hallo"]]]}


def test_without_targets_the_graphs_own_targets_run_and_an_unneeded_input_is_ignored():
    calls: list = []
    result = graph_runner.run(_runner(calls), {"__message__": "hoi", "__tracker__": "t", "extra": 1})
    assert calls == ["tokens", "features", "intent", "policy"]
    assert result == {"policy": ["t", [[["hoi"]]]]}


def test_a_component_that_fails_gives_rasas_graph_error():
    with pytest.raises(GraphRunError, match="Error running runner"):
        graph_runner.run(_runner([], fail="features"), {"__message__": "hallo"}, ["intent"])
