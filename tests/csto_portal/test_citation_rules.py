"""A citation backs a real attribute of its record (or the record as a whole) and says where the fact stands: a
locator, or a source with a URL. The admin offers only the record's attributes; the loader refuses the rest."""

import shutil
from io import StringIO

import pytest
import yaml
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from csto_portal.models import Citation, Source
from csto_portal.provenance import citable_attributes
from operations.models import Operation, Result
from tests.helpers import TEST_DATASET

pytestmark = pytest.mark.django_db


@pytest.fixture
def rubezh():
    return Operation.objects.get(slug="rubezh-2010")


@pytest.fixture
def offline_source():
    return Source.objects.create(slug="a-printed-book", title="A printed book", kind="reference")


def citation(record, source, **fields):
    content_type = ContentType.objects.get_for_model(record)
    return Citation(content_type=content_type, object_id=record.pk, source=source, **fields)


def test_what_a_citation_can_back_is_what_an_editor_enters():
    figure = citable_attributes(Result)
    assert {"metric", "value", "unit", "stage", "state"} <= set(figure)
    assert {"position", "note", "created", "updated", "id"}.isdisjoint(figure)
    attributes = citable_attributes(Operation)
    assert attributes["start"] == "start"  # a partial date, by the name the forms give its two columns
    assert {"start_date", "start_precision", "slug", "draft", "created", "search_vector"}.isdisjoint(attributes)
    assert {"places", "forces", "areas"} <= set(attributes)  # many-to-many links are facts too


def test_a_citation_of_an_attribute_the_record_lacks_is_refused_naming_those_it_has(rubezh):
    with pytest.raises(ValidationError) as refused:
        citation(rubezh, rubezh.citations.first().source, field="xyz", locator="p. 2").full_clean()
    message = refused.value.message_dict["field"][0]
    assert message.startswith("Operation records have no attribute “xyz”: choose one of name, aliases, series, kind")
    assert message.endswith("or leave it blank when the citation backs the record as a whole.")


def test_a_citation_of_a_source_without_a_url_needs_a_locator(rubezh, offline_source):
    with pytest.raises(ValidationError) as refused:
        citation(rubezh, offline_source, field="start").full_clean()
    assert refused.value.message_dict == {
        "locator": ["This source has no URL: say where in it the fact stands (section, page or row)."]
    }
    citation(rubezh, offline_source, field="start", locator="p. 12").full_clean()


def test_a_citation_of_a_page_on_the_web_needs_no_locator(rubezh):
    online = Source.objects.exclude(url="").first()
    citation(rubezh, online, field="start").full_clean()


def test_the_loader_refuses_a_citation_of_an_unknown_attribute_and_says_where(tmp_path):
    copy = tmp_path / "dataset"
    shutil.copytree(TEST_DATASET, copy)
    path = copy / "operations.yaml"
    records = yaml.safe_load(path.read_text())
    rubezh = next(record for record in records if record["slug"] == "rubezh-2010")
    rubezh["citations"][0]["field"] = "xyz"
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False))
    with pytest.raises(CommandError, match=r"operations.yaml, record \d+ \(slug rubezh-2010\), citation 1: .*“xyz”"):
        call_command("load_csto", path=copy, stdout=StringIO())


def test_the_admin_offers_the_records_own_attributes_and_refuses_others(admin_client, rubezh):
    url = reverse("admin:operations_operation_change", args=[rubezh.pk])
    page = admin_client.get(url)
    citations = page.context["inline_admin_formsets"][-1].formset
    offered = dict(citations.empty_form.fields["field"].choices)
    assert offered == {"": "the record as a whole", **citable_attributes(Operation)}
    assert citations.empty_form.fields["field"].valid_value("start")
    assert not citations.empty_form.fields["field"].valid_value("xyz")
