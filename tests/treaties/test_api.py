import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from operations.models import Meeting, Operation
from organs.models import Organ
from tests.growth import assert_queries_do_not_grow
from tests.helpers import BAD_INSTRUMENT_FILTERS, INSTRUMENTS_WITH_A_STEP_IN_2009
from treaties.models import Instrument

pytestmark = pytest.mark.django_db

LIST = reverse("api:instrument-list")
UN_RESOLUTIONS = {"un-ga-resolution-observer-status", "un-ga-resolution-un-csto-cooperation"}


def detail(slug):
    return reverse("api:instrument-detail", args=[slug])


def slugs(response):
    assert response.status_code == 200, response.content
    return {item["slug"] for item in response.json()["results"]}


def get_list(client, **params):
    return client.get(LIST, {"page_size": 200, **params})


@pytest.fixture
def reader(token_client):
    return token_client()


@pytest.fixture
def writer(token_client):
    """A client whose user may add, change and delete instruments."""
    return token_client("add_instrument", "change_instrument", "delete_instrument")


# The list


def test_list_is_paginated_and_each_item_links_its_detail(client):
    response = client.get(LIST)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == Instrument.objects.count()
    assert body["next"] is None and body["previous"] is None
    assert len(body["results"]) == body["count"], "the whole list fits on the first page"
    for item in body["results"]:
        assert item["url"] == f"http://testserver{detail(item['slug'])}"
    assert set(body["results"][0]) == {
        "url",
        "slug",
        "kind",
        "title",
        "short_title",
        "status",
        "draft",
        "adopted_by",
        "first_event",
        "areas",
        "created",
        "updated",
    }


def test_list_is_newest_first_by_default_with_undated_instruments_last(client):
    results = client.get(LIST).json()["results"]
    assert results[0]["slug"] == "cmfa-declaration-2010-03-25"
    undated = Instrument.objects.filter(first_event_date__isnull=True).count()
    assert undated and [item["first_event"] for item in results[-undated:]] == [None] * undated
    dates = [item["first_event"]["date"] for item in results if item["first_event"]]
    assert dates == sorted(dates, reverse=True)


def test_list_item_names_the_adopter_and_the_first_whole_instrument_event(client):
    results = {item["slug"]: item for item in client.get(LIST).json()["results"]}
    resolution = results["un-ga-resolution-observer-status"]
    assert resolution["kind"] == "resolution"
    assert resolution["adopted_by"] == {
        "type": "partner",
        "slug": "un-general-assembly",
        "name": "United Nations General Assembly",
        "url": f"http://testserver{reverse('api:partner-detail', args=['un-general-assembly'])}",
    }
    assert resolution["first_event"] == {"kind": "adopted", "date": "2004-12-02", "date_precision": "day"}

    decision = results["decision-establishing-csto"]
    assert decision["adopted_by"]["type"] == "organ"
    assert decision["adopted_by"]["url"].endswith(reverse("api:organ-detail", args=["collective-security-council"]))
    assert decision["first_event"] == {"kind": "adopted", "date": "2002-05", "date_precision": "month"}

    treaty = results["collective-security-treaty"]
    assert treaty["adopted_by"] is None
    # The earliest step of the Treaty as a whole, not a state's accession.
    assert treaty["first_event"] == {"kind": "signed", "date": "1992-05-15", "date_precision": "day"}
    assert treaty["areas"] == ["military-cooperation"]
    assert treaty["status"] == "in_force"
    assert treaty["short_title"] == "Treaty of 1992"


def test_page_size_chooses_the_page_length(client):
    body = client.get(LIST, {"page_size": 5}).json()
    assert body["count"] == Instrument.objects.count() > 5
    assert len(body["results"]) == 5
    assert "page=2" in body["next"] and "page_size=5" in body["next"]
    second = client.get(body["next"]).json()
    assert second["previous"] is not None
    assert not {item["slug"] for item in body["results"]} & {item["slug"] for item in second["results"]}


def test_page_size_is_capped_at_200(client):
    council = Organ.objects.get(slug="collective-security-council")
    Instrument.objects.bulk_create(
        Instrument(
            slug=f"bulk-{i}", kind="decision", title=f"Bulk decision {i}", status="adopted", adopted_by_organ=council
        )
        for i in range(200)
    )
    body = client.get(LIST, {"page_size": 1000}).json()
    assert body["count"] == Instrument.objects.count() > 200
    assert len(body["results"]) == 200
    assert body["next"] is not None


def test_list_as_csv_has_a_header_row_and_one_row_per_instrument(client):
    response = client.get(LIST, {"format": "csv", "page_size": 200})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["slug"] for row in rows} == set(Instrument.objects.values_list("slug", flat=True))
    assert {"url", "slug", "kind", "title", "status", "first_event.date", "adopted_by.slug"} <= set(rows[0])
    treaty = next(row for row in rows if row["slug"] == "collective-security-treaty")
    assert treaty["title"] == "Collective Security Treaty"
    assert treaty["first_event.date"] == "1992-05-15"
    assert treaty["areas.0"] == "military-cooperation"
    resolution = next(row for row in rows if row["slug"] == "un-ga-resolution-observer-status")
    assert resolution["adopted_by.slug"] == "un-general-assembly"


# Filters


def test_kind_filter(client):
    response = client.get(LIST, {"kind": "resolution"})
    assert slugs(response) == UN_RESOLUTIONS
    assert response.json()["count"] == len(UN_RESOLUTIONS)
    assert slugs(get_list(client, kind="treaty")) == {"collective-security-treaty", "draft-european-security-treaty"}


def test_status_filter(client):
    in_force = get_list(client, status="in_force").json()
    assert in_force["count"] == Instrument.objects.filter(status="in_force").count()
    assert {item["status"] for item in in_force["results"]} == {"in_force"}
    assert "agreement-legal-status-csto" in slugs(get_list(client, status="signed"))


def test_adopted_by_filter_takes_a_partner_or_an_organ_slug(client):
    assert slugs(get_list(client, adopted_by="un-general-assembly")) == UN_RESOLUTIONS
    by_council = slugs(get_list(client, adopted_by="collective-security-council"))
    assert "decision-establishing-csto" in by_council
    assert len(by_council) == Instrument.objects.filter(adopted_by_organ__slug="collective-security-council").count()


def test_year_range_filter_keeps_instruments_with_a_step_in_it(client):
    assert slugs(get_list(client, year_from=2009, year_to=2009)) == INSTRUMENTS_WITH_A_STEP_IN_2009
    assert slugs(get_list(client, year_to=1993)) == {"collective-security-treaty"}


def test_area_filter(client):
    assert slugs(get_list(client, area="peacekeeping")) == {"agreement-peacekeeping-activities"}


def test_state_filter_takes_the_iso_code_in_either_case(client):
    assert slugs(get_list(client, state="BY")) == {"collective-security-treaty", "csto-charter"}
    assert slugs(get_list(client, state="by")) == {"collective-security-treaty", "csto-charter"}
    # Georgia left the Treaty in 1999 but stays listed, with steps of its own.
    assert slugs(get_list(client, state="ge")) == {"collective-security-treaty"}


def test_q_filter_matches_title_short_title_and_summary(client):
    assert slugs(get_list(client, q="PEACEKEEPING")) == {"agreement-peacekeeping-activities"}
    assert "collective-security-treaty" in slugs(get_list(client, q="Tashkent treaty"))


def test_filters_combine(client):
    assert slugs(get_list(client, state="ru", kind="charter")) == {"csto-charter"}


def test_ordering_by_title_and_by_date(client):
    by_title = [item["slug"] for item in get_list(client, ordering="title").json()["results"]]
    assert by_title[0] == "action-plan-illegal-migration"
    assert by_title[-1] == "working-plan-emergency-response-system"
    assert [item["slug"] for item in get_list(client, ordering="-title").json()["results"]] == by_title[::-1]
    oldest_first = get_list(client, ordering="date").json()["results"]
    assert [item["slug"] for item in oldest_first[:2]] == ["collective-security-treaty", "decision-establishing-csto"]
    undated = Instrument.objects.filter(first_event_date__isnull=True).count()
    assert undated and all(item["first_event"] is None for item in oldest_first[-undated:])


def test_updated_since_keeps_recently_changed_instruments(client):
    Instrument.objects.update(updated=timezone.now() - datetime.timedelta(days=30))
    charter = Instrument.objects.get(slug="csto-charter")
    charter.save()
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert slugs(get_list(client, updated_since=since)) == {"csto-charter"}


@pytest.mark.parametrize(
    ("params", "parameter", "message"),
    [*BAD_INSTRUMENT_FILTERS, ({"updated_since": "yesterday"}, "updated_since", "not an ISO 8601 date")],
)
def test_bad_filter_values_answer_400_naming_the_parameter(client, params, parameter, message):
    response = client.get(LIST, params)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/json"
    assert message in " ".join(response.json()[parameter])


def test_a_reversed_year_range_answers_400_with_the_reason(client):
    response = client.get(LIST, {"year_from": 2010, "year_to": 2001})
    assert response.status_code == 400
    assert "The end year is before the start year." in str(response.json())


# The detail


def test_treaty_detail_has_its_events_in_date_order_at_their_precision(client):
    response = client.get(detail("collective-security-treaty"))
    assert response.status_code == 200
    body = response.json()
    assert body["url"] == f"http://testserver{detail('collective-security-treaty')}"
    assert body["title"] == "Collective Security Treaty"
    assert "Tashkent" in body["summary"]
    events = body["events"]
    assert len(events) == Instrument.objects.get(slug="collective-security-treaty").events.count()
    assert [event["date"] for event in events] == sorted(event["date"] for event in events)
    signed = events[0]
    assert (signed["kind"], signed["date"], signed["date_precision"]) == ("signed", "1992-05-15", "day")
    assert signed["state"] is None
    assert signed["place"] == "Tashkent"
    assert {citation["source"]["slug"] for citation in signed["citations"]} >= {"bordyuzha-2010"}
    registered = next(event for event in events if event["kind"] == "registered_un")
    assert (registered["date"], registered["date_precision"]) == ("1995-11-01", "day")
    assert registered["citations"][0]["locator"] == "The CSTO and the United Nations: Dates and Facts"
    # State steps are among the events too, with the state linked.
    accession = next(e for e in events if e["kind"] == "acceded" and e["state"] and e["state"]["iso2"] == "AZ")
    assert accession["date"] == "1993-09-24"
    assert accession["state"] == {
        "iso2": "AZ",
        "name": "Azerbaijan",
        "url": f"http://testserver{reverse('api:state-detail', args=['az'])}",
    }


def test_treaty_parties_carry_their_status_and_their_own_steps(client):
    body = client.get(detail("collective-security-treaty")).json()
    parties = {party["state"]["iso2"]: party for party in body["parties"]}
    assert set(parties) == {"AM", "AZ", "BY", "GE", "KG", "KZ", "RU", "TJ", "UZ"}
    assert parties["AZ"]["status"] == parties["GE"]["status"] == "withdrawn"
    assert parties["RU"]["status"] == "party"
    assert parties["GE"]["state"]["url"].endswith(reverse("api:state-detail", args=["ge"]))
    assert [(step["kind"], step["date"]) for step in parties["GE"]["steps"]] == [
        ("acceded", "1993-12-09"),
        ("withdrawn", "1999-04-02"),
    ]
    assert parties["RU"]["steps"] == []
    uzbekistan = Instrument.objects.get(slug="collective-security-treaty").parties.get(state__iso2="UZ")
    assert len(parties["UZ"]["citations"]) == uzbekistan.citations.count() > 1


def test_georgia_accession_keeps_both_disputed_dates_with_the_preferred_one_first(client):
    body = client.get(detail("collective-security-treaty")).json()
    georgia = next(party for party in body["parties"] if party["state"]["iso2"] == "GE")
    accession = georgia["steps"][0]
    assert accession["kind"] == "acceded" and accession["date"] == "1993-12-09"
    claims = [(citation["claim"], citation["preferred"], citation["field"]) for citation in accession["citations"]]
    assert claims == [("1993-12-09", True, "occurred"), ("1993-09-09", False, "occurred")]
    assert accession["citations"][0]["source"]["slug"] == "gibler-alliances"


def test_treaty_detail_lists_instruments_relating_to_it_and_its_citations(client):
    body = client.get(detail("collective-security-treaty")).json()
    related = {item["instrument"]["slug"]: item for item in body["related"]}
    decision = related["decision-establishing-csto"]
    assert decision["relation"] == "supplemented_by"
    assert decision["instrument"]["url"] == f"http://testserver{detail('decision-establishing-csto')}"
    assert decision["citations"][0]["locator"] == "Introduction"
    assert len(body["citations"]) == Instrument.objects.get(slug="collective-security-treaty").citations.count()
    assert body["citations"][0]["source"]["slug"] == "bordyuzha-2010"


def test_decision_detail_has_a_month_precision_event_and_its_adopter(client):
    body = client.get(detail("decision-establishing-csto")).json()
    adopted = body["events"][0]
    assert (adopted["kind"], adopted["date"], adopted["date_precision"]) == ("adopted", "2002-05", "month")
    assert body["adopted_by"]["slug"] == "collective-security-council"
    assert body["adopted_by_organ"] == "collective-security-council"
    assert body["adopted_by_partner"] is None
    assert body["parties"] == []
    related = {(item["relation"], item["instrument"]["slug"]) for item in body["related"]}
    assert ("supplements", "collective-security-treaty") in related


def test_detail_links_the_organs_it_established_and_the_meetings_that_adopted_it(client):
    body = client.get(detail("decision-interstate-commission-military-economic")).json()
    organ = Organ.objects.get(slug="interstate-commission-military-economic-cooperation")
    assert body["established_organs"] == [
        {
            "slug": organ.slug,
            "name": organ.name,
            "url": f"http://testserver{reverse('api:organ-detail', args=[organ.slug])}",
        }
    ]
    meeting = Meeting.objects.get(slug="ccs-session-2005-06-23")
    assert body["meetings"] == [
        {
            "slug": meeting.slug,
            "title": "Session of the Collective Security Council, 23 June 2005",
            "url": f"http://testserver{reverse('api:meeting-detail', args=[meeting.slug])}",
        }
    ]
    assert body["operations"] == []


def test_detail_links_the_operations_that_refer_to_it(client):
    operation = Operation.objects.get(slug="rubezh-2010")
    operation.instruments.add(Instrument.objects.get(slug="csto-charter"))
    body = client.get(detail("csto-charter")).json()
    assert body["operations"] == [
        {
            "slug": "rubezh-2010",
            "name": operation.name,
            "url": f"http://testserver{reverse('api:operation-detail', args=['rubezh-2010'])}",
        }
    ]


def test_unknown_slug_answers_404_json(client):
    response = client.get(detail("no-such-instrument"))
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_detail_carries_last_modified_and_answers_304_when_unchanged(client):
    first = client.get(detail("csto-charter"))
    assert "Last-Modified" in first.headers
    assert "ETag" in first.headers
    again = client.get(detail("csto-charter"), HTTP_IF_NONE_MATCH=first.headers["ETag"])
    assert again.status_code == 304


def test_unchanged_list_answers_304(client):
    first = client.get(LIST)
    again = client.get(LIST, HTTP_IF_NONE_MATCH=first.headers["ETag"])
    assert again.status_code == 304


def test_detail_as_csv_is_one_row(client):
    response = client.get(detail("csto-charter"), {"format": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert rows[0]["slug"] == "csto-charter"


# Writes

NEW = {
    "slug": "test-protocol",
    "kind": "protocol",
    "title": "Protocol on testing",
    "status": "draft",
    "adopted_by_organ": "collective-security-council",
    "areas": ["peacekeeping"],
}


def test_anonymous_clients_cannot_write(client):
    assert client.post(LIST, NEW, content_type="application/json").status_code == 401
    assert client.patch(detail("csto-charter"), {"title": "X"}, content_type="application/json").status_code == 401
    assert client.delete(detail("csto-charter")).status_code == 401


def test_users_without_the_permission_cannot_write(reader):
    assert reader.post(LIST, NEW, format="json").status_code == 403
    assert reader.patch(detail("csto-charter"), {"title": "X"}, format="json").status_code == 403
    assert reader.delete(detail("csto-charter")).status_code == 403


def test_editor_creates_an_instrument_by_slugs(writer):
    response = writer.post(LIST, NEW, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["slug"] == "test-protocol"
    assert body["adopted_by"]["slug"] == "collective-security-council"
    assert body["areas"] == ["peacekeeping"]
    assert body["events"] == [] and body["parties"] == [] and body["citations"] == []
    instrument = Instrument.all_objects.get(slug="test-protocol")
    assert instrument.draft, "what an editor adds waits for a reviewer"
    assert instrument.adopted_by_organ.slug == "collective-security-council"
    assert list(instrument.areas.values_list("slug", flat=True)) == ["peacekeeping"]


def test_editor_updates_an_instrument_and_the_answer_keeps_its_nested_data(writer):
    response = writer.patch(
        detail("collective-security-treaty"),
        {"short_title": "Tashkent Treaty", "areas": ["military-cooperation", "peacekeeping"]},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["short_title"] == "Tashkent Treaty"
    assert body["areas"] == ["military-cooperation", "peacekeeping"]
    assert {party["state"]["iso2"] for party in body["parties"]} == {
        "AM",
        "AZ",
        "BY",
        "GE",
        "KG",
        "KZ",
        "RU",
        "TJ",
        "UZ",
    }
    assert Instrument.objects.get(slug="collective-security-treaty").short_title == "Tashkent Treaty"


def test_editor_replaces_the_adopter(writer):
    response = writer.patch(
        detail("decision-establishing-csto"),
        {"adopted_by_organ": None, "adopted_by_partner": "un-general-assembly"},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["adopted_by"]["type"] == "partner"


def test_a_reviewer_deletes_a_published_instrument(token_client):
    Instrument.objects.create(slug="to-delete", kind="statement", title="Statement to delete", status="adopted")
    reviewer = token_client("delete_instrument", "publish_instrument")
    assert reviewer.delete(detail("to-delete")).status_code == 204
    assert not Instrument.objects.filter(slug="to-delete").exists()


def test_both_adopters_at_once_are_refused(writer):
    response = writer.post(LIST, {**NEW, "adopted_by_partner": "un-general-assembly"}, format="json")
    assert response.status_code == 400
    assert response.json()["non_field_errors"] == [
        "Name either the CSTO organ or the partner body that adopted it, not both."
    ]
    assert not Instrument.objects.filter(slug="test-protocol").exists()


def test_a_patch_adding_a_second_adopter_is_refused(writer):
    response = writer.patch(
        detail("decision-establishing-csto"), {"adopted_by_partner": "un-general-assembly"}, format="json"
    )
    assert response.status_code == 400
    assert "not both" in response.json()["non_field_errors"][0]


def test_duplicate_slug_is_refused(writer):
    response = writer.post(LIST, {**NEW, "slug": "csto-charter"}, format="json")
    assert response.status_code == 400
    assert "already exists" in response.json()["slug"][0]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"kind": "novel"}, "kind", '"novel" is not a valid choice.'),
        ({"status": "forgotten"}, "status", '"forgotten" is not a valid choice.'),
        ({"adopted_by_organ": "no-such-organ"}, "adopted_by_organ", "does not exist"),
        ({"areas": ["no-such-area"]}, "areas", "does not exist"),
        ({"slug": "not a slug"}, "slug", "letters, numbers, underscores or hyphens"),
        ({"title": ""}, "title", "may not be blank"),
    ],
)
def test_invalid_values_are_refused_with_the_field_named(writer, change, field, message):
    response = writer.post(LIST, {**NEW, **change}, format="json")
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])


def test_deleting_an_instrument_still_referred_to_answers_409(token_client):
    organ = Organ.objects.filter(established_by__isnull=False).select_related("established_by").first()
    response = token_client("delete_instrument", "publish_instrument").delete(detail(organ.established_by.slug))
    assert response.status_code == 409
    assert "still referred to" in response.json()["detail"]


# Query counts


def test_list_and_detail_queries_do_not_grow_with_the_data(client):
    assert_queries_do_not_grow(
        client,
        LIST,
        f"{LIST}?adopted_by=collective-security-council&year_from=1995&year_to=2030&ordering=-date",
        f"{LIST}?state=ru&kind=treaty&q=treaty&ordering=title&page_size=200",
        f"{LIST}?area=counter-terrorism&status=in_force&ordering=date",
        detail("collective-security-treaty"),
    )
