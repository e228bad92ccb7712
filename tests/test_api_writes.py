"""Every API resource has one shape: it derives from RecordViewSet, and a write answers what a GET shows next; a write
that enters a date or a figure brings its citation, as the admin's form asks."""

import pytest
from django.urls import get_resolver, reverse
from rest_framework.viewsets import ViewSetMixin

from csto_portal.api.viewsets import RecordViewSet
from csto_portal.models import Area, Source
from operations.models import Operation, Series
from organs.models import Organ, Partner, Person, Place, State

# Where a write's dated facts come from.
CITED = [{"source": "written-source", "locator": "p. 1"}]
# A change's facts need a new citation: a place the record cites already is not one.
CITED_AGAIN = [{"source": "written-source", "locator": "p. 2"}]

# Per resource: a new record written with the records ``related`` makes, its key, and a change to it.
WRITES = {
    "organ": (
        {"slug": "written-committee", "name": "Written Committee", "kind": "subsidiary", "areas": ["written-area"]},
        "written-committee",
        {"mandate": "Answers what it saved.", "established": "2006-06", "citations": CITED_AGAIN},
    ),
    "state": ({"iso2": "xq", "name": "Writtenland"}, "xq", {"summary": "A state made by a write."}),
    "person": (
        {"slug": "written-person", "name": "Written Person", "nationality": "xr"},
        "written-person",
        {"summary": "Made by a write."},
    ),
    "partner": (
        {"slug": "written-body", "name": "Written Body", "kind": "body", "parent": "written-organization"},
        "written-body",
        {"acronym": "WB", "areas": ["written-area"]},
    ),
    "instrument": (
        {"slug": "written-protocol", "kind": "protocol", "title": "Written Protocol", "status": "draft"},
        "written-protocol",
        {"adopted_by_organ": "written-council", "areas": ["written-area"]},
    ),
    "operation": (
        {
            "slug": "written-2011",
            "name": "Written-2011",
            "series": "written",
            "kind": "exercise",
            "start": "2011",
            "citations": CITED,
        },
        "written-2011",
        {"end": "2011-05", "forces": ["written-council"], "areas": ["written-area"], "citations": CITED_AGAIN},
    ),
    "meeting": (
        {
            "slug": "written-session",
            "title": "Written Session",
            "kind": "session",
            "start": "2011-12",
            "host": "xr",
            "citations": CITED,
        },
        "written-session",
        {"states": ["xr"], "organs": ["written-council"], "people": ["written-delegate"], "place": "written-city"},
    ),
    "assistancerequest": (
        {
            "slug": "written-request",
            "title": "Written request",
            "state": "xr",
            "kind": "consultations",
            "requested": "2011-12",
            "decision": "no_decision",
            "citations": CITED,
        },
        "written-request",
        {"answered_by": "written-council", "decided": "2012", "decision": "declined", "citations": CITED_AGAIN},
    ),
    "place": (
        {"slug": "written-range", "name": "Written range", "kind": "training_range"},
        "written-range",
        {"state": "xr", "summary": "A range made by a write."},
    ),
}


def registered_viewsets():
    """The viewset behind every URL the API routers register."""
    found = set()

    def walk(patterns):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns)
            else:
                view = getattr(pattern.callback, "cls", None)
                if view is not None and issubclass(view, ViewSetMixin):
                    found.add(view)

    walk(get_resolver().url_patterns)
    return found


def test_every_api_viewset_derives_from_the_record_viewset():
    viewsets = registered_viewsets()
    assert len(viewsets) == len(WRITES)
    assert [view.__name__ for view in viewsets if not issubclass(view, RecordViewSet)] == []


@pytest.fixture
def related():
    """The records the writes refer to, made here rather than taken from the shipped dataset."""
    Area.objects.create(slug="written-area", name="Written area")
    Organ.objects.create(slug="written-council", name="Written Council", kind="council")
    Partner.objects.create(slug="written-organization", name="Written Organization", kind="organization")
    Series.objects.create(slug="written", name="Written", kind="exercise")
    State.objects.create(iso2="XR", name="Relatedland")
    Person.objects.create(slug="written-delegate", name="Written Delegate")
    Place.objects.create(slug="written-city", name="Written City", kind="city")
    Source.objects.create(slug="written-source", title="A written source", kind="reference")


@pytest.mark.django_db
@pytest.mark.parametrize("basename", list(WRITES))
def test_a_write_answers_the_record_a_get_returns_next(related, editor_api, basename):
    payload, key, change = WRITES[basename]
    url = reverse(f"api:{basename}-detail", args=[key])

    created = editor_api.post(reverse(f"api:{basename}-list"), payload, format="json")
    assert created.status_code == 201, created.content
    assert created.json() == editor_api.get(url).json()

    changed = editor_api.patch(url, change, format="json")
    assert changed.status_code == 200, changed.content
    assert changed.json() == editor_api.get(url).json()


OPERATION = {"slug": "written-2024", "name": "Written-2024", "series": "written", "kind": "exercise", "start": "2024"}


@pytest.mark.django_db
def test_a_dated_record_written_without_a_citation_is_refused_naming_the_fact(related, editor_api):
    refused = editor_api.post(reverse("api:operation-list"), {**OPERATION, "end": "2024-05"}, format="json")
    assert refused.status_code == 400
    assert refused.json() == {
        "citations": [
            "This write enters start, end: add a citation to citations (source and locator) saying where it comes from."
        ]
    }
    assert not Operation.all_objects.filter(slug="written-2024").exists()


@pytest.mark.django_db
def test_a_dated_record_written_with_its_citation_is_saved_with_it_as_an_editors_draft(related, editor_api):
    citation = {"source": "written-source", "locator": "p. 4", "field": "start", "claim": "2024", "note": "A note."}
    created = editor_api.post(reverse("api:operation-list"), {**OPERATION, "citations": [citation]}, format="json")
    assert created.status_code == 201, created.content
    record = editor_api.get(reverse("api:operation-detail", args=["written-2024"])).json()
    assert record["draft"] is True
    assert [{**c, "source": c["source"]["slug"]} for c in record["citations"]] == [{**citation, "preferred": False}]


@pytest.mark.django_db
def test_a_change_of_a_date_needs_a_new_citation_and_other_changes_need_none(related, editor_api):
    editor_api.post(reverse("api:operation-list"), {**OPERATION, "citations": CITED}, format="json")
    url = reverse("api:operation-detail", args=["written-2024"])
    assert editor_api.patch(url, {"summary": "No new fact."}, format="json").status_code == 200
    refused = editor_api.patch(url, {"start": "2024-06"}, format="json")
    assert refused.status_code == 400
    assert refused.json()["citations"][0].startswith("This write enters start:")
    # The citation the record has already is not a new one: that place is cited once.
    assert editor_api.patch(url, {"start": "2024-06", "citations": CITED}, format="json").json() == {
        "citations": ["Citation 1: This record already cites that place in that source."]
    }
    changed = editor_api.patch(
        url, {"start": "2024-06", "citations": [{"source": "written-source", "locator": "p. 9"}]}, format="json"
    )
    assert changed.status_code == 200, changed.content
    assert [c["locator"] for c in changed.json()["citations"]] == ["p. 1", "p. 9"]


@pytest.mark.django_db
def test_a_citation_is_checked_as_the_model_checks_it(related, editor_api):
    url = reverse("api:organ-detail", args=["written-council"])
    unknown = editor_api.patch(url, {"citations": [{"source": "no-such-source", "locator": "p. 1"}]}, format="json")
    assert unknown.status_code == 400
    assert "no-such-source" in str(unknown.json()["citations"])
    no_locator = editor_api.patch(
        url, {"established": "2006", "citations": [{"source": "written-source"}]}, format="json"
    )
    assert no_locator.json() == {
        "citations": ["Citation 1: This source has no URL: say where in it the fact stands (section, page or row)."]
    }
    cited = editor_api.patch(url, {"established": "2006", "citations": CITED}, format="json")
    assert cited.status_code == 200, cited.content
    assert cited.json()["citations"][0]["source"]["slug"] == "written-source"
