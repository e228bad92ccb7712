"""A post held by one person at a time keeps its holders' periods apart, on every write path; refusals of
overlapping periods name the period they clash with."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from csto_portal.dates import PartialDate
from organs.models import Chairmanship, Membership, Person, Post, State, Tenure
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db

# In tests/dataset/organs.yaml: Nikolai Bordyuzha, Secretary-General from 2003 until 31 December 2016.
BORDYUZHA = "Nikolai Bordyuzha, Secretary-General of the CSTO from 2003 until 31 December 2016"


@pytest.fixture
def secretary_general():
    return Post.objects.get(slug="csto-secretary-general")


@pytest.fixture
def newcomer():
    return Person.objects.create(slug="a-newcomer", name="A Newcomer")


def tenure(person, post, start, end=None, **fields):
    return Tenure(
        person=person,
        post=post,
        start=PartialDate.parse(start),
        end=PartialDate.parse(end) if end else None,
        **fields,
    )


def test_a_second_holder_at_the_same_time_is_refused_naming_the_first(secretary_general, newcomer):
    assert_refused(
        tenure(newcomer, secretary_general, "2010", "2012"),
        "organs_tenure_no_overlap",
        f"This post has one holder at a time, and someone else holds it then. It overlaps: {BORDYUZHA}.",
    )


def test_an_acting_holder_is_a_holder_too(secretary_general, newcomer):
    assert_refused(
        tenure(newcomer, secretary_general, "2016-06-01", "2017-05-02", acting=True),
        "organs_tenure_no_overlap",
        BORDYUZHA,
    )


def test_a_holder_may_start_on_the_day_the_last_one_left(secretary_general, newcomer):
    successor = tenure(newcomer, secretary_general, "2016-12-31", acting=True)
    successor.full_clean()
    successor.save()
    assert list(secretary_general.tenures.order_by("start_date").values_list("person__slug", flat=True)) == [
        "nikolai-bordyuzha",
        "a-newcomer",
    ]


def test_a_post_several_people_hold_at_once_takes_overlapping_periods(secretary_general, newcomer):
    deputies = Post.objects.create(slug="deputy", title="Deputy", organ=secretary_general.organ, single_holder=False)
    first = tenure(Person.objects.get(slug="nikolai-bordyuzha"), deputies, "2010", "2014")
    second = tenure(newcomer, deputies, "2012")
    for deputy in (first, second):
        deputy.full_clean()
        deputy.save()
    assert deputies.tenures.count() == 2


def test_the_database_copies_the_posts_rule_whatever_the_writer_sends(secretary_general, newcomer):
    # A writer that skips the model (raw values, an import) cannot opt a tenure out of the rule.
    with pytest.raises(IntegrityError, match="organs_tenure_no_overlap"), transaction.atomic():
        Tenure.objects.bulk_create([tenure(newcomer, secretary_general, "2010", single_holder=False)])


def test_a_post_cannot_be_made_one_holder_while_its_holders_overlap(secretary_general, newcomer):
    secretary_general.single_holder = False
    secretary_general.save()
    tenure(newcomer, secretary_general, "2010", "2012").save()

    secretary_general.single_holder = True
    with pytest.raises(ValidationError) as explained:
        secretary_general.full_clean()
    assert explained.value.message_dict["single_holder"] == [
        f"{BORDYUZHA} and A Newcomer, Secretary-General of the CSTO from 2010 until 2012 overlap: "
        "untick this or correct their dates first."
    ]
    with pytest.raises(IntegrityError, match="organs_tenure_no_overlap"), transaction.atomic():
        secretary_general.save()


def test_an_overlapping_membership_is_refused_naming_the_period_it_meets():
    kazakhstan = State.objects.get(iso2="KZ")
    standing = Membership.objects.filter(state=kazakhstan, body__isnull=True).order_by("start_date").first()
    clash = Membership(state=kazakhstan, status=standing.status, start=PartialDate.parse("2005"))
    with pytest.raises(ValidationError) as explained:
        clash.full_clean()
    assert explained.value.messages == [
        f"This state already has a membership period covering these dates. It overlaps: {standing}."
    ]


def test_an_overlapping_chairmanship_is_refused_naming_the_one_it_meets():
    chair = Chairmanship.objects.order_by("start_date").first()
    other = State.objects.exclude(pk=chair.state_id).first()
    clash = Chairmanship(state=other, start=chair.start)
    with pytest.raises(ValidationError) as explained:
        clash.full_clean()
    assert explained.value.messages == [f"Another state chairs during these dates. It overlaps: {chair}."]
