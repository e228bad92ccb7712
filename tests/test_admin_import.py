"""Bulk import and export in the admin: a dry run shows each bad row, and nothing changes while any row is bad."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from operations.models import Operation

pytestmark = pytest.mark.django_db

HEADER = "slug,name,kind,status,series,start,end,areas\n"
GOOD_ROWS = (
    "rubezh-2011,Rubezh-2011,exercise,held,rubezh,2011,,military-cooperation\n"
    "kanal-2011,Kanal-2011,anti_drug,held,kanal,2011-06,2011-07,anti-drug\n"
)
BAD_ROW = "nelegal-2011,Nelegal-2011,anti_migration,held,nelegal,2011-09,2011-02,\n"
CSV, JSON = "0", "1"


def upload(admin_client, content: str):
    return admin_client.post(
        reverse("admin:operations_operation_import"),
        {"format": CSV, "resource": "0", "import_file": SimpleUploadedFile("operations.csv", content.encode())},
    )


def test_a_file_with_one_bad_row_is_refused_row_by_row_and_changes_nothing(admin_client):
    before = Operation.objects.count()
    response = upload(admin_client, HEADER + GOOD_ROWS + BAD_ROW)
    assert response.status_code == 200
    assert "The end date cannot be before the start date." in response.text
    assert "confirm" not in response.context or response.context.get("confirm_form") is None
    assert Operation.objects.count() == before


def test_a_good_file_is_previewed_then_imported_on_confirmation(admin_client):
    preview = upload(admin_client, HEADER + GOOD_ROWS)
    confirm = preview.context["confirm_form"]
    assert Operation.objects.filter(slug="rubezh-2011").count() == 0
    admin_client.post(reverse("admin:operations_operation_process_import"), confirm.initial)
    rubezh = Operation.objects.get(slug="rubezh-2011")
    assert (str(rubezh.start), rubezh.series.slug) == ("2011", "rubezh")
    assert str(Operation.objects.get(slug="kanal-2011").end) == "July 2011"


def test_a_list_exports_as_csv_with_natural_keys_and_partial_dates(admin_client):
    response = admin_client.post(
        reverse("admin:operations_operation_export"),
        {"format": CSV, "resource": "0", **{f"operationresource_{name}": "on" for name in ("slug", "start", "series")}},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "rubezh-2010" in text and "2010-04" in text
