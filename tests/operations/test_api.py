import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from operations.models import Meeting, Operation
from tests.growth import assert_queries_do_not_grow
from tests.helpers import cited

pytestmark = pytest.mark.django_db

OPERATIONS = reverse("api:operation-list")
MEETINGS = reverse("api:meeting-list")
SIGNING = "un-csto-joint-declaration-signing-2010-03-18"


def operation_url(slug):
    return reverse("api:operation-detail", args=[slug])


def meeting_url(slug):
    return reverse("api:meeting-detail", args=[slug])


def absolute(path):
    return f"http://testserver{path}"


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def by_metric(results):
    return {result["metric"]: result for result in results}


# Operations: list


def test_operation_list_is_paginated_newest_first_with_urls_and_slugs(api):
    body = api.get(OPERATIONS).json()
    assert body["count"] == Operation.objects.count()
    assert len(body["results"]) == body["count"], "the whole list fits on the first page"
    assert body["next"] is None and body["previous"] is None
    assert body["results"][0]["slug"] == "rubezh-2010"
    for item in body["results"]:
        assert item["url"] == absolute(operation_url(item["slug"]))
        assert {"created", "updated", "kind", "status"} <= set(item)


def test_operation_list_row_has_series_partial_dates_and_hosts(api):
    rows = {item["slug"]: item for item in api.get(OPERATIONS).json()["results"]}
    rubezh = rows["rubezh-2010"]
    assert rubezh["name"] == "Rubezh-2010"
    assert rubezh["series"] == {"slug": "rubezh", "name": "Rubezh"}
    assert (rubezh["start"], rubezh["start_precision"]) == ("2010-04", "month")
    assert (rubezh["end"], rubezh["end_precision"]) == (None, None)
    assert rubezh["hosts"] == [
        {"iso2": "TJ", "name": "Tajikistan", "url": absolute(reverse("api:state-detail", kwargs={"iso2": "tj"}))}
    ]
    assert rows["zapad-2009"]["series"] is None
    kanal = rows["kanal-2003-2009"]
    assert (kanal["start"], kanal["end"], kanal["end_precision"]) == ("2003", "2009", "year")
    assert kanal["hosts"] == []


def test_operation_list_leaves_the_details_to_the_record(api):
    item = api.get(OPERATIONS).json()["results"][0]
    assert not {"results", "participants", "observers", "citations", "summary"} & set(item)


# Operations: detail


def test_kanal_has_its_seven_results_with_units_qualifiers_and_periods(api):
    body = api.get(operation_url("kanal-2003-2009")).json()
    results = by_metric(body["results"])
    assert [result["metric"] for result in body["results"]] == [
        "phases held",
        "drugs seized",
        "heroin seized",
        "cocaine seized",
        "hashish seized",
        "firearms seized",
        "ammunition seized",
    ]
    heroin = results["heroin seized"]
    assert (heroin["qualifier"], Decimal(heroin["value"]), heroin["unit"]) == ("exact", Decimal("10.5"), "t")
    assert heroin["value"] == "10.500"
    assert heroin["figure"] == "10.5 t"
    assert (heroin["period_start"], heroin["period_start_precision"]) == ("2003", "year")
    assert (heroin["period_end"], heroin["period_end_precision"]) == ("2009", "year")
    assert heroin["final"] is True and heroin["stage"] == ""
    assert heroin["citations"][0]["note"] == "Part of the more than 220 tonnes of drugs seized in all."
    drugs = results["drugs seized"]
    assert (drugs["qualifier"], drugs["figure"]) == ("more_than", "more than 220 t")
    ammunition = results["ammunition seized"]
    assert (ammunition["qualifier"], Decimal(ammunition["value"]), ammunition["unit"]) == (
        "about",
        Decimal(250000),
        "rounds",
    )
    assert ammunition["figure"] == "about 250,000 rounds"
    assert results["firearms seized"]["figure"] == "7,688 items"


def test_kanal_has_22_observer_states_3_observer_organizations_and_7_participants(api):
    body = api.get(operation_url("kanal-2003-2009")).json()
    observers = body["observers"]
    states = [observer for observer in observers if observer["state"]]
    organizations = [observer for observer in observers if observer["partner"]]
    kanal = Operation.objects.get(slug="kanal-2003-2009")
    observer_states = kanal.participations.filter(role="observer", state__isnull=False)
    assert observer_states.count() == 22
    assert {o["state"]["iso2"] for o in states} == set(observer_states.values_list("state__iso2", flat=True))
    assert (len(organizations), len(observers)) == (3, 25)
    assert {observer["role"] for observer in observers} == {"observer"}
    assert {o["partner"]["slug"] for o in organizations} == {"osce", "interpol", "eag"}
    assert all(o["state"] is None for o in organizations)
    united_states = next(o for o in states if o["state"]["iso2"] == "US")
    assert united_states["state"]["url"] == absolute(reverse("api:state-detail", kwargs={"iso2": "us"}))
    assert united_states["agencies"] == ["law_enforcement"]
    osce = next(o for o in organizations if o["partner"]["slug"] == "osce")
    assert osce["partner"]["url"] == absolute(reverse("api:partner-detail", args=["osce"]))
    assert osce["citations"][0]["locator"] == 'The "Kanal" International Anti-Drug Operation'

    participants = body["participants"]
    assert {p["state"]["iso2"] for p in participants} == {"AM", "BY", "KZ", "KG", "RU", "TJ", "UZ"}
    assert "financial_intelligence" in participants[0]["agencies"]
    assert body["hosts"] == []


def test_operation_detail_has_summary_areas_series_editions_and_sources(api):
    body = api.get(operation_url("kanal-2003-2009")).json()
    assert body["url"] == absolute(operation_url("kanal-2003-2009"))
    assert body["series"] == {
        "slug": "kanal",
        "name": "Kanal",
        "aliases": [],
        "edition_count": 2,
        "operations": absolute(f"{OPERATIONS}?series=kanal"),
    }
    assert "thirteen phases" in body["summary"]
    assert body["areas"] == ["anti-drug"]
    assert body["other_editions"] == [
        {"slug": "kanal-2010", "name": "Kanal, 2010", "url": absolute(operation_url("kanal-2010"))}
    ]
    citation = body["citations"][0]
    assert citation["source"]["slug"] == "bordyuzha-2010"
    assert citation["locator"] == 'The "Kanal" International Anti-Drug Operation'
    assert (body["run_by"], body["forces"], body["instruments"]) == (None, [], [])


def test_rubezh_2010_starts_in_april_2010_and_was_hosted_by_tajikistan(api):
    body = api.get(operation_url("rubezh-2010")).json()
    assert (body["start"], body["start_precision"]) == ("2010-04", "month")
    assert [host["iso2"] for host in body["hosts"]] == ["TJ"]
    assert body["participants"] == [] and body["observers"] == []


def test_operation_detail_links_the_organs_that_ran_it_and_took_part(api):
    nelegal = api.get(operation_url("nelegal-2009")).json()
    assert nelegal["run_by"]["slug"] == "coordinating-council-illegal-migration"
    assert nelegal["run_by"]["url"] == absolute(
        reverse("api:organ-detail", args=["coordinating-council-illegal-migration"])
    )
    assert [edition["slug"] for edition in nelegal["other_editions"]] == ["nelegal-2008", "nelegal-2010"]
    zapad = api.get(operation_url("zapad-2009")).json()
    assert [organ["slug"] for organ in zapad["forces"]] == ["collective-rapid-reaction-forces"]
    assert zapad["other_editions"] == []


def test_operation_record_lists_the_nearest_editions_and_links_the_whole_series(api, long_series):
    body = api.get(operation_url("long-2010")).json()
    assert [edition["slug"] for edition in body["other_editions"]] == [
        *["long-2007", "long-2008", "long-2009"],
        *["long-2011", "long-2012", "long-2013"],
    ]
    assert body["other_editions"][0] == {
        "slug": "long-2007",
        "name": "Long-2007",
        "url": absolute(operation_url("long-2007")),
    }
    assert body["series"]["edition_count"] == 21
    everything = api.get(body["series"]["operations"]).json()
    assert everything["count"] == 21
    assert {row["series"]["slug"] for row in everything["results"]} == {"long"}


def test_operation_record_queries_and_size_do_not_grow_with_its_series(after_long_series_grows):
    response = after_long_series_grows(operation_url("long-2010"))
    assert response.json()["series"]["edition_count"] == 1981


def test_unknown_operation_is_a_json_404(api):
    response = api.get(operation_url("no-such-operation"))
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/json"
    assert "detail" in response.json()


# Operations: filters, ordering, pages, formats


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"series": "nelegal"}, {"nelegal-2008", "nelegal-2009", "nelegal-2010"}),
        ({"kind": "exercise"}, {"rubezh-2010", "zapad-2009", "vzaimodeistvie-2009"}),
        ({"status": "planned"}, {"kanal-2010"}),
        ({"year": "2005"}, {"kanal-2003-2009"}),
        ({"state": "kz"}, {"kanal-2003-2009", "vzaimodeistvie-2009"}),
        ({"state": "kz", "role": "host"}, {"vzaimodeistvie-2009"}),
        ({"state": "KZ", "role": "participant"}, {"kanal-2003-2009"}),
        ({"role": "observer"}, {"kanal-2003-2009"}),
        ({"area": "anti-drug"}, {"kanal-2003-2009", "kanal-2010"}),
        ({"q": "tajikistan"}, {"rubezh-2010"}),
        ({"kind": "anti_migration", "year": "2009"}, {"nelegal-2009"}),
    ],
)
def test_operation_filters_narrow_the_list(api, params, expected):
    response = api.get(OPERATIONS, params)
    assert set(slugs(response)) == expected
    assert response.json()["count"] == len(expected)


def test_nelegal_series_has_three_operations(api):
    body = api.get(OPERATIONS, {"series": "nelegal"}).json()
    assert body["count"] == 3
    assert {item["slug"] for item in body["results"]} == {"nelegal-2008", "nelegal-2009", "nelegal-2010"}


def test_year_2005_finds_kanal_running_from_2003_to_2009(api):
    assert "kanal-2003-2009" in slugs(api.get(OPERATIONS, {"year": 2005}))


@pytest.mark.parametrize(
    ("ordering", "first"),
    [("name", ["kanal-2003-2009", "kanal-2010"]), ("-name", ["zapad-2009"]), ("start", ["kanal-2003-2009"])],
)
def test_operations_order_by_name_or_start(api, ordering, first):
    listed = slugs(api.get(OPERATIONS, {"ordering": ordering}))
    assert listed[: len(first)] == first
    assert sorted(listed) == sorted(Operation.objects.values_list("slug", flat=True))


def test_operations_ordered_by_name_are_in_alphabetical_order(api):
    names = [item["name"] for item in api.get(OPERATIONS, {"ordering": "name"}).json()["results"]]
    assert names == sorted(names)


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"year": "abc"}, "year"),
        ({"year": "99999"}, "year"),
        ({"series": "unknown"}, "series"),
        ({"state": "zz"}, "state"),
        ({"role": "king"}, "role"),
        ({"kind": "war"}, "kind"),
        ({"status": "lost"}, "status"),
        ({"area": "astrology"}, "area"),
        ({"ordering": "budget"}, "ordering"),
        ({"q": "x" * 10_000}, "q"),
        ({"updated_since": "yesterday"}, "updated_since"),
    ],
)
def test_bad_operation_filter_values_are_a_json_400_naming_the_parameter(api, params, parameter):
    response = api.get(OPERATIONS, params)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/json"
    assert parameter in response.json()


def test_operation_page_size_is_chosen_and_capped(api):
    body = api.get(OPERATIONS, {"page_size": 3}).json()
    assert len(body["results"]) == 3
    assert body["next"].endswith("page=2&page_size=3")
    second = api.get(body["next"]).json()
    assert second["previous"] is not None
    assert not {item["slug"] for item in body["results"]} & {item["slug"] for item in second["results"]}

    Operation.objects.bulk_create(
        Operation(slug=f"bulk-{i}", name=f"Bulk {i:03}", kind="exercise", start=datetime.date(2001, 1, 1))
        for i in range(200)
    )
    capped = api.get(OPERATIONS, {"page_size": 1000}).json()
    assert capped["count"] == Operation.objects.count() > 200
    assert len(capped["results"]) == 200


def test_operation_list_exports_csv_with_a_header_row(api):
    response = api.get(OPERATIONS, {"format": "csv"})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {"url", "slug", "name", "start", "start_precision", "series.slug", "hosts.0.iso2"} <= set(rows[0])
    assert {row["slug"] for row in rows} == set(Operation.objects.values_list("slug", flat=True))
    rubezh = next(row for row in rows if row["slug"] == "rubezh-2010")
    assert (rubezh["name"], rubezh["start"], rubezh["hosts.0.iso2"]) == ("Rubezh-2010", "2010-04", "TJ")
    assert "Rubezh-2010" in response.content.decode()


def test_updated_since_lists_only_operations_changed_since(api):
    later = timezone.now() + datetime.timedelta(days=1)
    Operation.objects.filter(slug="zapad-2009").update(updated=later)
    response = api.get(OPERATIONS, {"updated_since": (later - datetime.timedelta(minutes=1)).isoformat()})
    assert slugs(response) == ["zapad-2009"]


def test_unchanged_operation_answers_304_and_carries_last_modified(api):
    url = operation_url("kanal-2003-2009")
    first = api.get(url)
    assert "ETag" in first.headers
    assert first.headers["Last-Modified"].endswith("GMT")
    assert api.get(url, HTTP_IF_NONE_MATCH=first.headers["ETag"]).status_code == 304
    listed = api.get(OPERATIONS)
    assert api.get(OPERATIONS, HTTP_IF_NONE_MATCH=listed.headers["ETag"]).status_code == 304


def test_operation_list_and_detail_queries_do_not_grow(client):
    # Kanal already has results and participations with citations, so every prefetch runs before and after.
    assert_queries_do_not_grow(client, OPERATIONS, operation_url("kanal-2003-2009"))


# Operations: writes

NEW_OPERATION = {
    "slug": "rubezh-2011",
    "name": "Rubezh-2011",
    "series": "rubezh",
    "kind": "exercise",
    "status": "held",
    "start": "2011",
    "summary": "The 2011 round.",
    "areas": ["military-cooperation"],
    "forces": ["collective-rapid-reaction-forces"],
    "citations": cited(),
}


def test_anonymous_operation_writes_are_401(api):
    assert api.post(OPERATIONS, NEW_OPERATION, format="json").status_code == 401
    assert api.patch(operation_url("rubezh-2010"), {"name": "x"}, format="json").status_code == 401
    assert api.delete(operation_url("rubezh-2010")).status_code == 401


def test_operation_writes_without_permission_are_403(token_client):
    reader = token_client()
    assert reader.post(OPERATIONS, NEW_OPERATION, format="json").status_code == 403
    assert reader.patch(operation_url("rubezh-2010"), {"name": "x"}, format="json").status_code == 403
    assert reader.delete(operation_url("rubezh-2010")).status_code == 403
    assert Operation.objects.get(slug="rubezh-2010").name == "Rubezh-2010"


def test_editor_creates_an_operation_by_slugs_and_gets_the_full_record(token_client):
    response = token_client("add_operation").post(OPERATIONS, NEW_OPERATION, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert response.headers["Location"] == body["url"] == absolute(operation_url("rubezh-2011"))
    assert (body["series"]["slug"], body["series"]["name"]) == ("rubezh", "Rubezh")
    assert (body["start"], body["start_precision"], body["end"]) == ("2011", "year", None)
    assert [organ["slug"] for organ in body["forces"]] == ["collective-rapid-reaction-forces"]
    assert body["areas"] == ["military-cooperation"]
    assert [edition["slug"] for edition in body["other_editions"]] == ["rubezh-2010"]
    operation = Operation.all_objects.get(slug="rubezh-2011")
    assert operation.draft and body["draft"], "what an editor adds waits for a reviewer"
    assert (operation.start_date, operation.start_precision) == (datetime.date(2011, 1, 1), "year")


def test_editor_changes_an_operation(token_client):
    editor = token_client("change_operation")
    url = operation_url("rubezh-2010")
    response = editor.patch(
        url, {"end": "2010-04-30", "status": "held", "run_by": "secretariat", "citations": cited("end")}, format="json"
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["end"], body["end_precision"]) == ("2010-04-30", "day")
    assert body["run_by"]["slug"] == "secretariat"
    assert [host["iso2"] for host in body["hosts"]] == ["TJ"]

    replacement = {**NEW_OPERATION, "slug": "rubezh-2010", "name": "Rubezh 2010", "end": None, "run_by": None}
    replaced = editor.put(url, replacement, format="json")
    assert replaced.status_code == 200, replaced.content
    body = replaced.json()
    assert (body["name"], body["start"], body["end"], body["end_precision"], body["run_by"]) == (
        "Rubezh 2010",
        "2011",
        None,
        None,
        None,
    )


def test_a_reviewer_deletes_a_published_operation(token_client):
    response = token_client("delete_operation", "publish_operation").delete(operation_url("nelegal-2008"))
    assert response.status_code == 204
    assert not Operation.objects.filter(slug="nelegal-2008").exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"start": "2011", "end": "2009"}, "non_field_errors", "The end date cannot be before the start date."),
        ({"start": "2010-13"}, "start", "is not a real date"),
        ({"start": "April 2010"}, "start", "write YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"series": "no-such-series"}, "series", "does not exist"),
        ({"forces": ["no-such-organ"]}, "forces", "does not exist"),
        ({"kind": "war"}, "kind", "is not a valid choice"),
        ({"slug": "kanal-2010"}, "slug", "already exists"),
    ],
)
def test_invalid_operation_writes_are_400_with_the_reason(token_client, changes, field, message):
    response = token_client("add_operation").post(OPERATIONS, {**NEW_OPERATION, **changes}, format="json")
    assert response.status_code == 400
    assert message in " ".join(map(str, response.json()[field]))
    assert not Operation.objects.filter(slug="rubezh-2011").exists()


def test_changing_only_the_end_to_before_the_start_is_refused(token_client):
    response = token_client("change_operation").patch(operation_url("kanal-2003-2009"), {"end": "2001"}, format="json")
    assert response.status_code == 400
    assert response.json()["non_field_errors"] == ["The end date cannot be before the start date."]
    assert Operation.objects.get(slug="kanal-2003-2009").end.isoformat() == "2009"


# Meetings


def test_meeting_list_is_paginated_newest_first_with_urls_and_slugs(api):
    body = api.get(MEETINGS).json()
    assert body["count"] == Meeting.objects.count()
    assert len(body["results"]) == body["count"], "the whole list fits on the first page"
    assert body["next"] is None and body["previous"] is None
    assert body["results"][0]["slug"] == "osce-ministerial-council-informal-almaty-2010-07"
    for item in body["results"]:
        assert item["url"] == absolute(meeting_url(item["slug"]))
    row = next(item for item in body["results"] if item["slug"] == "osce-police-experts-meeting-2010-05-20")
    assert (row["start"], row["start_precision"], row["end"], row["end_precision"]) == (
        "2010-05-20",
        "day",
        "2010-05-21",
        "day",
    )
    assert (row["place"]["slug"], row["place"]["name"], row["host"]) == ("vienna", "Vienna", None)
    assert row["place"]["url"] == absolute(reverse("api:place-detail", args=["vienna"]))
    almaty = body["results"][0]
    assert (almaty["start"], almaty["start_precision"], almaty["status"]) == ("2010-07", "month", "planned")
    assert almaty["host"]["iso2"] == "KZ"
    assert almaty["host"]["url"] == absolute(reverse("api:state-detail", kwargs={"iso2": "kz"}))


def test_meeting_detail_has_who_met_what_they_signed_and_sources(api):
    body = api.get(meeting_url(SIGNING)).json()
    assert body["title"].startswith("Signing of the joint declaration")
    assert (body["kind"], body["start"], body["start_precision"], body["place"]["name"]) == (
        "signing",
        "2010-03-18",
        "day",
        "Moscow",
    )
    assert body["host"]["iso2"] == "RU"
    assert [person["slug"] for person in body["people"]] == ["ban-ki-moon", "nikolai-bordyuzha"]
    assert body["people"][0]["url"] == absolute(reverse("api:person-detail", args=["ban-ki-moon"]))
    assert [organ["slug"] for organ in body["organs"]] == ["secretariat"]
    assert [partner["slug"] for partner in body["partners"]] == ["un-secretariat"]
    assert body["instruments"][0]["slug"] == "un-csto-secretariats-joint-declaration"
    assert body["instruments"][0]["url"] == absolute(
        reverse("api:instrument-detail", args=["un-csto-secretariats-joint-declaration"])
    )
    assert {"slug", "title", "url"} == set(body["instruments"][0])
    assert body["areas"] == ["foreign-policy-coordination"]
    assert body["citations"][0]["locator"] == "The CSTO and the United Nations: Dates and Facts"
    assert "Ban Ki-moon" in body["summary"]


def test_meeting_detail_lists_the_states_represented(api):
    body = api.get(meeting_url("osce-permanent-representatives-informal-meeting-2010-04")).json()
    assert {state["iso2"] for state in body["states"]} == {"US", "GB", "FR", "IT", "TR", "GR", "UA", "AF", "LT"}
    assert body["states"] == sorted(body["states"], key=lambda state: state["name"])


def test_unknown_meeting_is_a_json_404(api):
    response = api.get(meeting_url("no-such-meeting"))
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "signing"}, {SIGNING}),
        ({"year": "2005"}, {"cssc-meeting-2005-06-22", "ccs-session-2005-06-23"}),
        ({"state": "gb"}, {"osce-permanent-representatives-informal-meeting-2010-04"}),
        (
            {"partner": "osce"},
            {
                "osce-astana-organized-crime-meeting-2009-07",
                "osce-police-experts-meeting-2010-05-20",
                "bishkek-kyrgyzstan-crisis-meeting-2010-04",
            },
        ),
        ({"q": "vienna"}, {"osce-police-experts-meeting-2010-05-20"}),
    ],
)
def test_meeting_filters_narrow_the_list(api, params, expected):
    assert set(slugs(api.get(MEETINGS, params))) == expected


def test_meetings_order_by_title_or_start(api):
    assert slugs(api.get(MEETINGS, {"ordering": "start"}))[0] == "cssc-meeting-2005-06-22"
    assert slugs(api.get(MEETINGS, {"ordering": "title"}))[0] == "osce-cpc-consultations-2010-04-14"
    assert slugs(api.get(MEETINGS, {"ordering": "-title"}))[0] == "bordyuzha-osce-leadership-talks-2010-04"


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"year": "abc"}, "year"),
        ({"kind": "party"}, "kind"),
        ({"state": "xx"}, "state"),
        ({"partner": "unknown"}, "partner"),
        ({"ordering": "place"}, "ordering"),
        ({"updated_since": "2010-99"}, "updated_since"),
    ],
)
def test_bad_meeting_filter_values_are_a_json_400_naming_the_parameter(api, params, parameter):
    response = api.get(MEETINGS, params)
    assert response.status_code == 400
    assert parameter in response.json()


def test_meeting_page_size_is_chosen_and_capped(api):
    body = api.get(MEETINGS, {"page_size": 5}).json()
    assert len(body["results"]) == 5 and body["count"] == Meeting.objects.count() > 5
    assert body["next"] is not None
    Meeting.objects.bulk_create(
        Meeting(slug=f"bulk-{i}", title=f"Bulk {i}", kind="talks", start=datetime.date(2001, 1, 1)) for i in range(200)
    )
    assert len(api.get(MEETINGS, {"page_size": 500}).json()["results"]) == 200


def test_meeting_list_exports_csv_with_a_header_row(api):
    response = api.get(MEETINGS, {"format": "csv"})
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {"url", "slug", "title", "start", "host.iso2"} <= set(rows[0])
    signing = next(row for row in rows if row["slug"] == SIGNING)
    assert (signing["place.slug"], signing["place.name"], signing["host.iso2"]) == ("moscow", "Moscow", "RU")


def test_updated_since_lists_only_meetings_changed_since(api):
    later = timezone.now() + datetime.timedelta(days=1)
    Meeting.objects.filter(slug=SIGNING).update(updated=later)
    assert slugs(api.get(MEETINGS, {"updated_since": later.isoformat()})) == [SIGNING]


def test_unchanged_meeting_answers_304_and_carries_last_modified(api):
    url = meeting_url(SIGNING)
    first = api.get(url)
    assert "Last-Modified" in first.headers
    assert api.get(url, HTTP_IF_NONE_MATCH=first.headers["ETag"]).status_code == 304


def test_meeting_list_and_detail_queries_do_not_grow(client):
    assert_queries_do_not_grow(client, MEETINGS, meeting_url(SIGNING))


NEW_MEETING = {
    "slug": "ccs-session-2011-12",
    "title": "Session of the Collective Security Council, December 2011",
    "kind": "session",
    "start": "2011-12",
    "place": "moscow",
    "host": "ru",
    "organs": ["collective-security-council"],
    "states": ["kz", "BY"],
    "people": ["nikolai-bordyuzha"],
    "areas": ["foreign-policy-coordination"],
    "citations": cited(),
}


def test_anonymous_and_unpermitted_meeting_writes_are_refused(api, token_client):
    assert api.post(MEETINGS, NEW_MEETING, format="json").status_code == 401
    reader = token_client("add_operation", "change_operation")
    assert reader.post(MEETINGS, NEW_MEETING, format="json").status_code == 403
    assert reader.patch(meeting_url(SIGNING), {"summary": "Changed"}, format="json").status_code == 403
    assert reader.delete(meeting_url(SIGNING)).status_code == 403


def test_editor_creates_a_meeting_with_states_by_code_in_any_case(token_client):
    response = token_client("add_meeting").post(MEETINGS, NEW_MEETING, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["url"] == absolute(meeting_url("ccs-session-2011-12"))
    assert (body["start"], body["start_precision"], body["status"]) == ("2011-12", "month", "held")
    assert body["host"]["iso2"] == "RU"
    assert body["place"]["slug"] == "moscow"
    assert [state["iso2"] for state in body["states"]] == ["BY", "KZ"]
    assert [person["slug"] for person in body["people"]] == ["nikolai-bordyuzha"]


def test_a_reviewer_changes_and_deletes_a_meeting(token_client):
    editor = token_client("change_meeting", "delete_meeting", "publish_meeting")
    response = editor.patch(
        meeting_url(SIGNING),
        {"end": "2010-03-19", "partners": ["un", "osce"], "citations": cited("end")},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["end"] == "2010-03-19"
    assert [partner["slug"] for partner in response.json()["partners"]] == ["osce", "un"]
    assert editor.delete(meeting_url(SIGNING)).status_code == 204
    assert not Meeting.objects.filter(slug=SIGNING).exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"end": "2011-11"}, "non_field_errors", "The end date cannot be before the start date."),
        ({"start": "2011-02-30"}, "start", "is not a real date"),
        ({"start": None}, "start", "may not be null"),
        ({"host": "zz"}, "host", "does not exist"),
        ({"place": "atlantis"}, "place", "does not exist"),
        ({"states": ["kz", "xx"]}, "states", "does not exist"),
        ({"slug": SIGNING}, "slug", "already exists"),
    ],
)
def test_invalid_meeting_writes_are_400_with_the_reason(token_client, changes, field, message):
    response = token_client("add_meeting").post(MEETINGS, {**NEW_MEETING, **changes}, format="json")
    assert response.status_code == 400
    assert message in " ".join(map(str, response.json()[field]))
