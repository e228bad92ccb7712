import json

from django.core.management.base import BaseCommand

from bench.scenarios import pick_records


class Command(BaseCommand):
    help = "Print, as JSON, the real records the benchmark's URLs name (the same at every scale)."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(pick_records().__dict__))
