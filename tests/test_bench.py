"""The benchmark's data generator: k times the real dataset, in the dataset's shapes, within every database rule."""

import pytest
from django.db.models import F, OuterRef, Subquery

from bench.generate import COPIED_MODELS, multiply
from csto_portal.models import Citation
from operations.models import Operation
from treaties.models import Instrument, InstrumentEvent

pytestmark = pytest.mark.django_db


def test_generating_twice_the_dataset_doubles_every_multiplied_kind_of_record():
    before = {model: model.objects.count() for model in COPIED_MODELS}

    counts = multiply(2)

    for model in COPIED_MODELS:
        assert model.objects.count() == 2 * before[model], model.__name__
        assert counts[model._meta.label] == 2 * before[model]


def test_generated_records_keep_every_database_and_model_rule():
    multiply(2)

    # The generator copies with triggers off, foreign-key triggers included; full_clean() looks up the record
    # each foreign key names, and the model's check constraints.
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


def test_a_copied_instrument_holds_the_first_dated_step_of_its_own_events():
    multiply(2)

    # What the database's triggers would have written, had they run during the copy.
    first_steps = InstrumentEvent.objects.filter(instrument=OuterRef("pk"), state__isnull=True).order_by(
        "occurred_date", "pk"
    )
    stale = Instrument.all_objects.annotate(
        computed=Subquery(first_steps.values("occurred_date")[:1]),
        computed_precision=Subquery(first_steps.values("occurred_precision")[:1]),
    ).exclude(first_event_date__isnull=True, computed__isnull=True)
    assert stale.exclude(first_event_date=F("computed"), first_event_precision=F("computed_precision")).count() == 0
    assert Instrument.all_objects.filter(slug__endswith="-x1", first_event_date__isnull=False).exists()


def test_every_generated_operation_belongs_to_a_series():
    multiply(2)

    assert not Operation.objects.filter(slug__endswith="-x1", series__isnull=True).exists()
