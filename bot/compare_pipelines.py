"""Compare NLU pipelines on the held-out file: macro-F1 and training time.

    python -m bot.compare_pipelines [--seed N] [NAME ...]

`config` is the pipeline in config.yml as it is; every other NAME is an
alternative in bot/pipelines/NAME.yml that replaces it. Only NLU is trained
(into var/compare/), so the policies do not count.
"""
from __future__ import annotations

import argparse
import asyncio
import time

import yaml

from actions.algemeen.yamlbestand import lees_mapping
from bot import evaluate, rasa_cli
from gedeeld import settings

PIPELINES_DIR = settings.ROOT / "bot" / "pipelines"


def train_nlu(name: str, seed: int | None = None) -> float:
    out = settings.VAR_DIR / "compare"
    out.mkdir(parents=True, exist_ok=True)
    config = lees_mapping(settings.ROOT / "config.yml")
    if name != "config":
        alternative = lees_mapping(PIPELINES_DIR / f"{name}.yml")
        config["pipeline"] = alternative["pipeline"]
    if seed is not None:
        for component in config["pipeline"]:
            if "random_seed" in component:
                component["random_seed"] = seed
    config_path = out / f"{name}.config.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    started = time.monotonic()
    rasa_cli.run("train", "nlu", "--config", str(config_path), "--nlu", "data/nlu",
                 "--out", str(out), "--fixed-model-name", name)
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("names", nargs="*", default=["config", *sorted(p.stem for p in PIPELINES_DIR.glob("*.yml"))])
    parser.add_argument("--seed", type=int, help="override the classifier's random seed")
    args = parser.parse_args()
    settings.load()
    rows = []
    for name in args.names:
        seconds = train_nlu(name, args.seed)
        agent = evaluate.load_agent(settings.VAR_DIR / "compare" / f"{name}.tar.gz")
        macro, scores = evaluate.report(asyncio.run(evaluate.predict(agent, evaluate.load_examples())))
        weakest = ", ".join(f"{i} {s:.2f}" for i, s in evaluate.weakest(scores))
        rows.append((name, macro, seconds, weakest))
    print("\npipeline     macro-F1  training (s)  weakest intents")
    for name, macro, seconds, weakest in rows:
        print(f"{name:<12} {macro:.3f}     {seconds:6.0f}        {weakest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
