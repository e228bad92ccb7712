"""Places as records: a page of what was held there, filters by place, and the API."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from operations.models import Meeting, Operation
from organs.models import Place
from tests.growth import assert_queries_do_not_grow

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("later_records")]

PLACES = reverse("organs:place_list")


def place_url(slug):
    return reverse("organs:place_detail", args=[slug])


def test_a_place_page_lists_the_meetings_and_exercises_held_there(client):
    minsk = client.get(place_url("minsk"))
    assert minsk.status_code == 200
    assertContains(minsk, '<dd><a href="/member-states/by/">Belarus</a></dd>', html=True)
    assertContains(minsk, reverse("operations:meeting_detail", args=["ccs-session-2023-11-23"]))
    mulino = client.get(place_url("mulino-range"))
    assertContains(mulino, "<dd>Training range</dd>", html=True)
    assertContains(mulino, reverse("operations:operation_detail", args=["interaction-2019"]))


def test_an_unknown_place_is_a_404(client):
    assert client.get(place_url("atlantis")).status_code == 404


def test_the_list_filters_by_state_and_kind(client):
    ranges = client.get(PLACES, {"kind": "training_range"}).context["object_list"]
    assert [place.slug for place in ranges] == list(
        Place.objects.filter(kind="training_range").order_by("name", "pk").values_list("slug", flat=True)
    )
    in_kazakhstan = {place.slug for place in client.get(PLACES, {"state": "kz"}).context["object_list"]}
    assert {"almaty", "almaty-airport", "astana"} <= in_kazakhstan and "minsk" not in in_kazakhstan
    assert client.get(PLACES, {"kind": "volcano"}).status_code == 400


def test_meetings_and_operations_filter_by_place(client, api):
    meetings = client.get(reverse("operations:meeting_list"), {"place": "minsk"}).context["object_list"]
    assert [meeting.slug for meeting in meetings] == list(
        Meeting.objects.filter(place__slug="minsk").values_list("slug", flat=True)
    )
    operations = api.get(reverse("api:operation-list"), {"place": "mulino-range"}).json()["results"]
    assert [row["slug"] for row in operations] == ["interaction-2019"]
    assert api.get(reverse("api:operation-list"), {"place": "atlantis"}).status_code == 400


def test_search_finds_a_place_and_a_meeting_links_it(client):
    assertContains(client.get(reverse("search"), {"q": "Mulino"}), place_url("mulino-range"))
    session = client.get(reverse("operations:meeting_detail", args=["ccs-session-2023-11-23"]))
    assertContains(session, f'<a href="{place_url("minsk")}">Minsk</a>', html=True)


def test_the_api_place_and_an_editor_writing_one(api, token_client):
    body = api.get(reverse("api:place-detail", args=["mulino-range"])).json()
    assert (body["name"], body["kind"], body["state"]) == ("Mulino training range", "training_range", "RU")
    editor = token_client("add_place")
    created = editor.post(
        reverse("api:place-list"),
        {"slug": "new-range", "name": "New range", "kind": "training_range", "state": "kz"},
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["state"] == "KZ"
    assert (
        api.post(reverse("api:place-list"), {"slug": "x", "name": "X", "kind": "city"}, format="json").status_code
        == 401
    )


def test_place_pages_run_a_fixed_number_of_queries(client):
    Operation.objects.get(slug="interaction-2019").places.add(Place.objects.get(slug="minsk"))
    assert_queries_do_not_grow(client, PLACES, place_url("minsk"), reverse("api:place-list"))
