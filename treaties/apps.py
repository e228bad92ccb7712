from django.apps import AppConfig


class TreatiesConfig(AppConfig):
    name = "treaties"
