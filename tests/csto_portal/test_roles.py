"""The Editors group adds and changes content in the admin and through the API; it removes child rows and drafts
of its own, and manages no users. Reviewers publish and delete any record."""

import pytest
import reversion
from django.urls import reverse

from operations.models import Operation

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(editor, client):
    client.force_login(editor)
    return client


def test_editors_add_and_change_every_kind_of_content_and_delete_only_child_rows_and_drafts(editor):
    for label in ("operations.operation", "treaties.instrument", "organs.state", "organs.membership"):
        app, model = label.split(".")
        assert editor.has_perm(f"{app}.add_{model}") and editor.has_perm(f"{app}.change_{model}")
    for child in ("csto_portal.citation", "operations.participation", "operations.result", "organs.tenure"):
        assert editor.has_perm(child.replace(".", ".delete_"))
    for record in ("organs.state", "organs.organ", "csto_portal.source"):
        assert not editor.has_perm(record.replace(".", ".delete_"))
    assert not editor.has_perm("auth.add_user") and not editor.has_perm("auth.change_group")


def test_reviewers_delete_any_record(reviewer):
    assert all(reviewer.has_perm(f"{label}") for label in ("organs.delete_state", "operations.delete_operation"))


def test_an_editor_works_in_the_admin_but_cannot_delete_a_published_record_or_manage_users(editor_client):
    rubezh = Operation.objects.get(slug="rubezh-2010")
    assert editor_client.get(reverse("admin:operations_operation_add")).status_code == 200
    assert editor_client.get(reverse("admin:operations_operation_change", args=[rubezh.pk])).status_code == 200
    assert editor_client.get(reverse("admin:operations_operation_delete", args=[rubezh.pk])).status_code == 403
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_through_the_api_an_editor_deletes_only_drafts_of_their_own(editor, editor_api, reviewer, token_client):
    for slug, author in (("own-draft", editor), ("others-draft", reviewer)):
        with reversion.create_revision():
            reversion.set_user(author)
            Operation.all_objects.create(slug=slug, name=slug, kind="exercise", status="planned", draft=True)

    assert editor_api.delete(reverse("api:operation-detail", args=["own-draft"])).status_code == 204
    for slug in ("others-draft", "rubezh-2010"):
        refused = editor_api.delete(reverse("api:operation-detail", args=[slug]))
        assert refused.status_code == 403
        assert "an editor may delete a draft they added themselves" in refused.json()["detail"]
    assert set(
        Operation.all_objects.filter(slug__in=["own-draft", "others-draft", "rubezh-2010"]).values_list(
            "slug", flat=True
        )
    ) == {"others-draft", "rubezh-2010"}

    reviewer_api = token_client(user=reviewer)
    assert reviewer_api.delete(reverse("api:operation-detail", args=["rubezh-2010"])).status_code == 204
