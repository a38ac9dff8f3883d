"""A bounded load on a Rasa REST channel on this machine: N conversations at
once, each a fixed list of turns, every request to 127.0.0.1. Used by
`make bench` (our assistant and Rasa's starter assistant, side by side) and
by the cluster bench (through HAProxy)."""
from __future__ import annotations

import json
import statistics
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, List

from bot.channels import limits

# A mix of greetings, knowledge questions, yes/no and thanks (issue 14).
CONVERSATION = ["hallo", "wat zijn signalen van eenzaamheid?", "vertel meer", "welke typen isolement zijn er?",
                "ja graag", "wat is de participatieladder", "hoeveel mensen zijn eenzaam?",
                "hoe begin ik een gesprek over eenzaamheid?", "dank je", "wat kun je nog meer?"]
TURNS = 10
REQUEST_TIMEOUT_S = 60
# What a rate limit answers instead of the bot: a turn answered by one was not
# processed, so a load that meets one measures nothing (bot/channels/limits.py).
NOTICES = (limits.TE_SNEL, limits.TE_DRUK)


class RateLimited(RuntimeError):
    """The server answered a turn of the load with a rate limit's notice."""


def post_json(base_url: str, path: str, body: dict) -> object:
    """POST JSON to a local server and return its JSON answer."""
    request = urllib.request.Request(f"{base_url}{path}", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_S) as response:
        return json.loads(response.read())


def conversation(base_url: str, sender: str, turns: int = TURNS) -> List[float]:
    """One conversation through the REST channel; the latency of each turn in ms."""
    latencies = []
    for index in range(turns):
        started = time.perf_counter()
        answer: Any = post_json(base_url, "/webhooks/rest/webhook",
                                {"sender": sender, "message": CONVERSATION[index % len(CONVERSATION)]})
        latencies.append((time.perf_counter() - started) * 1000)
        if any(isinstance(part, dict) and part.get("text") in NOTICES for part in answer or []):
            raise RateLimited(f"turn {index + 1} of {sender} got a rate limit's notice: switch the limits off "
                              "for a load (RATE_LIMIT_PER_MINUTE=0, RATE_LIMIT_PER_ADDRESS_PER_MINUTE=0)")
    return latencies


@dataclass
class Result:
    conversations: int
    seconds: float
    latencies: List[float]

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]

    def line(self) -> str:
        return (f"{self.throughput:5.1f} messages/s, p50 {statistics.median(self.latencies):5.0f} ms, "
                f"p95 {self.percentile(0.95):5.0f} ms (n={len(self.latencies)})")


def run(base_url: str, conversations: int, turns: int = TURNS) -> Result:
    """`conversations` conversations at once, `turns` turns each."""
    run_id = uuid.uuid4().hex[:6]
    started = time.perf_counter()
    with ThreadPoolExecutor(conversations) as pool:
        runs = list(pool.map(lambda i: conversation(base_url, f"load-{run_id}-{i}", turns), range(conversations)))
    return Result(conversations, time.perf_counter() - started, [latency for run in runs for latency in run])


def memory_mb(pid: int) -> float:
    """Resident memory (RSS) of a process in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
