import datetime

import pytest

from organs.models import Chairmanship, Membership, Organ, OrganRelation, Partner, Person, Post, State, Tenure
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def russia():
    return State.objects.get(iso2="RU")


def test_iso_code_must_be_two_capital_letters():
    state = State(iso2="R1", name="Nowhere")
    assert_refused(state, "organs_state_iso2_format", "two capital letters")


def test_iso_code_is_unique():
    assert_refused(State(iso2="RU", name="Another Russia"), "organs_state_iso2_key", "already exists")


def test_iso_code_is_stored_in_capitals():
    state = State.objects.create(iso2="xk", name="Test state")
    assert State.objects.get(pk=state.pk).iso2 == "XK"


def test_overlapping_membership_of_one_state_is_refused(russia):
    period = Membership(state=russia, status="observer", start="2005-06", end="2006")
    assert_refused(period, "organs_membership_no_overlap_state", "already has a membership period")


def test_adjacent_periods_and_other_states_do_not_clash():
    state = State.objects.create(iso2="XK", name="Test state")
    Membership.objects.create(state=state, status="member", start="2001", end="2005-06-01")
    follow_on = Membership(state=state, status="suspended", start="2005-06-01")
    follow_on.full_clean()
    follow_on.save()
    assert state.memberships.count() == 2


def test_standing_in_an_organ_does_not_clash_with_membership(russia):
    assembly = Organ.objects.get(slug="parliamentary-assembly")
    period = Membership(state=russia, body=assembly, status="member", start="2000")
    period.full_clean()
    period.save()


def test_membership_end_before_start_is_refused(russia):
    period = Membership(state=russia, status="member", start="1991", end="1990")
    assert_refused(period, "organs_membership_end_after_start", "cannot be before the start")


def test_membership_needs_exactly_one_holder(russia):
    partner = Partner.objects.first()
    period = Membership(state=russia, partner=partner, status="observer", start="1980", end="1981")
    assert_refused(period, "organs_membership_one_holder", "either a state or an organization")


def test_month_precision_date_must_be_the_first_of_the_month(russia):
    period = Membership(
        state=russia, status="observer", start_date=datetime.date(1980, 6, 14), start_precision="month", end="1981"
    )
    assert_refused(period, "organs_membership_start_precision", "first day of that period")


def test_chairmanships_cannot_overlap(russia):
    turn = Chairmanship(state=russia, start="2012-06", end="2013")
    assert_refused(turn, "organs_chairmanship_no_overlap", "Another state chairs")


def test_an_organ_cannot_relate_to_itself():
    council = Organ.objects.get(slug="collective-security-council")
    relation = OrganRelation(source=council, kind="accountable_to", target=council)
    assert_refused(relation, "organs_organrelation_not_self", "cannot be related to itself")


def test_a_post_belongs_to_an_organ_or_a_partner_not_both():
    post = Post(
        slug="double-post",
        title="Double",
        organ=Organ.objects.get(slug="secretariat"),
        partner=Partner.objects.get(slug="osce"),
    )
    assert_refused(post, "organs_post_one_body", "either a CSTO organ or a partner")


def test_tenure_cannot_end_before_it_starts():
    post = Post.objects.get(slug="csto-secretary-general")
    tenure = Tenure(person=post.tenures.first().person, post=post, start="2010", end="2009")
    assert_refused(tenure, "organs_tenure_end_after_start", "cannot be before the start")


def test_slugs_are_unique():
    organ = Organ(slug="secretariat", name="Second secretariat", kind="working_body")
    assert_refused(organ, "organs_organ_slug", "already exists")


def test_members_on_a_date_are_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        members = sorted(Membership.objects.members_on(datetime.date(2011, 1, 1)).values_list("state__iso2", flat=True))
    assert members == ["AM", "BY", "KG", "KZ", "RU", "TJ", "UZ"]


def test_a_relation_between_two_organs_is_recorded_once():
    existing = OrganRelation.objects.first()
    duplicate = OrganRelation(source=existing.source, kind=existing.kind, target=existing.target)
    assert_refused(duplicate, "organs_organrelation_unique", "already exists")


def test_an_organization_cannot_be_its_own_parent():
    osce = Partner.objects.get(slug="osce")
    osce.parent = osce
    assert_refused(osce, "organs_partner_not_own_parent", "cannot be part of itself")


def test_overlapping_standing_of_one_organization_is_refused():
    partner = Partner.objects.get(slug="osce-parliamentary-assembly")
    assembly = Organ.objects.get(slug="parliamentary-assembly")
    Membership.objects.create(partner=partner, body=assembly, status="observer", start="2013")
    overlapping = Membership(partner=partner, body=assembly, status="partner", start="2015-03")
    assert_refused(overlapping, "organs_membership_no_overlap_partner", "organization already has a membership")


def test_chairmanship_cannot_end_before_it_starts(russia):
    turn = Chairmanship(state=russia, start="1999", end="1998")
    assert_refused(turn, "organs_chairmanship_end_after_start", "cannot be before the start")


def test_a_tenure_is_recorded_once():
    existing = Tenure.objects.exclude(start_date=None).first()
    duplicate = Tenure(person=existing.person, post=existing.post, start=existing.start)
    assert_refused(duplicate, "organs_tenure_unique_start", "already exists")


@pytest.fixture
def two_periods():
    """A state that was a member until 1 June 2005 and has been suspended since, and an observer in an organ."""
    state = State.objects.create(iso2="XK", name="Test state")
    organ = Organ.objects.create(slug="test-assembly", name="Test Assembly", kind="parliamentary", position=5)
    member = Membership.objects.create(state=state, status="member", start="2001-01-01", end="2005-06-01")
    suspended = Membership.objects.create(state=state, status="suspended", start="2005-06-01")
    observer = Membership.objects.create(state=state, body=organ, status="observer", start="2003-01-01")
    return state, member, suspended, observer


DAYS = {
    "before": datetime.date(2000, 12, 31),
    "first day": datetime.date(2001, 1, 1),
    "inside": datetime.date(2004, 3, 1),
    "last day": datetime.date(2005, 5, 31),
    "end day": datetime.date(2005, 6, 1),
    "after": datetime.date(2020, 1, 1),
}


@pytest.mark.parametrize("day", DAYS.values(), ids=DAYS.keys())
def test_a_fetched_period_is_in_force_on_the_days_the_query_finds_it(two_periods, day):
    state, *periods = two_periods
    assert {period for period in periods if period.in_force_on(day)} == set(
        Membership.objects.filter(state=state).on(day)
    )


def test_a_period_is_in_force_from_its_first_day_until_the_day_before_its_end(two_periods):
    _state, member, suspended, _observer = two_periods
    in_force = {name: (member.in_force_on(day), suspended.in_force_on(day)) for name, day in DAYS.items()}
    assert in_force == {
        "before": (False, False),
        "first day": (True, False),
        "inside": (True, False),
        "last day": (True, False),
        "end day": (False, True),
        "after": (False, True),
    }


def test_a_tenure_with_no_known_start_is_in_force_on_no_day():
    post = Post.objects.create(slug="test-post", title="Test post", organ=Organ.objects.first())
    person = Person.objects.create(slug="test-person", name="Test person")
    tenure = Tenure.objects.create(person=person, post=post, end="2010")
    assert not tenure.in_force_on(datetime.date(2005, 1, 1))
    assert not Tenure.objects.filter(pk=tenure.pk).on(datetime.date(2005, 1, 1)).exists()


def test_a_states_standing_is_read_from_its_prefetched_history_organization_first(
    two_periods, django_assert_num_queries
):
    state, member, suspended, observer = two_periods
    state = State.objects.for_display().get(pk=state.pk)
    with django_assert_num_queries(0):
        assert state.standing_on(DAYS["before"]) == []
        assert state.standing_on(DAYS["inside"]) == [member, observer]
        assert state.standing_on(DAYS["end day"]) == [suspended, observer]


@pytest.mark.parametrize("day", DAYS.values(), ids=DAYS.keys())
def test_the_state_list_gives_the_standing_on_its_day_without_a_query(two_periods, day, django_assert_num_queries):
    state = two_periods[0]
    listed = State.objects.for_list(day).get(pk=state.pk)
    with django_assert_num_queries(0):
        standing = listed.standing_on(day)
    assert standing == State.objects.for_display().get(pk=state.pk).standing_on(day)


def test_the_state_list_row_asked_for_another_day_reads_the_history(two_periods):
    state, _member, suspended, observer = two_periods
    listed = State.objects.for_list(DAYS["inside"]).get(pk=state.pk)
    assert listed.standing_on(DAYS["after"]) == [suspended, observer]
