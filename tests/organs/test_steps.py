"""Dated steps within a tenure or a membership period: shown where the period is, in the API and on the timeline."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

pytestmark = pytest.mark.django_db


def test_a_state_page_lists_the_steps_of_its_membership(client):
    page = client.get(reverse("organs:state_detail", args=["am"]))
    assertContains(page, "<dt>Steps along the way</dt>", html=True)
    assertContains(page, '<time datetime="1999-04-02">2 April 1999</time>: renewed the Treaty')


def test_an_organ_page_lists_the_steps_of_a_holders_tenure(client):
    page = client.get(reverse("organs:organ_detail", args=["secretary-general"]))
    assertContains(page, '<time datetime="2012-12-19">19 December 2012</time>: term extended')


def test_the_api_nests_the_steps_with_their_sources(api):
    armenia = api.get(reverse("api:state-detail", args=["am"])).json()
    steps = [step for period in armenia["memberships"] for step in period["steps"]]
    assert [(step["kind"], step["occurred"]) for step in steps] == [("renewed", "1999-04-02")]
    assert steps[0]["citations"][0]["source"]["slug"] == "belarus-mfa-csto"
    bordyuzha = api.get(reverse("api:person-detail", args=["nikolai-bordyuzha"])).json()
    assert [step["kind"] for tenure in bordyuzha["tenures"] for step in tenure["steps"]] == ["extended"]


def test_the_timeline_shows_the_steps(client):
    timeline = client.get(reverse("timeline"), {"year_from": "2012", "year_to": "2012"})
    assertContains(timeline, "Nikolai Bordyuzha: term extended")
    timeline = client.get(reverse("timeline"), {"year_from": "1999", "year_to": "1999"})
    assertContains(timeline, "Armenia renewed the Treaty")
