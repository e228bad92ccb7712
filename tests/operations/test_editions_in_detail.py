"""What an edition records beyond its dates: other names, places, each state's contingent, and a plan's announcement."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from operations.models import Operation
from tests.growth import assert_queries_do_not_grow

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("later_records")]

DEPLOYMENT = "kazakhstan-2022-peacekeeping"


def operation_url(slug):
    return reverse("operations:operation_detail", args=[slug])


def test_an_edition_is_found_by_its_other_name(client, api):
    page = client.get(operation_url("interaction-2019"))
    assertContains(page, "<dt>Also known as</dt><dd>Vzaimodeistvie-2019</dd>", html=True)
    assertContains(client.get(reverse("search"), {"q": "Vzaimodeistvie-2019"}), operation_url("interaction-2019"))
    listed = api.get(reverse("api:operation-list"), {"q": "vzaimodeistvie"}).json()["results"]
    assert [row["slug"] for row in listed] == ["interaction-2019", "vzaimodeistvie-2009"]
    assert api.get(reverse("api:operation-detail", args=["interaction-2019"])).json()["aliases"] == [
        "Vzaimodeistvie-2019"
    ]


def test_the_series_name_of_another_language_is_kept_too(api):
    series = api.get(reverse("api:operation-detail", args=["interaction-2019"])).json()["series"]
    assert series["slug"] == "interaction" and "Vzaimodeistvie" in series["aliases"]


def test_each_states_contingent_is_a_figure_of_its_own(client, api):
    page = client.get(operation_url(DEPLOYMENT))
    assertContains(page, '<th scope="col">State</th>', html=True)
    assertContains(page, '<td><a href="/member-states/am/">Armenia</a></td>', html=True)
    results = api.get(reverse("api:operation-detail", args=[DEPLOYMENT])).json()["results"]
    troops = {(row["state"] or {}).get("iso2"): row for row in results if row["metric"] == "troops" and row["followed"]}
    assert {None, "RU", "BY", "AM", "TJ", "KG"} <= set(troops)
    assert (troops["AM"]["value"], troops["AM"]["unit"]) == ("100.000", "people")
    # The total is disputed: the followed figure keeps the claims no figure of its own was made for, one followed.
    total = troops[None]
    assert total["value"] == "2030.000"
    claims = [citation for citation in total["citations"] if citation["field"] == "value"]
    assert len(claims) >= 2 and sum(citation["preferred"] for citation in claims) == 1


def test_the_places_of_a_deployment_are_listed_with_their_state(client):
    page = client.get(operation_url(DEPLOYMENT))
    assertContains(page, '<a href="/places/almaty-airport/">Almaty International Airport</a> (Kazakhstan)')


def test_a_plan_says_when_it_was_announced_and_becomes_held_in_place(client, api):
    rubezh = Operation.objects.get(slug="rubezh-2026")
    assert (rubezh.status, str(rubezh.announced)) == ("planned", "12 February 2026")
    assertContains(client.get(operation_url("rubezh-2026")), "<dt>Plan announced</dt>", html=True)
    body = api.get(reverse("api:operation-detail", args=["rubezh-2026"])).json()
    assert (body["announced"], body["announced_precision"]) == ("2026-02-12", "day")

    rubezh.status = "held"
    rubezh.save()
    page = client.get(operation_url("rubezh-2026"))
    assertContains(page, '<span class="badge">Held</span>', html=True)
    assertContains(page, "<dt>Plan announced</dt>", html=True)


def test_the_exercise_grid_puts_each_edition_under_its_year_and_series(client):
    page = client.get(reverse("operations:exercise_grid"))
    assert page.status_code == 200
    rows = dict(page.context["rows"])
    columns = [column.slug if column else None for column in page.context["series"]]
    assert "interaction" in columns and "rubezh" in columns
    in_2019 = rows[2019][columns.index("interaction")]
    assert [edition.slug for edition in in_2019] == ["interaction-2019"]
    assert [edition.slug for edition in rows[2026][columns.index("rubezh")]] == ["rubezh-2026"]
    assertContains(page, '<span class="badge warn">planned</span>', html=True)


def test_the_exercise_grid_runs_a_fixed_number_of_queries(client):
    assert_queries_do_not_grow(client, reverse("operations:exercise_grid"))
