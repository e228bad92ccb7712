import csv
import datetime
import io
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from csto_portal.related import RECENT
from organs.models import Organ, Partner, Person, State
from tests.growth import assert_queries_do_not_grow, grow_dataset
from tests.helpers import cited

pytestmark = pytest.mark.django_db

SEVEN_MEMBERS_2010 = ["AM", "BY", "KG", "KZ", "RU", "TJ", "UZ"]
_users = itertools.count()


def list_url(basename, **params):
    url = reverse(f"api:{basename}-list")
    if params:
        url += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return url


def detail_url(basename, key):
    return reverse(f"api:{basename}-detail", args=[key])


def get_json(client, url, params=None, expect=200):
    response = client.get(url, params or {})
    assert response.status_code == expect, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def everything(client, url, **params):
    """Every item of a list, whatever the number of pages."""
    return get_json(client, url, {"page_size": 200, **params})["results"]


def slugs(items, key="slug"):
    return [item[key] for item in items]


# Shared behaviour of the four endpoints


LISTS = [
    ("organ", "collective-security-council", "slug"),
    ("state", "kz", "iso2"),
    ("person", "nikolai-bordyuzha", "slug"),
    ("partner", "osce", "slug"),
]


@pytest.mark.parametrize(("basename", "key", "field"), LISTS)
def test_list_is_paginated_and_each_item_links_to_its_record(client, basename, key, field):
    data = get_json(client, list_url(basename), {"page_size": 2})
    assert set(data) == {"count", "next", "previous", "results"}
    assert data["count"] > 2 and data["previous"] is None and "page=2" in data["next"]
    assert len(data["results"]) == 2
    for item in data["results"]:
        assert {"url", field, "created", "updated"} <= set(item)
        code = item[field].lower() if field == "iso2" else item[field]
        assert item["url"] == f"http://testserver{detail_url(basename, code)}"
    second = get_json(client, data["next"])
    assert second["previous"]
    assert not set(slugs(second["results"], field)) & set(slugs(data["results"], field))


@pytest.mark.parametrize(("basename", "key", "field"), LISTS)
def test_detail_answers_json_with_citations_and_last_modified(client, basename, key, field):
    response = client.get(detail_url(basename, key))
    assert response.status_code == 200
    assert response["Last-Modified"]
    data = response.json()
    assert data["url"] == f"http://testserver{detail_url(basename, key)}"
    assert data["citations"], "every record in the dataset cites its sources"
    assert {"slug", "title", "kind"} <= set(data["citations"][0]["source"])


@pytest.mark.parametrize(("basename", "key", "field"), LISTS)
def test_a_second_get_with_the_etag_is_not_modified(client, basename, key, field):
    for url in (list_url(basename), detail_url(basename, key)):
        first = client.get(url)
        assert first["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.mark.parametrize("basename", ["organ", "state", "person", "partner"])
def test_unknown_record_is_a_json_404(client, basename):
    data = get_json(client, detail_url(basename, "zz" if basename == "state" else "no-such-record"), expect=404)
    assert data["detail"]


@pytest.mark.parametrize(
    ("basename", "column", "value"),
    [
        ("organ", "slug", "collective-security-council"),
        ("state", "iso2", "KZ"),
        ("person", "slug", "nikolai-bordyuzha"),
        ("partner", "parent.slug", "osce"),
    ],
)
def test_list_as_csv_has_a_header_row_and_the_records(client, basename, column, value):
    response = client.get(list_url(basename), {"format": "csv", "page_size": 200})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert column in rows[0]
    assert value in [row[column] for row in rows]


def test_detail_as_csv_is_one_row(client):
    response = client.get(detail_url("organ", "secretary-general"), {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert rows[0]["slug"] == "secretary-general"
    assert rows[0]["relations.0.organ.slug"] == "collective-security-council"


@pytest.mark.parametrize(
    ("basename", "model", "lookup"),
    [
        ("organ", Organ, {"slug": "joint-staff"}),
        ("state", State, {"iso2": "KG"}),
        ("person", Person, {"slug": "ban-ki-moon"}),
        ("partner", Partner, {"slug": "eag"}),
    ],
)
def test_updated_since_gives_only_records_changed_since(client, basename, model, lookup):
    moment = timezone.now()
    model.objects.get(**lookup).save()
    items = get_json(client, list_url(basename), {"updated_since": moment.isoformat()})["results"]
    key, value = next(iter(lookup.items()))
    assert [item[key] for item in items] == [value]
    future = (moment + datetime.timedelta(days=1)).isoformat()
    assert get_json(client, list_url(basename), {"updated_since": future})["count"] == 0


@pytest.mark.parametrize(
    ("basename", "params"),
    [
        ("organ", {"kind": "committee"}),
        ("organ", {"ordering": "mandate"}),
        ("organ", {"q": "x" * 300}),
        ("organ", {"updated_since": "yesterday"}),
        ("state", {"as_of": "2011-13-01"}),
        ("state", {"status": "ally"}),
        ("person", {"as_of": "soon"}),
        ("person", {"post": "no-such-post"}),
        ("partner", {"kind": "club"}),
    ],
)
def test_bad_filter_value_is_a_400_naming_the_parameter(client, basename, params):
    data = get_json(client, list_url(basename), params, expect=400)
    assert set(data) == set(params)
    assert all(isinstance(message, str) for message in data[next(iter(params))])


def test_page_size_is_capped_at_200(client):
    Person.objects.bulk_create(Person(slug=f"bulk-person-{i}", name=f"Bulk person {i}") for i in range(210))
    data = get_json(client, list_url("person"), {"page_size": 1000})
    assert data["count"] >= 215
    assert len(data["results"]) == 200
    assert data["next"]


def test_lists_and_details_run_a_fixed_number_of_queries(client):
    assert_queries_do_not_grow(
        client,
        list_url("organ"),
        detail_url("organ", "secretary-general"),
        list_url("state"),
        list_url("state", as_of="2011-01-01"),
        detail_url("state", "ru"),
        list_url("person"),
        detail_url("person", "nikolai-bordyuzha"),
        list_url("partner"),
        detail_url("partner", "osce"),
        detail_url("partner", "un-general-assembly"),
    )


# Organs


def test_organ_list_is_in_structure_chart_order_with_partial_dates(client):
    items = everything(client, list_url("organ"))
    assert len(items) == Organ.objects.count()
    assert slugs(items)[:3] == ["collective-security-council", "permanent-council", "council-of-foreign-ministers"]
    migration = next(item for item in items if item["slug"] == "coordinating-council-illegal-migration")
    assert (migration["established"], migration["established_precision"]) == ("2007", "year")
    council = items[0]
    assert (council["acronym"], council["kind"], council["established"], council["established_precision"]) == (
        "CCS",
        "supreme",
        None,
        None,
    )
    assert set(council) == {
        "url",
        "slug",
        "name",
        "acronym",
        "kind",
        "established",
        "established_precision",
        "created",
        "updated",
    }


def test_organ_detail_nests_relations_posts_and_holders(client):
    data = get_json(client, detail_url("organ", "secretary-general"))
    assert data["kind"] == "official"
    assert "head of its Secretariat" in data["mandate"]
    assert [(r["kind"], r["organ"]["slug"]) for r in data["relations"]] == [
        ("accountable_to", "collective-security-council"),
        ("heads", "secretariat"),
    ]
    assert data["relations"][0]["organ"]["url"].endswith(detail_url("organ", "collective-security-council"))
    [post] = data["posts"]
    assert post["slug"] == "csto-secretary-general"
    bordyuzha = post["tenures"][0]
    assert bordyuzha["person"] == {
        "slug": "nikolai-bordyuzha",
        "name": "Nikolai Bordyuzha",
        "url": f"http://testserver{detail_url('person', 'nikolai-bordyuzha')}",
    }
    assert (bordyuzha["start"], bordyuzha["start_precision"]) == ("2003", "year")
    assert (bordyuzha["end"], bordyuzha["end_precision"]) == ("2016-12-31", "day")
    assert bordyuzha["acting"] is False


def test_organ_detail_shows_relations_from_other_organs(client):
    data = get_json(client, detail_url("organ", "collective-security-council"))
    assert ("acts_between_sessions_of", "permanent-council") in [
        (r["kind"], r["organ"]["slug"]) for r in data["inbound_relations"]
    ]
    assert ("accountable_to", "secretary-general") in [
        (r["kind"], r["organ"]["slug"]) for r in data["inbound_relations"]
    ]


def test_organ_detail_names_its_founding_instrument_and_areas(client):
    data = get_json(client, detail_url("organ", "interstate-commission-military-economic-cooperation"))
    assert (data["established"], data["established_precision"]) == ("2005-06-23", "day")
    assert data["established_by"]["slug"] == "decision-interstate-commission-military-economic"
    assert data["established_by"]["url"] == (
        "http://testserver"
        + reverse("api:instrument-detail", args=["decision-interstate-commission-military-economic"])
    )
    assert data["areas"] == ["military-economic-cooperation"]


def test_organs_filter_by_kind_and_text(client):
    assert sorted(slugs(everything(client, list_url("organ"), kind="forces"))) == [
        "collective-peacekeeping-forces",
        "collective-rapid-reaction-forces",
        "peacekeeping-forces",
    ]
    assert slugs(everything(client, list_url("organ"), q="CMD")) == ["council-of-defence-ministers"]


def test_organs_order_by_name_or_position(client):
    names = [item["name"] for item in everything(client, list_url("organ"), ordering="name")]
    assert names == sorted(names)
    assert slugs(everything(client, list_url("organ"), ordering="-position"))[-1] == "collective-security-council"


# Member states


def test_member_state_list_holds_states_that_ever_had_a_membership(client):
    items = everything(client, list_url("state"))
    # Afghanistan and Serbia are observers of the Parliamentary Assembly; the United States never belonged.
    assert sorted(slugs(items, "iso2")) == ["AF", "AM", "AZ", "BY", "GE", "KG", "KZ", "RS", "RU", "TJ", "UZ"]
    assert [item["name"] for item in items] == sorted(item["name"] for item in items)
    by_code = {item["iso2"]: item for item in items}
    assert by_code["KZ"]["url"].endswith("/member-states/kz/")
    assert by_code["KZ"]["status"] == "member"
    assert by_code["AM"]["status"] == "frozen"
    assert by_code["GE"]["status"] == "withdrawn"
    # A standing only in an organ is given with that organ.
    assert by_code["RS"]["status"] == "observer"
    assert by_code["RS"]["standing"][0]["body"]["slug"] == "parliamentary-assembly"


def test_member_states_as_of_a_day_are_the_members_then_with_their_status_then(client):
    items = everything(client, list_url("state"), as_of="2011-01-01")
    assert slugs(items, "iso2") == ["AM", "BY", "KZ", "KG", "RU", "TJ", "UZ"]
    assert sorted(slugs(items, "iso2")) == SEVEN_MEMBERS_2010
    assert {item["status"] for item in items} == {"member"}
    assert {item["iso2"]: item["standing"][0]["start"] for item in items}["UZ"] == "2006-06-23"


def test_member_states_filter_by_status_and_text(client):
    assert slugs(everything(client, list_url("state"), status="withdrawn"), "iso2") == ["AZ", "GE"]
    withdrawn_2005 = everything(client, list_url("state"), status="withdrawn", as_of="2005-01-01")
    assert sorted(slugs(withdrawn_2005, "iso2")) == ["AZ", "GE", "UZ"]
    assert {item["status"] for item in withdrawn_2005} == {"withdrawn"}
    assert slugs(everything(client, list_url("state"), q="geor"), "iso2") == ["GE"]


@pytest.mark.parametrize("code", ["ru", "RU", "Ru"])
def test_member_state_detail_accepts_the_code_in_any_case(client, code):
    data = get_json(client, reverse("api:state-detail", args=[code]))
    assert data["iso2"] == "RU"
    assert data["url"] == f"http://testserver{detail_url('state', 'ru')}"


def test_member_state_detail_nests_memberships_chairmanships_instruments_and_operations(client):
    data = get_json(client, detail_url("state", "tj"))
    first = data["memberships"][0]
    assert (first["status"], first["body"], first["start"], first["start_precision"]) == (
        "member",
        None,
        "1992-05-15",
        "day",
    )
    assert first["basis_instrument"]["slug"] == "collective-security-treaty"
    assert first["basis_instrument"]["url"].endswith(
        reverse("api:instrument-detail", args=["collective-security-treaty"])
    )
    assert first["citations"]
    assert {"start", "start_precision", "end", "end_precision", "note", "citations"} <= set(data["chairmanships"][0])
    assert "2014-12-22" in [chair["start"] for chair in data["chairmanships"]]
    assert ("collective-security-treaty", "party") in [
        (party["instrument"]["slug"], party["status"]) for party in data["parties"]
    ]
    roles = [(role["role"], role["operation"]["slug"]) for role in data["operations"]]
    assert ("host", "rubezh-2010") in roles
    rubezh = next(role for role in data["operations"] if role["operation"]["slug"] == "rubezh-2010")
    assert rubezh["operation"]["url"].endswith(reverse("api:operation-detail", args=["rubezh-2010"]))


def test_member_state_detail_nests_its_most_recent_operations_and_instruments_and_links_to_them_all(client):
    grow_dataset()
    data = get_json(client, detail_url("state", "aa"))  # a synthetic state with many of both
    for rows, count, url in [
        (data["operations"], data["operation_count"], data["operations_url"]),
        (data["parties"], data["instrument_count"], data["instruments_url"]),
    ]:
        assert len(rows) == RECENT < count
        assert get_json(client, url)["count"] == count
    newest = get_json(client, data["operations_url"])["results"][:RECENT]
    assert [role["operation"]["slug"] for role in data["operations"]] == [operation["slug"] for operation in newest]


def test_member_state_detail_shows_a_suspension_requested_before_it_took_effect(client):
    data = get_json(client, detail_url("state", "uz"))
    assert data["status"] == "suspended"
    [suspension] = [period for period in data["memberships"] if period["requested"]]
    assert (suspension["status"], suspension["start"]) == ("suspended", "2012-12-19")
    assert (suspension["requested"], suspension["requested_precision"]) == ("2012-06", "month")
    assert {citation["claim"] for citation in suspension["citations"]} >= {"2012-06-28", "2012-06-20"}


def test_a_state_that_never_belonged_has_a_record_but_no_standing(client):
    data = get_json(client, detail_url("state", "us"))
    assert (data["name"], data["status"], data["standing"], data["memberships"]) == ("United States", None, [], [])


# People


def test_people_list_gives_nationality_as_a_code(client):
    items = everything(client, list_url("person"))
    assert len(items) == Person.objects.count()
    by_slug = {item["slug"]: item for item in items}
    assert by_slug["nikolai-bordyuzha"]["nationality"] == "RU"
    assert by_slug["ban-ki-moon"]["nationality"] is None
    assert set(by_slug["ban-ki-moon"]) == {"url", "slug", "name", "nationality", "created", "updated"}


def test_people_as_of_a_day_are_those_holding_a_post_then(client):
    assert slugs(everything(client, list_url("person"), as_of="2010-01-01")) == ["nikolai-bordyuzha"]
    assert everything(client, list_url("person"), as_of="2002-01-01") == []


def test_people_filter_by_post_on_its_own_and_with_a_day(client):
    assert slugs(everything(client, list_url("person"), post="un-secretary-general")) == ["ban-ki-moon"]
    assert slugs(everything(client, list_url("person"), post="csto-secretary-general", as_of="2010-01-01")) == [
        "nikolai-bordyuzha"
    ]
    assert everything(client, list_url("person"), post="csto-secretary-general", as_of="2017-06-01") == []


def test_people_filter_by_text(client):
    assert slugs(everything(client, list_url("person"), q="medvedev")) == ["dmitry-medvedev"]


def test_person_detail_nests_tenures_with_post_and_body(client):
    data = get_json(client, detail_url("person", "nikolai-bordyuzha"))
    assert data["nationality"] == "RU"
    assert "Secretary-General" in data["summary"]
    [tenure] = data["tenures"]
    assert tenure["post"]["slug"] == "csto-secretary-general"
    assert tenure["post"]["organ"]["slug"] == "secretary-general"
    assert tenure["post"]["partner"] is None
    assert (tenure["start"], tenure["start_precision"], tenure["end"]) == ("2003", "year", "2016-12-31")
    assert "31 December 2016" in tenure["note"]

    salber = get_json(client, detail_url("person", "herbert-salber"))["tenures"][0]
    assert salber["post"]["organ"] is None
    assert salber["post"]["partner"]["slug"] == "osce-conflict-prevention-centre"
    assert (salber["start"], salber["start_precision"]) == (None, None)


# Partners


def test_partner_list_names_each_parent(client):
    items = everything(client, list_url("partner"))
    assert len(items) == Partner.objects.count()
    assert [item["name"] for item in items] == sorted(item["name"] for item in items)
    by_slug = {item["slug"]: item for item in items}
    assert by_slug["un"]["parent"] is None
    assert by_slug["unodc"]["parent"] == {
        "slug": "un",
        "name": "United Nations",
        "url": f"http://testserver{detail_url('partner', 'un')}",
    }


def test_partners_filter_by_kind_and_text(client):
    agencies = everything(client, list_url("partner"), kind="agency")
    assert sorted(slugs(agencies)) == ["global-anti-narcotics-partnership", "unodc"]
    assert slugs(everything(client, list_url("partner"), q="interpol")) == ["interpol"]


def test_partner_detail_nests_bodies_posts_areas_and_operations(client):
    data = get_json(client, detail_url("partner", "osce"))
    assert data["acronym"] == "OSCE"
    assert "osce-secretariat" in slugs(data["bodies"])
    assert "counter-terrorism" in data["areas"]
    assert [(role["role"], role["operation"]["slug"]) for role in data["operations"]] == [
        ("observer", "kanal-2003-2009")
    ]
    secretariat = get_json(client, detail_url("partner", "osce-secretariat"))
    assert secretariat["parent"]["slug"] == "osce"
    [post] = secretariat["posts"]
    assert post["slug"] == "osce-secretary-general"
    assert post["tenures"][0]["person"]["slug"] == "marc-perrin-de-brichambaut"


def test_partner_detail_lists_instruments_it_adopted(client):
    data = get_json(client, detail_url("partner", "un-general-assembly"))
    assert {"un-ga-resolution-un-csto-cooperation", "un-ga-resolution-observer-status"} <= set(
        slugs(data["instruments"])
    )
    assert data["instruments"][0]["url"].startswith("http://testserver/api/v1/treaties/")


# Writes


# Per endpoint (its basename is also the model's permission name): a new record, a change to it, and an existing record.
NEW = {
    "organ": {
        "slug": "test-committee",
        "name": "Test Committee",
        "kind": "subsidiary",
        "established": "2006-06",
        "citations": cited(),
    },
    "state": {"iso2": "xk", "name": "Kosovo test"},
    "person": {"slug": "test-person", "name": "Test Person"},
    "partner": {"slug": "test-partner", "name": "Test Partner", "kind": "organization"},
}
CHANGE = {
    "organ": {"mandate": "Tests the API."},
    "state": {"summary": "A state made in a test."},
    "person": {"summary": "Made in a test."},
    "partner": {"acronym": "TP"},
}
EXISTING = {"organ": "joint-staff", "state": "kz", "person": "ban-ki-moon", "partner": "eag"}
# The field that keys each endpoint's records.
KEY_FIELD = {basename: field for basename, _key, field in LISTS}


@pytest.mark.parametrize("basename", list(NEW))
def test_writes_need_a_token(api, basename):
    response = api.post(list_url(basename), NEW[basename], format="json")
    assert response.status_code == 401
    assert response.json()["detail"]
    assert api.delete(detail_url(basename, EXISTING[basename])).status_code == 401


@pytest.mark.parametrize("basename", list(NEW))
def test_writes_need_the_model_permission(token_client, basename):
    api = token_client()
    assert api.post(list_url(basename), NEW[basename], format="json").status_code == 403
    assert api.patch(detail_url(basename, EXISTING[basename]), CHANGE[basename], format="json").status_code == 403
    assert api.delete(detail_url(basename, EXISTING[basename])).status_code == 403


@pytest.mark.parametrize("basename", list(NEW))
def test_create_update_and_delete_with_the_permissions(token_client, basename):
    api = token_client(f"add_{basename}", f"change_{basename}", f"delete_{basename}")
    created = api.post(list_url(basename), NEW[basename], format="json")
    assert created.status_code == 201, created.content
    url = detail_url(basename, NEW[basename][KEY_FIELD[basename]])
    assert created.json()["url"] == f"http://testserver{url}"
    changed = api.patch(url, CHANGE[basename], format="json")
    assert changed.status_code == 200, changed.content
    [(field, value)] = CHANGE[basename].items()
    assert changed.json()[field] == value
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404


def test_organ_is_written_with_a_partial_date_and_areas_by_slug(token_client):
    api = token_client("add_organ")
    payload = {**NEW["organ"], "areas": ["anti-drug", "counter-terrorism"], "position": 30}
    data = api.post(list_url("organ"), payload, format="json").json()
    assert (data["established"], data["established_precision"]) == ("2006-06", "month")
    assert sorted(data["areas"]) == ["anti-drug", "counter-terrorism"]
    organ = Organ.objects.get(slug="test-committee")
    assert (organ.established_date, organ.established_precision) == (datetime.date(2006, 6, 1), "month")


def test_state_code_is_stored_in_capitals_and_linked_in_lower_case(token_client):
    data = token_client("add_state").post(list_url("state"), NEW["state"], format="json").json()
    assert data["iso2"] == "XK"
    assert data["url"].endswith("/member-states/xk/")
    assert (data["status"], data["memberships"]) == (None, [])


def test_person_nationality_is_written_by_code_in_either_case(token_client):
    payload = {**NEW["person"], "nationality": "kz"}
    data = token_client("add_person").post(list_url("person"), payload, format="json").json()
    assert data["nationality"] == "KZ"
    assert Person.objects.get(slug="test-person").nationality.iso2 == "KZ"


def test_partner_is_written_with_parent_by_slug_and_website(token_client):
    payload = {
        **NEW["partner"],
        "parent": "un",
        "website": "https://example.org/",
        "areas": ["anti-drug"],
    }
    data = token_client("add_partner").post(list_url("partner"), payload, format="json").json()
    assert data["parent"]["slug"] == "un"
    assert data["website"] == "https://example.org/"
    assert Partner.objects.get(slug="test-partner").url == "https://example.org/"


@pytest.mark.parametrize(
    ("basename", "payload", "field", "message"),
    [
        ("organ", {"slug": "secretariat", "name": "Another secretariat", "kind": "council"}, "slug", "exists"),
        (
            "organ",
            {"slug": "new-organ", "name": "New organ", "kind": "council", "established": "2006-13"},
            "established",
            "not a real date",
        ),
        (
            "organ",
            {"slug": "new-organ", "name": "New organ", "kind": "council", "areas": ["no-such-area"]},
            "areas",
            "not exist",
        ),
        ("state", {"iso2": "KZ", "name": "Another Kazakhstan"}, "iso2", "exists"),
        ("state", {"iso2": "kz", "name": "Kazakhstan in lower case"}, "iso2", "exists"),
        ("state", {"iso2": "R1", "name": "Not a code"}, "non_field_errors", "two capital letters"),
        ("person", {"slug": "ban-ki-moon", "name": "Ban Ki Moon"}, "slug", "exists"),
        ("person", {"slug": "someone", "name": "Someone", "nationality": "zz"}, "nationality", "not exist"),
        ("partner", {"slug": "osce", "name": "Another OSCE", "kind": "organization"}, "slug", "exists"),
        ("partner", {"slug": "new", "name": "New", "kind": "organization", "parent": "nobody"}, "parent", "not exist"),
        ("partner", {"slug": "new", "name": "New", "kind": "club"}, "kind", "not a valid choice"),
    ],
)
def test_invalid_create_is_a_400_naming_the_field(token_client, basename, payload, field, message):
    response = token_client(f"add_{basename}").post(list_url(basename), payload, format="json")
    assert response.status_code == 400, response.content
    errors = response.json()
    assert field in errors, errors
    assert message in " ".join(errors[field])


def test_an_organization_cannot_be_made_part_of_itself(token_client):
    api = token_client("change_partner")
    response = api.patch(detail_url("partner", "un"), {"parent": "un"}, format="json")
    assert response.status_code == 400
    assert response.json()["non_field_errors"] == ["An organization cannot be part of itself."]
    assert Partner.objects.get(slug="un").parent is None


def test_a_partial_date_is_refused_on_update_too(token_client):
    response = token_client("change_organ").patch(
        detail_url("organ", "joint-staff"), {"established": "2006-13"}, format="json"
    )
    assert response.status_code == 400
    assert "established" in response.json()


def test_a_record_still_referred_to_cannot_be_deleted(token_client):
    response = token_client("delete_state").delete(detail_url("state", "ru"))
    assert response.status_code == 409
    assert "referred to" in response.json()["detail"]
