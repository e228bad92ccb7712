"""The shipped dataset (dataset/) loads, keeps the dataset's rules, and every kind of page renders on it.

The only test module that reads dataset/: the others state their facts from the tests' own dataset
(tests/dataset/), so that records added to dataset/ change no outcome but this one's. Nothing here counts the
shipped records; every expectation is read from the YAML files or holds for any dataset.
``CSTO_SHIPPED_DATASET`` points the suite at another folder (the growth test gives it a grown copy).
"""

import os
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse

from csto_portal.dates import PartialDate
from csto_portal.models import Citation, Record, Source
from csto_portal.roles import CONTENT_APPS
from csto_portal.site.api import urls as api_urls
from csto_portal.site.loader import DATASET_DIR, dataset_paths
from csto_portal.site.sitemaps import SITEMAPS
from operations.models import AssistanceRequest, Meeting, Operation
from organs.models import Organ, Partner, Person, Place, State
from treaties.models import Instrument

SHIPPED_DATASET = Path(os.environ.get("CSTO_SHIPPED_DATASET") or DATASET_DIR)

pytestmark = pytest.mark.django_db


def records_of(filename: str) -> list[dict]:
    """The records of one kind: its file and the files of its folder."""
    return [
        record
        for path in dataset_paths(SHIPPED_DATASET, filename)
        for record in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    ]


# Every record with a page of its own, as (file, model, key field, page, API record), read when the tests are
# collected so that each record is a test of its own, named by its key.
KINDS = [
    ("organs.yaml", Organ, "slug", "organs:organ_detail", "api:organ-detail"),
    ("states.yaml", State, "iso2", "organs:state_detail", "api:state-detail"),
    ("places.yaml", Place, "slug", "organs:place_detail", "api:place-detail"),
    ("partners.yaml", Partner, "slug", "organs:partner_detail", "api:partner-detail"),
    ("people.yaml", Person, "slug", "organs:person_detail", "api:person-detail"),
    ("instruments.yaml", Instrument, "slug", "treaties:instrument_detail", "api:instrument-detail"),
    ("operations.yaml", Operation, "slug", "operations:operation_detail", "api:operation-detail"),
    ("meetings.yaml", Meeting, "slug", "operations:meeting_detail", "api:meeting-detail"),
    ("requests.yaml", AssistanceRequest, "slug", "operations:request_detail", "api:assistancerequest-detail"),
]
RECORDS = [
    pytest.param(page, api, str(record[key]), id=f"{filename.removesuffix('.yaml')}:{record[key]}")
    for filename, _, key, page, api in KINDS
    for record in records_of(filename)
]
# Every section the sitemap offers, the sitemap itself, the API's root and every API list.
SECTIONS = [
    *SITEMAPS["sections"].items(),
    "sitemap",
    "api:root",
    *(f"api:{pattern.name}" for pattern in api_urls.urlpatterns if (pattern.name or "").endswith("-list")),
]


def _portal_tables() -> list[str]:
    tables = {
        model._meta.db_table
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    # The version row stays: its triggers bump it as the tables are emptied and filled, so no page cached on the
    # tests' dataset is served from here.
    return sorted(tables - {"csto_portal_dataversion"})


@pytest.fixture(scope="module", autouse=True)
def shipped_dataset(django_db_setup, django_db_blocker):
    """The shipped dataset alone in the database for this module, in a transaction rolled back at its end.

    Each test's own transaction nests in it as a savepoint; the session's tests' dataset is back afterwards.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(_portal_tables())} CASCADE")
        call_command("load_csto", path=SHIPPED_DATASET, stdout=StringIO())
        yield SHIPPED_DATASET
        transaction.set_rollback(True)


@pytest.mark.parametrize(("filename", "model", "key"), [pytest.param(*kind[:3], id=kind[0]) for kind in KINDS])
def test_each_file_loads_all_its_records_and_no_others(filename, model, key):
    in_file = {str(record[key]) for record in records_of(filename)}
    loaded = {str(value) for value in model._default_manager.values_list(key, flat=True)}
    assert in_file and loaded == in_file


def test_loading_again_changes_nothing():
    def row_counts():
        return {model._meta.label: model._default_manager.count() for model in apps.get_models()}

    before = row_counts()
    call_command("load_csto", path=SHIPPED_DATASET, stdout=StringIO())
    assert row_counts() == before


@pytest.mark.parametrize("model", [m for m in apps.get_models() if issubclass(m, Record)], ids=lambda m: m._meta.label)
def test_every_record_cites_a_source(model):
    uncited = [str(record) for record in model._default_manager.all() if not record.citations.exists()]
    assert uncited == []


def test_citations_point_at_existing_records():
    for citation in Citation.objects.select_related("content_type"):
        assert citation.record is not None, citation


def test_every_state_in_the_dataset_is_used():
    unused = State.objects.filter(
        memberships=None,
        participations=None,
        meetings=None,
        meetings_missed=None,
        meetings_hosted=None,
        parties=None,
        instrument_events=None,
        people=None,
        places=None,
        results=None,
        requests=None,
    )
    assert list(unused.values_list("iso2", flat=True)) == []


@pytest.mark.parametrize("name", SECTIONS)
def test_every_section_renders(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200, response.content[:500]


def test_search_finds_a_record_by_its_name(client):
    operation = Operation.objects.order_by("pk").first()
    response = client.get(reverse("search"), {"q": operation.name})
    assert response.status_code == 200
    assert operation.get_absolute_url() in response.text
    assert client.get(reverse("api:search"), {"q": operation.name}).status_code == 200


def fact_sheet_rows() -> list[tuple[str, str, str]]:
    """(date, kind, URL) of every row of the fact sheet's table (dataset/fact-sheet.md)."""
    rows = []
    for line in (SHIPPED_DATASET / "fact-sheet.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[3].startswith("http"):
            rows.append((cells[0], cells[2], cells[3]))
    return rows


def _dates_around(record) -> set[PartialDate]:
    """The partial dates of a record, of the record it belongs to and of the records that belong to it."""
    near = [record]
    for field in record._meta.get_fields():
        if field.many_to_one and field.related_model and issubclass(field.related_model, Record):
            near.append(getattr(record, field.name))
        elif field.one_to_many and issubclass(field.related_model, Record) and field.name != "citations":
            near.extend(getattr(record, field.get_accessor_name()).all())
    dates = set()
    for item in filter(None, near):
        for field in item._meta.concrete_fields:
            if field.name.endswith("_precision"):
                day = getattr(item, field.name.removesuffix("_precision") + "_date")
                if day:
                    dates.add(PartialDate(day, getattr(item, field.name)))
    return dates


def _as_precise_as(date: PartialDate, written: str) -> str:
    return date.date.isoformat()[: len(written)]


@pytest.mark.parametrize(("date", "kind", "url"), fact_sheet_rows(), ids=lambda value: str(value)[:60])
def test_every_fact_sheet_row_is_a_record_citing_its_page_with_its_date(date, kind, url):
    sources = Source.objects.filter(url__in=[url, url.rstrip("/"), f"{url.rstrip('/')}/"])
    assert sources.exists(), f"no source has the row's URL {url}"
    citing = [
        citation.record for citation in Citation.objects.filter(source__in=sources).select_related("content_type")
    ]
    found = {_as_precise_as(day, date) for record in citing if record is not None for day in _dates_around(record)}
    assert date in found, f"no record citing {url} carries the date {date} (they carry {sorted(found)[:12]})"


def test_the_sitemap_lists_every_published_record_page(client):
    sitemap = client.get(reverse("sitemap")).text
    for model in (Organ, State, Partner, Instrument, Operation, Meeting):
        missing = [str(record) for record in model.objects.all() if record.get_absolute_url() not in sitemap]
        assert missing == [], model.__name__


@pytest.mark.parametrize(
    ("basename", "model"),
    [
        pytest.param(basename, model, id=basename)
        for basename, model in [
            ("organ", Organ),
            ("partner", Partner),
            ("person", Person),
            ("instrument", Instrument),
            ("operation", Operation),
            ("meeting", Meeting),
        ]
    ],
)
def test_each_api_list_counts_every_published_record(client, basename, model):
    response = client.get(reverse(f"api:{basename}-list"))
    assert response.status_code == 200
    assert response.json()["count"] == model.objects.count()


@pytest.mark.parametrize(("page", "api", "key"), RECORDS)
def test_every_record_renders_on_its_page_and_in_the_api(client, page, api, key):
    if page:
        response = client.get(reverse(page, args=[key.lower() if page == "organs:state_detail" else key]))
        assert response.status_code == 200, response.content[:500]
    response = client.get(reverse(api, args=[key]))
    assert response.status_code == 200, response.content[:500]
