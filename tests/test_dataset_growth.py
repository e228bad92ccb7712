"""Records added to the shipped dataset change the outcome of no test but the shipped dataset's smoke suite."""

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from django.db import connection

from csto_portal.site.loader import DATASET_DIR

TESTS = Path(__file__).resolve().parent
SMOKE_SUITE = TESTS / "test_shipped_dataset.py"
SYNTHETIC = "synthetic-growth"


def _append(path: Path, record: dict):
    path.write_text(path.read_text(encoding="utf-8") + "\n" + yaml.safe_dump([record], sort_keys=False), "utf-8")


def _cited() -> list[dict]:
    return [{"source": SYNTHETIC, "locator": "Growth test"}]


def _grown_copy(folder: Path) -> Path:
    """dataset/ with one more source, exercise, instrument and meeting, each citing the new source."""
    copy = folder / "dataset"
    shutil.copytree(DATASET_DIR, copy)
    state = yaml.safe_load((copy / "states.yaml").read_text(encoding="utf-8"))[0]["iso2"]
    organ = yaml.safe_load((copy / "organs.yaml").read_text(encoding="utf-8"))[0]["slug"]
    _append(copy / "sources.yaml", {"slug": SYNTHETIC, "kind": "reference", "title": "Synthetic growth test record"})
    _append(
        copy / "instruments.yaml",
        {
            "slug": f"{SYNTHETIC}-protocol",
            "kind": "protocol",
            "title": "Synthetic Growth Protocol",
            "status": "signed",
            "summary": "A synthetic instrument added by the growth test.",
            "adopted_by_organ": organ,
            "events": [{"kind": "signed", "occurred": "2031-05", "citations": _cited()}],
            "parties": [{"state": state, "status": "signatory", "citations": _cited()}],
            "citations": _cited(),
        },
    )
    _append(
        copy / "operations.yaml",
        {
            "slug": f"{SYNTHETIC}-exercise",
            "name": "Synthetic Growth Exercise",
            "kind": "exercise",
            "status": "held",
            "start": "2031-06",
            "summary": "A synthetic exercise added by the growth test.",
            "participations": [{"role": "host", "state": state, "citations": _cited()}],
            "citations": _cited(),
        },
    )
    _append(
        copy / "meetings.yaml",
        {
            "slug": f"{SYNTHETIC}-session",
            "title": "Synthetic growth session",
            "kind": "session",
            "status": "held",
            "start": "2031-07-01",
            "summary": "A synthetic meeting added by the growth test.",
            "organs": [organ],
            "instruments": [f"{SYNTHETIC}-protocol"],
            "citations": _cited(),
        },
    )
    return copy


def test_the_smoke_suite_passes_on_the_shipped_dataset_grown_by_an_exercise_an_instrument_and_a_meeting(tmp_path):
    env = {
        **os.environ,
        "CSTO_SHIPPED_DATASET": str(_grown_copy(tmp_path)),
        # A database of its own, beside the one this session holds open.
        "TEST_DATABASE_NAME": f"{connection.settings_dict['NAME']}_growth",
    }
    run = subprocess.run(
        # Every test of the smoke suite, but of its one-test-per-record page checks only the synthetic records':
        # the shipped ones are rendered by the suite's own run, and rendering them again here doubles CI's time.
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rA",
            "-p",
            "no:randomly",
            "-k",
            "not test_every_record_renders_on_its_page_and_in_the_api or synthetic",
            str(SMOKE_SUITE),
        ],
        cwd=TESTS.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = run.stdout + run.stderr
    assert run.returncode == 0, report[-5000:]
    rendered = "PASSED tests/test_shipped_dataset.py::test_every_record_renders_on_its_page_and_in_the_api"
    for record in (
        f"instruments:{SYNTHETIC}-protocol",
        f"operations:{SYNTHETIC}-exercise",
        f"meetings:{SYNTHETIC}-session",
    ):
        assert f"{rendered}[{record}]" in report, f"{record} was not rendered:\n{report[-3000:]}"


# The shipped dataset's folder by name, or as the repository's dataset/ (tests/dataset/ is one level down).
SHIPPED_FOLDER = re.compile(
    r"DATASET_DIR|CSTO_SHIPPED_DATASET|(parents\[\d+\]|\.parent\.parent)\s*/\s*[\"']dataset|[\"']dataset/"
)


def _reads_the_shipped_dataset(source: str) -> bool:
    """Names the shipped dataset's folder, or loads the dataset without saying from where (dataset/ by default)."""
    if SHIPPED_FOLDER.search(source):
        return True
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == "load_csto"
            and not any(keyword.arg == "path" for keyword in node.keywords)
        ):
            return True
    return False


def test_no_test_but_the_smoke_suite_and_this_one_reads_the_shipped_dataset():
    readers = {
        str(path.relative_to(TESTS))
        for path in TESTS.rglob("*.py")
        if _reads_the_shipped_dataset(path.read_text("utf-8"))
    }
    assert readers == {SMOKE_SUITE.name, Path(__file__).name}
