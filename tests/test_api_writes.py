"""Every API resource has one shape: it derives from RecordViewSet, and a write answers what a GET shows next."""

import pytest
from django.urls import get_resolver, reverse
from rest_framework.viewsets import ViewSetMixin

from csto_portal.api.viewsets import RecordViewSet
from csto_portal.models import Area
from operations.models import Series
from organs.models import Organ, Partner, Person, Place, State

# Per resource: a new record written with the records ``related`` makes, its key, and a change to it.
WRITES = {
    "organ": (
        {"slug": "written-committee", "name": "Written Committee", "kind": "subsidiary", "areas": ["written-area"]},
        "written-committee",
        {"mandate": "Answers what it saved.", "established": "2006-06"},
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
        {"slug": "written-2011", "name": "Written-2011", "series": "written", "kind": "exercise", "start": "2011"},
        "written-2011",
        {"end": "2011-05", "forces": ["written-council"], "areas": ["written-area"]},
    ),
    "meeting": (
        {"slug": "written-session", "title": "Written Session", "kind": "session", "start": "2011-12", "host": "xr"},
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
        },
        "written-request",
        {"answered_by": "written-council", "decided": "2012", "decision": "declined"},
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
