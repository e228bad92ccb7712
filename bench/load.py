"""Driving a server with wrk (from a second process, as a real client would) and reading its figures.

Each URL is first requested a few times one at a time: that primes it (and the response cache, when on),
checks the conditional GET, and gives the page's latency alone. The latency decides how the page is loaded,
so that a slow page cannot stretch the run past its time budget:

- most pages: wrk with 16 connections;
- a page so slow that 16 queued requests would wait longer than a third of the run: wrk with fewer
  connections (at least one per worker), marked in the table;
- a page slower than SLOW_SECONDS alone: not loaded at all; its requests/s are estimated as workers ÷ latency
  (what the server would do if every worker served only it), marked as an estimate.
"""

import json
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

REPORT_SCRIPT = Path(__file__).resolve().parent / "wrk_report.lua"
THREADS, CONNECTIONS = 2, 16
SLOW_SECONDS = 1.0
# Sequential requests per URL: at least three (the first may fill caches), more while they take under two seconds.
# The latency targets compare these medians: with eleven, a warm page of 1–2 ms came out up to twice as slow at
# one scale as at another from one run to the next; fifty keep the median steady and cost a page under two seconds.
MIN_SAMPLES, MAX_SAMPLES, SAMPLING_SECONDS = 3, 51, 2.0


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            response.read()
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:  # urllib raises for 304 as for any status outside 2xx
        return error.code, dict(error.headers)


def run_wrk(url: str, duration: int, connections: int = CONNECTIONS, headers: dict | None = None) -> dict:
    """Requests/s and latency percentiles (ms) of ``url`` under ``connections`` concurrent connections."""
    threads = min(THREADS, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{int(duration)}s", "--timeout", "30s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    result = subprocess.run(
        [*command, "-s", str(REPORT_SCRIPT), url], capture_output=True, text=True, check=True, timeout=duration + 60
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH_JSON "))
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = raw["duration_us"] / 1e6
    return {
        "connections": connections,
        "requests": raw["requests"],
        "rps": raw["requests"] / seconds if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "mean_ms": raw["mean_us"] / 1000,
        # Read errors are left out: a sync gunicorn worker closes the connection after each answer, by design.
        "errors": sum(raw[name] for name in ("connect_errors", "write_errors", "status_errors", "timeouts")),
        "bytes_per_request": raw["bytes"] / raw["requests"] if raw["requests"] else 0,
    }


class Sampler:
    """Sequential requests to one URL: their latencies (s), statuses, and the portal's count of SQL queries.

    With ``conditional``, the second request carries the validators (ETag, Last-Modified) the first answer
    gave; an unchanged page should answer it 304. The server does the same work either way, so its latency
    counts among the samples.
    """

    def __init__(self, url: str, *, conditional: bool):
        self.url, self.conditional = url, conditional
        self.latencies, self.queries = [], []
        self.status = self.conditional_status = None
        self.validators = {}

    @property
    def wants_more(self) -> bool:
        taken = len(self.latencies)
        return taken < MIN_SAMPLES or (taken < MAX_SAMPLES and sum(self.latencies) < SAMPLING_SECONDS)

    def request(self) -> None:
        begun = time.monotonic()
        if self.status is None:
            self.status, headers = fetch(self.url)
            if headers.get("ETag"):
                self.validators["If-None-Match"] = headers["ETag"]
            if headers.get("Last-Modified"):
                self.validators["If-Modified-Since"] = headers["Last-Modified"]
        elif self.conditional and self.conditional_status is None and self.status == 200 and self.validators:
            self.conditional_status, headers = fetch(self.url, self.validators)
        else:
            _, headers = fetch(self.url)
        self.latencies.append(time.monotonic() - begun)
        self.queries.append(headers.get("X-Bench-Queries"))

    def result(self) -> dict:
        counts = [int(count) for count in self.queries if count is not None]
        return {
            "latencies": self.latencies,
            "status": self.status,
            "conditional_status": self.conditional_status,
            # The fewest: a request that filled a cache (the response cache, a worker's first use of something)
            # ran more than the requests after it, which are what a running server answers.
            "queries": min(counts) if counts else None,
            "queries_per_sample": self.queries,
        }


def sample_in_turn(urls: list[tuple[str, bool]]) -> list[dict]:
    """Sequential requests to each URL (with whether to check its conditional GET), one URL after another in
    turn until each has its samples.

    The URLs are what one page is compared with (itself at other scales, cold and warm, Datasette's
    equivalent): taken in turn, a drift in the machine's speed while they are sampled reaches them all alike,
    so their medians compare.
    """
    samplers = [Sampler(url, conditional=conditional) for url, conditional in urls]
    while active := [sampler for sampler in samplers if sampler.wants_more]:
        for sampler in active:
            sampler.request()
    return [sampler.result() for sampler in samplers]


def measure(url: str, sampled: dict, duration: int, *, workers: int, drain_url: str | None = None) -> dict:
    """Everything the table shows for one URL on one server, from its samples (``sample_in_turn``) and wrk."""
    sampled = dict(sampled)
    latencies = sampled.pop("latencies")
    alone = statistics.median(latencies[1:])
    figures = {**sampled, "alone_ms": alone * 1000, "samples_ms": [latency * 1000 for latency in latencies]}
    if alone > SLOW_SECONDS:
        estimate = {"rps": workers / alone, "p50_ms": alone * 1000, "p99_ms": max(latencies[1:]) * 1000}
        return {**figures, **estimate, "estimated": True, "connections": 1, "requests": len(latencies), "errors": 0}
    # Keep the queue (connections ÷ workers requests deep) under a third of the run, so most requests complete.
    connections = max(workers, min(CONNECTIONS, int(workers * duration / (3 * alone))))
    figures |= run_wrk(url, duration, connections)
    if drain_url:
        # wrk leaves up to `connections` requests queued in the server; wait for them before the next URL.
        fetch(drain_url)
    return {**figures, "estimated": False}
