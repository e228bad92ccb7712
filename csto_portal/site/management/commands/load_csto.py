from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from csto_portal.site.loader import DATASET_DIR, DatasetError, Loader
from organs.models import State


class Command(BaseCommand):
    help = "Load the CSTO dataset (dataset/*.yaml) into the database. Safe to run again: it matches by natural key."

    def add_arguments(self, parser):
        parser.add_argument("--path", type=Path, default=DATASET_DIR, help="Folder holding the dataset's YAML files.")
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the database already holds data (keeps edits)."
        )

    def handle(self, *args, path, if_empty, **options):
        if if_empty and State.objects.exists():
            self.stdout.write("The database already holds data; not loading the dataset.")
            return
        try:
            counts = Loader(path).load()
        except DatasetError as error:
            raise CommandError(f"Nothing was loaded. {error}") from None
        summary = ", ".join(f"{count} {label}" for label, count in sorted(counts.items()))
        self.stdout.write(self.style.SUCCESS(f"Loaded the dataset: {summary}."))
