"""Requests for collective help: their pages, where they show on others' pages, the timeline, search and the API."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from operations.models import AssistanceRequest
from organs.models import State
from tests.growth import assert_queries_do_not_grow
from tests.helpers import assert_refused, cited

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("later_records")]

REQUESTS = reverse("operations:request_list")
KAZAKHSTAN = "kazakhstan-2022"
DEPLOYMENT = "kazakhstan-2022-peacekeeping"


def request_url(slug):
    return reverse("operations:request_detail", args=[slug])


def test_the_list_shows_each_request_with_its_state_and_decision(client):
    response = client.get(REQUESTS)
    assert response.status_code == 200
    assertContains(response, f"{AssistanceRequest.objects.count()} request")
    assertContains(
        response,
        f'<a href="{request_url(KAZAKHSTAN)}">Kazakhstan\'s request for collective help, January 2022</a>',
        html=True,
    )
    assertContains(response, '<span class="badge">Granted</span>', html=True)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"state": "kz"}, [KAZAKHSTAN]),
        ({"decision": "declined"}, ["kyrgyzstan-2010"]),
        ({"year": "2022"}, [KAZAKHSTAN]),
        ({"q": "Tokayev"}, [KAZAKHSTAN]),
    ],
)
def test_the_list_filters(client, params, expected):
    response = client.get(REQUESTS, params)
    assert [record.slug for record in response.context["object_list"]] == expected


@pytest.mark.parametrize("params", [{"decision": "maybe"}, {"year": "twenty"}, {"state": "zz"}])
def test_a_bad_filter_is_a_400_that_says_what_to_correct(client, params):
    response = client.get(REQUESTS, params)
    assert response.status_code == 400
    assertContains(
        response, "Select a valid choice" if "year" not in params else "Enter a whole number", status_code=400
    )


def test_a_request_page_says_who_asked_under_which_article_what_was_decided_and_what_followed(client):
    response = client.get(request_url(KAZAKHSTAN))
    assert response.status_code == 200
    assertContains(response, '<dd><a href="/member-states/kz/">Kazakhstan</a></dd>', html=True)
    assertContains(response, '<dd><time datetime="2022-01-05">5 January 2022</time></dd>', html=True)
    assertContains(response, "<dd>Article 4 of the Collective Security Treaty</dd>", html=True)
    assertContains(response, f'<a href="{reverse("operations:operation_detail", args=[DEPLOYMENT])}">', status_code=200)
    assertContains(response, "What came of it")
    # Sources disagree on the article (4, or 2 and 4): both are cited.
    assertContains(response, "europediplomatic.com")


def test_the_state_and_the_operation_link_to_the_request(client):
    state_page = client.get(reverse("organs:state_detail", args=["kz"]))
    assertContains(state_page, "Its requests for collective help")
    assertContains(state_page, request_url(KAZAKHSTAN))
    operation_page = client.get(reverse("operations:operation_detail", args=[DEPLOYMENT]))
    assertContains(operation_page, "In answer to")
    assertContains(operation_page, request_url(KAZAKHSTAN))


def test_a_draft_request_is_hidden_from_readers(client):
    AssistanceRequest.all_objects.filter(slug=KAZAKHSTAN).update(draft=True)
    assertNotContains(client.get(REQUESTS), request_url(KAZAKHSTAN))
    assert client.get(request_url(KAZAKHSTAN)).status_code == 404
    assertNotContains(client.get(reverse("organs:state_detail", args=["kz"])), request_url(KAZAKHSTAN))
    assert client.get(reverse("api:assistancerequest-detail", args=[KAZAKHSTAN])).status_code == 404


def test_the_timeline_and_search_find_the_request(client):
    timeline = client.get(reverse("timeline"), {"kind": "request"})
    assertContains(timeline, request_url(KAZAKHSTAN))
    search = client.get(reverse("search"), {"q": "Kazakhstan request collective help"})
    assertContains(search, request_url(KAZAKHSTAN))


def test_the_api_record_links_the_state_the_organs_the_operation_and_its_sources(api):
    body = api.get(reverse("api:assistancerequest-detail", args=[KAZAKHSTAN])).json()
    assert (body["state"]["iso2"], body["kind"], body["article"], body["decision"]) == (
        "KZ",
        "military_assistance",
        "4",
        "granted",
    )
    assert (body["requested"], body["requested_precision"], body["decided"]) == ("2022-01-05", "day", "2022-01-06")
    assert body["answered_by"]["slug"] == "collective-security-council"
    assert body["operation"]["slug"] == DEPLOYMENT
    assert any(citation["field"] == "article" and citation["preferred"] for citation in body["citations"])
    rows = api.get(reverse("api:assistancerequest-list"), {"state": "kz"}).json()["results"]
    assert [row["slug"] for row in rows] == [KAZAKHSTAN]


def test_an_editor_records_a_request_and_a_reversed_date_is_refused(token_client):
    editor = token_client("add_assistancerequest")
    payload = {
        "slug": "test-request",
        "title": "A request",
        "state": "am",
        "kind": "consultations",
        "requested": "2021-05",
        "decision": "no_decision",
        "citations": cited(),
    }
    created = editor.post(reverse("api:assistancerequest-list"), payload, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["requested_precision"] == "month"
    assert AssistanceRequest.all_objects.get(slug="test-request").state == State.objects.get(iso2="AM")
    reversed_dates = editor.post(
        reverse("api:assistancerequest-list"), {**payload, "slug": "reversed", "decided": "2020"}, format="json"
    )
    assert reversed_dates.status_code == 400
    assert "before the start date" in str(reversed_dates.json())


def test_pages_run_a_fixed_number_of_queries(client):
    assert_queries_do_not_grow(
        client,
        REQUESTS,
        request_url(KAZAKHSTAN),
        reverse("api:assistancerequest-list"),
        reverse("api:assistancerequest-detail", args=[KAZAKHSTAN]),
    )


def test_a_decision_dated_before_the_request_is_refused_by_the_database_too():
    request = AssistanceRequest.all_objects.get(slug=KAZAKHSTAN)
    request.decided = "2021"
    assert_refused(
        request, "operations_assistancerequest_decided_after_requested", "The end date cannot be before the start date."
    )
