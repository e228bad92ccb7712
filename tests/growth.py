"""Synthetic data in the dataset's shapes, to prove that pages and endpoints run a fixed number of queries."""

import datetime
import itertools
import string

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csto_portal.models import Area, Citation, Source
from operations.models import AssistanceRequest, Meeting, Operation, Participation, Result, Series
from organs.models import (
    Membership,
    MembershipStep,
    Organ,
    OrganRelation,
    Partner,
    Person,
    Place,
    Post,
    State,
    Tenure,
    TenureStep,
)
from treaties.models import Instrument, InstrumentEvent, Party

_counter = itertools.count()


def _cite(records, source):
    if not records:
        return
    content_type = ContentType.objects.get_for_model(records[0])
    Citation.objects.bulk_create(
        Citation(content_type=content_type, object_id=record.pk, source=source, locator=f"Synthetic {i}")
        for record in records
        for i in range(2)
    )


def grow_dataset(factor: int = 10):
    """Add ``factor`` times more operations, instruments, meetings and states, and more children on existing rows."""
    run = next(_counter)
    source = Source.objects.create(slug=f"synthetic-{run}", kind="reference", title=f"Synthetic source {run}")
    areas = list(Area.objects.all())
    series = list(Series.objects.all())
    council = Organ.objects.get(slug="collective-security-council")

    letters = [a + b for a, b in itertools.product(string.ascii_uppercase, repeat=2)]
    taken = set(State.objects.values_list("iso2", flat=True))
    codes = [code for code in letters if code not in taken][: 4 * factor]
    states = State.objects.bulk_create(State(iso2=code, name=f"Synthetic state {code}") for code in codes)
    Membership.objects.bulk_create(
        Membership(state=state, status="observer", start=datetime.date(2000 + i % 20, 1, 1))
        for i, state in enumerate(states)
    )

    organs = Organ.objects.bulk_create(
        Organ(slug=f"synthetic-organ-{run}-{i}", name=f"Synthetic organ {run}-{i}", kind="subsidiary", position=50 + i)
        for i in range(2 * factor)
    )
    OrganRelation.objects.bulk_create(OrganRelation(source=o, kind="accountable_to", target=council) for o in organs)
    partners = Partner.objects.bulk_create(
        Partner(slug=f"synthetic-partner-{run}-{i}", name=f"Synthetic partner {run}-{i}", kind="organization")
        for i in range(2 * factor)
    )
    people = Person.objects.bulk_create(
        Person(slug=f"synthetic-person-{run}-{i}", name=f"Synthetic person {run}-{i}") for i in range(factor)
    )
    posts = Post.objects.bulk_create(
        Post(slug=f"synthetic-post-{run}-{i}", title=f"Synthetic post {i}", organ=organ)
        for i, organ in enumerate(organs[:factor])
    )
    Tenure.objects.bulk_create(
        Tenure(person=person, post=post, start=datetime.date(2001, 1, 1))
        for person, post in zip(people, posts, strict=False)
    )

    instruments = Instrument.objects.bulk_create(
        Instrument(
            slug=f"synthetic-instrument-{run}-{i}",
            kind="agreement",
            title=f"Synthetic agreement {run}-{i}",
            status="in_force",
            adopted_by_organ=council,
        )
        for i in range(3 * factor)
    )
    all_instruments = list(Instrument.objects.all())
    InstrumentEvent.objects.bulk_create(
        InstrumentEvent(instrument=instrument, kind=kind, occurred=datetime.date(1995 + i % 30, 1 + i % 12, 1))
        for i, instrument in enumerate(instruments)
        for kind in ("signed", "in_force")
    )
    InstrumentEvent.objects.bulk_create(
        InstrumentEvent(instrument=instrument, kind="ratified", state=state, occurred=datetime.date(2005, 1, 1))
        for instrument in all_instruments
        for state in states[:factor]
    )
    Party.objects.bulk_create(Party(instrument=i, state=s) for i in all_instruments for s in states[:factor])

    operations = Operation.objects.bulk_create(
        Operation(
            slug=f"synthetic-operation-{run}-{i}",
            name=f"Synthetic operation {run}-{i}",
            series=series[i % len(series)],
            kind=series[i % len(series)].kind,
            start=datetime.date(2000 + i % 25, 1 + i % 12, 1),
        )
        for i in range(8 * factor)
    )
    all_operations = list(Operation.objects.all())
    Participation.objects.bulk_create(
        Participation(operation=operation, role=role, state=state)
        for operation in all_operations
        for role, state in zip(["host", "participant", "observer"] * factor, states, strict=False)
    )
    Result.objects.bulk_create(
        Result(operation=operation, metric=f"synthetic figure {run}-{i}", value=i, unit="t", position=10 + i)
        for operation in all_operations
        for i in range(factor)
    )

    meetings = Meeting.objects.bulk_create(
        Meeting(
            slug=f"synthetic-meeting-{run}-{i}",
            title=f"Synthetic meeting {run}-{i}",
            kind="consultation",
            start=datetime.date(2001 + i % 20, 1, 1),
            host=states[i % len(states)],
        )
        for i in range(2 * factor)
    )

    places = Place.objects.bulk_create(
        Place(slug=f"synthetic-place-{run}-{i}", name=f"Synthetic place {run}-{i}", kind="city", state=states[i])
        for i in range(2 * factor)
    )
    AssistanceRequest.objects.bulk_create(
        AssistanceRequest(
            slug=f"synthetic-request-{run}-{i}",
            title=f"Synthetic request {run}-{i}",
            state=states[i],
            kind="consultations",
            requested=datetime.date(2001 + i % 20, 1, 1),
            decision="no_decision",
            operation=operations[i],
            meeting=meetings[i],
        )
        for i in range(factor)
    )
    Result.objects.bulk_create(
        Result(operation=operation, metric="synthetic contingent", value=1, unit="people", state=state, position=99)
        for operation in all_operations
        for state in states[:factor]
    )
    TenureStep.objects.bulk_create(
        TenureStep(tenure=tenure, kind="extended", occurred=datetime.date(2002 + i, 1, 1 + tenure.pk % 28))
        for tenure in Tenure.objects.all()
        for i in range(3)
    )
    MembershipStep.objects.bulk_create(
        MembershipStep(
            membership=membership, kind="renewed", occurred=datetime.date(1999, 1 + i, 1 + membership.pk % 28)
        )
        for membership in Membership.objects.filter(state__isnull=False)
        for i in range(3)
    )

    for operation in operations[:factor]:
        operation.areas.set(areas[:3])
        operation.places.set(places[:3])
    for instrument in instruments[:factor]:
        instrument.areas.set(areas[:3])
    for meeting in meetings[:factor]:
        meeting.people.set(people[:3])
        meeting.states.set(states[:3])
        meeting.absent.set(states[3:5])
        meeting.place = places[0]
        meeting.save(update_fields=["place"])
    for operation in Operation.objects.filter(slug__in=["interaction-2019", "kazakhstan-2022-peacekeeping"]):
        operation.places.add(*places[:factor])
    for meeting in Meeting.objects.filter(
        slug__in=["ccs-session-2023-11-23", "un-csto-joint-declaration-signing-2010-03-18"]
    ):
        meeting.absent.add(*states[:factor])

    for records in (states, organs, partners, people, instruments, operations, meetings, places):
        _cite(records, source)
    for model in (State, Organ, Partner, Instrument, Operation, Meeting, Series, Membership):
        _cite(list(model.objects.exclude(citations__source=source)), source)


def add_editions(series, years, suffix=""):
    """Yearly editions of ``series``, named and slugged like "Long-2010"."""
    return Operation.objects.bulk_create(
        Operation(
            slug=f"{series.slug}-{year}{suffix}",
            name=f"{series.name}-{year}{suffix}",
            series=series,
            kind=series.kind,
            start=str(year),
        )
        for year in years
    )


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def assert_queries_do_not_grow(client, *urls):
    """Each URL runs as many queries after the data grows tenfold as it did before.

    A first small growth gives every kind of row at least one instance, so that "before" already pays for each
    related list (a nested prefetch runs only when its parent rows exist) and the comparison is of size alone.
    """
    grow_dataset(factor=1)
    before = {url: queries_for(client, url) for url in urls}
    grow_dataset()
    after = {url: queries_for(client, url) for url in urls}
    assert after == before
