import pytest

from operations.models import Meeting, Operation, Participation, Result
from organs.models import Partner, State
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def kanal():
    return Operation.objects.get(slug="kanal-2003-2009")


def test_figures_cannot_be_negative(kanal):
    result = Result(operation=kanal, metric="test figure", value=-1, unit="t")
    assert_refused(result, "operations_result_value_not_negative", "cannot be negative")


def test_a_figure_is_recorded_once_per_stage(kanal):
    existing = kanal.results.first()
    duplicate = Result(operation=kanal, metric=existing.metric, stage=existing.stage, value=1, unit="t")
    assert_refused(duplicate, "operations_result_unique_metric", "already recorded")


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
