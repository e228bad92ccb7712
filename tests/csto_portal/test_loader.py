import shutil
from io import StringIO

import pytest
import yaml
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from csto_portal.models import Source
from organs.models import State
from tests.helpers import TEST_DATASET

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def load(path=TEST_DATASET):
    call_command("load_csto", path=path, stdout=StringIO())


@pytest.fixture
def dataset_copy(tmp_path):
    copy = tmp_path / "dataset"
    shutil.copytree(TEST_DATASET, copy)
    return copy


def edit(path, change):
    records = yaml.safe_load(path.read_text())
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False))


def test_loading_twice_changes_nothing():
    before = row_counts()
    assert before["organs.State"] > 0
    load()
    assert row_counts() == before


def test_a_bad_record_stops_the_load_names_the_record_and_changes_nothing(dataset_copy):
    before = row_counts()
    edit(dataset_copy / "sources.yaml", lambda records: records[0].update(title="Changed title"))

    def break_a_result(records):
        kanal = next(record for record in records if record["slug"] == "kanal-2003-2009")
        kanal["results"][1]["value"] = -5

    edit(dataset_copy / "operations.yaml", break_a_result)

    with pytest.raises(CommandError) as error:
        load(dataset_copy)

    message = str(error.value)
    assert "Nothing was loaded" in message
    assert "operations.yaml" in message and "kanal-2003-2009" in message and "results 2" in message
    assert "cannot be negative" in message
    assert row_counts() == before
    assert Source.objects.get(slug="bordyuzha-2010").title != "Changed title"


def test_an_unknown_reference_names_what_is_missing(dataset_copy):
    edit(dataset_copy / "memberships.yaml", lambda records: records[0].update(state="QQ"))
    with pytest.raises(CommandError, match=r"memberships.yaml, record 1 .*no state with iso2 'QQ'"):
        load(dataset_copy)


def test_a_misspelt_field_is_reported(dataset_copy):
    edit(dataset_copy / "states.yaml", lambda records: records[0].update(nmae="Typo"))
    with pytest.raises(CommandError, match=r"states.yaml, record 1 \(iso2 AM\): unknown field\(s\) nmae"):
        load(dataset_copy)


def test_an_unreadable_date_is_reported(dataset_copy):
    edit(dataset_copy / "chairmanships.yaml", lambda records: records[0].update(start="spring 2012"))
    with pytest.raises(CommandError, match=r"chairmanships.yaml, record 1 .*start: 'spring 2012' is not a date"):
        load(dataset_copy)


def test_if_empty_keeps_an_edited_database():
    State.objects.filter(iso2="AM").update(name="Armenia (edited)")
    call_command("load_csto", path=TEST_DATASET, if_empty=True, stdout=StringIO())
    assert State.objects.get(iso2="AM").name == "Armenia (edited)"


def test_removed_children_are_removed_on_reload(dataset_copy):
    def drop_last_result(records):
        kanal = next(record for record in records if record["slug"] == "kanal-2003-2009")
        kanal["results"].pop()

    edit(dataset_copy / "operations.yaml", drop_last_result)
    before = row_counts()["operations.Result"]
    load(dataset_copy)
    assert row_counts()["operations.Result"] == before - 1


def test_a_kind_split_into_a_folder_loads_after_its_file_in_name_order(dataset_copy):
    folder = dataset_copy / "sources"
    folder.mkdir()
    (folder / "b.yaml").write_text("- {slug: later-page, kind: news, title: Later page, url: 'https://b.example/'}\n")
    (folder / "a.yaml").write_text(
        "- {slug: earlier-page, kind: news, title: Earlier page, url: 'https://a.example/'}\n"
        "- {slug: bordyuzha-2010, kind: article, title: Retitled in a later file}\n"
    )
    load(dataset_copy)
    assert Source.objects.get(slug="later-page").url == "https://b.example/"
    assert Source.objects.get(slug="earlier-page").title == "Earlier page"
    # A folder's files load after the flat file, so the last word on a record is the folder's.
    assert Source.objects.get(slug="bordyuzha-2010").title == "Retitled in a later file"


def test_a_bad_record_in_a_folder_names_its_file(dataset_copy):
    (dataset_copy / "states").mkdir()
    (dataset_copy / "states" / "extra.yaml").write_text("- {iso2: QQ, name: Nowhere, nmae: typo}\n")
    with pytest.raises(CommandError, match=r"states/extra.yaml, record 1 \(iso2 QQ\): unknown field\(s\) nmae"):
        load(dataset_copy)


def test_a_kind_with_neither_file_nor_folder_is_reported(dataset_copy):
    (dataset_copy / "series.yaml").unlink()
    with pytest.raises(CommandError, match=r"series.yaml: neither it nor a series/ folder"):
        load(dataset_copy)
