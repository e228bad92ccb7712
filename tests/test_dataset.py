"""Facts of the sources as the tests' dataset (tests/dataset/) records them, read back through the loader.

The shipped dataset's own rules (every record cited, every state used) are checked in test_shipped_dataset.py.
"""

import datetime
from decimal import Decimal

import pytest

from csto_portal.models import Area
from operations.models import Meeting, Operation, Series
from organs.models import Membership, Organ, Partner, Post, Tenure
from treaties.models import Instrument

pytestmark = pytest.mark.django_db


def event_dates(slug: str) -> dict[str, str]:
    """An instrument's whole-instrument events as {kind: printed date}."""
    events = Instrument.objects.get(slug=slug).events.filter(state__isnull=True)
    return {event.kind: str(event.occurred) for event in events}


def members_on(date: str) -> list[str]:
    periods = Membership.objects.members_on(datetime.date.fromisoformat(date))
    return sorted(periods.values_list("state__iso2", flat=True))


def test_the_seven_members_of_2010():
    assert members_on("2010-06-01") == ["AM", "BY", "KG", "KZ", "RU", "TJ", "UZ"]


def test_membership_changes_over_time():
    assert members_on("1995-01-01") == ["AM", "AZ", "BY", "GE", "KG", "KZ", "RU", "TJ", "UZ"]
    assert members_on("2000-01-01") == ["AM", "BY", "KG", "KZ", "RU", "TJ"]
    # Armenia froze its participation without leaving; Uzbekistan's membership is suspended.
    assert members_on("2025-01-01") == ["AM", "BY", "KG", "KZ", "RU", "TJ"]
    assert Membership.objects.on(datetime.date(2025, 1, 1)).get(state__iso2="AM").status == "frozen"


def test_uzbek_suspension_was_decided_months_after_it_was_requested():
    suspension = Membership.objects.get(state__iso2="UZ", status="suspended")
    assert str(suspension.requested) == "June 2012"
    assert str(suspension.start) == "19 December 2012"
    claims = set(suspension.citations.filter(field="requested").values_list("claim", "preferred"))
    assert claims == {("2012-06-28", True), ("2012-06-20", False)}


def test_observers_of_the_parliamentary_assembly_are_not_members_of_the_organization():
    serbia = Membership.objects.get(state__iso2="RS")
    assert (serbia.status, serbia.body.slug, str(serbia.start)) == ("observer", "parliamentary-assembly", "2013")
    assert "RS" not in members_on("2020-01-01")


def test_treaty_and_charter_dates():
    treaty = event_dates("collective-security-treaty")
    assert (treaty["signed"], treaty["in_force"], treaty["registered_un"]) == (
        "15 May 1992",
        "20 April 1994",
        "1 November 1995",
    )
    assert Instrument.objects.get(slug="collective-security-treaty").events.get(kind="signed", state=None).place == (
        "Tashkent"
    )
    assert event_dates("csto-charter") == {"signed": "7 October 2002", "in_force": "18 September 2003"}
    assert event_dates("agreement-legal-status-csto")["signed"] == "7 October 2002"
    assert event_dates("decision-establishing-csto")["adopted"] == "May 2002"


def test_peacekeeping_agreement_life_events():
    assert event_dates("agreement-peacekeeping-activities") == {
        "signed": "6 October 2007",
        "in_force": "15 January 2009",
        "registered_un": "30 November 2009",
    }


def test_united_nations_dates_and_adopters():
    observer = Instrument.objects.get(slug="un-ga-resolution-observer-status")
    assert observer.adopted_by_partner.slug == "un-general-assembly"
    assert event_dates("un-ga-resolution-observer-status")["adopted"] == "2 December 2004"
    assert event_dates("un-ga-resolution-un-csto-cooperation")["adopted"] == "2 March 2010"
    signing = Meeting.objects.get(instruments__slug="un-csto-secretariats-joint-declaration")
    assert (str(signing.start), signing.place.name) == ("18 March 2010", "Moscow")
    assert set(signing.people.values_list("slug", flat=True)) == {"ban-ki-moon", "nikolai-bordyuzha"}


def test_plans_and_declarations_keep_partial_dates():
    assert event_dates("joint-action-plan-information-security")["adopted"] == "September 2008"
    assert event_dates("declaration-emergency-response-mechanisms")["adopted"] == "June 2006"
    assert event_dates("collective-action-plan-un-counter-terrorism-strategy")["adopted"] == "5 October 2008"
    assert event_dates("action-plan-illegal-migration")["approved"] == "14 June 2009"
    assert Instrument.objects.get(slug="draft-european-security-treaty").status == "draft"


def test_the_principal_organs_and_their_relations():
    principal = {
        "collective-security-council": "supreme",
        "permanent-council": "council",
        "council-of-foreign-ministers": "council",
        "council-of-defence-ministers": "council",
        "committee-of-security-council-secretaries": "council",
        "secretary-general": "official",
        "secretariat": "working_body",
        "joint-staff": "working_body",
        "parliamentary-assembly": "parliamentary",
    }
    assert dict(Organ.objects.filter(slug__in=principal).values_list("slug", "kind")) == principal
    joint_staff = Organ.objects.get(slug="joint-staff")
    assert joint_staff.relations.filter(kind="works_under", target__slug="council-of-defence-ministers").exists()
    secretary_general = Organ.objects.get(slug="secretary-general")
    assert secretary_general.relations.filter(kind="heads", target__slug="secretariat").exists()


def test_subsidiary_bodies_with_their_founding_decisions():
    commission = Organ.objects.get(slug="interstate-commission-military-economic-cooperation")
    assert str(commission.established) == "23 June 2005"
    assert commission.established_by.adopted_by_organ.slug == "collective-security-council"
    working_group = Organ.objects.get(slug="working-group-on-terrorism-and-extremism")
    assert str(working_group.established) == "22 June 2005"
    assert working_group.established_by.adopted_by_organ.slug == "committee-of-security-council-secretaries"
    assert str(Organ.objects.get(slug="coordinating-council-illegal-migration").established) == "2007"
    assert str(Organ.objects.get(slug="coordinating-committee-emergency-situations").established) == "2007"


def test_bordyuzha_was_secretary_general_in_2010():
    holder = Tenure.objects.on(datetime.date(2010, 1, 1)).get(post__slug="csto-secretary-general")
    assert holder.person.name == "Nikolai Bordyuzha"
    assert Post.objects.get(slug="osce-cpc-director").tenures.get().person.name == "Herbert Salber"


def test_exercises_hosts_and_dates():
    rubezh = Operation.objects.get(slug="rubezh-2010")
    assert str(rubezh.start) == "April 2010"
    assert list(rubezh.participations.filter(role="host").values_list("state__iso2", flat=True)) == ["TJ"]
    assert str(Series.objects.get(slug="rubezh").since) == "2004"
    for slug, host in [("zapad-2009", "BY"), ("vzaimodeistvie-2009", "KZ")]:
        exercise = Operation.objects.get(slug=slug)
        assert exercise.participations.get(role="host").state.iso2 == host
        assert exercise.forces.filter(slug="collective-rapid-reaction-forces").exists()


def test_kanal_figures_with_units():
    kanal = Operation.objects.get(slug="kanal-2003-2009")
    figures = {r.metric: (r.qualifier, r.value, r.unit) for r in kanal.results.all()}
    assert figures["phases held"] == ("exact", Decimal(13), "phases")
    assert figures["drugs seized"] == ("more_than", Decimal(220), "t")
    assert figures["heroin seized"] == ("exact", Decimal("10.5"), "t")
    assert figures["cocaine seized"] == ("exact", Decimal(4), "t")
    assert figures["hashish seized"] == ("exact", Decimal(40), "t")
    assert figures["firearms seized"] == ("exact", Decimal(7688), "items")
    assert figures["ammunition seized"] == ("about", Decimal(250000), "rounds")
    heroin = kanal.results.get(metric="heroin seized")
    assert (str(heroin.period_start), str(heroin.period_end)) == ("2003", "2009")


def test_kanal_observers():
    kanal = Operation.objects.get(slug="kanal-2003-2009")
    observers = kanal.participations.filter(role="observer")
    assert observers.filter(state__isnull=False).count() == 22
    assert set(observers.filter(state__isnull=False).values_list("state__iso2", flat=True)) >= {"AF", "US", "VE", "CO"}
    assert set(observers.filter(partner__isnull=False).values_list("partner__slug", flat=True)) == {
        "osce",
        "interpol",
        "eag",
    }
    participants = kanal.participations.filter(role="participant")
    assert participants.count() == 7
    assert "financial_intelligence" in participants.first().agencies


def test_nelegal_operations():
    figure = Operation.objects.get(slug="nelegal-2009").results.get()
    assert (figure.value, figure.unit) == (Decimal(106923), "cases")
    assert Operation.objects.get(slug="nelegal-2010").status == "in_preparation"
    assert Operation.objects.get(slug="nelegal-2008").run_by.slug == "coordinating-council-illegal-migration"


def test_meetings_with_the_osce():
    consultations = Meeting.objects.get(slug="osce-cpc-consultations-2010-04-14")
    assert (str(consultations.start), consultations.place.name) == ("14 April 2010", "Moscow")
    assert consultations.people.filter(slug="herbert-salber").exists()
    police = Meeting.objects.get(slug="osce-police-experts-meeting-2010-05-20")
    assert (str(police.start), str(police.end), police.place.name) == ("20 May 2010", "21 May 2010", "Vienna")
    informal = Meeting.objects.get(slug="osce-permanent-representatives-informal-meeting-2010-04")
    assert set(informal.states.values_list("iso2", flat=True)) == {"US", "GB", "FR", "IT", "TR", "GR", "UA", "AF", "LT"}
    assert Meeting.objects.get(slug="osce-ministerial-council-informal-almaty-2010-07").status == "planned"


def test_partner_bodies_sit_under_their_organizations():
    assert Partner.objects.get(slug="osce-conflict-prevention-centre").parent.slug == "osce"
    assert Partner.objects.get(slug="un-counter-terrorism-committee").parent.slug == "un-security-council"
    assert {"eu", "nato", "cis", "sco", "eurasec", "iom", "interpol", "eag"} <= set(
        Partner.objects.values_list("slug", flat=True)
    )


def test_areas_list_their_tasks():
    assert Area.objects.get(slug="military-cooperation").tasks.count() == 9
    assert Area.objects.get(slug="military-technical-cooperation").tasks.count() == 5
    assert Area.objects.get(slug="contemporary-threats").children.count() == 5
