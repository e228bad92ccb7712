import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.throttling import AnonRateThrottle

from tests.csto_portal.conftest import WORD
from tests.growth import assert_queries_do_not_grow, grow_dataset

pytestmark = pytest.mark.django_db


def test_root_lists_every_resource_by_name_and_url(client):
    response = client.get(reverse("api:root"))
    assert response.status_code == 200
    body = response.json()
    for name in ("organs", "member-states", "people", "partners", "treaties", "operations", "events", "search"):
        assert body[name].startswith("http://testserver/api/v1/")
        assert client.get(body[name] + ("?q=Kanal" if name == "search" else "")).status_code == 200


def test_events_are_the_timeline_with_dates_at_their_precision(client):
    body = client.get(reverse("api:event-list"), {"kind": "instrument", "year_from": 2008, "year_to": 2008}).json()
    assert body["count"] >= 2
    plan = next(item for item in body["results"] if item["subject"].startswith("Joint Action Plan"))
    assert (plan["date"], plan["precision"], plan["kind"]) == ("2008-09", "month", "instrument")
    assert plan["url"].startswith("http://testserver/treaties/")


def test_events_pages_continue_each_other_without_gaps_or_repeats(client):
    grow_dataset()
    url = reverse("api:event-list")
    whole = client.get(url, {"page_size": 200}).json()
    pages = [client.get(url, {"page_size": 40, "page": page}).json() for page in range(1, 6)]
    assert {page["count"] for page in pages} == {whole["count"]}
    assert [item for page in pages for item in page["results"]] == whole["results"]


@pytest.mark.parametrize("params", [{"year_from": "abc"}, {"kind": "volcano"}, {"year_from": 2010, "year_to": 2000}])
def test_events_explain_bad_filters(client, params):
    response = client.get(reverse("api:event-list"), params)
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/json"
    assert response.json()


def test_search_groups_hits_by_type(client):
    body = client.get(reverse("api:search"), {"q": "Kanal"}).json()
    types = {group["type"]: group for group in body["results"]}
    assert types["operations"]["total"] >= 2
    assert types["operations"]["hits"][0]["url"].startswith("http://testserver/operations/kanal")


def test_search_total_is_exact_below_the_cap(client, few_matches):
    body = client.get(reverse("api:search"), {"q": WORD}).json()
    operations = next(group for group in body["results"] if group["type"] == "operations")
    assert (operations["total"], operations["total_capped"]) == (2, False)
    assert operations["hits"][0]["title"] == f"{WORD} Shield"


def test_search_total_stops_at_the_cap_and_says_so(client, many_matches):
    body = client.get(reverse("api:search"), {"q": WORD}).json()
    operations = next(group for group in body["results"] if group["type"] == "operations")
    assert (operations["total"], operations["total_capped"]) == (5, True)
    assert len(operations["hits"]) == 6
    assert all("quokka-draft" not in hit["url"] for hit in operations["hits"])


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 10_000}])
def test_search_needs_a_reasonable_query(client, params):
    response = client.get(reverse("api:search"), params)
    assert response.status_code == 400
    assert "q" in response.json()


def test_unknown_api_address_answers_json_404(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_other_sites_may_read_the_api(client):
    response = client.get(reverse("api:root"), HTTP_ORIGIN="https://example.org")
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_unchanged_list_answers_304(client):
    url = reverse("api:event-list")
    first = client.get(url)
    assert "ETag" in first.headers
    again = client.get(url, HTTP_IF_NONE_MATCH=first.headers["ETag"])
    assert again.status_code == 304


def test_anonymous_clients_are_throttled(client, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    # Five different lists: a response served from the response cache is not counted (see test_response_cache).
    statuses = [
        client.get(reverse("api:event-list"), {"page_size": size}, REMOTE_ADDR="203.0.113.9").status_code
        for size in range(1, 6)
    ]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3] == 429


def test_schema_is_valid_openapi_and_documents_errors(client):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/operations/"]["get"]
    assert {"200", "400", "404", "429"} <= set(operation["responses"])
    assert {"kind", "series", "year", "state", "updated_since", "page_size"} <= {
        p["name"] for p in operation["parameters"]
    }


def test_interactive_docs_are_served_without_a_cdn(client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    assert "cdn" not in response.text.lower()


def test_events_and_search_queries_do_not_grow(client):
    assert_queries_do_not_grow(client, reverse("api:event-list"), reverse("api:search") + "?q=Kanal")


def test_events_can_be_synced_incrementally(client):
    everything = client.get(reverse("api:event-list")).json()
    assert everything["count"] > 0 and "updated" in everything["results"][0]
    assert client.get(reverse("api:event-list"), {"updated_since": "2100-01-01T00:00:00Z"}).json()["count"] == 0
    assert client.get(reverse("api:event-list"), {"updated_since": "yesterday"}).status_code == 400


@pytest.mark.parametrize("moment", ["4644-09-30T22:28:22-17:43", "2026-01-01T00:00:00+23:59"])
def test_updated_since_with_an_offset_beyond_postgresqls_range_still_answers(client, moment):
    response = client.get(reverse("api:partner-list"), {"updated_since": moment})
    assert response.status_code == 200, response.content[:300]
