"""`make bench`: generate each scale, serve it, load it, compare it, and print and save the tables.

Run as ``python -m bench.run`` from the repository root (the Makefile does). Environment:
BENCH_SCALES (default 1,100,1000,10000), BENCH_DURATION (seconds of load per URL, default 3).
"""

import contextlib
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "var" / "bench"
DEFAULT_SCALES = "1,100,1000,10000"
# Three seconds per URL: at the slowest page measured here that is still a few hundred requests, enough for a
# stable median; 9 URLs × 2 modes + Datasette's 7 + floors at four scales then fit the 15-minute budget with
# room for generating ×10 000 on a first run. BENCH_DURATION=10 gives steadier numbers when time allows.
DEFAULT_DURATION = 3


STARTED = time.monotonic()


def log(message: str = "") -> None:
    """A line of progress, stamped with the minutes and seconds since the run began."""
    elapsed = int(time.monotonic() - STARTED)
    print(f"[{elapsed // 60:2d}:{elapsed % 60:02d}] {message}" if message else "", flush=True)


def real_records(database: str) -> dict:
    """The real records the URLs name, read from the scale's database."""
    from bench.databases import manage_command, manage_environment

    output = subprocess.run(
        manage_command("bench_records"), cwd=ROOT, env=manage_environment(database), check=True, capture_output=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def cold_api_list_costs(database: str) -> dict:
    """The parts of a cold API list, timed in a process of their own on the cold server's settings."""
    from bench.databases import manage_command
    from bench.servers import portal_environment

    output = subprocess.run(
        manage_command("bench_costs"),
        cwd=ROOT,
        env=portal_environment(database, response_cache=False),
        check=True,
        capture_output=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def collect_static() -> None:
    """WhiteNoise serves the hashed files that collectstatic writes, as in production."""
    from bench.servers import portal_environment

    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=portal_environment("postgres", response_cache=False),
        check=True,
    )


def ensure_sqlite(database: str, fingerprint: str) -> tuple[Path, Path]:
    """The scale's SQLite export and Datasette inspect file, made again only when the database changed."""
    from bench.databases import manage
    from bench.scenarios import DATASETTE_DATABASE

    folder = WORK / database
    folder.mkdir(parents=True, exist_ok=True)
    # Datasette names a database after its file: /csto/operations at every scale.
    sqlite_path = folder / f"{DATASETTE_DATABASE}.db"
    inspect_path, marker = folder / "inspect.json", folder / "fingerprint"
    if sqlite_path.exists() and inspect_path.exists() and marker.exists() and marker.read_text() == fingerprint:
        log(f"  SQLite export: reusing {sqlite_path.relative_to(ROOT)}")
        return sqlite_path, inspect_path
    marker.unlink(missing_ok=True)
    manage("bench_export_sqlite", str(sqlite_path), database=database)
    datasette = Path(sys.executable).parent / "datasette"
    subprocess.run([str(datasette), "inspect", str(sqlite_path), "--inspect-file", str(inspect_path)], check=True)
    marker.write_text(fingerprint)
    return sqlite_path, inspect_path


def prepare_scale(scale: int, database: str) -> dict:
    """A scale's peer data (the SQLite export) and its pages, before anything is measured."""
    from bench import databases
    from bench.scenarios import Records, scenarios

    log(f"×{scale}: preparing")
    sqlite_path, inspect_path = ensure_sqlite(database, databases.fingerprint(scale))
    page_list = scenarios(Records(**real_records(database)))
    pages = {
        page.key: {"label": page.label, "path": page.path, "peer_path": page.peer_path, "beats_peer": page.beats_peer}
        for page in page_list
    }
    return {
        "scale": scale,
        "database": database,
        "sqlite": (sqlite_path, inspect_path),
        "scenarios": page_list,
        "pages": pages,
    }


def measure_scales(prepared: list[dict], duration: int) -> None:
    """Every page at every scale: cold, warm and on Datasette, back to back; fills each scale's pages and floor.

    Every server of every scale runs side by side, and each page is measured on all of them in turn, so a page
    and what it is compared with (the same page cold and warm, Datasette's equivalent, the same page at ×1) are
    seconds apart, not minutes: the ratios hold when the machine's speed drifts during the run, as it does on
    this shared machine. An idle server costs the one being loaded nothing.
    """
    from bench import servers
    from bench.load import measure, run_wrk, sample_in_turn
    from bench.report import MODES
    from bench.scenarios import FLOOR_HEADERS, FLOOR_PATH

    with contextlib.ExitStack() as stack:
        for scale in prepared:
            label = f"x{scale['scale']}"
            scale["portals"] = {
                mode: stack.enter_context(
                    servers.portal(scale["database"], response_cache=mode == "warm", label=f"{label}-{mode}")
                )
                for mode in MODES
            }
            scale["peer"] = stack.enter_context(servers.datasette(*scale["sqlite"], label=label))
        floors_before = {}
        for scale in prepared:
            for mode, base in scale["portals"].items():
                run_wrk(base + FLOOR_PATH, 1)  # both workers up, their database connections open
                floors_before[scale["scale"], mode] = run_wrk(base + FLOOR_PATH, duration, headers=FLOOR_HEADERS)
        for index, first in enumerate(prepared[0]["scenarios"]):
            log(f"  {first.label}")
            # (scale, mode or "peer", base URL, path, conditional GET checked): the page everywhere it is measured.
            targets = []
            for scale in prepared:
                scenario = scale["scenarios"][index]
                for mode, base in scale["portals"].items():
                    targets.append((scale, mode, base, scenario.path, True))
                if scenario.peer_path:
                    targets.append((scale, "peer", scale["peer"], scenario.peer_path, False))
            samples = sample_in_turn([(base + path, conditional) for _, _, base, path, conditional in targets])
            for (scale, mode, base, path, _), sampled in zip(targets, samples, strict=True):
                if mode == "peer":
                    # One process: its requests/s, if estimated, are 1 ÷ latency.
                    figures = measure(base + path, sampled, duration, workers=1, drain_url=base + "/-/versions.json")
                    scale["pages"][first.key]["peer"] = {"path": path, **figures}
                else:
                    scale["pages"][first.key][mode] = measure(
                        base + path, sampled, duration, workers=servers.GUNICORN_WORKERS, drain_url=base + FLOOR_PATH
                    )
        # The floor before and after the pages: their mean is the reference, their spread shows the noise.
        for scale in prepared:
            scale["floor"] = {}
            for mode, base in scale["portals"].items():
                before = floors_before[scale["scale"], mode]
                after = run_wrk(base + FLOOR_PATH, duration, headers=FLOOR_HEADERS)
                scale["floor"][mode] = {"rps": (before["rps"] + after["rps"]) / 2, "before": before, "after": after}


def scale_result(scale: dict) -> dict:
    """What the results keep of a measured scale, with the breakdown of its cold API list."""
    # After the servers have stopped, so that the timings have the machine to themselves.
    costs = cold_api_list_costs(scale["database"])
    counts = sqlite_counts(scale["sqlite"][0])
    summary = (
        f"{counts['operations']:,} operations, {counts['instruments']:,} instruments (database {scale['database']})"
    )
    return {
        "database": scale["database"],
        "summary": summary,
        "rows": counts,
        "floor": scale["floor"],
        "pages": scale["pages"],
        "costs": costs,
    }


def sqlite_counts(path: Path) -> dict:
    import sqlite_utils

    database = sqlite_utils.Database(path)
    counts = {table: database[table].count for table in ("operations", "participations", "instruments")}
    database.close()
    return counts


def environment_facts() -> dict:
    def output(*command):
        try:
            return subprocess.run(command, capture_output=True, text=True, cwd=ROOT).stdout.strip()
        except OSError:
            return ""

    import datasette
    import gunicorn

    return {
        "commit": output("git", "rev-parse", "--short", "HEAD"),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "datasette": datasette.__version__,
        "wrk": output("wrk", "--version").splitlines()[0] if shutil.which("wrk") else "",
        "cpus": os.cpu_count(),
        "database_url": bool(os.environ.get("DATABASE_URL")),
    }


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-used-anywhere-else")
    if not shutil.which("wrk"):
        log("wrk is missing: apt-get install -y wrk (make bench does this).")
        return 1
    # The first connection starts the embedded server (when there is no DATABASE_URL); this process then stays
    # attached to it all run long, so that it is up for every server the run starts.
    django.setup()

    from bench import databases, report

    scales = [int(scale) for scale in os.environ.get("BENCH_SCALES", DEFAULT_SCALES).split(",")]
    duration = int(os.environ.get("BENCH_DURATION", DEFAULT_DURATION))
    results = {
        "started": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "load": {"tool": "wrk", "threads": 2, "connections": 16, "seconds_per_url": duration},
        "environment": environment_facts(),
        "load_average_start": os.getloadavg(),
        "scales": {},
    }
    where = "DATABASE_URL" if os.environ.get("DATABASE_URL") else "the embedded PostgreSQL"
    log(f"Databases (×{', ×'.join(map(str, scales))}) on {where}")
    names = {scale: databases.ensure_database(scale, log) for scale in scales}
    collect_static()
    prepared = [prepare_scale(scale, names[scale]) for scale in scales]
    log(
        f"Measuring every page at ×{', ×'.join(map(str, scales))}, cold, warm and on Datasette ({duration:g} s per URL)"
    )
    measure_scales(prepared, duration)
    for scale in prepared:
        results["scales"][str(scale["scale"])] = scale_result(scale)
        log()
        log(report.text_table(scale["scale"], results["scales"][str(scale["scale"])]))
    log()
    results["run_seconds"] = time.monotonic() - STARTED
    results["load_average_end"] = os.getloadavg()
    verdicts = report.targets(results)
    results["targets"] = [verdict.__dict__ for verdict in verdicts]
    log("Targets (issue #6)")
    print(report.targets_text(verdicts), flush=True)
    write_results(results, verdicts)
    return 0


def write_results(results: dict, verdicts) -> None:
    from bench import report

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = results["started"].replace(":", "").replace("-", "").replace("+0000", "Z")
    json_path, markdown_path = RESULTS / f"{stamp}.json", RESULTS / f"{stamp}.md"
    json_path.write_text(json.dumps(results, indent=1) + "\n")
    facts = results["environment"]
    lines = [
        f"# Benchmark {results['started']} (commit {facts['commit']})",
        "",
        f"wrk -t2 -c16, {results['load']['seconds_per_url']:g} s per URL; gunicorn 2 sync workers, DEBUG off; "
        f"{facts['cpus']} CPUs, load average {results['load_average_start'][0]:.1f} at start; "
        f"run took {results['run_seconds'] / 60:.1f} min. Ratios: ×floor is req/s divided by the floor's on the same "
        "server; ÷DS is req/s divided by Datasette's on the equivalent page.",
        "",
        "## Targets",
        "",
        report.targets_markdown(verdicts),
        "",
        "## Tables",
        "",
    ]
    for scale, scale_result in results["scales"].items():
        lines += [report.markdown_table(int(scale), scale_result), ""]
    markdown = "\n".join(lines)
    markdown_path.write_text(markdown)
    (RESULTS / "latest.md").write_text(markdown)
    log(f"Results: {json_path.relative_to(ROOT)}, {markdown_path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
