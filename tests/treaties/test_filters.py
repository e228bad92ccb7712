import pytest

from tests.helpers import BAD_INSTRUMENT_FILTERS, INSTRUMENTS_WITH_A_STEP_IN_2009
from treaties.filters import InstrumentFilterSet
from treaties.models import Instrument, InstrumentEvent

pytestmark = pytest.mark.django_db

UN_RESOLUTIONS = {"un-ga-resolution-observer-status", "un-ga-resolution-un-csto-cooperation"}


def instruments(params):
    filterset = InstrumentFilterSet(params, queryset=Instrument.objects.for_list())
    assert filterset.is_valid(), filterset.errors
    return filterset.qs


def slugs(queryset):
    return {instrument.slug for instrument in queryset}


def errors(params):
    filterset = InstrumentFilterSet(params, queryset=Instrument.objects.for_list())
    assert not filterset.is_valid()
    return filterset.errors


def test_no_filter_lists_every_instrument_newest_first_and_undated_last():
    ordered = list(instruments({}))
    assert len(ordered) == Instrument.objects.count()
    assert ordered[0].slug == "cmfa-declaration-2010-03-25"
    dated = [instrument.first_event_date for instrument in ordered if instrument.first_event_date]
    assert dated == sorted(dated, reverse=True)
    undated = [instrument.slug for instrument in ordered if instrument.first_event_date is None]
    assert set(undated) == {
        "agreement-counter-terrorism-equipment",
        "agreement-counter-terrorism-personnel-training",
        "draft-european-security-treaty",
        "list-of-terrorist-extremist-organizations",
        "un-global-counter-terrorism-strategy",
        "working-plan-emergency-response-system",
    }
    assert [instrument.slug for instrument in ordered[-len(undated) :]] == undated


@pytest.mark.parametrize("ordering", ["-date", "date"])
def test_the_date_orders_are_those_of_the_first_whole_instrument_steps(ordering):
    """The stored date puts the list in the order its events give, undated last, then by title."""
    first = {}
    for event in InstrumentEvent.objects.filter(state__isnull=True).order_by("occurred_date", "pk"):
        first.setdefault(event.instrument_id, event.occurred_date.toordinal())
    sign = -1 if ordering == "-date" else 1

    def reading_order(instrument):
        dated = instrument.pk in first
        return (not dated, sign * first[instrument.pk] if dated else 0, instrument.title, instrument.pk)

    expected = sorted(Instrument.objects.all(), key=reading_order)
    assert [instrument.slug for instrument in instruments({"ordering": ordering})] == [i.slug for i in expected]


def test_kind_keeps_instruments_of_that_kind():
    assert slugs(instruments({"kind": "resolution"})) == UN_RESOLUTIONS
    assert slugs(instruments({"kind": "treaty"})) == {"collective-security-treaty", "draft-european-security-treaty"}


def test_status_keeps_instruments_in_that_status():
    in_force = slugs(instruments({"status": "in_force"}))
    assert {"collective-security-treaty", "csto-charter", "agreement-peacekeeping-activities"} <= in_force
    assert instruments({"status": "in_force"}).count() == Instrument.objects.filter(status="in_force").count()
    assert "agreement-legal-status-csto" in slugs(instruments({"status": "signed"}))


def test_adopted_by_accepts_the_slug_of_a_partner_body_or_of_an_organ():
    assert slugs(instruments({"adopted_by": "un-general-assembly"})) == UN_RESOLUTIONS
    by_council = slugs(instruments({"adopted_by": "collective-security-council"}))
    assert {"decision-establishing-csto", "collective-action-plan-un-counter-terrorism-strategy"} <= by_council
    assert len(by_council) == Instrument.objects.filter(adopted_by_organ__slug="collective-security-council").count()
    assert slugs(instruments({"adopted_by": "committee-of-security-council-secretaries"})) == {
        "decision-working-group-terrorism"
    }


def test_a_year_range_keeps_instruments_with_a_step_in_it():
    in_2009 = slugs(instruments({"year_from": 2009, "year_to": 2009}))
    assert "agreement-peacekeeping-activities" in in_2009  # entered into force on 15 January 2009
    assert "csto-charter" not in in_2009  # signed 2002, in force 2003
    # The Treaty has steps before and after 2009 but none in it: both bounds apply to one and the same step.
    assert "collective-security-treaty" not in in_2009
    assert in_2009 == INSTRUMENTS_WITH_A_STEP_IN_2009


def test_one_sided_year_bounds():
    assert slugs(instruments({"year_to": 1993})) == {"collective-security-treaty"}
    since_2010 = slugs(instruments({"year_from": 2010}))
    assert {"collective-security-treaty", "un-ga-resolution-un-csto-cooperation"} <= since_2010  # amended 2010
    assert "agreement-peacekeeping-activities" not in since_2010


def test_state_steps_count_as_well_as_whole_instrument_steps_for_the_year_range():
    # Azerbaijan and Georgia acceded in 1993; the Treaty as a whole has no step that year.
    assert slugs(instruments({"year_from": 1993, "year_to": 1993})) == {"collective-security-treaty"}


def test_area_is_chosen_by_slug():
    counter_terrorism = slugs(instruments({"area": "counter-terrorism"}))
    assert counter_terrorism == {
        "decision-working-group-terrorism",
        "agreement-counter-terrorism-personnel-training",
        "agreement-counter-terrorism-equipment",
        "un-global-counter-terrorism-strategy",
        "collective-action-plan-un-counter-terrorism-strategy",
        "list-of-terrorist-extremist-organizations",
    }
    assert slugs(instruments({"area": "peacekeeping"})) == {"agreement-peacekeeping-activities"}


def test_state_accepts_the_iso_code_in_either_case():
    assert slugs(instruments({"state": "by"})) == {"collective-security-treaty", "csto-charter"}
    assert slugs(instruments({"state": "BY"})) == {"collective-security-treaty", "csto-charter"}


def test_state_covers_parties_and_states_with_steps_of_their_own():
    # Georgia left the Treaty in 1999 but stays listed, with its own accession and withdrawal.
    assert slugs(instruments({"state": "ge"})) == {"collective-security-treaty"}
    assert slugs(instruments({"state": "uz"})) == {"collective-security-treaty", "csto-charter"}


def test_q_matches_title_short_title_and_summary_ignoring_case():
    assert slugs(instruments({"q": "peacekeeping"})) == {"agreement-peacekeeping-activities"}
    assert slugs(instruments({"q": "PEACEKEEPING"})) == {"agreement-peacekeeping-activities"}
    assert "collective-security-treaty" in slugs(instruments({"q": "Treaty of 1992"}))  # the short title
    assert "collective-security-treaty" in slugs(instruments({"q": "Tashkent treaty"}))  # the summary


def test_filters_combine():
    assert slugs(instruments({"kind": "agreement", "area": "counter-terrorism"})) == {
        "agreement-counter-terrorism-personnel-training",
        "agreement-counter-terrorism-equipment",
    }
    assert slugs(instruments({"state": "ru", "kind": "charter"})) == {"csto-charter"}


def test_ordering_by_title_and_by_date():
    by_title = [instrument.slug for instrument in instruments({"ordering": "title"})]
    assert by_title[0] == "action-plan-illegal-migration"
    assert by_title[-1] == "working-plan-emergency-response-system"
    assert [instrument.slug for instrument in instruments({"ordering": "-title"})] == by_title[::-1]

    oldest_first = list(instruments({"ordering": "date"}))
    assert [instrument.slug for instrument in oldest_first[:2]] == [
        "collective-security-treaty",
        "decision-establishing-csto",
    ]
    undated = Instrument.objects.filter(first_event_date__isnull=True).count()
    assert undated and all(instrument.first_event_date is None for instrument in oldest_first[-undated:])


def test_ordering_works_on_a_queryset_without_the_date_annotation():
    filterset = InstrumentFilterSet({"ordering": "date"}, queryset=Instrument.objects.all())
    assert filterset.qs.first().slug == "collective-security-treaty"


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        *BAD_INSTRUMENT_FILTERS,
        ({"year_from": 2010, "year_to": 2001}, "__all__", "The end year is before the start year"),
    ],
)
def test_bad_values_make_the_filters_invalid(params, field, message):
    assert message in " ".join(errors(params)[field])
