from django.db import migrations

from csto_portal.roles import REVIEWERS, group_operation, reviewer_permission_ids


class Migration(migrations.Migration):
    dependencies = [
        ("csto_portal", "0003_editors_group"),
        ("operations", "0004_drafts"),
        ("treaties", "0003_drafts"),
    ]

    operations = [group_operation(REVIEWERS, reviewer_permission_ids)]
