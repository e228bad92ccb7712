"""The same records, exported to SQLite and published with Datasette: the peer the portal is compared with.

Only what the compared pages read is exported: operations (with their series, participations and results) and
instruments (with their events), plus the states and series they point at. Datasette finds links between tables
from foreign keys and shows each row's inbound links, so those are declared and indexed, as `sqlite-utils
index-foreign-keys` would do for anyone publishing a database. Full-text search uses FTS5 with the Porter stemmer,
as the portal's "english" configuration stems words too; the filtered column (kind) is indexed as the portal's
list would want it.
"""

import datetime
import decimal
from pathlib import Path

import sqlite_utils

from operations.models import Operation, Participation, Result, Series
from organs.models import State
from treaties.models import Instrument, InstrumentEvent

CHUNK = 20_000


def _plain(value):
    """A value SQLite stores as is: dates as ISO text, decimals as floats."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


# table -> (queryset, columns, foreign keys as (column, other table), full-text columns)
TABLES = {
    "states": (State.objects.order_by("pk"), ["id", "iso2", "name", "summary"], [], []),
    "series": (Series.objects.order_by("pk"), ["id", "slug", "name", "kind", "recurrence", "summary"], [], []),
    "operations": (
        Operation.objects.order_by("pk"),
        [
            *["id", "slug", "name", "series_id", "kind", "status"],
            *["start_date", "start_precision", "end_date", "end_precision", "summary"],
        ],
        [("series_id", "series")],
        ["name", "summary"],
    ),
    "participations": (
        Participation.objects.order_by("pk"),
        ["id", "operation_id", "role", "state_id", "partner_id", "note"],
        [("operation_id", "operations"), ("state_id", "states")],
        [],
    ),
    "results": (
        Result.objects.order_by("pk"),
        ["id", "operation_id", "metric", "qualifier", "value", "unit", "stage", "final"],
        [("operation_id", "operations")],
        [],
    ),
    "instruments": (
        Instrument.objects.order_by("pk"),
        ["id", "slug", "kind", "title", "short_title", "status", "summary"],
        [],
        ["title", "short_title", "summary"],
    ),
    "instrument_events": (
        InstrumentEvent.objects.order_by("pk"),
        ["id", "instrument_id", "kind", "occurred_date", "occurred_precision", "state_id", "place"],
        [("instrument_id", "instruments"), ("state_id", "states")],
        [],
    ),
}


def export(path: Path) -> dict[str, int]:
    """Write the records to a new SQLite file at ``path``; return the number of rows per table."""
    path.unlink(missing_ok=True)
    database = sqlite_utils.Database(path)
    database.execute("PRAGMA journal_mode = OFF")  # a throw-away file written once: no journal needed
    for name, (queryset, columns, _, _) in TABLES.items():
        rows = (
            dict(zip(columns, map(_plain, values), strict=True))
            for values in queryset.values_list(*columns).iterator(chunk_size=CHUNK)
        )
        database[name].insert_all(rows, pk="id", batch_size=CHUNK)
    database.add_foreign_keys(
        [(name, column, other, "id") for name, (_, _, keys, _) in TABLES.items() for column, other in keys]
    )
    for name, (_, _, _, searched) in TABLES.items():
        if searched:
            database[name].enable_fts(searched, fts_version="FTS5", tokenize="porter", create_triggers=False)
    database.index_foreign_keys()
    database["operations"].create_index(["kind"])
    database.execute("ANALYZE")
    counts = {name: database[name].count for name in TABLES}
    database.close()
    return counts
