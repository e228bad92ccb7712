"""Restoring a version brings back exactly what it held, for every versioned model and every kind of field: text,
flags, numbers, foreign keys, many-to-many links, child rows and citations."""

from datetime import datetime
from decimal import Decimal

import pytest
import reversion
from django.core.exceptions import ValidationError
from django.db import models
from reversion.models import Version

from csto_portal import history, restore
from csto_portal.roles import CONTENT_APPS

pytestmark = pytest.mark.django_db

VERSIONED = sorted(
    (model for model in reversion.get_registered_models() if model._meta.app_label in CONTENT_APPS),
    key=lambda model: model._meta.label,
)


def _comparable(rows):
    """Rows as a restore must reproduce them: ``updated`` is the restore's own time, and a version keeps times to
    the millisecond (JSON, as django-reversion stores it)."""

    def kept(value):
        return value.replace(microsecond=value.microsecond // 1000 * 1000) if isinstance(value, datetime) else value

    return {key: {k: kept(v) for k, v in values.items() if k != "updated"} for key, values in rows.items()}


def _changed(value, field):
    """Another value of ``field``'s kind, or None when there is no other to try."""
    if field.choices:
        others = [choice for choice, _label in field.flatchoices if choice != value and choice != ""]
        return others[0] if others else None
    if isinstance(field, models.BooleanField):
        return not value
    if isinstance(field, models.DecimalField | models.PositiveSmallIntegerField | models.IntegerField):
        return (value or 0) + (Decimal(1) if isinstance(field, models.DecimalField) else 1)
    if isinstance(field, models.CharField | models.TextField) and not field.choices:
        return f"{value}x"[: field.max_length] if field.max_length else f"{value} changed"
    if field.many_to_one and field.null:
        return None if value is not None else field.related_model._base_manager.order_by("pk").first()
    return None


def _change_every_field(record):
    """Change each field that can take another valid value, one at a time, keeping the changes that are valid."""
    changed = []
    for field in record._meta.concrete_fields:
        if field.primary_key or not field.editable or field.name in {"created", "updated"} or field.generated:
            continue
        before = getattr(record, field.name)
        after = _changed(before, field)
        if after is None or after == before:
            continue
        setattr(record, field.name, after)
        try:
            record.full_clean()
        except ValidationError:
            setattr(record, field.name, before)
        else:
            changed.append(field.name)
    record.save()
    for field in record._meta.many_to_many:
        if field.remote_field.through._meta.auto_created and getattr(record, field.name).exists():
            getattr(record, field.name).clear()
            changed.append(field.name)
    return changed


def test_the_models_restored_below_cover_every_kind_of_field():
    kinds = {type(field).__name__ for model in VERSIONED for field in model._meta.get_fields()}
    assert {"CharField", "BooleanField", "DecimalField", "ForeignKey", "ManyToManyField", "ManyToOneRel"} <= kinds


@pytest.mark.parametrize("model", VERSIONED, ids=lambda model: model._meta.label)
def test_every_model_is_restored_exactly_after_every_kind_of_field_changed(model):
    versions = Version.objects.get_for_model(model).select_related("revision").order_by("-pk")
    version = next((v for v in versions if model._base_manager.filter(pk=v.object_id).exists()), None)
    if version is None:
        pytest.skip(f"the tests' dataset holds no {model._meta.verbose_name}")
    record = model._base_manager.get(pk=version.object_id)
    earlier = history.revision_snapshot(version.revision, record)
    assert earlier, "the version holds its record"

    with reversion.create_revision():
        changed = _change_every_field(record)
        for part in reversed(history.parts(record)):
            part.delete()  # child rows and citations, the deepest first
    assert changed, "no field could be changed"
    assert _comparable(history.snapshot(record)) != _comparable(earlier)

    with reversion.create_revision():
        restore.apply(model, record.pk, earlier)
    assert _comparable(history.snapshot(model._base_manager.get(pk=record.pk))) == _comparable(earlier)
