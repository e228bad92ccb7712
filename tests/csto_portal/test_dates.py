import datetime

import pytest

from csto_portal.dates import DatePrecision, PartialDate
from operations.models import Operation


@pytest.mark.parametrize(
    ("written", "printed", "iso", "precision"),
    [
        ("1992-05-15", "15 May 1992", "1992-05-15", DatePrecision.DAY),
        ("2006-06", "June 2006", "2006-06", DatePrecision.MONTH),
        ("2007", "2007", "2007", DatePrecision.YEAR),
        (2007, "2007", "2007", DatePrecision.YEAR),
        (datetime.date(2010, 3, 18), "18 March 2010", "2010-03-18", DatePrecision.DAY),
    ],
)
def test_partial_date_prints_only_what_is_known(written, printed, iso, precision):
    date = PartialDate.parse(written)
    assert str(date) == printed
    assert date.isoformat() == iso
    assert date.precision == precision
    assert PartialDate.parse(date.isoformat()) == date


@pytest.mark.parametrize("written", ["2006-13", "2006-02-30", "June 2006", "06/2006", "", "20066"])
def test_unreadable_dates_are_refused_with_the_accepted_forms(written):
    with pytest.raises(ValueError, match=r"YYYY|not a real date"):
        PartialDate.parse(written)


def test_a_month_date_must_be_stored_on_the_first():
    with pytest.raises(ValueError, match="first day"):
        PartialDate(datetime.date(2006, 6, 14), DatePrecision.MONTH)


def test_last_day_of_a_partial_date():
    assert PartialDate.parse("2008-02").last_day == datetime.date(2008, 2, 29)
    assert PartialDate.parse("2007").last_day == datetime.date(2007, 12, 31)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("written", "printed"), [("2006-06", "June 2006"), ("2007", "2007"), ("2010-04-14", "14 April 2010")]
)
def test_partial_dates_round_trip_through_the_database(written, printed):
    operation = Operation.objects.create(slug="round-trip", name="Round trip", kind="exercise", start=written)
    reloaded = Operation.objects.get(pk=operation.pk)
    assert str(reloaded.start) == printed
    assert reloaded.start.isoformat() == written
    assert reloaded.end is None
