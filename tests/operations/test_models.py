import pytest
from django.utils.text import slugify

from operations.models import Meeting, Operation, Participation, Result
from organs.models import Partner, State
from tests.growth import add_editions
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def kanal():
    return Operation.objects.get(slug="kanal-2003-2009")


def test_figures_cannot_be_negative(kanal):
    result = Result(operation=kanal, metric="test figure", value=-1, unit="t")
    assert_refused(result, "operations_result_value_not_negative", "cannot be negative")


def test_the_same_figure_is_recorded_once_per_stage(kanal):
    existing = kanal.results.first()
    duplicate = Result(
        operation=kanal,
        metric=existing.metric,
        stage=existing.stage,
        qualifier=existing.qualifier,
        value=existing.value,
        unit=existing.unit,
    )
    assert_refused(duplicate, "operations_result_unique_figure", "already recorded")


def test_a_result_period_cannot_end_before_it_starts(kanal):
    result = Result(operation=kanal, metric="late figure", value=1, unit="t", period_start="2009", period_end="2003")
    assert_refused(result, "operations_result_period_end_after_period_start", "cannot be before the start")


def test_an_operation_cannot_end_before_it_starts():
    operation = Operation(slug="backwards", name="Backwards", kind="exercise", start="2010-04", end="2010-03")
    assert_refused(operation, "operations_operation_end_after_start", "cannot be before the start")


def test_a_meeting_cannot_end_before_it_starts():
    meeting = Meeting(slug="backwards", title="Backwards", kind="talks", start="2010-05-21", end="2010-05-20")
    assert_refused(meeting, "operations_meeting_end_after_start", "cannot be before the start")


def test_a_participant_is_a_state_or_an_organization(kanal):
    participation = Participation(
        operation=kanal, role="observer", state=State.objects.get(iso2="FR"), partner=Partner.objects.get(slug="eu")
    )
    assert_refused(participation, "operations_participation_one_participant", "either a state or an organization")


def test_a_state_is_listed_once_per_role(kanal):
    participation = Participation(operation=kanal, role="observer", state=State.objects.get(iso2="US"))
    assert_refused(participation, "operations_participation_unique_state", "already listed in that role")


def test_an_organization_is_listed_once_per_role(kanal):
    participation = Participation(operation=kanal, role="observer", partner=Partner.objects.get(slug="interpol"))
    assert_refused(participation, "operations_participation_unique_partner", "already listed in that role")


# Nearest editions of a series


def nearest(slug):
    earlier, later = Operation.all_objects.get(slug=slug).nearest_editions()
    return [edition.slug for edition in earlier], [edition.slug for edition in later]


def test_nearest_editions_are_three_either_side_oldest_first(long_series):
    assert nearest("long-2010") == (["long-2007", "long-2008", "long-2009"], ["long-2011", "long-2012", "long-2013"])
    assert nearest("long-2001") == (["long-2000"], ["long-2002", "long-2003", "long-2004"])
    assert nearest("long-2020") == (["long-2017", "long-2018", "long-2019"], [])


def test_editions_that_start_together_follow_in_name_order(long_series):
    add_editions(long_series, [2010], suffix="-bis")
    assert nearest("long-2010")[1] == ["long-2010-bis", "long-2011", "long-2012"]
    assert nearest("long-2010-bis")[0] == ["long-2008", "long-2009", "long-2010"]


def test_undated_editions_come_after_the_dated_ones_in_name_order(long_series):
    for name in ["Long, date unknown", "Long, another year"]:
        Operation.objects.create(slug=slugify(name), name=name, series=long_series, kind="exercise")
    assert nearest("long-2019") == (
        ["long-2016", "long-2017", "long-2018"],
        ["long-2020", "long-another-year", "long-date-unknown"],
    )
    assert nearest("long-another-year") == (["long-2018", "long-2019", "long-2020"], ["long-date-unknown"])
    assert nearest("long-date-unknown") == (["long-2019", "long-2020", "long-another-year"], [])


def test_drafts_are_neither_neighbours_nor_counted(long_series):
    Operation.objects.filter(slug="long-2011").update(draft=True)
    assert nearest("long-2010")[1] == ["long-2012", "long-2013", "long-2014"]
    assert nearest("long-2011") == (["long-2008", "long-2009", "long-2010"], ["long-2012", "long-2013", "long-2014"])
    assert long_series.edition_count() == 20


def test_an_operation_outside_a_series_has_no_editions():
    assert nearest("zapad-2009") == ([], [])


@pytest.mark.parametrize("slug", ["long-2010", "long-undated"])
def test_nearest_editions_are_three_queries_of_a_few_rows_each(long_series, slug, django_assert_num_queries):
    Operation.objects.create(slug="long-undated", name="Long, undated", series=long_series, kind="exercise")
    operation = Operation.objects.get(slug=slug)
    with django_assert_num_queries(3) as queries:
        operation.nearest_editions()
    assert all(query["sql"].endswith("LIMIT 3") for query in queries.captured_queries)
