from django.db import migrations

from csto_portal.roles import refresh_groups_operation


class Migration(migrations.Migration):
    """Editors may now remove child rows and drafts of their own; Reviewers may delete any record."""

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("csto_portal", "0006_bounded_text"),
        ("operations", "0011_bounded_text"),
        ("organs", "0009_bounded_text"),
        ("treaties", "0006_bounded_text"),
    ]

    operations = [refresh_groups_operation()]
