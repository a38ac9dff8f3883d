"""`make bench`: held-out NLU scores, REST latency, training time and memory,
and the practice partner's move classifier (rules, NLU, both: bot/oefenen_bench.py).

Starts its own action and Rasa servers on free ports with a fresh SQLite
database under var/bench/, so it never touches a running `make run`. Every
request goes to localhost only, and every loop is bounded.
"""
from __future__ import annotations

import asyncio
import json
import os
import statistics
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import List

from bot import crisis_bench, evaluate, model, oefenen_bench, servers
from gedeeld import settings

CONVERSATION = ["hallo", "wat zijn signalen van eenzaamheid?", "vertel meer", "welke typen isolement zijn er?",
                "ja graag", "wat is de participatieladder", "hoeveel mensen zijn eenzaam?",
                "hoe begin ik een gesprek over eenzaamheid?", "dank je", "wat kun je nog meer?"]
SEQUENTIAL_MESSAGES = 100
CONCURRENT_CONVERSATIONS = 20
MESSAGES_PER_CONCURRENT_CONVERSATION = 10
REQUEST_TIMEOUT_S = 60


def post_json(path: str, body: dict) -> dict:
    """POST JSON to the local Rasa server and return its JSON answer."""
    request = urllib.request.Request(
        f"http://localhost:{settings.get('RASA_PORT')}{path}", data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_S) as response:
        return json.loads(response.read())


class HttpParser:
    """Parses through the running server's /model/parse, like an Agent would."""

    async def parse_message(self, text: str) -> dict:
        return post_json("/model/parse", {"text": text})


def _conversation(sender: str, count: int) -> List[float]:
    latencies = []
    for index in range(count):
        started = time.perf_counter()
        post_json("/webhooks/rest/webhook", {"sender": sender, "message": CONVERSATION[index % len(CONVERSATION)]})
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def _percentiles(latencies: List[float]) -> str:
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):.0f} ms, p95 {p95:.0f} ms (n={len(ordered)})"


def _rest_teksten(sender: str, text: str) -> List[str]:
    answers = post_json("/webhooks/rest/webhook", {"sender": sender, "message": text})
    return [a.get("text") or "" for a in answers]


def _crisis_figures() -> str:
    """Held-out crisis set: NLU acute_zorg alone, and the real dialogue path over REST."""
    sets = crisis_bench.regels()
    nlu = {soort: {t: post_json("/model/parse", {"text": t})["intent"]["name"] == "acute_zorg" for t in teksten}
           for soort, teksten in sets.items()}
    pad = {soort: {t: crisis_bench.gesprek_bereikt_crisis(_rest_teksten, t) for t in teksten}
           for soort, teksten in sets.items()}
    return "\n".join([crisis_bench.uitslag("Held-out crisis set, dialogue path (the gate)", pad["crisis"],
                                           pad["geen_crisis"]),
                      crisis_bench.uitslag("Held-out crisis set, NLU acute_zorg alone", nlu["crisis"],
                                           nlu["geen_crisis"])])


def _memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    path = model.ensure_model()
    bench_dir = settings.VAR_DIR / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    (bench_dir / "tracker.db").unlink(missing_ok=True)
    servers.use_free_ports()
    os.environ["TRACKER_STORE_URL"] = f"sqlite:///{bench_dir / 'tracker.db'}"

    started = time.monotonic()
    with servers.running(path, log_dir=bench_dir) as rasa:
        print(f"Servers up in {time.monotonic() - started:.0f} s (model {path.name})")
        predictions = asyncio.run(evaluate.predict(HttpParser(), evaluate.load_examples()))
        macro, scores = evaluate.report(predictions)
        weakest = evaluate.weakest(scores)
        crisis = _crisis_figures()
        zetten = oefenen_bench.uitslagen(lambda teksten: asyncio.run(oefenen_bench.ontleed(HttpParser(), teksten)))

        _conversation("warm-up", 3)
        sequential = _conversation(f"bench-{uuid.uuid4().hex[:6]}", SEQUENTIAL_MESSAGES)
        with ThreadPoolExecutor(CONCURRENT_CONVERSATIONS) as pool:
            runs = pool.map(lambda i: _conversation(f"bench-c{i}-{uuid.uuid4().hex[:6]}",
                                                    MESSAGES_PER_CONCURRENT_CONVERSATION),
                            range(CONCURRENT_CONVERSATIONS))
            concurrent = [latency for run in runs for latency in run]
        memory = _memory_mb(rasa.pid)

    training = model.training_info(path).get("training_seconds")
    print(f"Held-out NLU: macro-F1 {macro:.3f} over {len(predictions)} examples, {len(scores)} intents")
    print("  weakest: " + ", ".join(f"{intent} {score:.3f}" for intent, score in weakest))
    print(crisis)
    print(f"REST latency, one conversation: {_percentiles(sequential)}")
    print(f"REST latency, {CONCURRENT_CONVERSATIONS} concurrent conversations: {_percentiles(concurrent)}")
    print(f"Training time of this model: {training if training is not None else 'unknown'} s "
          "(Rasa's cache may have reused unchanged components; a clean training takes longer)")
    print(f"Rasa server memory (RSS) after the load: {memory:.0f} MB")
    print(f"\nPractice partner, move classifier on its held-out sets\n{oefenen_bench.vergelijking(zetten)}")
    return 0
