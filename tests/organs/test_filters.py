import pytest

from organs.filters import OrganFilterSet, PartnerFilterSet, StateFilterSet
from organs.models import Organ, Partner, State

pytestmark = pytest.mark.django_db


def organs(params):
    return OrganFilterSet(params, Organ.objects.all())


def states(params):
    return StateFilterSet(params, State.objects.member_states())


def partners(params):
    return PartnerFilterSet(params, Partner.objects.all())


def slugs(filterset):
    return set(filterset.qs.values_list("slug", flat=True))


def codes(filterset):
    return sorted(filterset.qs.values_list("iso2", flat=True))


# Organs


def test_organs_filter_by_kind():
    assert slugs(organs({"kind": "forces"})) == {
        "collective-peacekeeping-forces",
        "collective-rapid-reaction-forces",
        "peacekeeping-forces",
    }
    assert organs({"kind": "supreme"}).qs.get().slug == "collective-security-council"


def test_organs_text_search_matches_name_acronym_and_mandate():
    assert list(organs({"q": "CMD"}).qs.values_list("slug", flat=True)) == ["council-of-defence-ministers"]
    assert slugs(organs({"q": "peacekeeping"})) == {
        "collective-peacekeeping-forces",
        "collective-security-council",
        "peacekeeping-forces",
    }
    assert organs({"q": "heads of state"}).qs.get().slug == "collective-security-council"


@pytest.mark.parametrize("params", [{"kind": "committee"}, {"q": "x" * 10_000}])
def test_organs_bad_values_make_the_form_invalid(params):
    assert not organs(params).is_valid()


# Member states


def test_member_states_are_those_with_a_membership_period():
    assert codes(states({})) == ["AF", "AM", "AZ", "BY", "GE", "KG", "KZ", "RS", "RU", "TJ", "UZ"]
    assert not State.objects.member_states().filter(iso2="US").exists()


def test_states_as_of_a_day_are_those_that_belonged_then():
    assert codes(states({"as_of": "2011-01-01"})) == ["AM", "BY", "KG", "KZ", "RU", "TJ", "UZ"]
    assert codes(states({"as_of": "2000-01-01"})) == ["AM", "BY", "KG", "KZ", "RU", "TJ"]
    # A suspended state still has a standing that day; one that had withdrawn has none.
    assert codes(states({"as_of": "2015-01-01"})) == ["AF", "AM", "BY", "KG", "KZ", "RS", "RU", "TJ", "UZ"]


def test_states_as_of_a_day_before_the_treaty_are_none():
    assert states({"as_of": "1992-05-14"}).qs.count() == 0


def test_states_filter_by_status_today():
    assert codes(states({"status": "member"})) == ["BY", "KG", "KZ", "RU", "TJ"]
    assert codes(states({"status": "frozen"})) == ["AM"]
    assert codes(states({"status": "suspended"})) == ["UZ"]
    assert codes(states({"status": "withdrawn"})) == ["AZ", "GE"]
    assert codes(states({"status": "observer"})) == ["AF", "RS"]


def test_states_filter_by_status_on_a_day():
    assert codes(states({"status": "withdrawn", "as_of": "2005-01-01"})) == ["AZ", "GE", "UZ"]
    members_1996 = ["AM", "AZ", "BY", "GE", "KG", "KZ", "RU", "TJ", "UZ"]
    assert codes(states({"status": "member", "as_of": "1996-01-01"})) == members_1996


def test_states_text_search_matches_name_or_code():
    assert codes(states({"q": "geor"})) == ["GE"]
    assert codes(states({"q": "kz"})) == ["KZ"]


@pytest.mark.parametrize(
    "params", [{"as_of": "notadate"}, {"as_of": "2011-13-01"}, {"status": "emperor"}, {"q": "x" * 10_000}]
)
def test_states_bad_values_make_the_form_invalid(params):
    filterset = states(params)
    assert not filterset.is_valid()
    assert filterset.errors


# Partner organizations


def test_partners_filter_by_kind():
    assert slugs(partners({"kind": "body"})) == {
        "osce-conflict-prevention-centre",
        "osce-forum-for-security-cooperation",
        "osce-ministerial-council",
        "osce-permanent-council",
        "osce-secretariat",
        "un-counter-terrorism-committee",
        "un-general-assembly",
        "un-secretariat",
        "un-security-council",
    }
    assert partners({"kind": "parliamentary"}).qs.get().slug == "osce-parliamentary-assembly"


def test_partners_text_search_matches_name_acronym_and_summary():
    assert partners({"q": "interpol"}).qs.get().slug == "interpol"
    assert slugs(partners({"q": "United Nations"})) == {
        "un",
        "un-general-assembly",
        "un-secretariat",
        "un-security-council",
        "unodc",
    }


@pytest.mark.parametrize("params", [{"kind": "alliance"}, {"q": "x" * 10_000}])
def test_partners_bad_values_make_the_form_invalid(params):
    assert not partners(params).is_valid()
