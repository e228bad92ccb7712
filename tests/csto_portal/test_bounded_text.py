"""Summaries and notes have a length a reader takes in; longer text is refused on every path, with the limit."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from csto_portal.text import NOTE_LENGTH, SUMMARY_LENGTH, BoundedTextField
from operations.models import Operation
from organs.models import Organ

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * 10_000


def test_every_free_text_of_a_record_is_bounded():
    unbounded = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in {"csto_portal", "organs", "treaties", "operations"}
        and not model.__name__.startswith("Historical")
        for field in model._meta.concrete_fields
        if field.get_internal_type() == "TextField" and not isinstance(field, BoundedTextField)
    ]
    assert unbounded == []


def test_a_10000_character_summary_is_refused_by_the_model_and_the_database():
    operation = Operation.objects.get(slug="rubezh-2010")
    operation.summary = TOO_LONG
    with pytest.raises(ValidationError) as refused:
        operation.full_clean()
    assert refused.value.message_dict["summary"] == [
        f"Ensure this value has at most {SUMMARY_LENGTH} characters (it has 10000)."
    ]
    with pytest.raises(IntegrityError, match="operations_operation_summary_length"), transaction.atomic():
        operation.save()


def test_the_api_refuses_a_long_summary_and_keeps_the_record(editor_api):
    operation = Operation.objects.get(slug="rubezh-2010")
    url = reverse("api:operation-detail", args=[operation.slug])
    response = editor_api.patch(url, {"summary": TOO_LONG}, format="json")
    assert response.status_code == 400
    assert response.json()["summary"] == [f"Ensure this field has no more than {SUMMARY_LENGTH} characters."]
    operation.refresh_from_db()
    assert operation.summary != TOO_LONG


def test_the_admin_bounds_the_text_box_and_counts_its_characters(admin_client):
    organ = Organ.objects.get(slug="secretariat")
    page = admin_client.get(reverse("admin:organs_organ_change", args=[organ.pk]))
    html = page.content.decode()
    assert f'maxlength="{SUMMARY_LENGTH}"' in html  # mandate and composition
    assert f'maxlength="{NOTE_LENGTH}"' in html  # each relation's note
    assert "js/text-counter.js" in html
