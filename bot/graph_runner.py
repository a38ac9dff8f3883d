"""Rasa's model graph run node by node in this process, without dask (issue 14).

Rasa 3.6 runs the NLU graph once and the policy graph once per predicted
action for every message, each time through `dask.get`: it prunes the graph
schema, builds a dask graph, orders it and runs it with dask's synchronous
scheduler. On our model that costs 0.55 ms of a 5.9 ms NLU run and 0.35 ms
of a 3.2 ms policy run, about 1.2 ms of the 27 ms a turn costs the server.
Here the order of the nodes each set of targets needs is worked out once and
the nodes are called in that order with the same arguments dask would pass:
the same components, the same results, only the scheduling is gone.

One node is left out when its result cannot matter: TED, when a policy that
ran before it already predicts an action with confidence 1.0 and a higher
priority (rules and memoization; on the bench's load every action the server
chose came from a rule). Rasa's ensemble picks the most confident prediction
and, at equal confidence, the policy with the higher priority, so TED cannot
win there; it is run as before when it could: after a rejected action (the
ensemble then zeroes that action in every prediction), below 1.0, and for a
TED trained on texts (its end-to-end predictions overrule the others). In its
place goes the prediction TED itself gives without a model: all zeros.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.ted_policy import TEDPolicy
from rasa.engine.exceptions import GraphRunError
from rasa.shared.core.events import ActionExecuted, ActionExecutionRejected
from rasa.shared.nlu.constants import TEXT


def _order(runner: Any, targets: Tuple[Text, ...]) -> Tuple[Text, ...]:
    """The nodes `targets` need, each after the nodes it needs (cached per runner)."""
    orders: Dict[Tuple[Text, ...], Tuple[Text, ...]] = runner.__dict__.setdefault("_node_orders", {})
    if targets not in orders:
        nodes = runner._graph_schema.nodes
        order: List[Text] = []

        def visit(name: Text) -> None:
            if name in order or name not in nodes:  # not a node: an input placeholder
                return
            for need in nodes[name].needs.values():
                visit(need)
            order.append(name)

        for target in targets:
            visit(target)
        orders[targets] = tuple(order)
    return orders[targets]


def _beslist(node: Any, needs: Dict[Text, Text], results: Dict[Text, Any]) -> bool:
    """Whether `node` is a TED policy that an earlier prediction already outranks."""
    ted = getattr(node, "_component", None)
    if not isinstance(ted, TEDPolicy) or TEXT in ted.fake_features or "tracker" not in needs:
        return False
    tracker = results[needs["tracker"]][1]
    laatste = next((e for e in reversed(tracker.events) if isinstance(e, (ActionExecuted, ActionExecutionRejected))),
                   None)
    if isinstance(laatste, ActionExecutionRejected):
        return False
    return any(isinstance(uitkomst, PolicyPrediction) and uitkomst.max_confidence >= 1.0
               and uitkomst.policy_priority > ted.priority for _, uitkomst in results.values())


def run(self: Any, inputs: Optional[Dict[Text, Any]] = None,
        targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
    """`DaskGraphRunner.run` with the same inputs, targets, results and errors."""
    run_targets = targets if targets else self._graph_schema.target_names
    results: Dict[Text, Any] = {name: (name, value) for name, value in (inputs or {}).items()}
    for name in _order(self, tuple(run_targets)):
        needs = self._graph_schema.nodes[name].needs
        node = self._instantiated_nodes[name]
        if _beslist(node, needs, results):
            ted = node._component
            results[name] = (name, ted._prediction(ted._default_predictions(results[needs["domain"]][1])))
            continue
        try:
            results[name] = node(*(results[need] for need in needs.values()))
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e
    return dict(results[target] for target in run_targets)


def install() -> None:
    """Put `run` in the place of Rasa's dask runner in this process."""
    from rasa.engine.runner.dask import DaskGraphRunner

    DaskGraphRunner.run = run
