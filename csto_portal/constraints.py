"""Range expressions for PostgreSQL exclusion constraints.

The embedded PostgreSQL has no ``btree_gist``, so equality on an id is written
as the single-value range ``int8range(id, id, '[]')``, which core GiST indexes.
"""

from django.contrib.postgres.fields import BigIntegerRangeField, DateRangeField
from django.db.models import Func, Value
from django.db.models.functions import Least


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
