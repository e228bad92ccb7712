from django.apps import AppConfig
from django.db.models.signals import post_migrate


def install_data_version_triggers(sender, using, **kwargs):
    from csto_portal.data_version import install_triggers

    install_triggers(using)


class CstoPortalConfig(AppConfig):
    name = "csto_portal"
    verbose_name = "Sources and areas"

    def ready(self):
        # After every migrate rather than in one migration, so that a table added later is covered without
        # anyone remembering to.
        post_migrate.connect(install_data_version_triggers, sender=self)
        # Here, once every app's admin is registered: a record's history takes in the rows of its admin's inlines.
        from django.contrib import admin

        from csto_portal.history import register_all

        register_all(admin.site)
