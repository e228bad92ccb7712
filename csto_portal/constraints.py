"""Constraint building blocks shared by the apps: range expressions for PostgreSQL exclusion constraints, periods
that may not overlap, and the check that a row names exactly one of two related records.

The embedded PostgreSQL has no ``btree_gist``, so equality on an id is written
as the single-value range ``int8range(id, id, '[]')``, which core GiST indexes.
"""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import BigIntegerRangeField, DateRangeField
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS
from django.db.models import CheckConstraint, Func, Q, Value
from django.db.models.functions import Least
from django.utils.translation import gettext_lazy as _


class DateRange(Func):
    """``daterange(start, end, '[)')``: an open end (NULL) runs on indefinitely.

    The lower bound is ``LEAST(start, end)`` so that a period whose end precedes
    its start (refused by a check constraint) makes an empty range instead of
    an SQL error while the constraints are being validated.
    """

    function = "DATERANGE"
    output_field = DateRangeField()

    def __init__(self, start, end):
        super().__init__(Least(start, end), end, Value("[)"))


class IdRange(Func):
    """``int8range(id, id, '[]')``: a range holding just one id, so GiST can test it for equality."""

    function = "INT8RANGE"
    output_field = BigIntegerRangeField()

    def __init__(self, expression):
        super().__init__(expression, expression, Value("[]"))


def exactly_one_of(first: str, second: str, *, name: str, violation_error_message) -> CheckConstraint:
    """A check that exactly one of the two nullable foreign keys ``first`` and ``second`` is set."""
    return CheckConstraint(
        condition=Q(**{f"{first}__isnull": False, f"{second}__isnull": True})
        | Q(**{f"{first}__isnull": True, f"{second}__isnull": False}),
        name=name,
        violation_error_message=violation_error_message,
    )


class NoOverlap(ExclusionConstraint):
    """An exclusion constraint on periods whose refusal names the period the new dates clash with, so that an
    editor knows which record to look at. The model's ``overlapping()`` gives the periods it could clash with, and
    their ``describe_period()`` how the refusal names them."""

    def validate(self, model, instance, exclude=None, using=DEFAULT_DB_ALIAS):
        try:
            super().validate(model, instance, exclude=exclude, using=using)
        except ValidationError as refusal:
            clash = instance.overlapping().using(using).first()
            if clash is None:
                raise
            raise ValidationError(
                _("%(rule)s It overlaps: %(clash)s."),
                code=refusal.code,
                params={"rule": refusal.messages[0], "clash": clash.describe_period()},
            ) from None
