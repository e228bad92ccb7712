"""The benchmark's data generator: k times the real dataset, in the dataset's shapes, within every database rule."""

import pytest
from django.db import connection

from bench.generate import COPIED_MODELS, multiply
from csto_portal.models import Citation
from operations.models import Operation

pytestmark = pytest.mark.django_db


def test_generating_twice_the_dataset_doubles_every_multiplied_kind_of_record():
    before = {model: model.objects.count() for model in COPIED_MODELS}

    counts = multiply(2)

    for model in COPIED_MODELS:
        assert model.objects.count() == 2 * before[model], model.__name__
        assert counts[model._meta.label] == 2 * before[model]


def test_generated_records_keep_every_database_and_model_rule():
    multiply(2)

    # Foreign keys are checked at commit, which a test never reaches: have PostgreSQL check them now.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for model in COPIED_MODELS:
        for record in model.objects.order_by("-pk")[: model.objects.count() // 2]:
            record.full_clean()


def test_a_copy_has_its_originals_columns_children_and_sources():
    multiply(2)

    original = Operation.objects.get(slug="kanal-2003-2009")
    copy = Operation.objects.get(slug="kanal-2003-2009-x1")
    assert (copy.kind, copy.status, copy.summary, copy.series_id) == (
        original.kind,
        original.status,
        original.summary,
        original.series_id,
    )
    assert copy.name.endswith("· 1")
    assert copy.participations.count() == original.participations.count() > 0
    assert copy.results.count() == original.results.count() > 0
    assert copy.citations.count() == original.citations.count() > 0
    assert Citation.objects.filter(object_id=copy.pk, content_type__model="operation").exists()


def test_every_generated_operation_belongs_to_a_series():
    multiply(2)

    assert not Operation.objects.filter(slug__endswith="-x1", series__isnull=True).exists()
