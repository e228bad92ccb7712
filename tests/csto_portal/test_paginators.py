"""A list's total is counted once per data version: a repeated read skips COUNT(*), and every write is on the
next read's total, in the API and on the HTML lists alike."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from operations.models import Operation

pytestmark = pytest.mark.django_db

API_LIST = reverse("api:operation-list")
HTML_LIST = reverse("operations:operation_list")


@pytest.fixture(autouse=True)
def _fresh_responses(settings):
    # Whole responses would hide the count: every read here is made afresh.
    settings.RESPONSE_CACHE = False


def counts_run(client, url, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return sum("COUNT(*)" in query["sql"] for query in queries)


def api_total(client, **params) -> int:
    return client.get(API_LIST, params).json()["count"]


def html_total(client, **params) -> str:
    return client.get(HTML_LIST, params).context["paginator"].count


@pytest.mark.parametrize("url", [API_LIST, HTML_LIST])
def test_a_repeated_list_is_not_counted_again(client, url):
    assert counts_run(client, url, {"kind": "exercise"}) == 1
    assert counts_run(client, url, {"kind": "exercise"}) == 0
    assert counts_run(client, url, {"kind": "anti_drug"}) == 1, "another filter is another count"


def test_every_write_is_on_the_next_total(client):
    exercises = Operation.objects.filter(kind="exercise").count()
    assert api_total(client, kind="exercise") == html_total(client, kind="exercise") == exercises

    Operation.objects.create(slug="counted-2031", name="Counted-2031", kind="exercise")
    assert api_total(client, kind="exercise") == html_total(client, kind="exercise") == exercises + 1

    Operation.all_objects.filter(slug="counted-2031").update(draft=True)
    assert api_total(client, kind="exercise") == html_total(client, kind="exercise") == exercises

    Operation.all_objects.filter(slug="counted-2031").delete()
    assert api_total(client) == html_total(client) == Operation.objects.count()


def test_an_editor_and_a_reader_are_counted_apart(client, editor_api):
    Operation.all_objects.create(slug="draft-2031", name="Draft-2031", kind="exercise", draft=True)
    published = Operation.objects.count()

    assert api_total(client) == published
    assert editor_api.get(API_LIST).json()["count"] == published + 1, "the editor's list holds the draft"
    assert api_total(client) == published, "and the reader's still does not"


def test_an_empty_filter_result_is_counted_without_a_query(client):
    # An invalid filter value answers 400 with an empty list; there is nothing to count.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(HTML_LIST, {"year": "not-a-year"})
    assert response.status_code == 400
    assert response.context["paginator"].count == 0
    assert not any("COUNT(*)" in query["sql"] for query in queries)
