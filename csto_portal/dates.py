"""Dates known to the day, the month or only the year.

The sources often say "June 2006" or "2007". Such a date is stored as a
``DateField`` holding the first day of the period, next to its precision, and
is printed and serialised only as precisely as it is known.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


# Read on every PartialDate made (thousands a page); ``DatePrecision.values`` would build a new list each time.
_PRECISIONS = frozenset(DatePrecision.values)

_ISO_PARTIAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date with a precision; ``date`` is the first day of the period it names."""

    date: datetime.date
    precision: str = DatePrecision.DAY

    def __post_init__(self):
        if self.precision not in _PRECISIONS:
            raise ValueError(f"Unknown date precision {self.precision!r}; use day, month or year.")
        if self.date != self.date.replace(**self._normal_parts()):
            raise ValueError(f"A {self.precision}-precision date must fall on the first day of its period.")

    def _normal_parts(self) -> dict:
        if self.precision == DatePrecision.YEAR:
            return {"month": 1, "day": 1}
        if self.precision == DatePrecision.MONTH:
            return {"day": 1}
        return {}

    @classmethod
    def parse(cls, value) -> "PartialDate":
        """Read "2007", "2006-06", "2006-06-14", a year as int, or a ``date``."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return cls(value, DatePrecision.DAY)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        match = _ISO_PARTIAL.match(str(value).strip()) if isinstance(value, str) else None
        if not match:
            raise ValueError(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.")
        year, month, day = match["year"], match["month"], match["day"]
        try:
            if day:
                return cls(datetime.date(int(year), int(month), int(day)), DatePrecision.DAY)
            if month:
                return cls(datetime.date(int(year), int(month), 1), DatePrecision.MONTH)
            return cls(datetime.date(int(year), 1, 1), DatePrecision.YEAR)
        except ValueError as error:
            raise ValueError(f"{value!r} is not a real date ({error}).") from None

    def isoformat(self) -> str:
        if self.precision == DatePrecision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision == DatePrecision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()

    @property
    def last_day(self) -> datetime.date:
        """The last day of the period the date names."""
        if self.precision == DatePrecision.YEAR:
            return self.date.replace(month=12, day=31)
        if self.precision == DatePrecision.MONTH:
            return self.date.replace(day=calendar.monthrange(self.date.year, self.date.month)[1])
        return self.date

    def __str__(self) -> str:
        if self.precision == DatePrecision.YEAR:
            return str(self.date.year)
        if self.precision == DatePrecision.MONTH:
            return f"{calendar.month_name[self.date.month]} {self.date.year}"
        return f"{self.date.day} {calendar.month_name[self.date.month]} {self.date.year}"


def partial_date_fields(verbose_name, *, required: bool = False, help_text: str = ""):
    """The two columns of a partial date: ``<name>_date`` and ``<name>_precision``.

    Use as ``start_date, start_precision = partial_date_fields(_("start"))`` and
    add ``start = PartialDateAttribute()`` to read and write both at once.
    """
    date = models.DateField(
        verbose_name,
        null=not required,
        blank=not required,
        help_text=help_text or _("For a month or a year, the first day of it; the precision says which."),
    )
    precision = models.CharField(
        _("precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How precisely the date is known."),
    )
    return date, precision


class PartialDateAttribute(property):
    """Reads and writes ``<name>_date`` and ``<name>_precision`` as one ``PartialDate``.

    A ``property`` subclass, so models accept it as a keyword: ``Operation(start="2006-06")``.
    """

    def __init__(self):
        super().__init__(self._get, self._set)

    def __set_name__(self, owner, name):
        self.date_attr = f"{name}_date"
        self.precision_attr = f"{name}_precision"

    def _get(self, instance):
        value = getattr(instance, self.date_attr)
        if value is None:
            return None
        return PartialDate(value, getattr(instance, self.precision_attr))

    def _set(self, instance, value):
        if value is None:
            setattr(instance, self.date_attr, None)
            setattr(instance, self.precision_attr, DatePrecision.DAY)
            return
        value = PartialDate.parse(value)
        setattr(instance, self.date_attr, value.date)
        setattr(instance, self.precision_attr, value.precision)


def partial_date_constraint(name: str) -> models.CheckConstraint:
    """A month or year date is stored as the first day of its period, so that it sorts and compares."""
    date, precision = f"{name}_date", f"{name}_precision"
    return models.CheckConstraint(
        condition=Q(**{precision: DatePrecision.DAY})
        | Q(**{precision: DatePrecision.MONTH, f"{date}__day": 1})
        | Q(**{precision: DatePrecision.YEAR, f"{date}__day": 1, f"{date}__month": 1})
        | Q(**{f"{date}__isnull": True}),
        name=f"%(app_label)s_%(class)s_{name}_precision",
        violation_error_message=_("A date known only to the month or year must be the first day of that period."),
    )


def date_order_constraint(start: str = "start", end: str = "end") -> models.CheckConstraint:
    """The end of a period is not before its start."""
    start_date, end_date = f"{start}_date", f"{end}_date"
    return models.CheckConstraint(
        condition=Q(**{f"{end_date}__gte": models.F(start_date)})
        | Q(**{f"{end_date}__isnull": True})
        | Q(**{f"{start_date}__isnull": True}),
        name=f"%(app_label)s_%(class)s_{end}_after_{start}",
        violation_error_message=_("The end date cannot be before the start date."),
    )


def partial_date_names(model) -> list[str]:
    """The names of ``model``'s partial dates, in the order of their date columns."""
    names = {
        name
        for klass in model.__mro__
        for name, attribute in vars(klass).items()
        if isinstance(attribute, PartialDateAttribute)
    }
    columns = [field.name for field in model._meta.fields]
    return sorted(names, key=lambda name: columns.index(f"{name}_date"))
