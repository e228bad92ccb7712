import json

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.scenarios import pick_records, scenarios


class Command(BaseCommand):
    help = "Print, as JSON, the real records the benchmark names and the SQL queries each scenario's request runs."

    def handle(self, *args, **options):
        records = pick_records()
        client = Client()
        counted = {}
        for scenario in scenarios(records):
            # The first request fills what a running server has already filled (template and URL caches, and the
            # response cache when it is on); the second is the one a server answers over and over.
            client.get(scenario.path)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(scenario.path)
            counted[scenario.key] = {"status": response.status_code, "queries": len(queries)}
        payload = {"records": records.__dict__, "queries": counted}
        self.stdout.write(json.dumps(payload))
