import pytest

from operations.filters import MeetingFilterSet, OperationFilterSet
from operations.models import Meeting, Operation

pytestmark = pytest.mark.django_db


def operations(params):
    filterset = OperationFilterSet(params, queryset=Operation.objects.all())
    assert filterset.is_valid(), filterset.errors
    return filterset.qs


def meetings(params):
    filterset = MeetingFilterSet(params, queryset=Meeting.objects.all())
    assert filterset.is_valid(), filterset.errors
    return filterset.qs


def slugs(queryset):
    return set(queryset.values_list("slug", flat=True))


def test_no_filter_lists_every_operation_newest_first():
    assert list(operations({}).values_list("slug", flat=True)) == [
        "rubezh-2010",
        "kanal-2010",
        "nelegal-2010",
        "nelegal-2009",
        "vzaimodeistvie-2009",
        "zapad-2009",
        "nelegal-2008",
        "kanal-2003-2009",
    ]


def test_kind_keeps_operations_of_that_kind():
    assert slugs(operations({"kind": "exercise"})) == {"rubezh-2010", "zapad-2009", "vzaimodeistvie-2009"}
    assert slugs(operations({"kind": "anti_drug"})) == {"kanal-2003-2009", "kanal-2010"}


def test_series_is_chosen_by_slug():
    assert slugs(operations({"series": "nelegal"})) == {"nelegal-2008", "nelegal-2009", "nelegal-2010"}
    assert slugs(operations({"series": "rubezh"})) == {"rubezh-2010"}


def test_series_slug_is_case_insensitive():
    assert slugs(operations({"series": "NELEGAL"})) == {"nelegal-2008", "nelegal-2009", "nelegal-2010"}


def test_run_by_keeps_the_operations_an_organ_runs():
    assert slugs(operations({"run_by": "coordinating-council-illegal-migration"})) == {
        "nelegal-2008",
        "nelegal-2009",
        "nelegal-2010",
    }
    assert operations({"run_by": "collective-security-council"}).count() == 0


def test_forces_keeps_the_operations_an_organs_forces_or_staff_took_part_in():
    assert slugs(operations({"forces": "Collective-Rapid-Reaction-Forces"})) == {"vzaimodeistvie-2009", "zapad-2009"}


def test_status_separates_planned_and_prepared_operations():
    assert slugs(operations({"status": "planned"})) == {"kanal-2010"}
    assert slugs(operations({"status": "in_preparation"})) == {"nelegal-2010"}
    assert slugs(operations({"status": "held"})) == {
        "kanal-2003-2009",
        "nelegal-2008",
        "nelegal-2009",
        "rubezh-2010",
        "vzaimodeistvie-2009",
        "zapad-2009",
    }


def test_year_finds_operations_whose_span_covers_it():
    assert slugs(operations({"year": "2005"})) == {"kanal-2003-2009"}
    assert slugs(operations({"year": "2003"})) == {"kanal-2003-2009"}
    in_2009 = {"kanal-2003-2009", "zapad-2009", "vzaimodeistvie-2009", "nelegal-2009"}
    assert slugs(operations({"year": "2009"})) == in_2009
    assert slugs(operations({"year": "2010"})) == {"rubezh-2010", "kanal-2010", "nelegal-2010"}


def test_year_outside_any_operation_finds_nothing():
    assert operations({"year": "1995"}).count() == 0


def test_state_matches_any_role_by_iso_code_in_any_case():
    assert slugs(operations({"state": "kz"})) == {"kanal-2003-2009", "vzaimodeistvie-2009"}
    assert slugs(operations({"state": "KZ"})) == {"kanal-2003-2009", "vzaimodeistvie-2009"}
    assert slugs(operations({"state": "tj"})) == {"kanal-2003-2009", "rubezh-2010"}


def test_state_and_role_together_keep_the_operations_where_the_state_had_that_role():
    assert slugs(operations({"state": "kz", "role": "host"})) == {"vzaimodeistvie-2009"}
    assert slugs(operations({"state": "kz", "role": "participant"})) == {"kanal-2003-2009"}
    assert slugs(operations({"state": "us", "role": "observer"})) == {"kanal-2003-2009"}
    assert operations({"state": "us", "role": "host"}).count() == 0


def test_role_alone_keeps_operations_with_anyone_in_that_role():
    assert slugs(operations({"role": "observer"})) == {"kanal-2003-2009"}
    assert slugs(operations({"role": "host"})) == {"rubezh-2010", "zapad-2009", "vzaimodeistvie-2009"}


def test_area_includes_its_sub_areas():
    assert slugs(operations({"area": "anti-drug"})) == {"kanal-2003-2009", "kanal-2010"}
    assert slugs(operations({"area": "military-cooperation"})) == {"rubezh-2010", "vzaimodeistvie-2009", "zapad-2009"}
    # Anti-drug and illegal-migration work are both part of combating contemporary threats.
    assert slugs(operations({"area": "contemporary-threats"})) == {
        "kanal-2003-2009",
        "kanal-2010",
        "nelegal-2008",
        "nelegal-2009",
        "nelegal-2010",
    }


def test_q_matches_name_and_summary_ignoring_case():
    assert slugs(operations({"q": "tajikistan"})) == {"rubezh-2010"}
    assert slugs(operations({"q": "Interaction"})) == {"vzaimodeistvie-2009"}
    assert slugs(operations({"q": "nelegal"})) == {"nelegal-2008", "nelegal-2009", "nelegal-2010"}


def test_ordering_by_name_and_start_ends_with_pk():
    assert [o.slug for o in operations({"ordering": "name"})][:2] == ["kanal-2003-2009", "kanal-2010"]
    assert operations({"ordering": "-name"}).first().slug == "zapad-2009"
    assert operations({"ordering": "start"}).first().slug == "kanal-2003-2009"
    assert operations({"ordering": "-start"}).first().slug == "rubezh-2010"
    assert operations({"ordering": "name"}).query.order_by[-1] == "pk"


def test_filters_combine():
    assert slugs(operations({"kind": "anti_migration", "year": "2009"})) == {"nelegal-2009"}
    assert slugs(operations({"series": "kanal", "status": "held"})) == {"kanal-2003-2009"}


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"year": "abc"}, "year", "Enter a whole number"),
        ({"year": "2005.5"}, "year", "Enter a whole number"),
        ({"year": "99999"}, "year", "less than or equal to 2100"),
        ({"series": "unknown"}, "series", "Select a valid choice"),
        ({"state": "zz"}, "state", "Select a valid choice"),
        ({"role": "king"}, "role", "Select a valid choice"),
        ({"kind": "war"}, "kind", "Select a valid choice"),
        ({"area": "astrology"}, "area", "Select a valid choice"),
        ({"run_by": "no-such-organ"}, "run_by", "Select a valid choice"),
        ({"forces": "no-such-organ"}, "forces", "Select a valid choice"),
        ({"ordering": "budget"}, "ordering", "Select a valid choice"),
        ({"q": "x" * 10_000}, "q", "at most 200 characters"),
    ],
)
def test_bad_operation_filter_values_make_the_form_invalid(params, field, message):
    filterset = OperationFilterSet(params, queryset=Operation.objects.all())
    assert not filterset.is_valid()
    assert message in str(filterset.errors[field])


def test_meetings_no_filter_lists_all_newest_first():
    assert list(meetings({}).values_list("slug", flat=True)) == [
        "osce-ministerial-council-informal-almaty-2010-07",
        "osce-police-experts-meeting-2010-05-20",
        "osce-permanent-council-fsc-joint-meeting-2010-04-15",
        "osce-cpc-consultations-2010-04-14",
        "osce-permanent-representatives-informal-meeting-2010-04",
        "bishkek-kyrgyzstan-crisis-meeting-2010-04",
        "bordyuzha-osce-leadership-talks-2010-04",
        "cmfa-meeting-2010-03-25",
        "un-csto-joint-declaration-signing-2010-03-18",
        "european-security-treaty-expert-consultations-2010-01-28",
        "osce-fsc-meeting-2009-11-18",
        "cmfa-meeting-2009-09-26",
        "osce-astana-organized-crime-meeting-2009-07",
        "ccs-session-2009-06-14",
        "osce-pa-session-2009-02-19",
        "cmfa-meeting-2008-12-04",
        "ccs-session-moscow-2008",
        "ccs-session-2006-06",
        "ccs-session-2005-06-23",
        "cssc-meeting-2005-06-22",
    ]


def test_meeting_kind():
    assert slugs(meetings({"kind": "session"})) == {
        "cssc-meeting-2005-06-22",
        "ccs-session-2005-06-23",
        "ccs-session-2006-06",
        "ccs-session-moscow-2008",
        "ccs-session-2009-06-14",
        "cmfa-meeting-2008-12-04",
        "cmfa-meeting-2009-09-26",
        "cmfa-meeting-2010-03-25",
    }
    assert slugs(meetings({"kind": "signing"})) == {"un-csto-joint-declaration-signing-2010-03-18"}


def test_meeting_year():
    assert slugs(meetings({"year": "2010"})) == {
        "european-security-treaty-expert-consultations-2010-01-28",
        "un-csto-joint-declaration-signing-2010-03-18",
        "cmfa-meeting-2010-03-25",
        "bishkek-kyrgyzstan-crisis-meeting-2010-04",
        "bordyuzha-osce-leadership-talks-2010-04",
        "osce-cpc-consultations-2010-04-14",
        "osce-permanent-council-fsc-joint-meeting-2010-04-15",
        "osce-permanent-representatives-informal-meeting-2010-04",
        "osce-police-experts-meeting-2010-05-20",
        "osce-ministerial-council-informal-almaty-2010-07",
    }
    assert slugs(meetings({"year": "2005"})) == {"cssc-meeting-2005-06-22", "ccs-session-2005-06-23"}


def test_meeting_state_matches_host_or_represented_state():
    assert slugs(meetings({"state": "kz"})) == {
        "osce-astana-organized-crime-meeting-2009-07",
        "osce-ministerial-council-informal-almaty-2010-07",
        "osce-pa-session-2009-02-19",
        "osce-fsc-meeting-2009-11-18",
        "european-security-treaty-expert-consultations-2010-01-28",
    }
    assert slugs(meetings({"state": "GB"})) == {"osce-permanent-representatives-informal-meeting-2010-04"}


def test_meeting_organ_keeps_the_meetings_an_organ_took_part_in():
    assert slugs(meetings({"organ": "collective-security-council"})) == {
        "ccs-session-2005-06-23",
        "ccs-session-2006-06",
        "ccs-session-moscow-2008",
        "ccs-session-2009-06-14",
    }


def test_meeting_partner_by_slug():
    assert slugs(meetings({"partner": "osce"})) == {
        "osce-astana-organized-crime-meeting-2009-07",
        "osce-police-experts-meeting-2010-05-20",
        "bishkek-kyrgyzstan-crisis-meeting-2010-04",
    }


def test_meeting_q_matches_title_summary_and_place():
    assert slugs(meetings({"q": "vienna"})) == {"osce-police-experts-meeting-2010-05-20"}
    assert "un-csto-joint-declaration-signing-2010-03-18" in slugs(meetings({"q": "Ban Ki-moon"}))


def test_meeting_ordering_by_title_and_start():
    assert meetings({"ordering": "start"}).first().slug == "cssc-meeting-2005-06-22"
    assert meetings({"ordering": "title"}).first().slug == "osce-cpc-consultations-2010-04-14"
    assert meetings({"ordering": "-title"}).first().slug == "bordyuzha-osce-leadership-talks-2010-04"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"year": "abc"}, "year"),
        ({"kind": "party"}, "kind"),
        ({"state": "xx"}, "state"),
        ({"partner": "unknown"}, "partner"),
        ({"q": "x" * 10_000}, "q"),
        ({"ordering": "place"}, "ordering"),
    ],
)
def test_bad_meeting_filter_values_make_the_form_invalid(params, field):
    filterset = MeetingFilterSet(params, queryset=Meeting.objects.all())
    assert not filterset.is_valid()
    assert field in filterset.errors
