import json

from django.core.management.base import BaseCommand

from bench.costs import cold_api_list_costs


class Command(BaseCommand):
    help = "Print, as JSON, where the time of a cold API list of 50 operations goes (bench/costs.py)."

    def handle(self, *args, **options):
        self.stdout.write(json.dumps(cold_api_list_costs()))
