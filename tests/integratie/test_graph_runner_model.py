"""The graph run node by node (bot/graph_runner.py, used by every Rasa server
we start) reads every message and predicts every action exactly as Rasa's
dask runner does, on the trained model."""
import uuid

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.events import ActionExecuted, ActionExecutionRejected, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import graph_runner

BERICHTEN = ["hallo", "wat zijn signalen van eenzaamheid?", "mw 81 komt niet meer buiten sinds haar man overleed",
             "Hij wil er niet meer zijn", "ja graag", "🙂", ""]


@pytest.mark.parametrize("tekst", BERICHTEN)
def test_the_parse_and_the_next_action_are_the_same_as_with_dask(agent, tekst):
    assert DaskGraphRunner.run is not graph_runner.run  # this process compares, it does not install
    processor = agent.processor
    runner = processor.graph_runner
    tracker = DialogueStateTracker.from_events("vergelijk", [])
    nlu = {"__message__": [UserMessage(tekst, sender_id="vergelijk")], "__tracker__": tracker}
    doel = [processor.model_metadata.nlu_target]
    met_dask, zonder = DaskGraphRunner.run(runner, nlu, doel), graph_runner.run(runner, nlu, doel)
    uitvoer = [[m.as_dict(only_output_properties=True) for m in r[doel[0]]] for r in (zonder, met_dask)]
    assert uitvoer[0] == uitvoer[1] and uitvoer[0][0]["intent"]["name"]

    parse = met_dask[doel[0]][0].as_dict(only_output_properties=True)
    tracker.update(UserUttered(tekst, parse.get("intent"), parse.get("entities", [])))
    core = {"__tracker__": tracker}
    doel = [processor.model_metadata.core_target]
    verwacht = DaskGraphRunner.run(runner, core, doel)[doel[0]]
    gekregen = graph_runner.run(runner, core, doel)[doel[0]]
    assert (gekregen.max_confidence_index, gekregen.policy_name, gekregen.probabilities) == (
        verwacht.max_confidence_index, verwacht.policy_name, verwacht.probabilities)


GESPREKKEN = [  # the messages, and whether the form rejects one of them (TED then runs)
    (["hallo", "mw 81 komt niet meer buiten sinds haar man overleed", "weet ik niet", "wat is eenzaamheid?",
      "ja", "al jaren", "nee", "stop"], True),
    (["ik wil een gesprek oefenen", "Goedemiddag, hoe gaat het met u vandaag?", "Wat fijn dat u er bent", "stop"],
     False),
    (["Hij wil er niet meer zijn", "ja", "dank je"], False),
]


def _gesprek(agent, loop, berichten):
    """The actions chosen (with policy and confidence) and how many answers each message got
    (their words may differ: the practice partner varies what the client says)."""
    sender = f"vergelijk-{uuid.uuid4().hex[:8]}"
    antwoorden = [len(loop.run_until_complete(agent.handle_text(bericht, sender_id=sender))) for bericht in berichten]
    gebeurd = loop.run_until_complete(agent.tracker_store.retrieve(sender)).events
    acties = [(e.action_name, e.policy, e.confidence) for e in gebeurd if isinstance(e, ActionExecuted)]
    return acties, antwoorden, any(isinstance(e, ActionExecutionRejected) for e in gebeurd)


@pytest.mark.parametrize("berichten, afgewezen", GESPREKKEN)
def test_whole_conversations_choose_the_same_actions_as_with_dask_while_ted_is_left_out(
        agent, event_loop_for_agent, monkeypatch, berichten, afgewezen):
    met_dask = _gesprek(agent, event_loop_for_agent, berichten)
    monkeypatch.setattr(DaskGraphRunner, "run", graph_runner.run)
    zonder = _gesprek(agent, event_loop_for_agent, berichten)
    assert zonder == met_dask
    assert zonder[2] == afgewezen
    assert any(policy == "RulePolicy" for _, policy, _ in zonder[0])
