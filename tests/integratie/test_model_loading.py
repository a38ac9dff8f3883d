"""DIET and TED loaded without Rasa's training step (bot/model_loading.py,
used by every Rasa server we start) read every message and predict every
action exactly as the models Rasa loads itself, on the trained model."""
import asyncio

import pytest
from rasa.core.agent import Agent
from rasa.core.policies.ted_policy import TEDPolicy
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.tensorflow.models import RasaModel

from actions.algemeen.yamlbestand import lees_mapping
from bot import model_loading
from gedeeld import settings


@pytest.fixture(scope="module")
def zuinig_agent(trained_model):
    """The same model, loaded the way our servers load it."""
    rasa_load = RasaModel.load
    RasaModel.load = classmethod(model_loading._with_rasas_finetuning(rasa_load.__func__))
    try:
        return Agent.load(str(trained_model))
    finally:
        RasaModel.load = rasa_load


def _berichten():
    """The NLU development examples (tests/nlu_ontwikkel.yml), a crisis line and odd input."""
    voorbeelden = lees_mapping(settings.ROOT / "tests" / "nlu_ontwikkel.yml")
    teksten = [tekst for regels in (voorbeelden.get("intents") or {}).values() for tekst in regels]
    return teksten[:120] + ["Hij wil er niet meer zijn", "🙂", "", "x" * 500]


def _component(agent, soort):
    return next(node._component for node in agent.processor.graph_runner._instantiated_nodes.values()
                if isinstance(getattr(node, "_component", None), soort))


def test_the_models_carry_nothing_of_a_training_step(agent, zuinig_agent):
    """Rasa's own loading leaves an Adam optimizer with its slots on both models."""
    for soort in (DIETClassifier, TEDPolicy):
        assert _component(agent, soort).model.optimizer is not None
        assert _component(zuinig_agent, soort).model.optimizer is None


def test_every_message_gets_exactly_the_same_reading(agent, zuinig_agent):
    berichten = _berichten()
    assert len(berichten) > 100
    for tekst in berichten:
        verwacht = asyncio.run(agent.parse_message(tekst))
        gekregen = asyncio.run(zuinig_agent.parse_message(tekst))
        assert gekregen["intent_ranking"] == verwacht["intent_ranking"], tekst
        assert gekregen["entities"] == verwacht["entities"], tekst


@pytest.mark.parametrize("intent", ["begroeten", "casus_beschrijven", "acute_zorg", "oefenen_starten"])
def test_ted_predicts_exactly_the_same_next_action(agent, zuinig_agent, intent):
    tracker = DialogueStateTracker.from_events("vergelijk", [
        ActionExecuted("action_session_start"), ActionExecuted("action_listen"),
        UserUttered("tekst", {"name": intent, "confidence": 1.0})])
    domein = agent.domain
    verwacht = _component(agent, TEDPolicy).predict_action_probabilities(tracker, domein)
    gekregen = _component(zuinig_agent, TEDPolicy).predict_action_probabilities(tracker, domein)
    assert gekregen.probabilities == verwacht.probabilities
    assert max(gekregen.probabilities) > 0
