"""`make bench`: held-out NLU scores, the REST channel under load side by
side with Rasa's own starter assistant (`rasa init`, bot/starter.py), training
time and memory, and the practice partner's move classifier (rules, NLU, both:
bot/oefenen_bench.py).

Starts its own action and Rasa servers on free ports with a fresh SQLite
database under var/bench/, so it never touches a running `make run`. Every
request goes to 127.0.0.1 only, and every loop is bounded.
"""
from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass

from bot import crisis_bench, evaluate, load, model, oefenen_bench, servers, signalering_bench, starter
from gedeeld import settings

# One conversation of this many turns, then this many conversations at once
# (load.TURNS turns each), on both assistants.
SEQUENTIAL_TURNS = 50
CONCURRENT_CONVERSATIONS = 20
# Targets of issue 14 for one Rasa process.
TARGET_RATIO = 1.2
TARGET_P95_MS = 500
TARGET_RSS_MB = 1024


def local_url() -> str:
    return f"http://127.0.0.1:{settings.get('RASA_PORT')}"


def post_json(path: str, body: dict) -> dict:
    """POST JSON to the local Rasa server and return its JSON answer."""
    return load.post_json(local_url(), path, body)  # type: ignore[return-value]


class HttpParser:
    """Parses through the running server's /model/parse, like an Agent would."""

    async def parse_message(self, text: str) -> dict:
        return post_json("/model/parse", {"text": text})


@dataclass
class Measured:
    one: load.Result
    busy: load.Result
    rss_mb: float


def measure_load(base_url: str, pid: int) -> Measured:
    """Warm up, then one conversation and CONCURRENT_CONVERSATIONS at once; RSS after."""
    load.conversation(base_url, "warm-up", 3)
    one = load.run(base_url, 1, SEQUENTIAL_TURNS)
    busy = load.run(base_url, CONCURRENT_CONVERSATIONS)
    return Measured(one, busy, load.memory_mb(pid))


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def comparison(ours: Measured, theirs: Measured) -> str:
    """The side-by-side table and the targets."""
    lines = [f"{'':22}{'this assistant':64}{'starter (rasa init)':64}ratio"]
    for label, a, b in [("1 conversation", ours.one, theirs.one),
                        (f"{CONCURRENT_CONVERSATIONS} conversations", ours.busy, theirs.busy)]:
        lines.append(f"{label:22}{a.line():64}{b.line():64}{a.throughput / b.throughput:.2f}x")
    lines.append(f"{'RSS after the load':22}{f'{ours.rss_mb:.0f} MB':64}{f'{theirs.rss_mb:.0f} MB':64}")
    ratio = ours.busy.throughput / theirs.busy.throughput
    lines.append(f"Targets at {CONCURRENT_CONVERSATIONS} conversations: throughput >= {TARGET_RATIO}x the starter "
                 f"({_verdict(ratio >= TARGET_RATIO)}), p95 <= {TARGET_P95_MS} ms "
                 f"({_verdict(ours.busy.percentile(0.95) <= TARGET_P95_MS)}), RSS <= {TARGET_RSS_MB} MB "
                 f"({_verdict(ours.rss_mb <= TARGET_RSS_MB)})")
    return "\n".join(lines)


def _rest_teksten(sender: str, text: str) -> list:
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


def main() -> int:
    path = model.ensure_model()
    starter_model = starter.model()
    bench_dir = settings.VAR_DIR / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    (bench_dir / "tracker.db").unlink(missing_ok=True)
    servers.use_free_ports()
    servers.no_rate_limits()
    os.environ["TRACKER_STORE_URL"] = f"sqlite:///{bench_dir / 'tracker.db'}"

    started = time.monotonic()
    with servers.running(path, log_dir=bench_dir) as rasa:
        print(f"Servers up in {time.monotonic() - started:.0f} s (model {path.name})")
        predictions = asyncio.run(evaluate.predict(HttpParser(), evaluate.load_examples()))
        macro, scores = evaluate.report(predictions)
        weakest = evaluate.weakest(scores)
        crisis = _crisis_figures()
        zetten = oefenen_bench.uitslagen(lambda teksten: asyncio.run(oefenen_bench.ontleed(HttpParser(), teksten)))
        ours = measure_load(local_url(), rasa.pid)
    port = servers.free_port()
    with starter.running(port) as process:
        print(f"Rasa's starter assistant up (model {starter_model.name})")
        theirs = measure_load(f"http://127.0.0.1:{port}", process.pid)

    training = model.training_info(path).get("training_seconds")
    print(f"Held-out NLU: macro-F1 {macro:.3f} over {len(predictions)} examples, {len(scores)} intents")
    print("  weakest: " + ", ".join(f"{intent} {score:.3f}" for intent, score in weakest))
    print(crisis)
    print(f"\nREST channel under load, the same messages on both (1 conversation of {SEQUENTIAL_TURNS} turns; "
          f"{CONCURRENT_CONVERSATIONS} at once of {load.TURNS} turns; 127.0.0.1; 2 shared cores, so run it twice):")
    print(comparison(ours, theirs))
    print(f"\nTraining time of this model: {training if training is not None else 'unknown'} s "
          "(Rasa's cache may have reused unchanged components; a clean training takes longer)")
    print(f"\nPractice partner, move classifier on its held-out sets\n{oefenen_bench.vergelijking(zetten)}")
    print(f"\n{crisis_bench.kruisvalidatie()}")
    beschrijvingen = signalering_bench.lees()
    print("\nReading a worker's description, on the held-out descriptions (tests/beschrijvingen_heldout.yml)\n"
          + signalering_bench.tabel(signalering_bench.meet(beschrijvingen, signalering_bench.dialooglezer()))
          + "\n" + signalering_bench.plafond(beschrijvingen, signalering_bench.lezers()))
    return 0
