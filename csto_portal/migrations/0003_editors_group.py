from django.db import migrations

from csto_portal.roles import EDITORS, editor_permission_ids, group_operation


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("csto_portal", "0002_historicalarea_historicalareatask_historicalcitation_and_more"),
        ("organs", "0003_historicalchairmanship_historicalmembership_and_more"),
        ("treaties", "0002_historicalinstrument_historicalinstrumentevent_and_more"),
        ("operations", "0003_historicalmeeting_historicaloperation_and_more"),
    ]

    operations = [group_operation(EDITORS, editor_permission_ids)]
