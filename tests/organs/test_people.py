"""The people pages: office-holders in order, acting terms marked, on any day, and each person's own page."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from organs.models import Person, Post, Tenure
from tests.growth import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

PEOPLE = reverse("organs:person_list")


def person_url(slug):
    return reverse("organs:person_detail", args=[slug])


@pytest.fixture
def acting_successor():
    """An acting Secretary-General after Bordyuzha, made here: the tests' dataset ends in 2010."""
    person = Person.objects.create(slug="acting-holder", name="Acting Holder")
    Tenure.objects.create(
        person=person,
        post=Post.objects.get(slug="csto-secretary-general"),
        acting=True,
        start=datetime.date(2017, 1, 1),
        end=datetime.date(2017, 5, 2),
    )
    return person


def test_the_secretaries_general_are_listed_in_order_with_acting_terms_marked(client, acting_successor):
    page = client.get(PEOPLE)
    assert page.status_code == 200
    assertContains(page, '<h2 id="post-csto-secretary-general">Secretaries-General', html=False)
    html = page.content.decode()
    assert html.index("Nikolai Bordyuzha") < html.index("Acting Holder")
    assertContains(
        page, f'<a href="{person_url("acting-holder")}">Acting Holder</a> <span class="badge">acting</span>', html=True
    )


def test_as_of_keeps_the_holders_of_that_day(client, acting_successor):
    in_2010 = client.get(PEOPLE, {"as_of": "2010-01-01"})
    assertContains(in_2010, "Office-holders on 1 January 2010")
    assertContains(in_2010, person_url("nikolai-bordyuzha"))
    assertNotContains(in_2010, person_url("acting-holder"))
    in_2017 = client.get(PEOPLE, {"as_of": "2017-03-01"})
    section = in_2017.content.decode().split('id="post-csto-secretary-general"')[1].split("</section>")[0]
    assert person_url("acting-holder") in section and person_url("nikolai-bordyuzha") not in section
    assertContains(client.get(PEOPLE, {"as_of": "1990-01-01"}), "No holder is recorded on that day.")


def test_a_bad_day_is_a_400_that_says_what_to_enter(client):
    response = client.get(PEOPLE, {"as_of": "2010-13-45"})
    assert response.status_code == 400
    assertContains(response, "Enter a valid date", status_code=400)


def test_a_person_page_shows_the_posts_the_steps_and_the_meetings(client):
    page = client.get(person_url("nikolai-bordyuzha"))
    assert page.status_code == 200
    assertContains(page, '<a href="/organs/secretary-general/">Secretary-General</a>')
    assertContains(page, '<time datetime="2012-12-19">19 December 2012</time>: term extended')
    assertContains(page, reverse("operations:meeting_detail", args=["un-csto-joint-declaration-signing-2010-03-18"]))
    assert client.get(person_url("nobody")).status_code == 404


def test_search_finds_a_person(client):
    assertContains(client.get(reverse("search"), {"q": "Bordyuzha"}), person_url("nikolai-bordyuzha"))


def test_people_pages_run_a_fixed_number_of_queries(client):
    assert_queries_do_not_grow(client, PEOPLE, f"{PEOPLE}?as_of=2010-01-01", person_url("nikolai-bordyuzha"))
