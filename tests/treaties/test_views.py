import re

import pytest
from django.urls import reverse

from operations.models import Meeting
from organs.models import Organ, Partner
from tests.growth import assert_queries_do_not_grow
from tests.helpers import assert_shows
from treaties.models import Instrument

# Rows on a page of the site's lists (csto_portal.lists.FilteredListView.paginate_by).
PAGE_SIZE = 25

pytestmark = pytest.mark.django_db


def detail(slug):
    return reverse("treaties:instrument_detail", args=[slug])


def table_row(html, text):
    """The <tr> of a table that contains ``text``."""
    rows = [row for row in re.findall(r"<tr>.*?</tr>", html, flags=re.S) if text in row]
    assert len(rows) == 1, f"{len(rows)} rows contain {text!r}"
    return rows[0]


def listed(response):
    return [instrument.slug for instrument in response.context["object_list"]]


# The list


def test_instrument_list_shows_a_table_of_instruments_with_their_first_dated_event(client):
    response = client.get(reverse("treaties:instrument_list"))
    assert response.status_code == 200
    text = response.text
    assert_shows(text, "<h1>Treaties and other instruments</h1>", f"{Instrument.objects.count()} instruments.")
    row = table_row(text, "Agreement on Peacekeeping Activities")
    assert f'href="{detail("agreement-peacekeeping-activities")}"' in row
    assert "Agreement" in row and "In force" in row
    assert 'signed <time datetime="2007-10-06">6 October 2007</time>' in row
    assert f'href="{reverse("treaties:instrument_list")}?area=peacekeeping"' in row
    assert '<form class="filters"' in text


def test_instrument_list_links_the_adopting_organ_or_partner_body(client):
    text = client.get(reverse("treaties:instrument_list"), {"kind": "resolution"}).text
    assembly = Partner.objects.get(slug="un-general-assembly")
    row = table_row(text, "Resolution conferring observer status")
    assert f'href="{assembly.get_absolute_url()}">United Nations General Assembly</a>' in row
    assert 'adopted <time datetime="2004-12-02">2 December 2004</time>' in row

    text = client.get(reverse("treaties:instrument_list"), {"q": "Interstate Commission"}).text
    council = Organ.objects.get(slug="collective-security-council")
    assert f'href="{council.get_absolute_url()}">Council on Collective Security</a>' in text


def test_instrument_list_is_newest_first_by_default_and_paginated(client):
    first = client.get(reverse("treaties:instrument_list"))
    assert listed(first)[0] == "cmfa-declaration-2010-03-25"
    assert len(listed(first)) == PAGE_SIZE < Instrument.objects.count()
    second = client.get(reverse("treaties:instrument_list"), {"page": 2})
    assert second.status_code == 200
    assert "un-global-counter-terrorism-strategy" in listed(second)  # undated, so at the end
    assert "not dated" in second.text
    assert "match these filters" not in second.text


def test_kind_filter_lists_exactly_the_two_general_assembly_resolutions(client):
    response = client.get(reverse("treaties:instrument_list"), {"kind": "resolution"})
    assert response.status_code == 200
    assert set(listed(response)) == {"un-ga-resolution-observer-status", "un-ga-resolution-un-csto-cooperation"}
    assert "2 instruments match these filters." in response.text


def test_adopted_by_filter_lists_the_general_assembly_resolutions(client):
    response = client.get(reverse("treaties:instrument_list"), {"adopted_by": "un-general-assembly"})
    assert set(listed(response)) == {"un-ga-resolution-observer-status", "un-ga-resolution-un-csto-cooperation"}


def test_year_filter_keeps_the_peacekeeping_agreement_and_not_the_charter(client):
    response = client.get(reverse("treaties:instrument_list"), {"year_from": 2009, "year_to": 2009})
    assert "agreement-peacekeeping-activities" in listed(response)
    assert "csto-charter" not in listed(response)


def test_area_filter_lists_counter_terrorism_instruments(client):
    response = client.get(reverse("treaties:instrument_list"), {"area": "counter-terrorism"})
    assert set(listed(response)) == {
        "agreement-counter-terrorism-equipment",
        "agreement-counter-terrorism-personnel-training",
        "collective-action-plan-un-counter-terrorism-strategy",
        "decision-working-group-terrorism",
        "list-of-terrorist-extremist-organizations",
        "un-global-counter-terrorism-strategy",
    }


def test_state_filter_lists_what_belarus_is_party_to(client):
    response = client.get(reverse("treaties:instrument_list"), {"state": "by"})
    assert set(listed(response)) == {"collective-security-treaty", "csto-charter"}
    assert "2 instruments match these filters." in response.text


def test_text_filter_finds_the_peacekeeping_agreement(client):
    response = client.get(reverse("treaties:instrument_list"), {"q": "peacekeeping"})
    assert listed(response) == ["agreement-peacekeeping-activities"]
    assert "1 instrument matches these filters." in response.text


def test_ordering_by_title(client):
    response = client.get(reverse("treaties:instrument_list"), {"ordering": "title"})
    assert listed(response)[0] == "action-plan-illegal-migration"
    assert response.context["filter"].form["ordering"].value() == ["title"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year_from": "abc"}, "Enter a whole number."),
        ({"kind": "nonsense"}, "nonsense is not one of the available choices"),
        ({"adopted_by": "unknown-body"}, "unknown-body is not one of the available choices"),
        ({"state": "zz"}, "not one of the available choices"),
        ({"q": "x" * 10_000}, "Ensure this value has at most 200 characters"),
        ({"ordering": "popularity"}, "popularity is not one of the available choices"),
    ],
)
def test_bad_filter_values_answer_400_with_a_message(client, params, message):
    response = client.get(reverse("treaties:instrument_list"), params)
    assert response.status_code == 400
    assert "could not be used" in response.text
    assert message in response.text
    assert list(response.context["object_list"]) == []


def test_a_page_beyond_the_end_is_not_found(client):
    assert client.get(reverse("treaties:instrument_list"), {"page": 999}).status_code == 404


# The detail page


def test_collective_security_treaty_page_gives_its_dates_in_order(client):
    response = client.get(detail("collective-security-treaty"))
    assert response.status_code == 200
    text = response.text
    assert_shows(
        text,
        "<h1>Collective Security Treaty</h1>",
        "<title>Collective Security Treaty — CSTO Portal</title>",
        '<span class="badge">Treaty</span>',
        '<span class="badge">In force</span>',
        '<time datetime="1992-05-15">15 May 1992</time> Signed in Tashkent.',
        '<time datetime="1995-11-01">1 November 1995</time> Registered with the UN Secretariat.',
    )
    events = [event.occurred.date for event in response.context["instrument"].whole_events]
    assert events == sorted(events)
    assert text.index("15 May 1992") < text.index("20 April 1994") < text.index("1 November 1995")
    assert f'<li><a href="{reverse("treaties:instrument_list")}">Treaties</a></li>' in text
    assert '<li aria-current="page">Treaty of 1992</li>' in text


def test_collective_security_treaty_parties_show_who_withdrew_and_their_own_steps(client):
    text = client.get(detail("collective-security-treaty")).text
    azerbaijan = table_row(text, "Azerbaijan")
    assert 'href="/member-states/az/"' in azerbaijan
    assert "Withdrawn" in azerbaijan
    assert 'Acceded <time datetime="1993-09-24">24 September 1993</time>' in azerbaijan
    assert 'Withdrew <time datetime="1999-04-02">2 April 1999</time>' in azerbaijan
    assert azerbaijan.index("24 September 1993") < azerbaijan.index("2 April 1999")
    georgia = table_row(text, "Georgia")
    assert "Withdrawn" in georgia
    assert "Withdrawn" not in table_row(text, "Kazakhstan")
    assert 'Acceded <time datetime="1993-12-31">31 December 1993</time>' in table_row(text, "Belarus")


def test_the_disputed_georgian_accession_date_shows_both_sources(client):
    georgia = table_row(client.get(detail("collective-security-treaty")).text, "Georgia")
    assert 'Acceded <time datetime="1993-12-09">9 December 1993</time>' in georgia
    assert "gives 1993-12-09, followed here" in georgia
    assert "gives 1993-09-09, not followed here" in georgia
    assert "International Military Alliances, 1648–2008" in georgia


def test_detail_page_ends_with_the_instruments_sources(client):
    text = client.get(detail("collective-security-treaty")).text
    sources = text[text.index('<section class="sources"') :]
    assert "The Collective Security Treaty Organization: A Brief Overview" in sources
    assert "The CSTO and the United Nations: Dates and Facts" in sources


def test_peacekeeping_agreement_page_shows_its_three_dates(client):
    response = client.get(detail("agreement-peacekeeping-activities"))
    assert response.status_code == 200
    assert_shows(
        response.text,
        '<time datetime="2007-10-06">6 October 2007</time> Signed.',
        '<time datetime="2009-01-15">15 January 2009</time> Entered into force.',
        '<time datetime="2009-11-30">30 November 2009</time> Registered with the UN Secretariat.',
        "Peacekeeping Activities",  # the locator of the event's source
        "No parties are recorded.",
    )


def test_related_instruments_read_both_ways(client):
    charter = client.get(detail("csto-charter")).text
    assert f'Implements: <a href="{detail("decision-establishing-csto")}">' in charter
    assert f'Supplemented by: <a href="{detail("agreement-legal-status-csto")}">' in charter
    decision = client.get(detail("decision-establishing-csto")).text
    assert f'Implemented by: <a href="{detail("csto-charter")}">' in decision
    assert f'Supplements: <a href="{detail("collective-security-treaty")}">' in decision


def test_decision_page_links_its_adopter_the_organ_it_established_and_its_meeting(client):
    response = client.get(detail("decision-interstate-commission-military-economic"))
    text = response.text
    council = Organ.objects.get(slug="collective-security-council")
    commission = Organ.objects.get(slug="interstate-commission-military-economic-cooperation")
    meeting = Meeting.objects.get(slug="ccs-session-2005-06-23")
    assert f'<a href="{council.get_absolute_url()}">Council on Collective Security</a>' in text
    assert '<h2 id="organs">Organs it established</h2>' in text
    assert f'href="{commission.get_absolute_url()}"' in text
    assert f'href="{meeting.get_absolute_url()}"' in text
    assert f'href="{reverse("treaties:instrument_list")}?area=military-economic-cooperation"' in text


def test_resolution_page_links_the_general_assembly(client):
    text = client.get(detail("un-ga-resolution-observer-status")).text
    assembly = Partner.objects.get(slug="un-general-assembly")
    assert f'<a href="{assembly.get_absolute_url()}">United Nations General Assembly</a>' in text
    assert '<time datetime="2004-12-02">2 December 2004</time> Adopted.' in text


def test_undated_instrument_says_so(client):
    text = client.get(detail("un-global-counter-terrorism-strategy")).text
    assert "The sources give no date for this instrument as a whole." in text


def test_unknown_instrument_is_not_found(client):
    assert client.get(detail("no-such-instrument")).status_code == 404


# Query counts


def test_list_queries_do_not_grow_with_the_data(client):
    list_url = reverse("treaties:instrument_list")
    assert_queries_do_not_grow(
        client,
        list_url,
        f"{list_url}?adopted_by=collective-security-council&year_from=1995&year_to=2030&ordering=-date",
        f"{list_url}?state=ru&kind=treaty&q=treaty&ordering=title",
        f"{list_url}?area=counter-terrorism&status=in_force&ordering=date",
    )


def test_detail_queries_do_not_grow_with_the_data(client):
    # The Treaty has every kind of related row (events of the whole and of states, parties, relations, citations).
    assert_queries_do_not_grow(client, detail("collective-security-treaty"))
