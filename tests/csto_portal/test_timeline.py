import datetime

import pytest
from django.urls import reverse

from csto_portal.dates import PartialDate
from csto_portal.models import Area
from csto_portal.site.timeline import BRANCHES, CATEGORIES, Timeline, entry, timeline
from operations.models import Operation
from organs.models import Chairmanship, Membership, Organ, Person, Post, State, Tenure
from tests.growth import grow_dataset
from treaties.models import Instrument, InstrumentEvent

pytestmark = pytest.mark.django_db


def _whole(rows: Timeline) -> list[dict]:
    """Every row, ordered by PostgreSQL in one union with no limit per branch: what each slice must be a part of."""
    first, *rest = rows.branches
    return list(first.union(*rest, all=True).order_by(*rows.order))


@pytest.mark.parametrize("newest_first", [False, True], ids=["oldest first", "newest first"])
def test_consecutive_slices_continue_each_other_without_gaps_or_repeats(newest_first):
    # Every grown instrument is ratified by many states on one day: long runs of facts of one date and kind,
    # some of one subject, which only the id tells apart.
    grow_dataset()
    rows = timeline(newest_first=newest_first)
    whole = _whole(rows)
    assert rows.count() == len(whole)
    size = 37
    pages = [rows[start : start + size] for start in range(0, len(whole), size)]
    assert [row for page in pages for row in page] == whole
    assert len({(row["category"], row["id"]) for row in whole}) == len(whole)


def test_filtered_slices_are_parts_of_the_filtered_whole():
    grow_dataset()
    rows = timeline(year_from=2005, year_to=2006, area="counter-terrorism")
    whole = _whole(rows)
    assert whole and rows.count() == len(whole)
    assert rows[0:10] + rows[10:20] == whole[:20]


def test_one_kind_is_read_from_its_own_table():
    rows = timeline(category="instrument", year_from=2009, year_to=2009)
    assert len(rows.branches) == 1
    events = rows[0 : rows.count()]
    assert events and {row["category"] for row in events} == {"instrument"}
    assert [row["sort_date"] for row in events] == sorted(row["sort_date"] for row in events)


def test_an_empty_timeline_has_one_empty_page():
    rows = timeline(updated_since=datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC))
    assert rows.count() == 0
    assert rows[0:0] == []


def test_a_draft_instruments_events_are_not_on_the_timeline():
    instrument = Instrument.objects.first()
    before = timeline(category="instrument").count()
    Instrument.all_objects.filter(pk=instrument.pk).update(draft=True)
    rows = timeline(category="instrument")
    assert rows.count() == before - InstrumentEvent.objects.filter(instrument=instrument).count()
    assert instrument.slug not in {row["key"] for row in rows[0 : rows.count()]}


def test_the_count_follows_every_write():
    rows = timeline()
    before = rows.count()
    InstrumentEvent.objects.filter(pk=InstrumentEvent.objects.first().pk).delete()
    assert timeline().count() == before - 1


def _facts_of_1901(category: str) -> list:
    branch = next(branch for branch in BRANCHES if branch.category == category)
    return [entry(row) for row in branch.facts(year_from=1901, year_to=1901)]


def test_a_branch_reads_its_own_dated_records_and_says_how_they_read():
    state = State.objects.create(iso2="XK", name="Test state")
    Chairmanship.objects.create(state=state, start="1901-03", end="1902")
    Membership.objects.create(state=state, status="observer", start="1901-05-02")
    chair, joined = _facts_of_1901("chairmanship"), _facts_of_1901("membership")
    page = reverse("organs:state_detail", args=["xk"])
    assert [(fact.date, fact.text, fact.url) for fact in chair] == [
        (PartialDate(datetime.date(1901, 3, 1), "month"), "Test state takes the chair of the CSTO", page)
    ]
    assert [(fact.text, fact.url) for fact in joined] == [("Test state becomes an observer", page)]


def test_a_branch_leaves_out_records_with_no_date():
    organ = Organ.objects.create(slug="test-organ", name="Test organ", kind="council")
    post = Post.objects.create(slug="test-post", title="Test post", organ=organ)
    person = Person.objects.create(slug="test-person", name="Test person")
    Tenure.objects.create(person=person, post=post, end="1901-06")
    Tenure.objects.create(person=person, post=post, start="1901-02", end="1901-06")
    assert [fact.text for fact in _facts_of_1901("appointment")] == ["Test person takes office: Test post"]


def test_an_area_filter_reads_only_the_kinds_of_fact_that_carry_areas():
    area = Area.objects.create(slug="test-area", name="Test area")
    operation = Operation.objects.create(slug="test-exercise", name="Test exercise", kind="exercise", start="1901")
    operation.areas.add(area)
    State.objects.create(iso2="XK", name="Test state").memberships.create(status="observer", start="1901")
    rows = timeline(area="test-area")
    assert len(rows.branches) == len([branch for branch in BRANCHES if branch.areas])
    assert [(row["category"], row["key"]) for row in rows[0 : rows.count()]] == [("operation", "test-exercise")]


def test_the_kinds_offered_are_the_branches_in_table_order():
    assert list(CATEGORIES) == [branch.category for branch in BRANCHES]
    assert timeline(category="membership", area="counter-terrorism") == []
