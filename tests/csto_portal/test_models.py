import pytest
from django.contrib.contenttypes.models import ContentType

from csto_portal.models import AreaTask, Citation, Source
from organs.models import Membership
from tests.helpers import assert_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def georgia_joined():
    return Membership.objects.get(state__iso2="GE", status="member")


def bordyuzha_citing(membership, **fields):
    """A new, unsaved citation of ``membership`` in Bordyuzha's 2010 overview."""
    return Citation(
        content_type=ContentType.objects.get_for_model(Membership),
        object_id=membership.pk,
        source=Source.objects.get(slug="bordyuzha-2010"),
        **fields,
    )


def test_only_one_citation_per_attribute_is_preferred(georgia_joined):
    citation = bordyuzha_citing(georgia_joined, field="start", claim="1993-12-10", preferred=True)
    assert_refused(citation, "csto_portal_citation_one_preferred", "Only one citation per attribute")


def test_a_claim_names_the_attribute_it_is_about(georgia_joined):
    citation = bordyuzha_citing(georgia_joined, claim="1993")
    assert_refused(citation, "csto_portal_citation_claim_needs_field", "Say which attribute")


def test_a_record_cites_one_place_in_a_source_once(georgia_joined):
    existing = georgia_joined.citations.first()
    duplicate = Citation(
        content_type=existing.content_type,
        object_id=existing.object_id,
        source=existing.source,
        field=existing.field,
        locator=existing.locator,
    )
    assert_refused(duplicate, "csto_portal_citation_unique_locator", "already cites that place")


def test_task_positions_are_unique_within_an_area():
    task = AreaTask.objects.first()
    assert_refused(
        AreaTask(area=task.area, position=task.position, text="Again"),
        "csto_portal_areatask_unique_position",
        "already exists",
    )


def test_disputed_dates_keep_both_sources_and_mark_the_preferred_one(georgia_joined):
    claims = {c.claim: c.preferred for c in georgia_joined.citations.filter(field="start")}
    assert claims == {"1993-12-09": True, "1993-09-09": False}
    assert str(georgia_joined.start) == "9 December 1993"
