from django.db import migrations

from csto_portal.roles import REVIEWERS, create_all_permissions, reviewer_permission_ids


def create_reviewers(apps, schema_editor):
    create_all_permissions(apps)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    reviewers, _ = group_model.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.set(reviewer_permission_ids(permission_model))


def remove_reviewers(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=REVIEWERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("csto_portal", "0003_editors_group"),
        ("operations", "0004_drafts"),
        ("treaties", "0003_drafts"),
    ]

    operations = [migrations.RunPython(create_reviewers, remove_reviewers)]
