from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils.html import escape

from csto_portal.related import RECENT
from operations.models import Operation, Series
from organs.models import Organ, Partner, State
from tests.growth import add_editions, assert_queries_do_not_grow, grow_dataset

pytestmark = pytest.mark.django_db

SIGNING = "un-csto-joint-declaration-signing-2010-03-18"
SEVEN_MEMBERS_2010 = ["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan", "Uzbekistan"]


class ChartParser(HTMLParser):
    """Reads nested ``org-chart`` lists: each node's link, the link of the node it is nested in, and the order."""

    def __init__(self):
        super().__init__()
        self.parent_of = {}
        self.order = []
        self.chart_depth = 0
        self.items = []  # the href of each open <li> of a chart, or None until its node link is read
        self.in_node = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "ul" and ("org-chart" in classes or self.chart_depth):
            self.chart_depth += 1
        elif tag == "li" and self.chart_depth:
            self.items.append(None)
        elif tag == "div" and "org-node" in classes:
            self.in_node = True
        elif tag == "a" and self.in_node and self.items[-1] is None:
            href = attrs["href"]
            self.items[-1] = href
            self.order.append(href)
            self.parent_of[href] = self.items[-2] if len(self.items) > 1 else None

    def handle_endtag(self, tag):
        if tag == "ul" and self.chart_depth:
            self.chart_depth -= 1
        elif tag == "li" and self.chart_depth:
            self.items.pop()
        elif tag == "div":
            self.in_node = False


def read_chart(response) -> ChartParser:
    parser = ChartParser()
    parser.feed(response.content.decode())
    return parser


def organ_url(slug):
    return reverse("organs:organ_detail", args=[slug])


def state_url(code):
    return reverse("organs:state_detail", args=[code])


def partner_url(slug):
    return reverse("organs:partner_detail", args=[slug])


# The structure chart and the list of organs


def test_chart_puts_the_council_on_collective_security_at_its_top(client):
    chart = read_chart(client.get(reverse("organs:organ_list")))
    ccs = organ_url("collective-security-council")
    assert chart.order[0] == ccs
    assert chart.parent_of[ccs] is None


def test_chart_nests_the_joint_staff_beneath_the_council_of_defence_ministers(client):
    response = client.get(reverse("organs:organ_list"))
    chart = read_chart(response)
    assert chart.parent_of[organ_url("joint-staff")] == organ_url("council-of-defence-ministers")
    assert "works under the CMD" in response.content.decode()


def test_chart_places_organs_by_their_relations_read_child_to_parent(client):
    chart = read_chart(client.get(reverse("organs:organ_list")))
    ccs = organ_url("collective-security-council")
    assert chart.parent_of[organ_url("permanent-council")] == ccs
    assert chart.parent_of[organ_url("secretary-general")] == ccs
    assert chart.parent_of[organ_url("department-challenges-and-threats")] == organ_url("secretariat")
    assert chart.parent_of[organ_url("collective-peacekeeping-forces")] == organ_url("peacekeeping-forces")


def test_chart_puts_the_body_headed_beneath_its_head(client):
    chart = read_chart(client.get(reverse("organs:organ_list")))
    assert chart.parent_of[organ_url("secretariat")] == organ_url("secretary-general")


def test_chart_puts_a_body_without_relations_beneath_the_organ_whose_decision_set_it_up(client):
    response = client.get(reverse("organs:organ_list"))
    chart = read_chart(response)
    commission = organ_url("interstate-commission-military-economic-cooperation")
    assert chart.parent_of[commission] == organ_url("collective-security-council")
    assert "set up by decision of the CCS" in response.content.decode()


def test_chart_lists_every_organ_once_and_unlinked_ones_at_the_top_level(client):
    chart = read_chart(client.get(reverse("organs:organ_list")))
    assert sorted(chart.order) == sorted(organ.get_absolute_url() for organ in Organ.objects.all())
    for slug in ("council-of-foreign-ministers", "parliamentary-assembly", "collective-rapid-reaction-forces"):
        assert chart.parent_of[organ_url(slug)] is None


def test_chart_nodes_show_acronym_and_kind(client):
    content = client.get(reverse("organs:organ_list")).content.decode()
    assert "Council on Collective Security (CCS)</a>" in content
    assert '<span class="relation">Supreme body</span>' in content
    assert "<h3" in content and "Collective forces</h3>" in content


def test_organ_table_lists_every_organ_with_its_establishment(client):
    response = client.get(reverse("organs:organ_list"))
    content = response.content.decode()
    assert len(response.context["object_list"]) == Organ.objects.count()
    assert '<th scope="row"><a href="' + organ_url("joint-staff") + '">Joint Staff</a></th>' in content
    assert '<time datetime="2005-06-23">23 June 2005</time>' in content


def test_organ_table_narrows_by_kind_while_the_chart_stays_whole(client):
    response = client.get(reverse("organs:organ_list"), {"kind": "forces"})
    assert response.status_code == 200
    assert {organ.slug for organ in response.context["object_list"]} == {
        "collective-peacekeeping-forces",
        "collective-rapid-reaction-forces",
        "peacekeeping-forces",
    }
    assert len(read_chart(response).order) == Organ.objects.count()


@pytest.mark.parametrize("params", [{"kind": "committee"}, {"q": "x" * 10_000}])
def test_organ_list_refuses_bad_filters_with_400(client, params):
    response = client.get(reverse("organs:organ_list"), params)
    assert response.status_code == 400
    assert "form-errors" in response.content.decode()


# An organ's page


def test_interstate_commission_page_shows_its_founding_date_and_decision(client):
    response = client.get(organ_url("interstate-commission-military-economic-cooperation"))
    content = response.content.decode()
    assert response.status_code == 200
    assert '<time datetime="2005-06-23">23 June 2005</time>' in content
    assert reverse("treaties:instrument_detail", args=["decision-interstate-commission-military-economic"]) in content
    assert organ_url("collective-security-council") in content


# The list of member states


def test_state_list_shows_the_seven_2010_members_and_todays_standing(client):
    response = client.get(reverse("organs:state_list"))
    content = response.content.decode()
    assert response.status_code == 200
    for name in SEVEN_MEMBERS_2010:
        assert f">{name}</a></th>" in content
    rows = {row["state"].iso2: row for row in response.context["rows"]}
    assert [period.status for period in rows["AM"]["standing"]] == ["frozen"]
    assert [period.status for period in rows["UZ"]["standing"]] == ["suspended"]
    assert "member, participation frozen" in content
    assert "membership suspended" in content


def test_state_list_gives_first_joined_and_end_of_membership(client):
    rows = {row["state"].iso2: row for row in client.get(reverse("organs:state_list")).context["rows"]}
    assert str(rows["GE"]["joined"]) == "9 December 1993"
    assert str(rows["GE"]["left"]) == "2 April 1999"
    assert str(rows["RU"]["joined"]) == "15 May 1992"
    assert rows["RU"]["left"] is None
    assert rows["AM"]["left"] is None


def test_state_list_leaves_out_states_that_never_had_a_membership_period(client):
    response = client.get(reverse("organs:state_list"))
    codes = {state.iso2 for state in response.context["object_list"]}
    assert "DE" not in codes and "US" not in codes
    assert "RS" in codes
    assert client.get(state_url("de")).status_code == 200


def test_state_list_as_of_2011_shows_the_seven_members_of_that_day(client):
    response = client.get(reverse("organs:state_list"), {"as_of": "2011-01-01"})
    assert response.status_code == 200
    names = sorted(state.name for state in response.context["object_list"])
    assert names == SEVEN_MEMBERS_2010
    rows = {row["state"].iso2: row for row in response.context["rows"]}
    assert [period.status for period in rows["UZ"]["standing"]] == ["member"]
    assert [period.status for period in rows["AM"]["standing"]] == ["member"]
    assert '<time datetime="2011-01-01">1 January 2011</time>' in response.content.decode()


def test_state_list_with_an_impossible_date_is_400_with_a_message(client):
    response = client.get(reverse("organs:state_list"), {"as_of": "notadate"})
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()
    assert not response.context["object_list"]


@pytest.mark.parametrize("params", [{"status": "emperor"}, {"q": "x" * 10_000}, {"as_of": "2011-02-30"}])
def test_state_list_refuses_bad_filters_with_400(client, params):
    assert client.get(reverse("organs:state_list"), params).status_code == 400


def test_state_list_filters_by_status(client):
    response = client.get(reverse("organs:state_list"), {"status": "withdrawn"})
    assert sorted(state.iso2 for state in response.context["object_list"]) == ["AZ", "GE"]


# A state's page


def test_georgia_page_shows_its_accession_and_the_disputed_date(client):
    response = client.get(state_url("ge"))
    content = response.content.decode()
    assert response.status_code == 200
    assert '<time datetime="1993-12-09">9 December 1993</time>' in content
    assert "On start: gives 1993-09-09 (not followed)." in content
    assert "Withdrawn — the Organization" in content


def test_serbia_page_shows_it_observes_the_parliamentary_assembly_only(client):
    content = client.get(state_url("rs")).content.decode()
    assert "Observer — Parliamentary Assembly of the CSTO" in content
    assert organ_url("parliamentary-assembly") in content
    assert "Member — the Organization" not in content


def test_kazakhstan_page_lists_vzaimodeistvie_2009_as_hosted(client):
    response = client.get(state_url("kz"))
    label, hosted = response.context["operations_by_role"][0]
    assert label == "Hosted"
    assert "vzaimodeistvie-2009" in [participation.operation.slug for participation in hosted.rows]
    content = response.content.decode()
    hosted_section = content.split("<h3>Hosted ")[1].split("</ul>")[0]
    assert reverse("operations:operation_detail", args=["vzaimodeistvie-2009"]) in hosted_section


def test_uzbekistan_page_shows_each_period_with_requested_date_and_end_cause(client):
    content = client.get(state_url("uz")).content.decode()
    # A member from 1992 to 1999 and again from 2006 until the 2012 suspension.
    assert content.count("Member — the Organization") == 2
    assert "Membership suspended — the Organization" in content
    assert '<dt>Requested</dt><dd><time datetime="2012-06">June 2012</time></dd>' in content
    assert "Suspended at its own request" in content
    assert reverse("treaties:instrument_detail", args=["collective-security-treaty"]) in content


def test_russia_page_lists_people_of_its_nationality(client):
    response = client.get(state_url("ru"))
    people = [person.name for person in response.context["state"].people.all()]
    assert "Nikolai Bordyuzha" in people
    assert "Nikolai Bordyuzha" in response.content.decode()


@pytest.mark.parametrize("code", ["KZ", "Kz", "kZ"])
def test_state_code_in_another_case_redirects_permanently_to_lower_case(client, code):
    response = client.get(state_url(code))
    assert response.status_code == 301
    assert response["Location"] == state_url("kz")


@pytest.mark.parametrize("code", ["xx", "XX", "kaz", "k"])
def test_unknown_state_code_is_404(client, code):
    assert client.get(state_url(code)).status_code == 404


# Partner organizations


def test_partner_list_nests_bodies_under_their_organization(client):
    response = client.get(reverse("organs:partner_list"))
    chart = read_chart(response)
    osce = partner_url("osce")
    assert chart.parent_of[osce] is None
    assert chart.parent_of[partner_url("osce-conflict-prevention-centre")] == osce
    assert chart.parent_of[partner_url("un-counter-terrorism-committee")] == partner_url("un-security-council")
    assert sorted(chart.order) == sorted(partner.get_absolute_url() for partner in Partner.objects.all())


def test_partner_list_filtered_by_kind_is_flat_and_names_each_parent(client):
    response = client.get(reverse("organs:partner_list"), {"kind": "body"})
    content = response.content.decode()
    assert response.status_code == 200
    assert {partner.slug for partner in response.context["object_list"]} == set(
        Partner.objects.filter(kind="body").values_list("slug", flat=True)
    )
    assert '<td><a href="' + partner_url("un") + '">United Nations (UN)</a></td>' in content


@pytest.mark.parametrize("params", [{"kind": "alliance"}, {"q": "x" * 10_000}])
def test_partner_list_refuses_bad_filters_with_400(client, params):
    assert client.get(reverse("organs:partner_list"), params).status_code == 400


def test_osce_page_lists_its_bodies_and_kanal_observation(client):
    response = client.get(partner_url("osce"))
    content = response.content.decode()
    assert response.status_code == 200
    assert partner_url("osce-conflict-prevention-centre") in content
    assert partner_url("osce-forum-for-security-cooperation") in content
    observed = content.split("<h3>Observed</h3>")[1].split("</ul>")[0]
    assert reverse("operations:operation_detail", args=["kanal-2003-2009"]) in observed
    assert reverse("operations:meeting_detail", args=["osce-police-experts-meeting-2010-05-20"]) in content


# What the lists and records' pages have in common


@pytest.mark.parametrize("url_name", ["organs:organ_list", "organs:state_list", "organs:partner_list"])
def test_list_page_out_of_range_is_404(client, url_name):
    assert client.get(reverse(url_name), {"page": 999}).status_code == 404


@pytest.mark.parametrize("url", [organ_url("no-such-organ"), partner_url("no-such-partner")], ids=["organ", "partner"])
def test_unknown_record_is_404(client, url):
    assert client.get(url).status_code == 404


def instrument_url(slug):
    return reverse("treaties:instrument_detail", args=[slug])


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        # The Council on Collective Security lists the bodies its decisions set up, and its instruments.
        (organ_url("collective-security-council"), "Bodies set up by its decisions"),
        (organ_url("collective-security-council"), organ_url("interstate-commission-military-economic-cooperation")),
        (organ_url("collective-security-council"), instrument_url("action-plan-illegal-migration")),
        (organ_url("collective-security-council"), "approved <time"),
        # The Secretariat shows its relations both ways, and its meetings.
        (organ_url("secretariat"), organ_url("secretary-general")),
        (organ_url("secretariat"), organ_url("department-challenges-and-threats")),
        (organ_url("secretariat"), "<td>heads</td>"),
        (organ_url("secretariat"), "<td>part of</td>"),
        (organ_url("secretariat"), reverse("operations:meeting_detail", args=[SIGNING])),
        # The Secretary-General's page shows the holders of the post, with their tenures.
        (organ_url("secretary-general"), "Secretary-General of the CSTO</h3>"),
        (organ_url("secretary-general"), "Nikolai Bordyuzha"),
        (
            organ_url("secretary-general"),
            '<time datetime="2003">2003</time> – <time datetime="2016-12-31">31 December 2016</time>',
        ),
        # The council on illegal migration lists the series it runs.
        (organ_url("coordinating-council-illegal-migration"), "Nelegal series"),
        (organ_url("coordinating-council-illegal-migration"), "/operations/"),
        # The Parliamentary Assembly lists its observers.
        (organ_url("parliamentary-assembly"), state_url("rs")),
        (organ_url("parliamentary-assembly"), "observer"),
        # An organ's page ends with its sources.
        (organ_url("joint-staff"), "Sources</h2>"),
        (organ_url("joint-staff"), "Permanent Organs of the Organization"),
        # Kazakhstan's page shows its chairmanships and the meetings it hosted.
        (state_url("kz"), "Chairmanships</h2>"),
        (state_url("kz"), '<time datetime="2011-12-20">20 December 2011</time>'),
        (
            state_url("kz"),
            reverse("operations:meeting_detail", args=["osce-ministerial-council-informal-almaty-2010-07"]),
        ),
        # A state's page lists instruments with the state's own steps.
        (state_url("ge"), instrument_url("collective-security-treaty")),
        (state_url("ge"), 'Acceded <time datetime="1993-12-09">9 December 1993</time>'),
        # The UN General Assembly's page lists its resolutions and the organization it belongs to.
        (partner_url("un-general-assembly"), instrument_url("un-ga-resolution-un-csto-cooperation")),
        (partner_url("un-general-assembly"), instrument_url("un-ga-resolution-observer-status")),
        (partner_url("un-general-assembly"), 'adopted <time datetime="2004-12-02">2 December 2004</time>'),
        (partner_url("un-general-assembly"), partner_url("un")),
        # A partner's page shows its posts and their holders.
        (partner_url("osce-conflict-prevention-centre"), "Director of the OSCE Conflict Prevention Centre</h3>"),
        (partner_url("osce-conflict-prevention-centre"), "Herbert Salber"),
    ],
)
def test_record_page_shows(client, url, fragment):
    assert fragment in client.get(url).content.decode()


# Related lists: the most recent few, their count, and a link to the public list of them all


def related_lists(response):
    """Every bounded list of related records an organ's or a state's page shows."""
    context = response.context
    if "operations_by_role" in context:
        return [lists for _label, lists in context["operations_by_role"]] + [
            context["meetings"],
            context["instruments"],
        ]
    lists = [context["instruments"], context["operations_run"], context["operations_involved_in"], context["meetings"]]
    return lists + [editions for _series, editions in context["series"]]


def record_of(row):
    """The record a row stands for: a participation's operation, an instrument table row's instrument."""
    return row["instrument"] if isinstance(row, dict) else getattr(row, "operation", row)


def assert_related_lists_are_bounded_and_link_to_them_all(client, url):
    response = client.get(url)
    content = response.content.decode()
    for shown in related_lists(response):
        assert len(shown.rows) == min(shown.total, RECENT)
        full = client.get(shown.url)
        assert full.context["paginator"].count == shown.total, shown.url
        # The page shows the first rows of the list its link opens, in that list's order.
        assert list(full.context["object_list"][: len(shown.rows)]) == [record_of(row) for row in shown.rows]
        if shown.more:
            assert f'href="{escape(shown.url)}"' in content


def test_a_long_series_shows_its_newest_editions_its_count_and_a_link_to_them_all(client):
    nelegal = Series.objects.get(slug="nelegal")
    add_editions(nelegal, range(2011, 2011 + 2 * RECENT))
    response = client.get(organ_url("coordinating-council-illegal-migration"))
    [editions] = [editions for series, editions in response.context["series"] if series == nelegal]
    # Nelegal-2008, -2009 and -2010 of the dataset, and the editions added here.
    assert editions.total == Operation.objects.filter(series=nelegal).count() == 3 + 2 * RECENT
    assert [operation.name for operation in editions.rows] == [f"Nelegal-{year}" for year in range(2030, 2020, -1)]
    content = response.content.decode()
    assert f"The {RECENT} most recent of {editions.total}" in content
    assert f'href="{reverse("operations:operation_list")}?series=nelegal"' in content
    assert "Nelegal-2020" not in content


def test_drafts_are_neither_shown_nor_counted_in_related_lists(client):
    nelegal = Series.objects.get(slug="nelegal")
    Operation.all_objects.create(
        slug="nelegal-2031-draft", name="Nelegal-2031", series=nelegal, kind=nelegal.kind, start="2031", draft=True
    )
    response = client.get(organ_url("coordinating-council-illegal-migration"))
    [editions] = [editions for series, editions in response.context["series"] if series == nelegal]
    assert editions.total == Operation.objects.filter(series=nelegal).count() == 3, "Nelegal-2008, -2009 and -2010"
    assert "Nelegal-2031" not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        organ_url("collective-security-council"),
        organ_url("coordinating-council-illegal-migration"),
        organ_url("collective-rapid-reaction-forces"),
        state_url("kz"),
        state_url("ru"),
    ],
)
def test_related_lists_show_at_most_the_recent_few_and_link_to_a_list_of_them_all(client, url):
    assert_related_lists_are_bounded_and_link_to_them_all(client, url)
    grow_dataset()
    assert_related_lists_are_bounded_and_link_to_them_all(client, url)


def rows_in_related_sections(client, url) -> int:
    """The list items and table rows of a page's operations, meetings and instruments sections."""
    content = client.get(url).content.decode()
    sections = [
        section.split("</section>")[0]
        for name in ("operations", "meetings", "instruments")
        for section in content.split(f'aria-labelledby="{name}-heading"')[1:]
    ]
    return sum(section.count("<li") + section.count("<tr") for section in sections)


def test_rows_shown_on_organ_and_state_pages_do_not_grow_with_the_data(client):
    urls = [organ_url("collective-security-council"), state_url("kz"), state_url("aa")]
    grow_dataset()  # past the bound, where there is one
    before = {url: rows_in_related_sections(client, url) for url in urls}
    assert all(before.values())
    grow_dataset()
    assert {url: rows_in_related_sections(client, url) for url in urls} == before


# Query counts


def test_list_pages_run_a_fixed_number_of_queries(client):
    assert_queries_do_not_grow(
        client,
        reverse("organs:organ_list"),
        reverse("organs:state_list"),
        reverse("organs:state_list") + "?as_of=2011-01-01",
        reverse("organs:partner_list"),
        reverse("organs:partner_list") + "?kind=body",
    )


def test_detail_pages_run_a_fixed_number_of_queries(client):
    assert_queries_do_not_grow(
        client,
        organ_url("collective-security-council"),
        organ_url("secretariat"),
        organ_url("coordinating-council-illegal-migration"),
        state_url("ru"),
        state_url("kz"),
        state_url("uz"),
        partner_url("osce"),
        partner_url("un-general-assembly"),
    )


def test_every_member_state_page_renders(client):
    for state in State.objects.member_states():
        assert client.get(state.get_absolute_url()).status_code == 200
