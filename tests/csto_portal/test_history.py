"""Every change is recorded with who made it, from the admin, the API and the loader alike; the history says what
each change did to the record and the rows edited with it, and restoring a version brings all of it back."""

from decimal import Decimal

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from operations.models import Operation, Participation, Result
from organs.models import Membership, Organ, State
from tests.growth import queries_for
from tests.helpers import post_back

pytestmark = pytest.mark.django_db


@pytest.fixture
def kanal():
    """An operation with participants, figures, forces and citations: the rows a restore must bring back."""
    return Operation.objects.get(slug="kanal-2003-2009")


def _versions(record):
    return Version.objects.get_for_object(record).select_related("revision__user").order_by("revision__date_created")


def _vandalise(record, user=None):
    """An editor's careless change to everything a restore has to bring back, saved as one revision."""
    with reversion.create_revision():
        reversion.set_user(user)
        record.summary = "Vandalised."
        record.run_by = Organ.objects.exclude(pk=record.run_by_id).first()
        record.save()
        record.areas.clear()
        record.participations.order_by("pk").first().delete()
        result = record.results.order_by("pk").first()
        result.value = Decimal("1")
        result.save()
        record.citations.all().delete()


def _history(client, record):
    return client.get(_history_url(record))


def _history_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk])


def _revision_url(record, version):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[record.pk, version.pk])


def _state_of(record):
    """What a reader of the record sees: its fields, links, participants, figures and sources."""
    record = type(record).all_objects.get(pk=record.pk)
    return {
        "summary": record.summary,
        "run_by": record.run_by_id,
        "areas": sorted(record.areas.values_list("pk", flat=True)),
        "participations": sorted(record.participations.values_list("pk", "state_id", "role")),
        "results": sorted(record.results.values_list("pk", "metric", "value")),
        "citations": sorted(record.citations.values_list("pk", "source_id", "locator")),
    }


def test_the_loader_gives_every_record_a_first_version_with_its_rows(kanal):
    first = _versions(kanal).first()
    assert first.revision.get_comment().startswith("Loaded from operations.yaml")
    held = {version._model for version in first.revision.version_set.all()}
    assert {Operation, Participation, Result} <= held


def test_an_admin_edit_is_recorded_with_its_editor_and_shown_as_a_change(admin_client, admin_user, kanal):
    url = reverse("admin:operations_operation_change", args=[kanal.pk])
    response = post_back(admin_client, url, summary="A rewritten summary.")
    assert response.status_code == 302

    latest = _versions(kanal).last()
    assert latest.revision.user == admin_user
    page = _history(admin_client, kanal).text
    assert "What changed" in page
    assert "A rewritten summary." in page


def test_the_history_lists_changes_to_links_and_rows_and_names_related_records(admin_client, kanal):
    _vandalise(kanal)
    page = _history(admin_client, kanal).text
    # A changed foreign key shows the record it points to, never "pk=None".
    assert str(Operation.all_objects.get(pk=kanal.pk).run_by) in page
    assert "pk=None" not in page
    assert "Participation" in page and "removed" in page
    assert "Result" in page and "changed" in page
    assert "Citation" in page


def test_restoring_a_version_brings_back_links_rows_and_citations(admin_client, admin_user, kanal):
    before = _state_of(kanal)
    first = _versions(kanal).first()
    _vandalise(kanal)
    assert _state_of(kanal) != before

    preview = admin_client.get(_revision_url(kanal, first))
    assert preview.status_code == 200
    assert "Restore this version" in preview.text and "Vandalised." in preview.text
    assert _state_of(kanal)["summary"] == "Vandalised.", "a preview changes nothing"

    response = admin_client.post(_revision_url(kanal, first), {"_restore": "1"})
    assert response.status_code == 302
    after = _state_of(kanal)
    assert {key: after[key] for key in ("summary", "run_by", "areas", "results")} == {
        key: before[key] for key in ("summary", "run_by", "areas", "results")
    }
    # The removed participant and citations come back as they were.
    assert [row[1:] for row in after["participations"]] == [row[1:] for row in before["participations"]]
    assert [row[1:] for row in after["citations"]] == [row[1:] for row in before["citations"]]
    latest = _versions(kanal).last()
    assert latest.revision.user == admin_user
    assert latest.revision.get_comment().startswith("Restored the version of")


def test_a_restore_that_breaks_a_rule_is_refused_with_its_reason_and_changes_nothing(admin_client, kanal):
    first = _versions(kanal).first()
    with reversion.create_revision():
        kanal.slug = "kanal-renamed"
        kanal.summary = "Changed since."
        kanal.save()
    # Another operation has since taken the old address.
    Operation.all_objects.create(
        slug="kanal-2003-2009", name="Another", kind=kanal.kind, status=kanal.status, start_date=kanal.start_date
    )

    response = admin_client.post(_revision_url(kanal, first), {"_restore": "1"}, follow=True)
    page = response.text
    assert "Not restored:" in page
    assert "slug" in page.lower()
    kanal.refresh_from_db()
    assert (kanal.slug, kanal.summary) == ("kanal-renamed", "Changed since.")


def test_a_row_saved_on_its_own_page_is_a_change_in_its_records_history(admin_client):
    membership = Membership.objects.filter(state__iso2="UZ").earliest("start_date")
    url = reverse("admin:organs_membership_change", args=[membership.pk])
    assert post_back(admin_client, url, end_cause="A note on how it ended.").status_code == 302

    page = _history(admin_client, State.objects.get(iso2="UZ")).text
    assert "A note on how it ended." in page


def test_a_deleted_record_is_recovered_with_its_rows(admin_client, kanal):
    before = _state_of(kanal)
    url = reverse("admin:operations_operation_delete", args=[kanal.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Operation.all_objects.filter(pk=kanal.pk).exists()

    listing = admin_client.get(reverse("admin:operations_operation_recoverlist"))
    version = listing.context["deleted"][0]
    recover_url = reverse("admin:operations_operation_recover", args=[version.pk])
    assert "Participation" in admin_client.get(recover_url).text
    assert admin_client.post(recover_url, {"_restore": "1"}).status_code == 302
    after = _state_of(kanal)
    assert {key: after[key] for key in ("summary", "run_by", "areas")} == {
        key: before[key] for key in ("summary", "run_by", "areas")
    }
    assert len(after["participations"]) == len(before["participations"])
    assert len(after["results"]) == len(before["results"])


def test_a_change_through_the_api_is_recorded_with_the_token_user(kanal, token_client):
    client = token_client("change_operation", "view_operation")
    response = client.patch(reverse("api:operation-detail", args=[kanal.slug]), {"summary": "Via the API."})
    assert response.status_code == 200
    latest = _versions(kanal).last()
    assert latest.revision.user.username.startswith("api-")
    assert latest.field_dict["summary"] == "Via the API."


def test_the_history_page_runs_the_same_queries_however_long_the_history(admin_client, kanal):
    def edits(count):
        for index in range(count):
            with reversion.create_revision():
                kanal.summary = f"Edit {index}."
                kanal.save()
                result = kanal.results.order_by("pk").first()
                result.value = Decimal(index + 1)
                result.save()

    edits(1)
    few = queries_for(admin_client, _history_url(kanal))
    edits(10)
    many = queries_for(admin_client, _history_url(kanal))
    assert many == few
