import datetime

import pytest

from organs.models import Organ, Partner, State
from tests.helpers import assert_refused
from treaties.models import Instrument, InstrumentEvent, InstrumentRelation, Party

pytestmark = pytest.mark.django_db


@pytest.fixture
def treaty():
    return Instrument.objects.get(slug="collective-security-treaty")


def test_an_instrument_has_one_adopter_at_most():
    instrument = Instrument(
        slug="two-adopters",
        kind="decision",
        title="Adopted twice",
        status="adopted",
        adopted_by_organ=Organ.objects.get(slug="collective-security-council"),
        adopted_by_partner=Partner.objects.get(slug="un-general-assembly"),
    )
    assert_refused(instrument, "treaties_instrument_one_adopter", "not both")


def test_the_same_step_cannot_be_recorded_twice(treaty):
    signed = treaty.events.get(kind="signed", state__isnull=True)
    duplicate = InstrumentEvent(instrument=treaty, kind="signed", occurred=signed.occurred)
    assert_refused(duplicate, "treaties_instrumentevent_unique", "already recorded")


def test_event_dates_keep_their_precision_rule(treaty):
    event = InstrumentEvent(
        instrument=treaty, kind="amended", occurred_date=datetime.date(2001, 1, 5), occurred_precision="year"
    )
    assert_refused(event, "treaties_instrumentevent_occurred_precision", "first day of that period")


def test_a_state_is_listed_once_per_instrument(treaty):
    party = Party(instrument=treaty, state=State.objects.get(iso2="RU"))
    assert_refused(party, "treaties_party_unique", "already listed")


def test_an_instrument_cannot_relate_to_itself(treaty):
    relation = InstrumentRelation(source=treaty, kind="amends", target=treaty)
    assert_refused(relation, "treaties_instrumentrelation_not_self", "cannot be related to itself")


def test_a_relation_between_two_instruments_is_recorded_once():
    existing = InstrumentRelation.objects.first()
    duplicate = InstrumentRelation(source=existing.source, kind=existing.kind, target=existing.target)
    assert_refused(duplicate, "treaties_instrumentrelation_unique", "already exists")
