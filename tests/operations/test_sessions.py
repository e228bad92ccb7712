"""A session's form, who stayed away, the chairmanship it passed on and the requests it decided."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("later_records")]

MINSK_2023 = "ccs-session-2023-11-23"
YEREVAN_2022 = "ccs-session-2022-11-23"


def meeting_url(slug):
    return reverse("operations:meeting_detail", args=[slug])


def test_a_session_shows_its_form_and_the_members_that_stayed_away(client, api):
    page = client.get(meeting_url(MINSK_2023))
    assertContains(page, '<span class="badge">Regular session</span>', html=True)
    assertContains(page, '<h3>States absent</h3><ul><li><a href="/member-states/am/">Armenia</a></li></ul>', html=True)
    body = api.get(reverse("api:meeting-detail", args=[MINSK_2023])).json()
    assert (body["form"], [state["iso2"] for state in body["absent"]]) == ("regular", ["AM"])
    assert "AM" not in {state["iso2"] for state in body["states"]}


def test_the_session_that_passed_the_chair_names_the_state_that_took_it(client, api):
    assertContains(
        client.get(meeting_url(YEREVAN_2022)),
        '<dd><a href="/member-states/by/">Belarus</a> took the chair here, until '
        '<time datetime="2024-01-01">1 January 2024</time>.</dd>',
        html=True,
    )
    assert [
        state["iso2"] for state in api.get(reverse("api:meeting-detail", args=[YEREVAN_2022])).json()["chairmanships"]
    ] == ["BY"]
    chairs = api.get(reverse("api:state-detail", args=["by"])).json()["chairmanships"]
    taken = next(chair for chair in chairs if chair["start"] == "2022-11-23")
    assert taken["taken_over_at"]["slug"] == YEREVAN_2022
    assertContains(
        client.get(reverse("organs:state_detail", args=["by"])),
        f'taking over at the <a href="{meeting_url(YEREVAN_2022)}">',
    )


def test_a_session_form_outside_the_choices_is_refused(token_client):
    editor = token_client("change_meeting")
    response = editor.patch(reverse("api:meeting-detail", args=[MINSK_2023]), {"form": "picnic"}, format="json")
    assert response.status_code == 400
    assert "is not a valid choice" in str(response.json()["form"])


def test_the_meeting_list_filters_by_place_and_states_absent_are_written_by_code(token_client):
    editor = token_client("change_meeting")
    response = editor.patch(reverse("api:meeting-detail", args=[YEREVAN_2022]), {"absent": ["am"]}, format="json")
    assert response.status_code == 200, response.content
    assert [state["iso2"] for state in response.json()["absent"]] == ["AM"]
