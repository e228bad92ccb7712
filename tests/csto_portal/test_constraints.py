import pytest
from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint, Q

from csto_portal.constraints import exactly_one_of
from organs.models import Membership

pytestmark = pytest.mark.django_db

CONSTRAINT = exactly_one_of("state", "partner", name="one_holder", violation_error_message="Name one.")


def test_exactly_one_of_is_the_constraint_written_out():
    """The migrations were written from the spelled-out condition; the helper must deconstruct to it unchanged."""
    written_out = CheckConstraint(
        condition=Q(state__isnull=False, partner__isnull=True) | Q(state__isnull=True, partner__isnull=False),
        name="one_holder",
        violation_error_message="Name one.",
    )
    assert CONSTRAINT.deconstruct() == written_out.deconstruct()


@pytest.mark.parametrize(("state", "partner"), [(1, None), (None, 2)], ids=["first only", "second only"])
def test_a_row_naming_one_of_the_two_passes(state, partner):
    CONSTRAINT.validate(Membership, Membership(state_id=state, partner_id=partner))


@pytest.mark.parametrize(("state", "partner"), [(1, 2), (None, None)], ids=["both", "neither"])
def test_a_row_naming_both_or_neither_is_refused(state, partner):
    with pytest.raises(ValidationError, match="Name one"):
        CONSTRAINT.validate(Membership, Membership(state_id=state, partner_id=partner))
