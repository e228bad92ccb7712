import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from csto_portal.fulltext import SEARCH_CONFIG
from csto_portal.site.search import GROUPS
from operations.models import Meeting, Operation
from organs.models import Organ, Partner
from tests.csto_portal.conftest import WORD
from tests.growth import assert_queries_do_not_grow, grow_dataset, queries_for
from tests.helpers import assert_shows
from treaties.models import Instrument

pytestmark = pytest.mark.django_db


def test_home_page_says_what_the_csto_is_and_who_belongs(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    text = response.text
    # Today Armenia's participation is frozen and Uzbekistan's membership suspended.
    members = [membership.state.iso2 for membership in response.context["members"]]
    assert members == ["AM", "BY", "KZ", "KG", "RU", "TJ"]
    assert_shows(
        text,
        "Collective Security Treaty Organization",
        '<time datetime="1992-05-15">15 May 1992</time> in Tashkent',
        '<time datetime="2003-09-18">18 September 2003</time>',
        "member, participation frozen",
    )
    latest = response.context["latest"]
    assert [entry.date.date for entry in latest] == sorted((entry.date.date for entry in latest), reverse=True)
    for url_name in ("organs:organ_list", "organs:state_list", "treaties:instrument_list", "timeline"):
        assert f'href="{reverse(url_name)}"' in text


def test_timeline_lists_dated_facts_in_order_with_their_precision(client):
    response = client.get(reverse("timeline"))
    assert response.status_code == 200
    entries = response.context["entries"]
    assert [e.date.date for e in entries] == sorted(e.date.date for e in entries)
    texts = [e.text for e in entries]
    assert "Collective Security Treaty — signed" in texts
    assert "Belarus becomes a member" in texts
    assert '<time datetime="2008-09">September 2008</time>' in response.text
    assert '<h2 id="year-1992">1992</h2>' in response.text


def test_timeline_filters_by_year_kind_and_area(client):
    response = client.get(reverse("timeline"), {"year_from": 2009, "year_to": 2009, "kind": "instrument"})
    entries = response.context["entries"]
    assert entries and all(e.year == 2009 and e.category == "instrument" for e in entries)
    assert "Agreement on Peacekeeping Activities" in " ".join(e.subject for e in entries)

    by_area = client.get(reverse("timeline"), {"area": "counter-terrorism"}).context["entries"]
    assert by_area and all(e.category in {"instrument", "operation", "meeting", "organ"} for e in by_area)


@pytest.mark.parametrize(
    "params",
    [{"year_from": "abc"}, {"kind": "volcano"}, {"area": "no-such-area"}, {"year_from": 2010, "year_to": 2001}],
)
def test_timeline_explains_bad_filters(client, params):
    response = client.get(reverse("timeline"), params)
    assert response.status_code == 400
    assert "could not be used" in response.text


def test_timeline_page_beyond_the_end_is_not_found(client):
    assert client.get(reverse("timeline"), {"page": 999}).status_code == 404


def test_timeline_page_two_continues_page_one(client):
    grow_dataset()
    first, second = (client.get(reverse("timeline"), {"page": page}).context for page in (1, 2))
    both = [(entry.date.date, entry.text) for entry in [*first["entries"], *second["entries"]]]
    assert len(both) == 200 and first["page_obj"].paginator.count > 200
    assert len(set(both)) == len(both)
    assert [date for date, _ in both] == sorted(date for date, _ in both)


def test_home_counts_records_once_per_data_version(client, settings):
    settings.RESPONSE_CACHE = False
    counts = client.get(reverse("home")).context["counts"]
    assert counts == {
        "organs": Organ.objects.count(),
        "instruments": Instrument.objects.count(),
        "operations": Operation.objects.count(),
        "meetings": Meeting.objects.count(),
        "partners": Partner.objects.count(),
    }
    with CaptureQueriesContext(connection) as first:
        client.get(reverse("home"))
    Operation.all_objects.filter(pk=Operation.objects.first().pk).update(draft=True)
    with CaptureQueriesContext(connection) as after_a_write:
        response = client.get(reverse("home"))
    assert response.context["counts"]["operations"] == counts["operations"] - 1
    assert len(after_a_write) == len(first) + 1


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        (reverse("home"), 5),
        (reverse("timeline"), 3),
        # A second page: the tests' dataset holds more events (102) than a timeline page (100).
        (reverse("timeline") + "?page=2", 3),
        (reverse("timeline") + "?kind=operation&year_from=2005", 3),
        (reverse("api:event-list"), 2),
        (reverse("api:event-list") + "?page=3&page_size=20", 2),
    ],
)
def test_home_timeline_and_events_queries_are_bounded_on_small_and_large_data(
    client, django_assert_max_num_queries, url, queries
):
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code == 200
    grow_dataset()
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code == 200


def test_search_finds_records_of_every_kind_grouped(client):
    response = client.get(reverse("search"), {"q": "Kanal"})
    assert response.status_code == 200
    groups = {result.group.key: result for result in response.context["groups"]}
    assert "operations" in groups
    assert any(hit.title.startswith("Kanal") for hit in groups["operations"].hits)
    assert "<mark>Kanal</mark>" in response.text


def test_search_uses_stemming_and_ranks_names_first(client):
    groups = {r.group.key: r for r in client.get(reverse("search"), {"q": "peacekeepers"}).context["groups"]}
    assert groups["treaties"].hits[0].title.startswith("Agreement on Peacekeeping Activities")


def test_search_with_no_match_helps_the_reader(client):
    response = client.get(reverse("search"), {"q": "zzzyzx"})
    assert response.status_code == 200
    assert "Nothing matches" in response.text


def test_search_refuses_an_oversized_query_with_a_message(client):
    response = client.get(reverse("search"), {"q": "x" * 10_000})
    assert response.status_code == 400
    assert "Shorten the search" in response.text


def test_search_escapes_what_it_shows(client):
    response = client.get(reverse("search"), {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text


def test_search_counts_every_match_below_the_cap_ranks_names_first_and_hides_drafts(client, few_matches):
    response = client.get(reverse("search"), {"q": WORD})
    operations = next(result for result in response.context["groups"] if result.group.key == "operations")
    assert (operations.total, operations.total_capped) == (2, False)
    assert [hit.title for hit in operations.hits] == [f"{WORD} Shield", "Exercise 1"]
    assert 'Operations and exercises <span class="meta">(2)</span>' in response.text


def test_search_counts_up_to_a_cap_and_says_when_more_match(client, many_matches):
    response = client.get(reverse("search"), {"q": WORD})
    operations = next(result for result in response.context["groups"] if result.group.key == "operations")
    assert (operations.total, operations.total_capped) == (5, True)
    assert len(operations.hits) == 6
    assert 'Operations and exercises <span class="meta">(more than 5)</span>' in response.text
    assert "quokka-draft" not in response.text


def test_search_runs_as_many_queries_with_more_matches_than_the_cap_as_with_none(client, many_matches):
    assert queries_for(client, reverse("search") + f"?q={WORD}") == queries_for(client, reverse("search") + "?q=zzzyzx")


def test_sitemap_lists_record_pages(client):
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    assert reverse("operations:operation_detail", args=["rubezh-2010"]) in response.text
    assert reverse("organs:state_detail", args=["kz"]) in response.text


def test_unknown_address_gets_the_helpful_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_home_timeline_and_search_queries_do_not_grow(client):
    assert_queries_do_not_grow(
        client,
        reverse("home"),
        reverse("timeline"),
        reverse("timeline") + "?area=counter-terrorism&year_from=2005",
        reverse("search") + "?q=Kanal",
        reverse("sitemap"),
    )


@pytest.mark.parametrize("group", GROUPS, ids=lambda group: group.key)
def test_search_is_served_by_the_gin_index(group):
    query = SearchQuery("peacekeeping", search_type="websearch", config=SEARCH_CONFIG)
    with connection.cursor() as cursor:
        # The tables are small enough that PostgreSQL would rather scan them, or walk the list order's index and
        # filter; forbid both to see whether the full-text index can serve the query. Drafts are not left out
        # here: on so few rows PostgreSQL would read the small partial index of published rows and recheck the text.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = group.model._default_manager.filter(search_vector=query).explain()
    index = next(index.name for index in group.model._meta.indexes if index.name.endswith("_search"))
    assert f"Bitmap Index Scan on {index}" in plan


def test_the_home_page_separates_the_latest_events_from_what_is_to_come(client):
    today = timezone.localdate()
    past = Operation.objects.create(slug="past-drill", name="Past drill", kind="exercise", start=today)
    plan = Operation.objects.create(
        slug="future-drill",
        name="Future drill",
        kind="exercise",
        status="planned",
        start=today.replace(year=today.year + 1),
    )
    page = client.get(reverse("home")).content.decode()
    latest, upcoming = page.split('id="latest-heading"')[1].split('id="upcoming-heading"')
    assert past.get_absolute_url() in latest and plan.get_absolute_url() not in latest
    assert plan.get_absolute_url() in upcoming.split("</ol>")[0]
