"""Driving a server with wrk (from a second process, as a real client would) and reading its figures."""

import json
import subprocess
from pathlib import Path

REPORT_SCRIPT = Path(__file__).resolve().parent / "wrk_report.lua"
THREADS, CONNECTIONS = 2, 16


def run_wrk(url: str, duration: int) -> dict:
    """Requests/s and latency percentiles (ms) of ``url`` under 16 concurrent connections for ``duration`` s."""
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{int(duration)}s", "--timeout", "10s"]
    result = subprocess.run(
        [*command, "-s", str(REPORT_SCRIPT), url], capture_output=True, text=True, check=True, timeout=duration + 30
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH_JSON "))
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = raw["duration_us"] / 1e6
    errors = sum(raw[name] for name in ("connect_errors", "write_errors", "status_errors", "timeouts"))
    return {
        "requests": raw["requests"],
        "rps": raw["requests"] / seconds if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "mean_ms": raw["mean_us"] / 1000,
        # Read errors are left out: a sync gunicorn worker closes the connection after each answer, as designed.
        "errors": errors,
        "bytes_per_request": raw["bytes"] / raw["requests"] if raw["requests"] else 0,
    }
