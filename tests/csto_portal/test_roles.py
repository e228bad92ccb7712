"""The Editors group may add and change content, in the admin and through the API, but delete nothing and manage
no users or permissions."""

import pytest
from django.urls import reverse

from operations.models import Operation

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(editor, client):
    client.force_login(editor)
    return client


def test_editors_may_add_and_change_every_kind_of_content(editor):
    for label in (
        "operations.operation",
        "treaties.instrument",
        "organs.state",
        "organs.membership",
        "csto_portal.citation",
    ):
        app, model = label.split(".")
        assert editor.has_perm(f"{app}.add_{model}") and editor.has_perm(f"{app}.change_{model}")
        assert not editor.has_perm(f"{app}.delete_{model}")
    assert not editor.has_perm("auth.add_user") and not editor.has_perm("auth.change_group")


def test_an_editor_works_in_the_admin_but_cannot_delete_or_manage_users(editor_client):
    rubezh = Operation.objects.get(slug="rubezh-2010")
    assert editor_client.get(reverse("admin:operations_operation_add")).status_code == 200
    assert editor_client.get(reverse("admin:operations_operation_change", args=[rubezh.pk])).status_code == 200
    assert editor_client.get(reverse("admin:operations_operation_delete", args=[rubezh.pk])).status_code == 403
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_an_editor_writes_through_the_api_but_cannot_delete(editor_api):
    url = reverse("api:operation-detail", args=["rubezh-2010"])
    assert editor_api.patch(url, {"summary": "Edited by an editor."}).status_code == 200
    assert editor_api.delete(url).status_code == 403
    assert Operation.objects.filter(slug="rubezh-2010").exists()
