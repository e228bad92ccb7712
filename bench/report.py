"""Turning measurements into the tables a person reads and the targets of issue #6, met or not."""

from dataclasses import dataclass

TARGET_SCALE = 1000
# The pages that issue #6 wants, when cached, at half the floor's rate or better.
WARM_HALF_FLOOR = ("home", "list", "detail", "search", "timeline", "api_list", "api_list_filtered", "api_detail")
MODES = ("cold", "warm")


def _num(value, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def _ratio(value) -> str:
    return "–" if value is None else f"{value:.2f}"


def rows_for_scale(scale_result: dict) -> list[dict]:
    """One row per scenario with everything the table shows, computed from a scale's raw measurements."""
    rows = []
    for key, page in scale_result["pages"].items():
        row = {"key": key, "label": page["label"], "path": page["path"], "beats_peer": page["beats_peer"]}
        for mode in MODES:
            load = page.get(mode) or {}
            floor = scale_result["floor"].get(mode, {}).get("rps")
            row[f"{mode}_rps"] = load.get("rps")
            row[f"{mode}_how"] = "†" if load.get("estimated") else ("*" if load.get("connections", 16) < 16 else "")
            row[f"{mode}_alone"] = load.get("alone_ms")
            row[f"{mode}_floor_ratio"] = load["rps"] / floor if load.get("rps") and floor else None
            row[f"{mode}_p50"] = load.get("p50_ms")
            row[f"{mode}_p99"] = load.get("p99_ms")
            row[f"{mode}_errors"] = load.get("errors")
            row[f"{mode}_queries"] = load.get("queries")
            row[f"{mode}_304"] = load.get("conditional_status")
        peer = page.get("peer")
        row["peer_rps"] = peer["rps"] if peer else None
        row["peer_how"] = ("†" if peer["estimated"] else "*" if peer["connections"] < 16 else "") if peer else ""
        for mode in MODES:
            row[f"{mode}_peer_ratio"] = row[f"{mode}_rps"] / peer["rps"] if peer and row[f"{mode}_rps"] else None
        rows.append(row)
    return rows


def _pair(row, name, digits=0):
    return f"{_num(row[f'cold_{name}'], digits)}/{_num(row[f'warm_{name}'], digits)}"


COLUMNS = [
    ("page", lambda r: r["label"]),
    ("cold req/s", lambda r: _num(r["cold_rps"]) + r["cold_how"]),
    ("×floor", lambda r: _ratio(r["cold_floor_ratio"])),
    ("warm req/s", lambda r: _num(r["warm_rps"]) + r["warm_how"]),
    ("×floor", lambda r: _ratio(r["warm_floor_ratio"])),
    ("alone p50 ms c/w", lambda r: _pair(r, "alone", 1)),
    ("load p50 ms c/w", lambda r: _pair(r, "p50", 1)),
    ("load p99 ms c/w", lambda r: _pair(r, "p99", 1)),
    ("queries c/w", lambda r: _pair(r, "queries")),
    ("304 c/w", lambda r: f"{r['cold_304'] or '–'}/{r['warm_304'] or '–'}"),
    ("Datasette req/s", lambda r: _num(r["peer_rps"]) + r["peer_how"]),
    ("÷DS c/w", lambda r: f"{_ratio(r['cold_peer_ratio'])}/{_ratio(r['warm_peer_ratio'])}"),
]
LEGEND = (
    "alone: one request at a time; load: under wrk's 16 connections (* fewer: the page is too slow for 16 to "
    "complete in the run; † not loaded, slower than 1 s alone: req/s estimated as workers ÷ latency)"
)


def _floor_line(scale_result: dict) -> str:
    floor = scale_result["floor"]
    parts = [
        f"{mode} server {_num(floor[mode]['rps'])} req/s "
        f"({_num(floor[mode]['before']['rps'])} before the pages, {_num(floor[mode]['after']['rps'])} after)"
        for mode in MODES
        if mode in floor
    ]
    return "floor (fixed JSON on the same gunicorn): " + "; ".join(parts)


def _costs_line(scale_result: dict) -> str:
    """Where a cold API list's time goes (bench/costs.py), in-process: the parts do not add up to the whole,
    which also holds middleware, DRF's dispatch and pagination."""
    costs = scale_result.get("costs")
    if not costs:
        return ""
    per_row = f", {costs['serializer_row_us']:.0f} µs a row" if costs["serializer_row_us"] is not None else ""
    return (
        f"cold API list of {costs['rows']} in-process: {costs['request_ms']:.1f} ms (floor view "
        f"{costs['floor_ms']:.2f} ms); of which filters {costs['filters_ms']:.1f}, count {costs['count_ms']:.2f} "
        f"(a fresh COUNT(*): {costs['uncached_count_ms']:.2f}), rows read {costs['page_ms']:.1f}, "
        f"serializer {costs['serializer_ms']:.1f}{per_row}, JSON {costs['render_ms']:.1f}"
    )


def text_table(scale: int, scale_result: dict) -> str:
    """The table printed to the terminal for one scale."""
    rows = rows_for_scale(scale_result)
    cells = [[header for header, _ in COLUMNS]] + [[cell(row) for _, cell in COLUMNS] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = [f"×{scale} — {scale_result['summary']}", _floor_line(scale_result)]
    if costs := _costs_line(scale_result):
        lines.append(costs)
    for index, line in enumerate(cells):
        lines.append(
            "  ".join(
                cell.ljust(width) if i == 0 else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(line, widths, strict=True))
            )
        )
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    errors = [
        f"{row['label']} ({mode}): {row[f'{mode}_errors']}" for row in rows for mode in MODES if row[f"{mode}_errors"]
    ]
    if errors:
        lines.append("non-2xx/3xx answers or socket errors: " + "; ".join(errors))
    return "\n".join(lines)


def markdown_table(scale: int, scale_result: dict) -> str:
    rows = rows_for_scale(scale_result)
    lines = [f"### ×{scale}", "", scale_result["summary"] + ".", _floor_line(scale_result) + "."]
    if costs := _costs_line(scale_result):
        lines.append(costs + ".")
    lines.append("")
    lines.append("| " + " | ".join(header for header, _ in COLUMNS) + " |")
    lines.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(COLUMNS))) + "|")
    for row in rows:
        lines.append("| " + " | ".join(cell(row) for _, cell in COLUMNS) + " |")
    lines += ["", LEGEND + "."]
    return "\n".join(lines)


@dataclass
class Verdict:
    target: str
    met: bool | None  # None: not measured in this run
    detail: str


def _at(results: dict, scale: int) -> dict | None:
    return results["scales"].get(str(scale))


def targets(results: dict) -> list[Verdict]:
    """Issue #6's targets, each met or not, with the numbers that decide it."""
    verdicts = []
    scales = sorted(int(scale) for scale in results["scales"])
    at_target = _at(results, TARGET_SCALE)
    rows = {row["key"]: row for row in rows_for_scale(at_target)} if at_target else {}

    def check(target, pairs, test, fmt=_ratio):
        if not rows:
            verdicts.append(Verdict(target, None, f"×{TARGET_SCALE} not measured"))
            return
        failing = [f"{label} {fmt(value)}" for label, value in pairs if value is None or not test(value)]
        shown = ", ".join(f"{label} {fmt(value)}" for label, value in pairs)
        verdicts.append(Verdict(target, not failing, ("below: " + ", ".join(failing)) if failing else shown))

    check(
        f"warm pages and API list/detail ≥ 0.5× floor req/s (×{TARGET_SCALE})",
        [(rows[key]["label"], rows[key]["warm_floor_ratio"]) for key in WARM_HALF_FLOOR if key in rows],
        lambda value: value >= 0.5,
    )
    check(
        f"cold API list of 50 ≥ 0.15× floor req/s (×{TARGET_SCALE})",
        [(rows["api_list"]["label"], rows["api_list"]["cold_floor_ratio"])] if "api_list" in rows else [],
        lambda value: value >= 0.15,
    )
    for mode in MODES:
        check(
            f"{mode}: search and filtered lists faster than Datasette (×{TARGET_SCALE})",
            [(row["label"], row[f"{mode}_peer_ratio"]) for row in rows.values() if row["beats_peer"]],
            lambda value: value > 1,
        )
    # Query counts: every scale against the smallest.
    smallest = _at(results, scales[0])
    base = {row["key"]: row for row in rows_for_scale(smallest)}
    changed = []
    for scale in scales[1:]:
        for row in rows_for_scale(_at(results, scale)):
            for mode in MODES:
                if row[f"{mode}_queries"] != base[row["key"]][f"{mode}_queries"]:
                    before, now = base[row["key"]][f"{mode}_queries"], row[f"{mode}_queries"]
                    changed.append(f"{row['label']} {mode} ×{scale}: {before} → {now}")
    verdicts.append(
        Verdict(
            f"SQL queries per request the same at every scale as at ×{scales[0]}",
            not changed if len(scales) > 1 else None,
            "; ".join(changed) if changed else f"same at ×{', ×'.join(map(str, scales))}",
        )
    )
    one = _at(results, 1)
    if rows and one:
        small = {row["key"]: row for row in rows_for_scale(one)}
        for mode in MODES:
            pairs = []
            for key, row in rows.items():
                if row[f"{mode}_alone"] and small[key][f"{mode}_alone"]:
                    pairs.append((row["label"], row[f"{mode}_alone"] / small[key][f"{mode}_alone"]))
            # Latency alone: under load it is the queue (connections ÷ req/s), which the req/s ratios already show.
            check(f"{mode}: p50 latency at ×{TARGET_SCALE} within 1.5× of ×1", pairs, lambda value: value <= 1.5)
    else:
        verdicts.append(Verdict(f"p50 latency at ×{TARGET_SCALE} within 1.5× of ×1", None, "×1 or ×1000 not measured"))
    verdicts.append(
        Verdict("×10 000 reported", "10000" in results["scales"], "measured" if "10000" in results["scales"] else "")
    )
    not_modified = [
        f"{row['label']} {mode} ×{scale}: {row[f'{mode}_304']}"
        for scale in scales
        for row in rows_for_scale(_at(results, scale))
        for mode in MODES
        if row[f"{mode}_304"] != 304
    ]
    verdicts.append(
        Verdict(
            "conditional GET of an unchanged page or list answers 304",
            not not_modified,
            ("not 304: " + "; ".join(not_modified)) if not_modified else "304 for every page, both modes, every scale",
        )
    )
    minutes = results["run_seconds"] / 60
    verdicts.append(Verdict("make bench runs in under 15 minutes", minutes < 15, f"{minutes:.1f} min"))
    return verdicts


def targets_text(verdicts: list[Verdict]) -> str:
    mark = {True: "met    ", False: "NOT MET", None: "n/a    "}
    return "\n".join(f"  {mark[verdict.met]}  {verdict.target}: {verdict.detail}" for verdict in verdicts)


def targets_markdown(verdicts: list[Verdict]) -> str:
    mark = {True: "met", False: "**not met**", None: "not measured"}
    lines = ["| target | result | numbers |", "|---|---|---|"]
    lines += [f"| {verdict.target} | {mark[verdict.met]} | {verdict.detail} |" for verdict in verdicts]
    return "\n".join(lines)
