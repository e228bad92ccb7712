import time

from django.core.management.base import BaseCommand
from django.db import connection

from bench.generate import multiply


class Command(BaseCommand):
    help = "Multiply the instruments, operations and meetings in the database (with their children and citations)."

    def add_arguments(self, parser):
        parser.add_argument("factor", type=int, help="How many times the current data the database should hold.")

    def handle(self, *args, factor, **options):
        started = time.monotonic()

        def progress(done, total):
            self.stdout.write(f"    {done}/{total} copies, {time.monotonic() - started:.0f} s", ending="\r")
            self.stdout.flush()

        counts = multiply(factor, progress=progress if factor > 1 else None)
        with connection.cursor() as cursor:
            # Fresh planner statistics and visibility map, as a production database kept by autovacuum would have.
            cursor.execute("VACUUM (ANALYZE)")
        summary = ", ".join(f"{count} {label.split('.')[1].lower()}" for label, count in counts.items())
        self.stdout.write(f"    ×{factor} in {time.monotonic() - started:.0f} s: {summary}")
