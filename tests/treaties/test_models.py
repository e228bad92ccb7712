import datetime

import pytest
from django.db import connection

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


# The first dated step, kept on the instrument by the database


@pytest.fixture
def undated():
    return Instrument.objects.create(
        slug="undated-decision", kind="decision", title="An undated decision", status="adopted"
    )


def first_step(instrument):
    instrument.refresh_from_db()
    return instrument.first_event_date, instrument.first_event_precision


def test_a_new_instrument_is_undated(undated):
    assert first_step(undated) == (None, "day")


def test_the_first_step_follows_events_added_redated_and_deleted(undated):
    adopted = InstrumentEvent.objects.create(instrument=undated, kind="adopted", occurred="2005-06")
    assert first_step(undated) == (datetime.date(2005, 6, 1), "month")

    signed = InstrumentEvent.objects.create(instrument=undated, kind="signed", occurred="2004-03-02")
    assert first_step(undated) == (datetime.date(2004, 3, 2), "day")

    signed.occurred = "2006"
    signed.save()
    assert first_step(undated) == (datetime.date(2005, 6, 1), "month")

    adopted.delete()
    assert first_step(undated) == (datetime.date(2006, 1, 1), "year")
    signed.delete()
    assert first_step(undated) == (None, "day")


def test_a_step_of_one_state_does_not_date_the_instrument(undated):
    InstrumentEvent.objects.create(
        instrument=undated, kind="ratified", occurred="2001", state=State.objects.get(iso2="RU")
    )
    assert first_step(undated) == (None, "day")


def test_an_event_moved_to_another_instrument_dates_that_one_instead(undated, treaty):
    signed = treaty.events.get(kind="signed", state__isnull=True)
    assert (
        first_step(treaty) == (datetime.date(1992, 5, 15), "day") == (signed.occurred_date, signed.occurred_precision)
    )
    signed.instrument = undated
    signed.save()
    assert first_step(undated) == (datetime.date(1992, 5, 15), "day")
    assert first_step(treaty)[0] > datetime.date(1992, 5, 15)


def test_bulk_and_raw_sql_writes_keep_the_first_step(undated):
    InstrumentEvent.objects.bulk_create(
        [
            InstrumentEvent(instrument=undated, kind="adopted", occurred="2010-12-10"),
            InstrumentEvent(instrument=undated, kind="signed", occurred="2010-12"),
        ]
    )
    assert first_step(undated) == (datetime.date(2010, 12, 1), "month")
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM treaties_instrumentevent WHERE instrument_id = %s AND kind = 'signed'", [undated.pk]
        )
    assert first_step(undated) == (datetime.date(2010, 12, 10), "day")


def test_saving_an_instrument_read_before_its_events_changed_keeps_the_first_step(undated):
    stale = Instrument.all_objects.get(pk=undated.pk)
    InstrumentEvent.objects.create(instrument=undated, kind="adopted", occurred="2003-04-28")
    stale.summary = "Saved with the date it read: none."
    stale.save()
    assert first_step(undated) == (datetime.date(2003, 4, 28), "day")


@pytest.fixture
def listed_and_unlisted():
    """An instrument listing two states, one of which has dated steps, and steps of two states it does not list."""
    instrument = Instrument.objects.create(slug="test-accord", kind="agreement", title="Test accord", status="in_force")
    alpha, beta, gamma, delta = (
        State.objects.create(iso2=code, name=f"State {code}") for code in ("XA", "XB", "XC", "XD")
    )
    steps = {
        (state.iso2, kind, day): InstrumentEvent.objects.create(
            instrument=instrument, state=state, kind=kind, occurred=day
        )
        for state, kind, day in [
            (alpha, "ratified", "2003-05-01"),
            (gamma, "acceded", "2002-01-01"),
            (delta, "signed", "2002-06-01"),
            (alpha, "signed", "2001-03-01"),
            (gamma, "withdrawn", "2004-01-01"),
        ]
    }
    InstrumentEvent.objects.create(instrument=instrument, kind="signed", occurred="2001-03-01")
    Party.objects.create(instrument=instrument, state=beta)
    Party.objects.create(instrument=instrument, state=alpha)
    return instrument, steps


def test_each_listed_party_comes_with_its_own_steps_in_date_order(listed_and_unlisted, django_assert_num_queries):
    instrument, steps = listed_and_unlisted
    instrument = Instrument.objects.for_display().get(pk=instrument.pk)
    with django_assert_num_queries(0):
        parties = instrument.parties_with_steps()
    assert [(party.state.iso2, party.steps) for party in parties] == [
        ("XA", [steps["XA", "signed", "2001-03-01"], steps["XA", "ratified", "2003-05-01"]]),
        ("XB", []),
    ]


def test_steps_of_states_not_listed_are_given_state_by_state(listed_and_unlisted, django_assert_num_queries):
    instrument, steps = listed_and_unlisted
    instrument = Instrument.objects.for_display().get(pk=instrument.pk)
    with django_assert_num_queries(0):
        unlisted = instrument.unlisted_steps()
    assert unlisted == [
        steps["XC", "acceded", "2002-01-01"],
        steps["XC", "withdrawn", "2004-01-01"],
        steps["XD", "signed", "2002-06-01"],
    ]
