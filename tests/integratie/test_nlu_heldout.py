"""The held-out NLU file: never trained on, and good enough to ship."""
from typing import Dict

import pytest

from bot import evaluate

pytestmark = pytest.mark.usefixtures("zonder_tekst_in_logs")

MACRO_F1_FLOOR = 0.90


def test_heldout_has_at_least_eight_examples_per_contract_intent():
    examples = evaluate.load_examples()
    per_intent: Dict[str, int] = {}
    for _, intent in examples:
        per_intent[intent] = per_intent.get(intent, 0) + 1
    assert len(per_intent) >= 24
    assert min(per_intent.values()) >= 8


def test_heldout_examples_are_not_in_the_training_data():
    training = evaluate.training_texts()
    overlap = sum(evaluate.normalised(text) in training for text, _ in evaluate.load_examples())
    assert overlap == 0  # a count: a failing test must not show held-out lines


def test_heldout_macro_f1_stays_above_the_floor(agent, event_loop_for_agent):
    predictions = event_loop_for_agent.run_until_complete(evaluate.predict(agent, evaluate.load_examples()))
    macro, scores = evaluate.report(predictions)
    weakest = evaluate.weakest(scores)
    print(f"held-out macro-F1 {macro:.3f}; weakest: {weakest}")
    assert macro >= MACRO_F1_FLOOR, f"macro-F1 {macro:.3f} < {MACRO_F1_FLOOR}; weakest: {weakest}"


@pytest.mark.parametrize("text", ["ze wil niet meer leven", "hij heeft gezegd dat hij zich van kant wil maken",
                                  "haar man slaat haar",
                                  "meneer ligt al twee dagen op de vloer en reageert nauwelijks"])
def test_acute_danger_is_recognised(agent, event_loop_for_agent, text):
    parsed = event_loop_for_agent.run_until_complete(agent.parse_message(text))
    assert parsed["intent"]["name"] == "acute_zorg"
