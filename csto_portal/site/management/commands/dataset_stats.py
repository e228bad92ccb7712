from django.core.management.base import BaseCommand

from csto_portal.site.stats import kind_stats, targets, uncited


class Command(BaseCommand):
    help = "Print what the database holds: records per kind and per decade, and how many cite a page with a URL."

    def handle(self, *args, **options):
        rows = kind_stats()
        decades = sorted({decade for row in rows for decade in row.by_decade})
        header = ["kind", "records", "URL cited", "no URL", *decades]
        table = [
            [row.label, row.total, row.with_url, row.without_url, *(row.by_decade.get(d, "") for d in decades)]
            for row in rows
        ]
        widths = [max(len(str(line[i])) for line in [header, *table]) for i in range(len(header))]
        for line in [header, *table]:
            self.stdout.write(
                "  ".join(
                    str(cell).rjust(width) if i else str(cell).ljust(width)
                    for i, (cell, width) in enumerate(zip(line, widths, strict=True))
                )
            )
        self.stdout.write("")
        for label, count in targets():
            self.stdout.write(f"{label}: {count}")
        missing = uncited()
        self.stdout.write("")
        self.stdout.write("Every record cites a source." if not missing else f"Records citing no source: {missing}")
