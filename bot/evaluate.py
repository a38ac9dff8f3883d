"""Held-out NLU evaluation: macro-F1 per intent, and the fallback threshold.

`tests/nlu_heldout.yml` is never trained on (training reads only data/nlu).
Used by the held-out test, by `make bench` and by
`python -m bot.evaluate [--tune] [--bestand F]` during development.

Only a development set (`--bestand tests/nlu_ontwikkel.yml`) shows the lines
the model got wrong: the held-out set's lines are never printed, so nobody
tunes on them.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Sequence, Set, Tuple

from actions.algemeen.yamlbestand import lees_yaml
from gedeeld import settings

HELDOUT_FILE = settings.ROOT / "tests" / "nlu_heldout.yml"
ONTWIKKEL_FILE = settings.ROOT / "tests" / "nlu_ontwikkel.yml"
# Written apart later, with no line equal to a training line (the first set has since
# shared some of its lines with the training data).
ONTWIKKEL_FILE_2 = settings.ROOT / "tests" / "nlu_ontwikkel_2.yml"
FALLBACK_INTENT = "nlu_fallback"
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


@dataclass(frozen=True)
class Voorspelling:
    tekst: str
    verwacht: str
    intent: str          # after the FallbackClassifier (may be nlu_fallback)
    beste_intent: str    # the best real intent, ignoring the fallback
    zekerheid: float     # the confidence of beste_intent


def plain_text(example: str) -> str:
    """`[Den Bosch]{"entity": ...}` -> `Den Bosch`."""
    return ANNOTATION.sub(r"\1", example).strip()


def normalised(text: str) -> str:
    """Lower case without punctuation: how an evaluation line is compared with training."""
    return re.sub(r"[^\w ]", "", text.lower()).strip()


def training_texts() -> Set[str]:
    """Every example of data/nlu, without annotations, normalised: what an evaluation
    set must not contain."""
    return {normalised(plain_text(regel.strip()[2:]))
            for pad in (settings.DATA_DIR / "nlu").glob("*.yml")
            for regel in pad.read_text(encoding="utf-8").splitlines() if regel.strip().startswith("- ")}


def load_examples(path: Path = HELDOUT_FILE) -> List[Tuple[str, str]]:
    """(text, intent) from Rasa's NLU format, or from a development set's
    `intents: {intent: [text, ...]}`."""
    data = lees_yaml(path)
    if "intents" in data:
        return [(plain_text(text), intent) for intent, texts in data["intents"].items() for text in texts]
    examples = []
    for block in data.get("nlu", []):
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            line = line.strip()
            if line.startswith("- "):
                examples.append((plain_text(line[2:]), block["intent"]))
    return examples


def f1_per_intent(gold: Sequence[str], predicted: Sequence[str]) -> Dict[str, float]:
    """F1 for every gold intent; a fallback counts as a wrong prediction."""
    pairs = list(zip(gold, predicted, strict=False))
    scores = {}
    for intent in sorted(set(gold)):
        tp = sum(1 for g, p in pairs if g == intent and p == intent)
        fp = sum(1 for g, p in pairs if g != intent and p == intent)
        fn = sum(1 for g, p in pairs if g == intent and p != intent)
        scores[intent] = 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
    return scores


def weakest(scores: Dict[str, float], count: int = 3) -> List[Tuple[str, float]]:
    return sorted(scores.items(), key=lambda kv: kv[1])[:count]


def macro_f1(scores: Dict[str, float]) -> float:
    return sum(scores.values()) / len(scores) if scores else 0.0


async def predict(agent, examples: Iterable[Tuple[str, str]]) -> List[Voorspelling]:
    result = []
    for text, expected in examples:
        parsed = await agent.parse_message(text)
        ranking = [r for r in parsed.get("intent_ranking", []) if r["name"] != FALLBACK_INTENT]
        best: Dict[str, Any] = ranking[0] if ranking else {"name": FALLBACK_INTENT, "confidence": 0.0}
        result.append(Voorspelling(text, expected, parsed["intent"]["name"], best["name"], best["confidence"]))
    return result


def report(predictions: Sequence[Voorspelling]) -> Tuple[float, Dict[str, float]]:
    scores = f1_per_intent([p.verwacht for p in predictions], [p.intent for p in predictions])
    return macro_f1(scores), scores


def threshold_table(predictions: Sequence[Voorspelling],
                    thresholds: Sequence[float]) -> List[Tuple[float, float, int, int]]:
    """For each threshold: macro-F1, wrong answers let through, right answers
    turned into a fallback. A wrong answer is worse for a worker than being
    asked to rephrase, so the tuning looks at all three."""
    rows = []
    for threshold in thresholds:
        predicted = [p.beste_intent if p.zekerheid >= threshold else FALLBACK_INTENT for p in predictions]
        gold = [p.verwacht for p in predictions]
        wrong = sum(1 for g, q in zip(gold, predicted, strict=True) if q not in (g, FALLBACK_INTENT))
        lost = sum(1 for p, q in zip(predictions, predicted, strict=True)
                   if q == FALLBACK_INTENT and p.beste_intent == p.verwacht)
        rows.append((threshold, macro_f1(f1_per_intent(gold, predicted)), wrong, lost))
    return rows


def load_agent(model_path: Path):
    """The model in this process, with Rasa's structlog at WARNING: unconfigured,
    it prints every parsed message, and held-out lines must not reach a screen."""
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    return Agent.load(str(model_path))


def main() -> int:
    from bot import model

    parser = argparse.ArgumentParser(description="Held-out NLU scores of the current model")
    parser.add_argument("--tune", action="store_true", help="print the fallback threshold table")
    parser.add_argument("--bestand", type=Path, default=HELDOUT_FILE,
                        help="examples to score (default: the held-out set; for tuning: "
                             f"{ONTWIKKEL_FILE.name} or {ONTWIKKEL_FILE_2.name})")
    args = parser.parse_args()
    settings.load()
    agent = load_agent(model.ensure_model())
    bekend = set(agent.domain.intents)
    predictions = asyncio.run(predict(agent, [(t, i) for t, i in load_examples(args.bestand) if i in bekend]))
    macro, scores = report(predictions)
    print(f"macro-F1 {macro:.3f} over {len(predictions)} examples of {args.bestand.name} "
          f"(intents the model does not know are left out)")
    for intent, score in sorted(scores.items(), key=lambda kv: kv[1]):
        print(f"  {score:.3f}  {intent}")
    if args.bestand.resolve() != HELDOUT_FILE.resolve():
        for p in predictions:
            if p.intent != p.verwacht:
                print(f"  fout: {p.verwacht} -> {p.intent} ({p.beste_intent} {p.zekerheid:.2f}): {p.tekst}")
    if args.tune:
        print("threshold  macro-F1  wrong  lost-to-fallback")
        for threshold, f1, wrong, lost in threshold_table(predictions, [x / 20 for x in range(0, 19)]):
            print(f"  {threshold:.2f}     {f1:.3f}    {wrong:3d}    {lost:3d}")
    counts = Counter(p.verwacht for p in predictions)
    print(f"{len(counts)} intents, {min(counts.values())}-{max(counts.values())} examples each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
