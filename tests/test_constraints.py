"""Every database constraint is exercised by a test that shows it refusing the row it exists for."""

import datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.db.models import CheckConstraint

from csto_portal.dates import DatePrecision
from tests.helpers import assert_refused

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("later_records")]


def constraint_names(suffix: str = "") -> list[tuple[type, str]]:
    found = []
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            name = constraint.name % {"app_label": model._meta.app_label, "class": model.__name__.lower()}
            if name.endswith(suffix):
                found.append((model, name, constraint))
    return found


PRECISION_CONSTRAINTS = [
    (model, name)
    for model, name, constraint in constraint_names("_precision")
    if isinstance(constraint, CheckConstraint)
]


@pytest.mark.parametrize(("model", "name"), PRECISION_CONSTRAINTS, ids=[name for _, name in PRECISION_CONSTRAINTS])
def test_a_partial_date_is_stored_on_the_first_day_of_its_period(model, name):
    attribute = name.removeprefix(f"{model._meta.app_label}_{model.__name__.lower()}_").removesuffix("_precision")
    date_field, precision_field = f"{attribute}_date", f"{attribute}_precision"
    dated = model.objects.filter(**{f"{date_field}__isnull": False})
    # A date that is not 1 January breaks the rule by its precision alone; otherwise move it by a day, away
    # from the other end of its period so that no other constraint objects first.
    record = dated.exclude(**{f"{date_field}__month": 1, f"{date_field}__day": 1}).first() or dated.first()
    assert record is not None, f"the dataset has no {model.__name__} with a {attribute} date to test with"
    date = getattr(record, date_field)
    if (date.month, date.day) == (1, 1):
        step = 1 if attribute.endswith("end") else -1
        setattr(record, date_field, date + datetime.timedelta(days=step))
    setattr(record, precision_field, DatePrecision.YEAR)
    assert_refused(record, name, "first day of that period")


LENGTH_CONSTRAINTS = [(model, name) for model, name, _ in constraint_names("_length")]


@pytest.mark.parametrize(("model", "name"), LENGTH_CONSTRAINTS, ids=[name for _, name in LENGTH_CONSTRAINTS])
def test_a_bounded_text_refuses_one_character_more(model, name):
    attribute = name.removeprefix(f"{model._meta.app_label}_{model.__name__.lower()}_").removesuffix("_length")
    record = model._default_manager.first()
    assert record is not None, f"the dataset has no {model.__name__} to test with"
    limit = model._meta.get_field(attribute).max_length
    setattr(record, attribute, "x" * limit)
    record.full_clean()
    setattr(record, attribute, "x" * (limit + 1))
    assert_refused(record, name, f"at most {limit} characters")


def test_every_constraint_has_a_test():
    test_sources = "".join(path.read_text() for path in Path(__file__).parent.rglob("test_*.py"))
    covered_above = {name for _, name in PRECISION_CONSTRAINTS + LENGTH_CONSTRAINTS}
    untested = [name for _, name, _ in constraint_names() if name not in test_sources and name not in covered_above]
    assert untested == []
