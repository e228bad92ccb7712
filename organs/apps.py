from django.apps import AppConfig


class OrgansConfig(AppConfig):
    name = "organs"
