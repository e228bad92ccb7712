import re

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from operations.models import Meeting, Operation, Participation
from organs.models import Partner, State
from tests.growth import assert_queries_do_not_grow
from treaties.models import Instrument

pytestmark = pytest.mark.django_db

OPERATIONS = reverse("operations:operation_list")
MEETINGS = reverse("operations:meeting_list")
SIGNING = "un-csto-joint-declaration-signing-2010-03-18"


def operation_url(slug):
    return reverse("operations:operation_detail", args=[slug])


def meeting_url(slug):
    return reverse("operations:meeting_detail", args=[slug])


def listed(response):
    return [record.slug for record in response.context["object_list"]]


def section(response, heading_id):
    """The HTML of the <section> labelled by ``heading_id``."""
    html = response.content.decode()
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    assert match, heading_id
    return match.group(0)


# Operations list


def test_operation_list_shows_every_operation_in_a_table_with_the_count(client):
    response = client.get(OPERATIONS)
    assert response.status_code == 200
    assertContains(response, "<h1>Operations and exercises</h1>", html=True)
    assertContains(response, "8 operations recorded.")
    assertContains(response, '<th scope="col">Hosts</th>', html=True)
    assert listed(response)[0] == "rubezh-2010"
    assertContains(response, f'<a href="{operation_url("kanal-2003-2009")}">Kanal, 2003–2009 phases</a>', html=True)
    assertContains(response, '<time datetime="2003">2003</time> – <time datetime="2009">2009</time>')


def test_operation_list_links_hosts_and_marks_planned_operations(client):
    response = client.get(OPERATIONS)
    tajikistan = State.objects.get(iso2="TJ")
    assertContains(response, f'<a href="{tajikistan.get_absolute_url()}">Tajikistan</a>', html=True)
    assertContains(response, '<span class="badge warn">Planned</span>', html=True)
    assertContains(response, '<span class="badge warn">In preparation</span>', html=True)


def test_operation_list_shows_the_series_as_cards_linking_to_their_editions(client):
    response = client.get(OPERATIONS)
    cards = section(response, "series-heading")
    for name, slug in [("Rubezh", "rubezh"), ("Kanal", "kanal"), ("Nelegal", "nelegal"), ("PROKSI", "proksi")]:
        assert f"<h3>{name}</h3>" in cards
        assert f'<a href="{OPERATIONS}?series={slug}">All {name} operations</a>' in cards
    assert "Military exercise; every year; since" in cards
    assert '<time datetime="2004">2004</time>' in cards


def test_series_card_link_lists_the_three_nelegal_operations(client):
    response = client.get(OPERATIONS, {"series": "nelegal"})
    assert response.status_code == 200
    assert listed(response) == ["nelegal-2010", "nelegal-2009", "nelegal-2008"]
    assertContains(response, "3 operations match these filters.")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "exercise"}, ["rubezh-2010", "vzaimodeistvie-2009", "zapad-2009"]),
        ({"year": "2005"}, ["kanal-2003-2009"]),
        ({"state": "kz", "role": "host"}, ["vzaimodeistvie-2009"]),
        ({"state": "KZ"}, ["vzaimodeistvie-2009", "kanal-2003-2009"]),
        ({"area": "anti-drug"}, ["kanal-2010", "kanal-2003-2009"]),
        ({"q": "Tajikistan"}, ["rubezh-2010"]),
        ({"status": "in_preparation"}, ["nelegal-2010"]),
    ],
)
def test_operation_list_filters_narrow_the_table(client, params, expected):
    response = client.get(OPERATIONS, params)
    assert response.status_code == 200
    assert listed(response) == expected
    count = len(expected)
    assertContains(response, f"{count} operation{'s' if count > 1 else ''} match")


def test_year_filter_includes_an_operation_spanning_that_year(client):
    response = client.get(OPERATIONS, {"year": "2005"})
    assertContains(response, "Kanal, 2003–2009 phases")
    assertNotContains(response, "Rubezh-2010</a>")


def test_operation_list_orders_by_name_and_start(client):
    by_name = listed(client.get(OPERATIONS, {"ordering": "name"}))
    assert by_name[:2] == ["kanal-2003-2009", "kanal-2010"]
    assert by_name[-1] == "zapad-2009"
    assert listed(client.get(OPERATIONS, {"ordering": "-name"}))[0] == "zapad-2009"
    assert listed(client.get(OPERATIONS, {"ordering": "start"}))[0] == "kanal-2003-2009"


def test_filter_with_no_match_says_so(client):
    response = client.get(OPERATIONS, {"year": "1995"})
    assert response.status_code == 200
    assertContains(response, "No operation matches these filters.")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "abc"}, "Enter a whole number."),
        ({"series": "unknown"}, "Select a valid choice."),
        ({"role": "king"}, "Select a valid choice. king is not one of the available choices."),
        ({"state": "zz"}, "Select a valid choice."),
        ({"ordering": "budget"}, "Select a valid choice."),
        ({"q": "x" * 10_000}, "Ensure this value has at most 200 characters (it has 10000)."),
    ],
)
def test_bad_operation_filter_values_give_400_with_a_message(client, params, message):
    response = client.get(OPERATIONS, params)
    assert response.status_code == 400
    assertContains(response, message, status_code=400)
    assertContains(response, 'role="alert"', status_code=400)
    assert list(response.context["object_list"]) == []
    assertNotContains(response, "<table", status_code=400)


def test_operation_list_page_out_of_range_is_404(client):
    assert client.get(OPERATIONS, {"page": "999"}).status_code == 404


# Operation pages


def test_rubezh_2010_shows_its_month_host_and_series(client):
    response = client.get(operation_url("rubezh-2010"))
    assert response.status_code == 200
    assertContains(response, "<title>Rubezh-2010 — CSTO Portal</title>", html=True)
    assertContains(response, '<time datetime="2010-04">April 2010</time>', html=True)
    tajikistan = State.objects.get(iso2="TJ")
    hosts = section(response, "participation-heading")
    assert "<h3>Host</h3>" in hosts
    assert f'<a href="{tajikistan.get_absolute_url()}">Tajikistan</a>' in hosts
    series = section(response, "series-heading")
    assert f'href="{OPERATIONS}?series=rubezh"' in series
    assert "No other edition of the series is recorded." in series
    assertContains(response, f'<li><a href="{OPERATIONS}">Operations</a></li>', html=True)
    assertContains(response, '<li aria-current="page">Rubezh-2010</li>', html=True)


def test_an_operation_links_the_other_editions_of_its_series_but_not_itself(client):
    response = client.get(operation_url("nelegal-2009"))
    editions = section(response, "series-heading")
    assert f'<a href="{operation_url("nelegal-2008")}">Nelegal-2008</a>' in editions
    assert f'<a href="{operation_url("nelegal-2010")}">Nelegal-2010</a>' in editions
    assert operation_url("nelegal-2009") not in editions
    assert "in preparation" in editions
    assert f'<a href="{OPERATIONS}?series=nelegal">All 3 editions of Nelegal</a>' in editions
    assert client.get(operation_url("nelegal-2008")).status_code == 200


def test_a_long_series_shows_the_nearest_editions_and_links_all_of_them(client, long_series):
    response = client.get(operation_url("long-2010"))
    editions = section(response, "series-heading")
    shown = re.findall(r'<a href="/operations/(long-\d+)/">', editions)
    assert shown == ["long-2007", "long-2008", "long-2009", "long-2011", "long-2012", "long-2013"]
    assert '<li aria-current="page"><strong>Long-2010</strong>' in editions
    assert f'<a href="{OPERATIONS}?series=long">All 21 editions of Long</a>' in editions
    assert operation_url("long-2006") not in editions and operation_url("long-2014") not in editions


def test_an_operation_links_the_organ_that_ran_it(client):
    operation = Operation.objects.get(slug="nelegal-2009")
    response = client.get(operation.get_absolute_url())
    assertContains(response, f'href="{operation.run_by.get_absolute_url()}"')


def test_an_operation_links_the_forces_involved(client):
    operation = Operation.objects.get(slug="zapad-2009")
    response = client.get(operation.get_absolute_url())
    for organ in operation.forces.all():
        assertContains(response, f'href="{organ.get_absolute_url()}"')


def test_an_operation_links_its_areas_to_the_filtered_list(client):
    response = client.get(operation_url("kanal-2003-2009"))
    assertContains(response, f'<a href="{OPERATIONS}?area=anti-drug">Combating drug trafficking</a>', html=True)


def test_kanal_shows_its_figures_in_a_results_table(client):
    response = client.get(operation_url("kanal-2003-2009"))
    assert response.status_code == 200
    results = section(response, "results-heading")
    assert "Figures reported for Kanal, 2003–2009 phases</caption>" in results
    for figure in ["10.5 t", "more than 220 t", "7,688 items", "about 250,000 rounds", "13 phases"]:
        assert f'<td class="number">{figure}</td>' in results
    assert '<th scope="row">Heroin seized</th>' in results
    assert '<time datetime="2003">2003</time> – <time datetime="2009">2009</time>' in results
    assert "Part of the more than 220 tonnes of drugs seized in all." in results


def test_kanal_lists_participants_with_their_agencies(client):
    response = client.get(operation_url("kanal-2003-2009"))
    taking_part = section(response, "participation-heading")
    assert "<h3>Participants</h3>" in taking_part
    assert "drug-enforcement bodies, interior ministry (police), border police, customs" in taking_part
    assert '<a href="/member-states/ru/">Russia</a>' in taking_part


def test_kanal_lists_the_22_observer_states_and_three_organizations(client):
    kanal = Operation.objects.get(slug="kanal-2003-2009")
    response = client.get(kanal.get_absolute_url())
    taking_part = section(response, "participation-heading")
    assert "<h3>Observer states (22)</h3>" in taking_part
    observers = Participation.objects.filter(operation=kanal, role="observer", state__isnull=False)
    assert observers.count() == 22
    for participation in observers.select_related("state"):
        assert f'<a href="{participation.state.get_absolute_url()}">{participation.state.name}</a>' in taking_part
    assert "<h3>Observer organizations (3)</h3>" in taking_part
    for slug, acronym in [("osce", "OSCE"), ("interpol", "Interpol"), ("eag", "EAG")]:
        partner = Partner.objects.get(slug=slug)
        assert f'<a href="{partner.get_absolute_url()}">' in taking_part
        assert f"({acronym})</a>" in taking_part


def test_an_operation_shows_its_sources_at_the_end(client):
    response = client.get(operation_url("kanal-2003-2009"))
    html = response.content.decode()
    assert 'id="sources-heading"' in html
    assert "The Collective Security Treaty Organization: A Brief Overview" in section(response, "sources-heading")
    assert html.index('id="sources-heading"') > html.index('id="results-heading"')


def test_a_result_citing_another_place_shows_that_source_beside_it(client):
    kanal = Operation.objects.get(slug="kanal-2003-2009")
    result = kanal.results.get(metric="heroin seized")
    citation = result.citations.get()
    citation.locator = "Table of seizures"
    citation.save()
    results = section(client.get(kanal.get_absolute_url()), "results-heading")
    assert "Table of seizures" in results


def test_an_operation_page_has_one_h1_and_a_description(client):
    response = client.get(operation_url("kanal-2003-2009"))
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert '<meta name="description" content="The thirteen phases of the Kanal anti-drug operation' in html


def test_unknown_operation_is_404(client):
    assert client.get(operation_url("no-such-operation")).status_code == 404


# Meetings


def test_meeting_list_shows_date_title_place_and_host(client):
    response = client.get(MEETINGS)
    assert response.status_code == 200
    assertContains(response, f"{Meeting.objects.count()} meetings recorded.")
    assertContains(
        response,
        f'<a href="{meeting_url(SIGNING)}">Signing of the joint declaration on co-operation between the UN and CSTO '
        "secretariats</a>",
        html=True,
    )
    assertContains(response, '<time datetime="2010-03-18">18 March 2010</time>', html=True)
    assertContains(response, '<td><a href="/places/moscow/">Moscow</a></td>', html=True)
    assertContains(response, '<a href="/member-states/ru/">Russia</a>', html=True)
    assertContains(response, '<span class="badge warn">Planned</span>', html=True)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "signing"}, [SIGNING]),
        ({"year": "2005"}, ["ccs-session-2005-06-23", "cssc-meeting-2005-06-22"]),
        ({"state": "gb"}, ["osce-permanent-representatives-informal-meeting-2010-04"]),
        ({"partner": "un-secretariat"}, [SIGNING]),
        ({"q": "Bishkek"}, ["bishkek-kyrgyzstan-crisis-meeting-2010-04"]),
    ],
)
def test_meeting_list_filters_narrow_the_table(client, params, expected):
    response = client.get(MEETINGS, params)
    assert response.status_code == 200
    assert listed(response) == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "abc"}, "Enter a whole number."),
        ({"partner": "unknown"}, "Select a valid choice."),
        ({"kind": "party"}, "Select a valid choice."),
        ({"q": "x" * 10_000}, "at most 200 characters"),
    ],
)
def test_bad_meeting_filter_values_give_400_with_a_message(client, params, message):
    response = client.get(MEETINGS, params)
    assert response.status_code == 400
    assertContains(response, message, status_code=400)


def test_meeting_list_page_out_of_range_is_404(client):
    assert client.get(MEETINGS, {"page": "999"}).status_code == 404


def test_un_csto_signing_shows_the_two_secretaries_general_and_links_the_declaration(client):
    response = client.get(meeting_url(SIGNING))
    assert response.status_code == 200
    assertContains(response, '<time datetime="2010-03-18">18 March 2010</time>', html=True)
    assertContains(response, '<li><a href="/people/ban-ki-moon/">Ban Ki Moon</a></li>', html=True)
    assertContains(response, '<li><a href="/people/nikolai-bordyuzha/">Nikolai Bordyuzha</a></li>', html=True)
    declaration = Instrument.objects.get(slug="un-csto-secretariats-joint-declaration")
    documents = section(response, "instruments-heading")
    assert f'<a href="{declaration.get_absolute_url()}">{declaration.title}</a>' in documents
    assertContains(response, '<a href="/partners/un-secretariat/">United Nations Secretariat</a>', html=True)
    assertContains(response, '<a href="/organs/secretariat/">Secretariat</a>', html=True)
    assertContains(response, '<dd><a href="/places/moscow/">Moscow</a> (Russia)</dd>', html=True)
    assertContains(response, "The CSTO and the United Nations: Dates and Facts")
    assertContains(response, f'<li><a href="{MEETINGS}">Meetings</a></li>', html=True)


def test_a_meeting_lists_the_states_represented(client):
    response = client.get(meeting_url("osce-permanent-representatives-informal-meeting-2010-04"))
    for iso2 in ["US", "GB", "FR", "IT", "TR", "GR", "UA", "AF", "LT"]:
        state = State.objects.get(iso2=iso2)
        assertContains(response, f'<a href="{state.get_absolute_url()}">{state.name}</a>', html=True)


def test_unknown_meeting_is_404(client):
    assert client.get(meeting_url("no-such-meeting")).status_code == 404


# Query counts


def test_operation_lists_run_a_fixed_number_of_queries(client):
    assert_queries_do_not_grow(
        client,
        OPERATIONS,
        f"{OPERATIONS}?state=kz&role=host",
        f"{OPERATIONS}?year=2009&area=contemporary-threats&ordering=name&q=a",
    )


def test_operation_page_queries_and_size_do_not_grow_with_its_series(after_long_series_grows):
    response = after_long_series_grows(operation_url("long-2010"))
    assertContains(response, "All 1,981 editions of Long")


def test_operation_page_runs_a_fixed_number_of_queries(client):
    # Kanal already has participations, results and their citations, so every prefetch runs before and after.
    assert_queries_do_not_grow(client, operation_url("kanal-2003-2009"))


def test_meeting_list_runs_a_fixed_number_of_queries(client):
    assert_queries_do_not_grow(client, MEETINGS, f"{MEETINGS}?state=ru&year=2010&partner=osce")


def test_meeting_page_runs_a_fixed_number_of_queries(client):
    assert_queries_do_not_grow(client, meeting_url(SIGNING), meeting_url("osce-pa-session-2009-02-19"))
