"""Every change is recorded with who made it, from the admin and the API alike, and can be undone."""

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from operations.models import Operation
from organs.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def rubezh():
    return Operation.objects.get(slug="rubezh-2010")


def test_the_loaded_dataset_has_a_first_version_of_every_record(rubezh):
    assert rubezh.history.count() >= 1
    assert rubezh.history.earliest().history_type == "+"


def test_an_admin_edit_is_recorded_with_its_editor_and_shown_as_a_change(admin_client, admin_user, rubezh):
    url = reverse("admin:operations_operation_change", args=[rubezh.pk])
    page = admin_client.get(url)
    data = {**_form_data(page.context["adminform"].form), **_empty_inlines(page.context)}
    data["summary"] = "A rewritten summary."
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""

    latest = rubezh.history.latest()
    assert (latest.history_user, latest.summary) == (admin_user, "A rewritten summary.")
    history_page = admin_client.get(reverse("admin:operations_operation_history", args=[rubezh.pk]))
    assert "A rewritten summary." in history_page.text


def test_an_earlier_version_can_be_restored_from_the_admin(admin_client, rubezh):
    original = rubezh.summary
    first = rubezh.history.earliest()
    rubezh.summary = "Vandalised."
    rubezh.save()
    revert_url = reverse("admin:operations_operation_simple_history", args=[rubezh.pk, first.history_id])
    form_page = admin_client.get(revert_url)
    assert form_page.status_code == 200
    data = _form_data(form_page.context["adminform"].form)
    data.update(_empty_inlines(form_page.context))
    admin_client.post(revert_url, data)
    rubezh.refresh_from_db()
    assert rubezh.summary == original


def test_an_earlier_version_of_a_record_without_search_text_opens_for_restoring(admin_client):
    # Memberships, events and results have no search vector; reading their old versions once failed on it.
    membership = Membership.objects.filter(state__iso2="UZ").earliest("start_date")
    membership.end_cause = "A later note."
    membership.save()
    first = membership.history.earliest()

    assert first.instance.end_cause != "A later note."
    page = admin_client.get(reverse("admin:organs_membership_simple_history", args=[membership.pk, first.history_id]))
    assert page.status_code == 200
    assert "Revert" in page.text


def test_a_change_through_the_api_is_recorded_with_the_token_user(rubezh, token_client):
    editor = User.objects.create_user("api-editor")
    editor.user_permissions.add(Permission.objects.get(codename="change_operation"))
    response = token_client(user=editor).patch(
        reverse("api:operation-detail", args=["rubezh-2010"]), {"summary": "Via the API."}
    )
    assert response.status_code == 200
    latest = rubezh.history.latest()
    assert (latest.history_user, latest.summary) == (editor, "Via the API.")


def _form_data(form) -> dict:
    """What a browser would post back for an unchanged form: related records by their keys."""
    data = {}
    for name, value in form.initial.items():
        if isinstance(value, list | tuple):
            data[name] = [getattr(item, "pk", item) for item in value]
        elif value is not None:
            data[name] = getattr(value, "pk", value)
    return data


def _empty_inlines(context) -> dict:
    """The management form of every inline, unchanged, so that the admin form validates."""
    data = {}
    for formset in context.get("inline_admin_formsets", []):
        management = formset.formset.management_form
        for name, field in management.fields.items():
            data[f"{management.prefix}-{name}"] = management.initial.get(name, field.initial)
        for form in formset.formset.forms:
            for name, value in form.initial.items():
                if value is not None:
                    data[f"{form.prefix}-{name}"] = value
            data[f"{form.prefix}-id"] = form.instance.pk or ""
    return data
