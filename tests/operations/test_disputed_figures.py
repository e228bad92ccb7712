"""Figures the sources disagree on: each kept with its own sources, one of them followed.

The tests' later records give the troops sent to Kazakhstan in January 2022 twice: 2,030 (Kazakh officials, the
preferred figure, Kazinform among its sources) and about 2,500 (Secretary-General Zas, from Sputnik, NSN and Massis
Post).
"""

import re
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from csto_portal.models import Citation, Source
from operations.models import Operation, Result
from tests.growth import queries_for
from tests.helpers import assert_refused, assert_shows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("later_records")]

SLUG = "kazakhstan-2022-peacekeeping"
KAZINFORM = "https://en.inform.kz/news/send-off-ceremony-for-csto-peacekeepers-takes-place-in-almaty_a3885263/"
SPUTNIK = "sputniknews.com/20220106/csto-to-dispatch-2500-peacekeepers"


@pytest.fixture
def deployment():
    return Operation.objects.get(slug=SLUG)


def troops(operation, value) -> Result:
    return operation.results.get(metric="troops", state=None, value=value)


def figure_rows(client) -> dict[str, str]:
    """The results table's rows of the deployment's page, by the figure each shows."""
    html = client.get(reverse("operations:operation_detail", args=[SLUG])).content.decode()
    rows = re.findall(r"<tr>.*?</tr>", html, re.S)
    return {match.group(1): row for row in rows if (match := re.search(r'<td class="number">([^<]*)</td>', row))}


def test_the_dataset_keeps_both_troop_figures_each_with_its_own_sources(deployment):
    official, zas = troops(deployment, 2030), troops(deployment, 2500)
    assert (official.preferred, zas.preferred) == (True, False)
    assert (zas.qualifier, zas.unit, zas.figure) == ("about", "people", "about 2,500 people")
    assert set(zas.citations.values_list("source__slug", flat=True)) == {
        "sputnik-1092073012",
        "nsn-serdyukov-2022-01",
        "massispost-2022-01-armenian-peacekeepers",
    }
    assert "inform-kz-3885263" in official.citations.values_list("source__slug", flat=True)
    assert not official.citations.filter(claim="about 2500").exists(), "the claim became a figure of its own"


def test_a_figure_standing_alone_is_followed_and_competing_ones_say_which_is(deployment):
    official, zas = troops(deployment, 2030), troops(deployment, 2500)
    assert (official.followed, zas.followed) == (True, False)
    assert official.rivals == [zas] and zas.rivals == [official]
    vehicles = deployment.results.get(metric="vehicles", state=None)
    assert vehicles.followed and not vehicles.preferred and vehicles.rivals == []


def test_a_competing_figure_is_accepted(deployment):
    figure = Result(operation=deployment, metric="troops", qualifier="about", value=4000, unit="people")
    figure.full_clean()
    figure.save()
    assert deployment.results.filter(metric="troops", state=None).count() == 3


def test_a_second_preferred_figure_is_refused_by_the_form_layer_and_the_database(deployment):
    figure = Result(operation=deployment, metric="troops", qualifier="about", value=4000, unit="people", preferred=True)
    assert_refused(figure, "operations_result_one_preferred", "is already the preferred one: only one can be")


def test_the_same_figure_twice_is_refused(deployment):
    duplicate = Result(
        operation=deployment, metric="troops", qualifier="about", value=Decimal("2500.000"), unit="people"
    )
    assert_refused(duplicate, "operations_result_unique_figure", "already recorded for that stage and state")


def test_the_page_shows_both_figures_side_by_side_each_with_its_sources_and_which_is_followed(client):
    rows = figure_rows(client)
    figures = list(rows)
    assert figures.index("about 2,500 people") == figures.index("2,030 people") + 1
    official, zas = rows["2,030 people"], rows["about 2,500 people"]
    assert_shows(official, "disputed, followed here", f'<a href="{KAZINFORM}" rel="noopener">')
    assert_shows(zas, "other figure, not followed", SPUTNIK, "Secretary-General Zas on 6 January")
    assert SPUTNIK not in official and KAZINFORM not in zas
    assert "disputed" not in rows["250 vehicles"], "a figure standing alone is not marked"


def test_the_page_shows_a_figure_source_with_its_locator(client, deployment):
    zas = troops(deployment, 2500)
    citation = zas.citations.get(source__slug="nsn-serdyukov-2022-01")
    citation.locator = "Third paragraph"
    citation.save()
    assert "Third paragraph" in figure_rows(client)["about 2,500 people"]


def test_the_api_gives_each_figure_its_citations_and_whether_it_is_preferred_and_followed(api):
    results = api.get(reverse("api:operation-detail", args=[SLUG])).json()["results"]
    by_figure = {result["figure"]: result for result in results}
    official, zas = by_figure["2,030 people"], by_figure["about 2,500 people"]
    assert (official["preferred"], official["followed"], official["disputed"]) == (True, True, True)
    assert (zas["preferred"], zas["followed"], zas["disputed"]) == (False, False, True)
    assert {citation["source"]["slug"] for citation in zas["citations"]} == {
        "sputnik-1092073012",
        "nsn-serdyukov-2022-01",
        "massispost-2022-01-armenian-peacekeepers",
    }
    assert "inform-kz-3885263" in {citation["source"]["slug"] for citation in official["citations"]}
    vehicles = by_figure["250 vehicles"]
    assert (vehicles["preferred"], vehicles["followed"], vehicles["disputed"]) == (False, True, False)


def test_more_competing_figures_and_their_sources_cost_no_more_queries(client, deployment):
    urls = [reverse("operations:operation_detail", args=[SLUG]), reverse("api:operation-detail", args=[SLUG])]
    before = {url: queries_for(client, url) for url in urls}
    source = Source.objects.create(slug="synthetic-figures", kind="reference", title="Synthetic figures")
    figures = Result.objects.bulk_create(
        Result(operation=deployment, metric="troops", qualifier="about", value=3000 + i, unit="people")
        for i in range(10)
    )
    content_type = ContentType.objects.get_for_model(Result)
    Citation.objects.bulk_create(
        Citation(content_type=content_type, object_id=figure.pk, source=source, locator=f"Row {i}")
        for figure in figures
        for i in range(2)
    )
    assert {url: queries_for(client, url) for url in urls} == before
