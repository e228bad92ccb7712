"""The editors' roles, kept in one place so the data migrations and the tests agree on them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_APPS = ("csto_portal", "organs", "treaties", "operations")
EDITORS = "Editors"
REVIEWERS = "Reviewers"


def create_all_permissions(apps):
    """Create the permissions of every model now: Django normally does it after all migrations have run."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _content_permissions(permission_model):
    return permission_model.objects.filter(content_type__app_label__in=CONTENT_APPS).exclude(
        content_type__model__startswith="historical"
    )


def editor_permission_ids(permission_model) -> list[int]:
    """Editors may view, add and change every content record, but delete nothing and manage no users."""
    return list(
        _content_permissions(permission_model)
        .filter(codename__regex=r"^(view|add|change)_")
        .values_list("id", flat=True)
    )


def reviewer_permission_ids(permission_model) -> list[int]:
    """Reviewers do what editors do, and publish drafts (or take a record back to draft)."""
    publish = _content_permissions(permission_model).filter(codename__startswith="publish_")
    return editor_permission_ids(permission_model) + list(publish.values_list("id", flat=True))


def group_operation(name: str, permission_ids) -> migrations.RunPython:
    """A data migration's step that makes the group ``name`` hold ``permission_ids(Permission)``; undone by
    removing the group."""

    def create(apps, schema_editor):
        create_all_permissions(apps)
        group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=name)
        group.permissions.set(permission_ids(apps.get_model("auth", "Permission")))

    def remove(apps, schema_editor):
        apps.get_model("auth", "Group").objects.filter(name=name).delete()

    return migrations.RunPython(create, remove)


def refresh_groups_operation() -> migrations.RunPython:
    """A data migration's step, after new models, that gives both groups the permissions on them as well.

    Undoing it changes nothing: the models' own migrations remove their permissions when they are undone.
    """

    def refresh(apps, schema_editor):
        create_all_permissions(apps)
        permission = apps.get_model("auth", "Permission")
        for name, permission_ids in ((EDITORS, editor_permission_ids), (REVIEWERS, reviewer_permission_ids)):
            group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=name)
            group.permissions.set(permission_ids(permission))

    return migrations.RunPython(refresh, migrations.RunPython.noop)
