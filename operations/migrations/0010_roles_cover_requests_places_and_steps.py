from django.db import migrations

from csto_portal.roles import refresh_groups_operation


class Migration(migrations.Migration):
    """Editors and reviewers may work on requests for help, places and dated steps, as on every other record."""

    dependencies = [
        ("csto_portal", "0004_reviewers_group"),
        ("operations", "0009_counter_terrorism_kind"),
        ("organs", "0006_dated_steps_and_people_search"),
    ]

    operations = [refresh_groups_operation()]
