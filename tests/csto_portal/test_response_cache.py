"""Anonymous readers are served from the cache, and every write, however it is made, is on the next read."""

import datetime
from io import StringIO

import pytest
from django.core.cache import cache, caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, transaction
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from rest_framework.throttling import AnonRateThrottle

from csto_portal import data_version
from csto_portal.response_cache import response_key
from operations.models import Operation
from tests.helpers import TEST_DATASET
from tests.helpers import form_data as admin_form_data

pytestmark = pytest.mark.django_db

SLUG = "rubezh-2010"
NAME = "Rubezh-2010"


def urls(slug=SLUG) -> dict[str, str]:
    """One of each kind of read: an HTML page and list, an API record and list."""
    return {
        "page": reverse("operations:operation_detail", args=[slug]),
        "list page": reverse("operations:operation_list"),
        "api record": reverse("api:operation-detail", args=[slug]),
        "api list": reverse("api:operation-list"),
    }


def read_all(client) -> dict[str, str]:
    texts = {}
    for kind, url in urls().items():
        response = client.get(url)
        assert response.status_code == 200, (kind, response.status_code)
        texts[kind] = response.content.decode()
    return texts


def is_stored(url, data=None, **headers) -> bool:
    """Whether an anonymous read of ``url`` has a response waiting in the cache."""
    request = RequestFactory().get(url, data, **headers)
    return cache.get(f"response:{response_key(request, data_version.current())}") is not None


def queries_of(client, url, data=None, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data, **headers)
    return response, len(queries)


@pytest.fixture
def operation_editor(token_client):
    """An API client with the token of a user who may change operations, and nothing else."""
    return token_client("change_operation")


# Hits


def test_a_second_read_is_served_from_the_cache_without_a_query_or_a_template(client, django_assert_num_queries):
    for url in urls().values():
        first = client.get(url)
        assert is_stored(url)
        # The data version is read with the driver's own cursor, which Django does not count.
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.templates == []
        assert (again.status_code, again.content, again["ETag"]) == (200, first.content, first["ETag"])
        assert again["Content-Type"] == first["Content-Type"]


def test_a_head_request_is_answered_from_the_get_response_but_never_stored(client, django_assert_num_queries):
    url = urls()["page"]
    client.head(url)
    assert not is_stored(url)
    client.get(url)
    with django_assert_num_queries(0):
        assert client.head(url).status_code == 200


def test_json_and_csv_of_one_address_are_kept_apart(client):
    url = urls()["api list"]
    for _ in range(2):
        assert client.get(url)["Content-Type"] == "application/json"
        csv = client.get(url, HTTP_ACCEPT="text/csv")
        assert csv["Content-Type"].startswith("text/csv") and b",slug," in csv.content.splitlines()[0]
    assert is_stored(url) and is_stored(url, HTTP_ACCEPT="text/csv")


def test_the_browsable_api_is_not_kept_because_it_carries_a_csrf_cookie(client):
    url = urls()["api list"]
    response = client.get(url, HTTP_ACCEPT="text/html")
    assert response["Content-Type"].startswith("text/html") and "csrftoken" in response.cookies
    assert not is_stored(url, HTTP_ACCEPT="text/html")


def test_a_new_day_is_a_new_key_because_pages_say_who_is_a_member_today(client, monkeypatch):
    url = reverse("home")
    client.get(url)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert not is_stored(url)
    assert client.get(url).templates


def test_with_a_shared_cache_a_worker_keeps_its_own_copy_and_fetches_what_another_rendered(client, tmp_path):
    url = urls()["page"]
    shared = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)}
    worker = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-worker"}
    with override_settings(CACHES={"default": shared, "worker": worker}):
        first = client.get(url)
        assert is_stored(url)
        caches["worker"].clear()  # another worker, which has not served the page
        again = client.get(url)
        assert again.templates == [] and again.content == first.content
        caches["default"].clear()  # the first worker again: its own copy is enough
        assert client.get(url).templates == []


def test_cached_reads_are_not_throttled(client, monkeypatch):
    """The throttle guards the database; a read from the cache costs it one primary-key lookup."""
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    url = urls()["api list"]
    assert [client.get(url).status_code for _ in range(5)] == [200] * 5
    misses = [client.get(url, {"page_size": size}).status_code for size in range(1, 4)]
    assert misses == [200, 429, 429]


# Writes are on the next read


def assert_renamed(client, before: dict[str, str], name: str):
    after = read_all(client)
    for kind in before:
        assert name not in before[kind], kind
        assert name in after[kind], f"{kind} still shows the old name"


def test_an_edit_through_the_orm_is_on_the_next_read(client):
    before = read_all(client)
    operation = Operation.objects.get(slug=SLUG)
    operation.name = "Rubezh-2010 (saved)"
    operation.save()
    assert_renamed(client, before, "Rubezh-2010 (saved)")


def test_an_update_that_sends_no_signal_is_on_the_next_read(client):
    before = read_all(client)
    Operation.objects.filter(slug=SLUG).update(name="Rubezh-2010 (updated)")
    assert_renamed(client, before, "Rubezh-2010 (updated)")


def test_an_edit_through_the_api_is_on_the_next_read(client, operation_editor):
    before = read_all(client)
    response = operation_editor.patch(reverse("api:operation-detail", args=[SLUG]), {"name": "Rubezh-2010 (API)"})
    assert response.status_code == 200, response.content
    assert_renamed(client, before, "Rubezh-2010 (API)")


def test_an_edit_in_the_admin_is_on_the_next_read(client, admin_client):
    before = read_all(client)
    url = reverse("admin:operations_operation_change", args=[Operation.objects.get(slug=SLUG).pk])
    response = admin_client.post(url, admin_form_data(admin_client.get(url), name="Rubezh-2010 (admin)"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert_renamed(client, before, "Rubezh-2010 (admin)")


def test_an_admin_import_is_on_the_next_read(client, admin_client):
    listed = client.get(urls()["api list"]).json()["count"]
    rows = (
        "slug,name,kind,status,series,start,end,areas,citations\n"
        "rubezh-2011,Rubezh-2011,exercise,held,rubezh,2011,,,bordyuzha-2010|Rubezh\n"
    )
    preview = admin_client.post(
        reverse("admin:operations_operation_import"),
        {"format": "0", "resource": "0", "import_file": SimpleUploadedFile("operations.csv", rows.encode())},
    )
    admin_client.post(reverse("admin:operations_operation_process_import"), preview.context["confirm_form"].initial)
    assert client.get(urls()["api list"]).json()["count"] == listed + 1
    assert "Rubezh-2011" in client.get(urls()["list page"]).text


def test_reloading_the_dataset_is_on_the_next_read(client):
    Operation.objects.filter(slug=SLUG).update(name="Rubezh-2010 (edited)")
    assert "Rubezh-2010 (edited)" in client.get(urls()["page"]).text
    call_command("load_csto", path=TEST_DATASET, stdout=StringIO())
    assert "Rubezh-2010 (edited)" not in client.get(urls()["page"]).text


def test_a_delete_is_on_the_next_read(client):
    slug, name = "nelegal-2008", "Nelegal-2008"
    pages = urls(slug)
    before = {kind: client.get(url) for kind, url in pages.items()}
    assert all(response.status_code == 200 and name in response.text for response in before.values())
    Operation.objects.get(slug=slug).delete()
    assert client.get(pages["page"]).status_code == 404
    assert client.get(pages["api record"]).status_code == 404
    assert name not in client.get(pages["list page"]).text
    assert name not in client.get(pages["api list"]).text


def test_returning_a_record_to_draft_hides_it_on_the_next_read_and_publishing_shows_it(client):
    before = read_all(client)
    Operation.all_objects.filter(slug=SLUG).update(draft=True)
    assert client.get(urls()["page"]).status_code == 404
    assert client.get(urls()["api record"]).status_code == 404
    assert NAME not in client.get(urls()["list page"]).text
    Operation.all_objects.filter(slug=SLUG).update(draft=False)
    assert read_all(client) == before


def test_an_editors_preview_of_a_draft_never_reaches_a_reader(client, admin_client):
    Operation.all_objects.filter(slug=SLUG).update(draft=True)
    url = urls()["page"]
    assert admin_client.get(url).status_code == 200
    assert not is_stored(url)
    assert client.get(url).status_code == 404


def test_the_version_changes_with_the_write_and_not_before_or_without_it():
    version = data_version.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        Operation.objects.filter(slug=SLUG).update(name="never saved")
        assert data_version.current() > version  # the writing transaction sees its own version
        raise RuntimeError("roll back")
    assert data_version.current() == version
    Operation.objects.filter(slug=SLUG).update(name="saved")
    assert data_version.current() > version


def test_every_records_table_has_the_trigger_and_history_has_none():
    tables = data_version.content_tables()
    assert {"operations_operation", "operations_operation_areas", "csto_portal_citation", "organs_state"} <= set(tables)
    assert not [table for table in tables if "historical" in table]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = %s",
            [data_version.TRIGGER],
        )
        triggered = {row[0] for row in cursor.fetchall()}
    assert triggered == set(tables)


# Conditional GET


def test_an_unchanged_page_or_list_answers_304_and_an_edited_one_200_with_a_new_etag(client):
    for url in urls().values():
        etag = client.get(url)["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    etags = {url: client.get(url)["ETag"] for url in urls().values()}
    Operation.objects.filter(slug=SLUG).update(name="Rubezh-2010 (edited)")
    for url, etag in etags.items():
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200
        assert response["ETag"] != etag


def test_a_304_needs_no_cached_copy_and_no_rendering(client, django_assert_num_queries):
    url = urls()["page"]
    etag = client.get(url)["ETag"]
    cache.clear()  # as in a worker that has never served the page
    with django_assert_num_queries(0):
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert (response.status_code, response["ETag"], response["Vary"]) == (304, etag, "Cookie")


def test_a_cached_record_answers_if_modified_since(client):
    url = urls()["api record"]
    last_modified = client.get(url)["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304


# What is never cached


def test_signed_in_readers_are_never_served_from_or_into_the_cache(client, admin_client, operation_editor):
    url, api_url = urls()["page"], urls()["api record"]
    assert admin_client.get(url).templates
    assert operation_editor.get(api_url).status_code == 200
    assert not is_stored(url) and not is_stored(api_url)

    client.get(url)
    client.get(api_url)
    assert admin_client.get(url).templates, "a signed-in editor got the readers' copy"
    _, queries = queries_of(operation_editor, api_url)
    assert queries > 1


@pytest.mark.parametrize(
    ("name", "args", "params"),
    [
        ("operations:operation_detail", ["no-such-operation"], None),
        ("api:operation-detail", ["no-such-operation"], None),
        ("api:operation-list", [], {"year": "abc"}),
        ("operations:operation_list", [], {"year": "abc"}),
        ("timeline", [], {"page": 999}),
    ],
)
def test_errors_are_not_cached(client, name, args, params):
    url = reverse(name, args=args)
    first = client.get(url, params)
    assert first.status_code in {400, 404}
    assert not is_stored(url, params)
    assert client.get(url, params).status_code == first.status_code


def test_the_admin_is_never_cached(client):
    url = reverse("admin:login")
    assert client.get(url).status_code == 200
    assert not is_stored(url)


@override_settings(RESPONSE_CACHE=False)
def test_response_cache_off_serves_every_read_fresh(client):
    url = urls()["page"]
    client.get(url)
    assert not is_stored(url)
    assert client.get(url).templates
