"""Bulk import and export in the admin: a dry run shows each bad row and what each good one does, nothing changes
while any row is bad, and an import holds to the rules of the admin's forms (drafts, citations)."""

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from csto_portal.models import Citation
from csto_portal.resources import resource_for
from operations.models import Operation

pytestmark = pytest.mark.django_db

HEADER = "slug,name,kind,status,series,start,end,areas,citations\n"
GOOD_ROWS = (
    "rubezh-2011,Rubezh-2011,exercise,held,rubezh,2011,,military-cooperation,bordyuzha-2010|Rubezh\n"
    "kanal-2011,Kanal-2011,anti_drug,held,kanal,2011-06,2011-07,anti-drug,belarus-mfa-csto\n"
)
BAD_ROW = "nelegal-2011,Nelegal-2011,anti_migration,held,nelegal,2011-09,2011-02,,belarus-mfa-csto\n"
CSV, JSON = "0", "1"
CITE_IT = "add a citation to its citations column (source-slug|locator) saying where it comes from."


def upload(client, content: str):
    return client.post(
        reverse("admin:operations_operation_import"),
        {"format": CSV, "resource": "0", "import_file": SimpleUploadedFile("operations.csv", content.encode())},
    )


def confirm(client, preview):
    assert "confirm_form" in preview.context, preview.text
    return client.post(reverse("admin:operations_operation_process_import"), preview.context["confirm_form"].initial)


def import_file(client, content: str):
    return confirm(client, upload(client, content))


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def row_errors(preview) -> list[str]:
    """Every message of the dry run's refused rows, as the page lists them."""
    return [message for row in preview.context["result"].invalid_rows for message in row.error.messages]


def test_a_file_with_one_bad_row_is_refused_row_by_row_and_changes_nothing(admin_client):
    before = Operation.objects.count()
    response = upload(admin_client, HEADER + GOOD_ROWS + BAD_ROW)
    assert response.status_code == 200
    assert "The end date cannot be before the start date." in response.text
    assert "confirm" not in response.context or response.context.get("confirm_form") is None
    assert Operation.objects.count() == before


def test_a_good_file_is_previewed_then_imported_on_confirmation(admin_client):
    preview = upload(admin_client, HEADER + GOOD_ROWS)
    assert Operation.objects.filter(slug="rubezh-2011").count() == 0
    confirm(admin_client, preview)
    rubezh = Operation.objects.get(slug="rubezh-2011")
    assert (str(rubezh.start), rubezh.series.slug) == ("2011", "rubezh")
    assert str(Operation.objects.get(slug="kanal-2011").end) == "July 2011"


def test_a_list_exports_as_csv_with_natural_keys_partial_dates_and_citations(admin_client):
    response = admin_client.post(
        reverse("admin:operations_operation_export"),
        {
            "format": CSV,
            "resource": "0",
            **{f"operationresource_{name}": "on" for name in ("slug", "start", "series", "citations")},
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "rubezh-2010" in text and "2010-04" in text
    assert "bordyuzha-2010|Operational and Military Preparation" in text


def test_what_an_editor_imports_is_a_draft_whatever_the_draft_column_says(editor_client):
    import_file(editor_client, "slug,name,kind,series,start,draft,citations\n" + DRAFT_ROW)
    assert Operation.all_objects.get(slug="rubezh-2024").draft is True
    assert not Operation.objects.filter(slug="rubezh-2024").exists()


DRAFT_ROW = "rubezh-2024,Rubezh-2024,exercise,rubezh,2024-05,0,bordyuzha-2010|Rubezh\n"


def test_a_reviewer_imports_published_records(reviewer):
    client = Client()
    client.force_login(reviewer)
    import_file(client, "slug,name,kind,series,start,draft,citations\n" + DRAFT_ROW)
    assert Operation.objects.filter(slug="rubezh-2024").exists()


def test_an_editor_may_not_publish_a_draft_or_unpublish_a_record_by_import(editor_client):
    preview = upload(editor_client, "slug,draft\nrubezh-2010,1\n")
    assert row_errors(preview) == [
        "Only a reviewer may publish a record or return it to draft: leave this record's draft column at 0, or "
        "leave the column out."
    ]
    assert Operation.objects.filter(slug="rubezh-2010").exists()


def test_an_editor_dated_row_without_a_citation_is_refused_naming_the_facts_and_nothing_is_saved(editor_client):
    preview = upload(
        editor_client, "slug,name,kind,series,start,end\nrubezh-2024,Rubezh-2024,exercise,rubezh,2024,2024\n"
    )
    assert row_errors(preview) == [f"This row enters start, end: {CITE_IT}"]
    assert CITE_IT in preview.text
    assert "confirm_form" not in preview.context
    assert not Operation.all_objects.filter(slug="rubezh-2024").exists()


def test_an_empty_citations_cell_is_no_citation(editor_client):
    preview = upload(
        editor_client, "slug,name,kind,series,start,citations\nrubezh-2024,Rubezh-2024,exercise,rubezh,2024,\n"
    )
    assert row_errors(preview) == [f"This row enters start: {CITE_IT}"]


def test_a_row_with_its_citation_is_saved_with_it(editor_client):
    import_file(
        editor_client,
        "slug,name,kind,series,start,citations\n" + "rubezh-2024,Rubezh-2024,exercise,rubezh,2024,"
        "bordyuzha-2010|Rubezh|start ; belarus-mfa-csto\n",
    )
    record = Operation.all_objects.get(slug="rubezh-2024")
    cited = {(c.source.slug, c.locator, c.field) for c in record.citations.all()}
    assert cited == {("bordyuzha-2010", "Rubezh", "start"), ("belarus-mfa-csto", "", "")}


def test_an_imported_row_is_a_change_in_its_records_history_with_its_importer(editor, editor_client):
    import_file(
        editor_client,
        "slug,name,kind,series,start,citations\n"
        + "rubezh-2024,Rubezh-2024,exercise,rubezh,2024,bordyuzha-2010|Rubezh\n",
    )
    record = Operation.all_objects.get(slug="rubezh-2024")
    [version] = Version.objects.get_for_object(record)
    assert (version.revision.user, version.revision.get_comment()) == (editor, "Imported from a file.")
    held = {type(row.object) for row in version.revision.version_set.all()}
    assert Citation in held


def test_a_dry_run_leaves_no_history(admin_client):
    upload(admin_client, HEADER + GOOD_ROWS)
    assert not Version.objects.filter(object_repr__startswith="Rubezh-2011").exists()


def test_a_changed_fact_of_a_published_record_needs_a_new_citation(editor_client):
    nelegal = Operation.objects.get(slug="nelegal-2008")
    kept = "bordyuzha-2010|Counteracting Illegal Migration and Trafficking in Human Beings"
    assert row_errors(upload(editor_client, f"slug,start,citations\nnelegal-2008,2008-05,{kept}\n")) == [
        f"This row enters start: {CITE_IT}"
    ]
    import_file(editor_client, f"slug,start,citations\nnelegal-2008,2008-05,{kept} ; belarus-mfa-csto||start\n")
    nelegal.refresh_from_db()
    assert str(nelegal.start) == "May 2008"
    assert nelegal.citations.filter(source__slug="belarus-mfa-csto", field="start").exists()


def test_a_row_that_would_drop_a_citation_is_refused(editor_client):
    preview = upload(editor_client, "slug,citations\nnelegal-2008,belarus-mfa-csto\n")
    assert row_errors(preview) == [
        "This row leaves out citations the record has (bordyuzha-2010|Counteracting Illegal Migration and "
        "Trafficking in Human Beings), and an import never removes one: keep them in the cell as the export writes "
        "them, or remove them on the record's page."
    ]


def test_a_citation_is_checked_as_the_model_checks_it(editor_client):
    preview = upload(
        editor_client,
        "slug,name,kind,series,start,citations\n"
        "rubezh-2024,Rubezh-2024,exercise,rubezh,2024,bordyuzha-2010 ; no-such-source|p. 2\n"
        "rubezh-2025,Rubezh-2025,exercise,rubezh,2025,bordyuzha-2010|p. 3|xyz\n",
    )
    errors = row_errors(preview)
    assert errors[0] == "“no-such-source” is the slug of no source: add the source first."
    assert errors[1].startswith("“bordyuzha-2010|p. 3|xyz”: Operation records have no attribute “xyz”")
    preview = upload(
        editor_client, "slug,name,kind,series,start,citations\nrubezh-2024,R,exercise,rubezh,2024,bordyuzha-2010\n"
    )
    assert row_errors(preview) == [
        "“bordyuzha-2010”: This source has no URL: say where in it the fact stands (section, page or row)."
    ]


def test_the_dry_run_says_what_each_row_makes_public_or_empties(admin_client):
    nelegal = "bordyuzha-2010|Counteracting Illegal Migration and Trafficking in Human Beings"
    preview = upload(
        admin_client,
        "slug,name,kind,series,start,run_by,areas,draft,citations\n"
        "rubezh-2024,Rubezh-2024,exercise,rubezh,2024,,,0,bordyuzha-2010|Rubezh\n"
        "rubezh-2025,Rubezh-2025,exercise,rubezh,2025,,,1,bordyuzha-2010|Rubezh\n"
        f"nelegal-2008,Nelegal-2008,anti_migration,nelegal,2008,,,0,{nelegal}\n",
    )
    rows = {row.object_repr: row.diff[-1] for row in preview.context["result"].valid_rows()}
    assert "public at once: a new record" in rows["Rubezh-2024"]
    assert "stays a draft, hidden until a reviewer publishes it" in rows["Rubezh-2025"]
    assert "public at once: a change to a published record" in rows["Nelegal-2008"]
    assert "empties run_by, areas" in rows["Nelegal-2008"]
    assert "Warning: a blank cell takes run_by, areas off a published record." in rows["Nelegal-2008"]
    assert "on confirming" in preview.text and "empties run_by, areas" in preview.text


def test_an_import_without_a_user_holds_to_an_editors_rules():
    """A command using the resources names no user: what it adds is a draft, and it cites its facts too."""
    resource = resource_for(Operation)()
    dataset = tablib.Dataset(headers=["slug", "name", "kind", "series", "start", "draft", "citations"])
    dataset.append(["rubezh-2024", "Rubezh-2024", "exercise", "rubezh", "2024", "0", "bordyuzha-2010|Rubezh"])
    dataset.append(["rubezh-2025", "Rubezh-2025", "exercise", "rubezh", "2025", "0", ""])
    result = resource.import_data(dataset, dry_run=False)
    assert [row.number for row in result.invalid_rows] == [2]
    assert not Operation.all_objects.filter(slug__in=["rubezh-2024", "rubezh-2025"]).exists()
    del dataset[1]
    result = resource.import_data(dataset, dry_run=False)
    assert not result.has_validation_errors()
    assert Operation.all_objects.get(slug="rubezh-2024").draft is True
