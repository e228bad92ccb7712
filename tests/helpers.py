from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from csto_portal.dates import PartialDate

# The tests' own records, so that the shipped dataset in dataset/ can grow without changing any test's outcome.
TEST_DATASET = Path(__file__).resolve().parent / "dataset"
# Later records (2011 on) that some modules add to it with the ``later_records`` fixture.
LATER_RECORDS = Path(__file__).resolve().parent / "later_records"


def cited(locator: str = "API test") -> list[dict]:
    """A write's ``citations``: one new citation of the tests' dataset's overview, which a write entering a date or a
    figure brings, as the admin's form asks."""
    return [{"source": "bordyuzha-2010", "locator": locator}]


def assert_refused(record, constraint: str, message: str):
    """The form layer explains the rule, and the database refuses the row even when validation is skipped."""
    with pytest.raises(ValidationError) as explained:
        record.full_clean()
    assert message in str(explained.value)
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        record.save()
    assert constraint in str(refused.value)


def assert_shows(text: str, *fragments: str):
    """Every fragment stands in ``text`` (a page's HTML); a failure names each one that does not."""
    missing = [fragment for fragment in fragments if fragment not in text]
    assert not missing, f"not in the page: {missing}"


# The tests' dataset's instruments with a step in 2009 (the peacekeeping agreement entered into force on 15 January
# 2009; the Charter, signed in 2002 and in force in 2003, is not one of them), as the filters and the API list them.
INSTRUMENTS_WITH_A_STEP_IN_2009 = {
    "action-plan-illegal-migration",
    "agreement-peacekeeping-activities",
    "cmfa-declaration-2009-09-26",
    "decision-collective-emergency-response-system",
    "declaration-csto-states-osce-fsc-2009",
    "declaration-heads-of-state-2009-06-14",
    "declaration-parliamentary-delegations-osce-pa-2009",
}

# Values the instruments' filters refuse, the parameter they are refused for and words of the reason, as the filter
# set gives them and the API passes them on.
BAD_INSTRUMENT_FILTERS = [
    ({"year_from": "abc"}, "year_from", "Enter a whole number"),
    ({"year_to": "1800"}, "year_to", "greater than or equal to 1900"),
    ({"kind": "nonsense"}, "kind", "not one of the available choices"),
    ({"status": "forgotten"}, "status", "not one of the available choices"),
    ({"adopted_by": "unknown-body"}, "adopted_by", "not one of the available choices"),
    ({"area": "no-such-area"}, "area", "not one of the available choices"),
    ({"state": "zz"}, "state", "not one of the available choices"),
    ({"q": "x" * 10_000}, "q", "at most 200 characters"),
    ({"ordering": "popularity"}, "ordering", "not one of the available choices"),
]


def _value(value):
    if isinstance(value, list | tuple):
        return [getattr(item, "pk", item) for item in value]
    if isinstance(value, PartialDate):
        return str(value)
    return getattr(value, "pk", value)


def form_data(page, **fields) -> dict:
    """What a browser posts back from an admin form page, unchanged, with ``fields`` typed in."""
    form = page.context["adminform"].form
    data = {name: _value(value) for name, value in form.initial.items() if value is not None}
    for formset in page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name, field in management.fields.items():
            data[f"{management.prefix}-{name}"] = management.initial.get(name, field.initial)
        for row in formset.formset.initial_forms:
            data.update({f"{row.prefix}-{k}": _value(v) for k, v in row.initial.items() if v is not None})
            data[f"{row.prefix}-id"] = row.instance.pk
    data.update(fields)
    return data


def post_back(admin_client, url, **fields):
    """Opens the admin form at ``url`` and posts it back as a browser would, with ``fields`` typed in."""
    return admin_client.post(url, form_data(admin_client.get(url), **fields))
