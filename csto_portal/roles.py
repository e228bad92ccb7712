"""The editors' roles, kept in one place so the data migrations and the tests agree on them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

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


# The rows that belong to one record and are edited on its page (citations, participants, figures, steps, the
# periods of a state or a post): an editor removes one added by mistake.
CHILD_ROWS = (
    "citation",
    "areatask",
    "participation",
    "result",
    "instrumentevent",
    "party",
    "instrumentrelation",
    "organrelation",
    "membership",
    "membershipstep",
    "tenure",
    "tenurestep",
)


def editor_permission_ids(permission_model) -> list[int]:
    """Editors view, add and change every content record; they delete child rows, and drafts of their own (the
    admin and the API hold them to their own drafts); they manage no users."""
    content = _content_permissions(permission_model)
    publishable = [
        codename.removeprefix("publish_")
        for codename in content.filter(codename__startswith="publish_").values_list("codename", flat=True)
    ]
    deletable = [f"delete_{model}" for model in (*CHILD_ROWS, *publishable)]
    return list(
        content.filter(Q(codename__regex=r"^(view|add|change)_") | Q(codename__in=deletable)).values_list(
            "id", flat=True
        )
    )


def reviewer_permission_ids(permission_model) -> list[int]:
    """Reviewers do what editors do, publish drafts (or take a record back to draft), and delete any record."""
    extra = _content_permissions(permission_model).filter(
        Q(codename__startswith="publish_") | Q(codename__startswith="delete_")
    )
    return sorted(set(editor_permission_ids(permission_model)) | set(extra.values_list("id", flat=True)))


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
