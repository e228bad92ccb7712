"""Drafts: hidden from readers everywhere, seen by editors, published by reviewers only (admin and API alike)."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from csto_portal.dates import DatePrecision
from operations.models import Meeting, Operation, Participation, Result, Series
from organs.models import Organ, State
from treaties.models import Instrument, InstrumentEvent, Party

pytestmark = pytest.mark.django_db

MARK = "Zorkaland"


@pytest.fixture
def drafts():
    """A draft instrument, operation and meeting, linked to published records that have pages of their own."""
    kazakhstan = State.objects.get(iso2="KZ")
    council = Organ.objects.get(slug="collective-security-council")
    year = (datetime.date(2011, 5, 1), DatePrecision.MONTH)
    instrument = Instrument.all_objects.create(
        slug="zorkaland-protocol",
        kind="protocol",
        title=f"{MARK} Protocol",
        status="signed",
        summary=f"A protocol about {MARK}.",
        adopted_by_organ=council,
        draft=True,
    )
    InstrumentEvent.objects.create(
        instrument=instrument, kind="signed", occurred_date=year[0], occurred_precision=year[1]
    )
    InstrumentEvent.objects.create(
        instrument=instrument, kind="ratified", state=kazakhstan, occurred_date=year[0], occurred_precision=year[1]
    )
    Party.objects.create(instrument=instrument, state=kazakhstan, status="ratified")
    operation = Operation.all_objects.create(
        slug="zorkaland-shield",
        name=f"{MARK} Shield",
        kind="exercise",
        series=Series.objects.get(slug="rubezh"),
        start_date=year[0],
        start_precision=year[1],
        run_by=council,
        summary=f"An exercise in {MARK}.",
        draft=True,
    )
    operation.instruments.add(instrument)
    operation.forces.add(council)
    Participation.objects.create(operation=operation, role="host", state=kazakhstan)
    Result.objects.create(operation=operation, metric="troops", value=Decimal(100), unit="people")
    meeting = Meeting.all_objects.create(
        slug="zorkaland-summit",
        title=f"{MARK} summit",
        kind="session",
        start_date=year[0],
        start_precision=year[1],
        host=kazakhstan,
        draft=True,
    )
    meeting.states.add(kazakhstan)
    meeting.organs.add(council)
    meeting.instruments.add(instrument)
    return {"instrument": instrument, "operation": operation, "meeting": meeting}


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# Every page and endpoint where a published record would show the draft, its dated steps or its links.
PUBLIC_PLACES = [
    "/",
    "/operations/",
    "/operations/?year=2011",
    "/operations/rubezh-2010/",
    "/meetings/",
    "/meetings/?year=2011",
    "/treaties/",
    "/timeline/?year_from=2011&year_to=2011",
    f"/search/?q={MARK}",
    "/member-states/kz/",
    "/organs/collective-security-council/",
    "/sitemap.xml",
    "/api/v1/operations/?year=2011",
    "/api/v1/operations/rubezh-2010/",
    "/api/v1/meetings/?year=2011",
    "/api/v1/treaties/?page_size=200",
    "/api/v1/events/?year_from=2011&year_to=2011",
    f"/api/v1/search/?q={MARK}",
    "/api/v1/member-states/KZ/",
]


def _shows_a_draft(response) -> bool:
    """Whether a page names or links any of the drafts (a search page repeats the bare word it was asked for)."""
    text = response.content.decode()
    return "zorkaland-" in text or any(f"{MARK} {word}" in text for word in ("Shield", "Protocol", "summit"))


@pytest.mark.parametrize("url", PUBLIC_PLACES)
def test_a_draft_shows_nowhere_a_reader_looks(client, drafts, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert not _shows_a_draft(response)


def test_the_same_places_show_it_once_published(client, drafts):
    for record in drafts.values():
        record.draft = False
        record.save()
    # The home page's latest events and counts are the exception: 2011 is not among the latest.
    places = [url for url in PUBLIC_PLACES if url != "/"]
    assert [url for url in places if _shows_a_draft(client.get(url))] == places


@pytest.mark.parametrize("name", ["instrument", "operation", "meeting"])
def test_a_reader_asking_for_a_draft_gets_not_found(client, drafts, name):
    record = drafts[name]
    assert client.get(record.get_absolute_url()).status_code == 404
    api = reverse(f"api:{name}-detail", args=[record.slug])
    assert client.get(api).status_code == 404


@pytest.mark.parametrize("name", ["instrument", "operation", "meeting"])
def test_an_editor_previews_a_draft_on_its_page_marked_as_such(editor, drafts, name):
    record = drafts[name]
    response = _logged_in(editor).get(record.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert MARK in page and "Only editors see this page" in page
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    admin_link = reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk])
    assert admin_link in page


def test_the_admin_offers_view_on_site_for_a_draft(editor, drafts):
    operation = drafts["operation"]
    page = _logged_in(editor).get(reverse("admin:operations_operation_change", args=[operation.pk]))
    assert "View on site" in page.content.decode()


def test_an_editor_reading_the_api_sees_drafts_and_which_they_are(editor_api, drafts):
    listed = editor_api.get("/api/v1/operations/?year=2011").json()["results"]
    assert [(row["slug"], row["draft"]) for row in listed if row["slug"] == "zorkaland-shield"] == [
        ("zorkaland-shield", True)
    ]
    assert editor_api.get("/api/v1/treaties/zorkaland-protocol/").json()["draft"] is True


# Admin: editors make drafts, reviewers publish


def _add_operation(client, slug: str):
    from tests.helpers import form_data
    from tests.test_admin import _citation, _url

    url = _url(Operation, "add")
    page = client.get(url)
    data = form_data(page, slug=slug, name="Test exercise", kind="exercise", status="held", start="2012")
    return client.post(url, data | _citation(page))


def test_what_an_editor_adds_in_the_admin_is_a_draft(editor, client):
    response = _add_operation(_logged_in(editor), "test-exercise")
    assert response.status_code == 302
    assert Operation.all_objects.get(slug="test-exercise").draft
    assert client.get("/operations/test-exercise/").status_code == 404


def test_an_editor_can_neither_tick_publish_nor_use_the_publish_action(editor, drafts):
    client = _logged_in(editor)
    operation = drafts["operation"]
    form = client.get(reverse("admin:operations_operation_change", args=[operation.pk])).context["adminform"].form
    assert "draft" not in form.fields, "the draft flag is read-only for editors"
    action_form = client.get(reverse("admin:operations_operation_changelist")).context["action_form"]
    assert action_form is None or "publish" not in dict(action_form.fields["action"].choices)
    response = client.post(
        reverse("admin:operations_operation_changelist"),
        {"action": "publish", "_selected_action": [operation.pk]},
    )
    assert response.status_code in (200, 302)
    operation.refresh_from_db()
    assert operation.draft


def test_a_reviewer_publishes_a_draft_and_readers_see_it_on_the_site_and_in_the_api(reviewer, client, drafts):
    operation = drafts["operation"]
    response = _logged_in(reviewer).post(
        reverse("admin:operations_operation_changelist"),
        {"action": "publish", "_selected_action": [operation.pk]},
        follow=True,
    )
    assert "Published 1 record(s)." in response.content.decode()
    page = client.get("/operations/zorkaland-shield/")
    assert page.status_code == 200 and MARK in page.content.decode()
    assert client.get("/api/v1/operations/zorkaland-shield/").json()["draft"] is False
    latest = Version.objects.get_for_object(operation).latest("revision__date_created")
    assert (latest.revision.user, latest.field_dict["draft"]) == (reviewer, False)


def test_a_reviewer_returns_a_record_to_draft(reviewer, client):
    rubezh = Operation.objects.get(slug="rubezh-2010")
    _logged_in(reviewer).post(
        reverse("admin:operations_operation_changelist"),
        {"action": "return_to_draft", "_selected_action": [rubezh.pk]},
    )
    assert client.get("/operations/rubezh-2010/").status_code == 404


def test_what_a_reviewer_adds_is_published_unless_they_tick_draft(reviewer):
    response = _add_operation(_logged_in(reviewer), "reviewed-exercise")
    assert response.status_code == 302
    assert not Operation.objects.get(slug="reviewed-exercise").draft


def test_the_changelist_filters_drafts(editor, drafts):
    response = _logged_in(editor).get(reverse("admin:operations_operation_changelist") + "?draft__exact=1")
    assert [operation.slug for operation in response.context["cl"].result_list] == ["zorkaland-shield"]


# API: the same rules


def test_an_editor_cannot_publish_through_the_api(editor_api, client, drafts):
    response = editor_api.patch("/api/v1/operations/zorkaland-shield/", {"draft": False}, format="json")
    assert response.status_code == 400
    assert "Only a reviewer may publish" in response.json()["draft"][0]
    assert client.get("/api/v1/operations/zorkaland-shield/").status_code == 404


def test_an_editor_cannot_create_a_published_record_through_the_api(editor_api):
    body = {"slug": "api-exercise", "name": "API exercise", "kind": "exercise", "draft": False}
    response = editor_api.post("/api/v1/operations/", body, format="json")
    assert response.status_code == 400
    assert not Operation.all_objects.filter(slug="api-exercise").exists()


def test_a_reviewer_publishes_through_the_api(reviewer, token_client, client, drafts):
    response = token_client(user=reviewer).patch(
        "/api/v1/treaties/zorkaland-protocol/", {"draft": False}, format="json"
    )
    assert response.status_code == 200, response.content
    assert client.get("/api/v1/treaties/zorkaland-protocol/").status_code == 200
    assert MARK in client.get("/treaties/").content.decode()


# Roles


def test_only_reviewers_hold_the_publish_permissions(editor, reviewer):
    for label in ("operations.publish_operation", "operations.publish_meeting", "treaties.publish_instrument"):
        assert reviewer.has_perm(label)
        assert not editor.has_perm(label)
    assert reviewer.has_perm("operations.change_operation") and reviewer.has_perm("operations.delete_operation")
    assert not reviewer.has_perm("auth.change_user")
