from django.db import migrations

from csto_portal.roles import EDITORS, create_all_permissions, editor_permission_ids


def create_editors(apps, schema_editor):
    create_all_permissions(apps)
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    editors, _ = group_model.objects.get_or_create(name=EDITORS)
    editors.permissions.set(editor_permission_ids(permission_model))


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("csto_portal", "0002_historicalarea_historicalareatask_historicalcitation_and_more"),
        ("organs", "0003_historicalchairmanship_historicalmembership_and_more"),
        ("treaties", "0002_historicalinstrument_historicalinstrumentevent_and_more"),
        ("operations", "0003_historicalmeeting_historicaloperation_and_more"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
