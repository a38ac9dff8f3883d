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


def _policies(regel_zekerheid, events=(), ted_leest_tekst=False):
    """The policy part of Rasa's graph: a rule policy with the given confidence
    for action 0, a TED policy (only its priority and inputs matter here) and
    the ensemble that combines them, as Rasa's ensemble would."""
    from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
    from rasa.core.policies.policy import PolicyPrediction
    from rasa.core.policies.ted_policy import TEDPolicy
    from rasa.shared.nlu.constants import TEXT

    calls: list = []
    ted = TEDPolicy.__new__(TEDPolicy)
    ted.priority, ted.fake_features = 1, {TEXT: []} if ted_leest_tekst else {}

    def regel(*inputs):
        calls.append("rule")
        return "rule", PolicyPrediction([regel_zekerheid, 0.0, 0.0], "RulePolicy", 6)

    def ted_knoop(*inputs):
        calls.append("ted")
        return "ted", PolicyPrediction([0.1, 0.9, 0.0], "TEDPolicy", 1)

    def kies(*inputs):
        predictions = [value for name, value in inputs if name in ("rule", "ted")]
        return "ensemble", DefaultPolicyPredictionEnsemble._pick_best_policy(predictions)

    schema = {"rule": _node({"tracker": "__tracker__", "domain": "domain"}),
              "ted": _node({"tracker": "__tracker__", "domain": "domain"}),
              "domain": _node({}),
              "ensemble": _node({"policy0": "rule", "policy1": "ted", "tracker": "__tracker__"})}
    ted_node = type("TedKnoop", (), {"_component": ted, "__call__": lambda self, *i: ted_knoop(*i)})()
    nodes = {"rule": regel, "ted": ted_node, "ensemble": kies,
             "domain": lambda: ("domain", SimpleNamespace(num_actions=3))}
    runner = SimpleNamespace(_graph_schema=SimpleNamespace(nodes=schema, target_names=["ensemble"]),
                             _instantiated_nodes=nodes)
    tracker = SimpleNamespace(events=list(events))
    return calls, graph_runner.run(runner, {"__tracker__": tracker})["ensemble"]


def test_ted_is_left_out_when_a_rule_is_sure_and_the_rule_still_wins():
    calls, gekozen = _policies(1.0)
    assert calls == ["rule"]
    assert (gekozen.policy_name, gekozen.max_confidence_index) == ("RulePolicy", 0)


@pytest.mark.parametrize("zekerheid, events, tekst", [
    (0.8, (), False),  # a rule below 1.0: TED may be more confident
    (1.0, "afgewezen", False),  # after a rejected action the ensemble zeroes it in every prediction
    (1.0, (), True),  # a TED that reads texts may overrule with an end-to-end prediction
])
def test_ted_runs_whenever_its_prediction_could_win(zekerheid, events, tekst):
    from rasa.shared.core.events import ActionExecuted, ActionExecutionRejected

    gebeurd = [ActionExecuted("signalering_form"), ActionExecutionRejected("signalering_form")] if events else []
    calls, gekozen = _policies(zekerheid, gebeurd, tekst)
    assert calls == ["rule", "ted"]
    if zekerheid < 1.0:
        assert gekozen.policy_name == "TEDPolicy"
