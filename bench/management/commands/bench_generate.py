import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench.generate import multiply


class Command(BaseCommand):
    help = "Multiply the instruments, operations and meetings in the database (with their children and citations)."

    def add_arguments(self, parser):
        parser.add_argument("factor", type=int, help="How many times the current data the database should hold.")
        parser.add_argument(
            "--part",
            default="1/1",
            help="Make only this share of the copies (e.g. 2/2), for generators running side by side; "
            "a part does not analyze the database, the caller does once all parts are done.",
        )

    def handle(self, *args, factor, part, **options):
        try:
            index, parts = (int(number) for number in part.split("/"))
        except ValueError:
            raise CommandError("--part is written I/N, e.g. 1/2.") from None
        copies = range(1, factor)
        share = -(-len(copies) // parts)
        mine = range(copies.start + (index - 1) * share, min(copies.start + index * share, copies.stop))
        started = time.monotonic()
        reported = set()

        def progress(done, total):
            quarter = 4 * done // total
            if quarter not in reported:
                reported.add(quarter)
                self.stdout.write(
                    f"    ×{factor} part {part}: {done}/{total} copies, {time.monotonic() - started:.0f} s"
                )

        counts = multiply(factor, progress=progress if len(mine) > 1 else None, copies=mine)
        if parts == 1:
            with connection.cursor() as cursor:
                # Fresh planner statistics and visibility map, as a database kept by autovacuum would have.
                cursor.execute("VACUUM (ANALYZE)")
            summary = ", ".join(f"{count} {label.split('.')[1].lower()}" for label, count in counts.items())
            self.stdout.write(f"    ×{factor} in {time.monotonic() - started:.0f} s: {summary}")
