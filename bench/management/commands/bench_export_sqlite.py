import time
from pathlib import Path

from django.core.management.base import BaseCommand

from bench.export_sqlite import export


class Command(BaseCommand):
    help = "Export the records the benchmark compares to a SQLite file, for Datasette."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The SQLite file to write (replaced if it exists).")

    def handle(self, *args, path, **options):
        started = time.monotonic()
        counts = export(path)
        summary = ", ".join(f"{count} {table}" for table, count in counts.items())
        self.stdout.write(f"    SQLite export in {time.monotonic() - started:.0f} s: {summary}")
