"""The graph run node by node (bot/graph_runner.py, used by every Rasa server
we start) reads every message and predicts every action exactly as Rasa's
dask runner does, on the trained model."""
import pytest
from rasa.core.channels.channel import UserMessage
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.events import UserUttered
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
