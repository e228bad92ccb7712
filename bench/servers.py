"""Starting and stopping the servers under test: the portal on gunicorn as in production, and Datasette."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.scenarios import FLOOR_PATH

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LOGS = ROOT / "var" / "bench" / "logs"
# Fixed, so that the per-connection throttle's locmem cache and Django's settings see a production-like host.
HOST = "127.0.0.1"
GUNICORN_WORKERS = 2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def portal_environment(database: str, response_cache: bool) -> dict:
    """The environment of a production server: DEBUG off, a secret key, its host allowed, persistent connections."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DATABASE": database,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-secret-key-not-used-anywhere-else",
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE", "60"),
        "RESPONSE_CACHE": "on" if response_cache else "off",
        "LOG_LEVEL": "ERROR",
    }


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server exited with status {process.returncode}; see {log}.")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s; see {log}.")


@contextlib.contextmanager
def running(command: list[str], *, env: dict, ready_path: str, name: str):
    """Run a server on a free port for the duration of a ``with`` block; yields its base URL."""
    port = free_port()
    LOGS.mkdir(parents=True, exist_ok=True)
    log = LOGS / f"{name}.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [part.replace("{port}", str(port)) for part in command],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stopping it stops its workers and nothing else
        )
        base = f"http://{HOST}:{port}"
        try:
            wait_until_up(base + ready_path, process, log)
            yield base
        finally:
            stop(process)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def portal(database: str, *, response_cache: bool, label: str):
    """gunicorn serving the portal (and the floor view) against one scale's database."""
    command = [
        str(BIN / "gunicorn"),
        "csto_portal.wsgi:application",
        "--config",
        str(Path(__file__).with_name("gunicorn_conf.py")),
        "--bind",
        f"{HOST}:{{port}}",
        "--workers",
        str(GUNICORN_WORKERS),
        "--no-control-socket",
        "--log-level",
        "warning",
    ]
    env = portal_environment(database, response_cache)
    return running(command, env=env, ready_path=FLOOR_PATH, name=f"gunicorn-{label}")


def datasette(sqlite_path: Path, inspect_path: Path, *, label: str):
    """Datasette serving the exported file as `datasette publish` would: immutable, with its inspect data.

    Facet suggestions are off: they cost Datasette ~100 ms a page at ×1000 (nine times the page itself), and the
    portal's pages suggest no facets, so leaving them on would compare unlike work and flatter the portal.
    """
    command = [
        str(BIN / "datasette"),
        "serve",
        "--immutable",
        str(sqlite_path),
        "--inspect-file",
        str(inspect_path),
        "--setting",
        "suggest_facets",
        "off",
        "--host",
        HOST,
        "--port",
        "{port}",
    ]
    return running(command, env=dict(os.environ), ready_path="/-/versions.json", name=f"datasette-{label}")
