from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

# The tests' own records, so that the shipped dataset in dataset/ can grow without changing any test's outcome.
TEST_DATASET = Path(__file__).resolve().parent / "dataset"
# Later records (2011 on) that some modules add to it with the ``later_records`` fixture.
LATER_RECORDS = Path(__file__).resolve().parent / "later_records"


def assert_refused(record, constraint: str, message: str):
    """The form layer explains the rule, and the database refuses the row even when validation is skipped."""
    with pytest.raises(ValidationError) as explained:
        record.full_clean()
    assert message in str(explained.value)
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        record.save()
    assert constraint in str(refused.value)
