from django.apps import AppConfig


class CstoPortalConfig(AppConfig):
    name = "csto_portal"
    verbose_name = "Sources and areas"
