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
import itertools
import sqlite3
from pathlib import Path

import sqlite_utils

from operations.models import Operation, Participation, Result, Series
from organs.models import State
from treaties.models import Instrument, InstrumentEvent

CHUNK = 20_000
# Values SQLite cannot store as they come from PostgreSQL: dates as ISO text, decimals as floats.
sqlite3.register_adapter(datetime.date, datetime.date.isoformat)
sqlite3.register_adapter(decimal.Decimal, float)


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
    for name, (queryset, columns, foreign_keys, _) in TABLES.items():
        rows = queryset.values_list(*columns).iterator(chunk_size=CHUNK)
        # sqlite-utils makes the table from the first rows; the rest go in as plain tuples, many times faster.
        first = list(itertools.islice(rows, 100))
        database[name].insert_all(
            (dict(zip(columns, row, strict=True)) for row in first),
            pk="id",
            foreign_keys=[(column, other, "id") for column, other in foreign_keys],
        )
        placeholders = ", ".join("?" for _ in columns)
        insert = f"INSERT INTO [{name}] ({', '.join(f'[{column}]' for column in columns)}) VALUES ({placeholders})"
        with database.conn:
            database.conn.executemany(insert, rows)
    for name, (_, _, _, searched) in TABLES.items():
        if searched:
            database[name].enable_fts(searched, fts_version="FTS5", tokenize="porter", create_triggers=False)
    database.index_foreign_keys()
    database["operations"].create_index(["kind"])
    database.execute("ANALYZE")
    counts = {name: database[name].count for name in TABLES}
    database.close()
    return counts
