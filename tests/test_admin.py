"""The editors' admin: partial dates typed as people write them, database rules as form errors, bounded changelists."""

import datetime
from decimal import Decimal

import pytest
from django.contrib import admin
from django.urls import reverse
from pytest_django.asserts import assertContains
from rest_framework.authtoken.models import Token

from csto_portal.admin_forms import PartialDateField
from csto_portal.dates import DatePrecision, PartialDate
from csto_portal.models import Citation, Source
from csto_portal.publishing import created_by
from operations.models import Operation, Participation, Result
from organs.models import Membership, Organ, Partner, Person, Post, State, Tenure
from tests.growth import grow_dataset, queries_for
from tests.helpers import form_data, post_back
from treaties.models import Instrument

pytestmark = pytest.mark.django_db

REGISTERED = list(admin.site._registry)
PORTAL_APPS = {"csto_portal", "organs", "treaties", "operations"}
# The main fields of a new operation, as the tests that add one with inline rows type them.
KANAL_TEST = {"slug": "kanal-test", "name": "Kanal-Test", "kind": "anti_drug", "status": "held"}


def _url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def _rows(prefix: str, *rows: dict, initial: int = 0) -> dict:
    """New inline rows under ``prefix``, after ``initial`` stored ones."""
    data = {f"{prefix}-TOTAL_FORMS": initial + len(rows)}
    for i, row in enumerate(rows, start=initial):
        data.update({f"{prefix}-{i}-{name}": value for name, value in row.items()})
    return data


def _citation(page, locator: str = "Section 2") -> dict:
    """A new citation row on the page's citation inline, as an editor adds one to back what the form enters."""
    formset = next(
        inline.formset for inline in page.context["inline_admin_formsets"] if inline.formset.model is Citation
    )
    source = Source.objects.order_by("pk").first()
    return _rows(formset.prefix, {"source": source.pk, "locator": locator}, initial=len(formset.initial_forms))


def _errors(response) -> list[str]:
    """Every error message on the re-shown form: the main form's and each inline row's."""
    assert response.status_code == 200, "the form was accepted"
    messages = [str(m) for field in response.context["adminform"].form.errors.values() for m in field]
    for formset in response.context["inline_admin_formsets"]:
        messages += [str(m) for m in formset.formset.non_form_errors()]
        for form_errors in formset.formset.errors:
            messages += [str(m) for field in form_errors.values() for m in field]
    return messages


def _result(**fields) -> dict:
    """An inline result row as the browser posts it: the blank row's defaults, then what was typed."""
    return {"qualifier": "exact", "unit": "t", "final": "on", "position": 0, **fields}


@pytest.fixture
def kazakhstan():
    return State.objects.get(iso2="KZ")


# Partial dates


@pytest.mark.parametrize(
    ("typed", "date", "precision"),
    [
        ("2007", datetime.date(2007, 1, 1), DatePrecision.YEAR),
        ("June 2006", datetime.date(2006, 6, 1), DatePrecision.MONTH),
        ("Jun 2006", datetime.date(2006, 6, 1), DatePrecision.MONTH),
        ("14 June 2006", datetime.date(2006, 6, 14), DatePrecision.DAY),
        ("June 14, 2006", datetime.date(2006, 6, 14), DatePrecision.DAY),
        ("2006-06", datetime.date(2006, 6, 1), DatePrecision.MONTH),
        ("2006-06-14", datetime.date(2006, 6, 14), DatePrecision.DAY),
        (" 14  jun  2006 ", datetime.date(2006, 6, 14), DatePrecision.DAY),
    ],
)
def test_a_date_is_read_as_people_write_it(typed, date, precision):
    assert PartialDateField().clean(typed) == PartialDate(date, precision)


@pytest.mark.parametrize("typed", ["14/06/2006", "June", "Juny 2006", "06-2006", "the summer of 2006", "20077"])
def test_anything_else_is_refused_with_what_to_write(typed):
    field = PartialDateField()
    with pytest.raises(Exception, match=r"Write a year \(2007\), a month \(June 2006\) or a day \(14 June 2006\)\."):
        field.clean(typed)


def test_a_day_not_in_the_calendar_is_refused():
    with pytest.raises(Exception, match=r"“31 June 2006” is not in the calendar\."):
        PartialDateField().clean("31 June 2006")


def test_the_form_shows_one_field_per_date_with_the_value_as_it_prints(admin_client):
    rubezh = Operation.objects.get(slug="rubezh-2010")
    page = admin_client.get(_url(Operation, "change", rubezh.pk))
    form = page.context["adminform"].form
    assert "start" in form.fields and "start_date" not in form.fields and "start_precision" not in form.fields
    assert form["start"].value() == "April 2010"
    assert 'value="April 2010"' in page.text
    assert "a month (June 2006, Jun 2006 or 2006-06)" in page.text


def test_every_partial_date_of_every_admin_form_is_one_field(rf, admin_user):
    request = rf.get("/")
    request.user = admin_user
    for model, model_admin in admin.site._registry.items():
        forms = [model_admin.get_form(request)]
        forms += [inline.get_formset(request).form for inline in model_admin.get_inline_instances(request)]
        for form in forms:
            names = list(form.base_fields)
            assert not [n for n in names if n.endswith("_precision")], (model, names)
            for name in names:
                if name.endswith("_date"):
                    assert not isinstance(getattr(form._meta.model, name.removesuffix("_date"), None), property)


def test_an_operation_is_added_with_participants_and_results_through_the_inlines(admin_client, kazakhstan):
    url = _url(Operation, "add")
    page = admin_client.get(url)
    russia = State.objects.get(iso2="RU")
    data = form_data(
        page,
        **KANAL_TEST,
        start="April 2010",
        end="2010-04-14",
        **_rows(
            "participations",
            {"role": "host", "state": kazakhstan.pk, "agencies": ["police", "customs"]},
            {"role": "participant", "state": russia.pk},
        ),
        **_rows(
            "results",
            _result(metric="heroin seized", qualifier="about", value="10.5", period_start="2003"),
            _result(metric="cases opened", value="42", unit="cases", stage="June 2009 to 2010"),
        ),
        **_citation(page),
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, _errors(response)

    operation = Operation.objects.get(slug="kanal-test")
    assert (operation.start_date, operation.start_precision) == (datetime.date(2010, 4, 1), DatePrecision.MONTH)
    assert (operation.end_date, operation.end_precision) == (datetime.date(2010, 4, 14), DatePrecision.DAY)
    host = operation.participations.get(role="host")
    assert (host.state, host.agencies) == (kazakhstan, ["police", "customs"])
    assert operation.participations.count() == 2
    heroin = operation.results.get(metric="heroin seized")
    assert heroin.value == Decimal("10.5")
    assert (heroin.period_start_date, heroin.period_start_precision) == (datetime.date(2003, 1, 1), DatePrecision.YEAR)
    assert heroin.period_end is None


def test_a_date_typed_again_replaces_both_columns(admin_client):
    rubezh = Operation.objects.get(slug="rubezh-2010")
    url = _url(Operation, "change", rubezh.pk)
    page = admin_client.get(url)
    response = admin_client.post(url, form_data(page, start="14 April 2010", end="June 2010", **_citation(page)))
    assert response.status_code == 302, _errors(response)
    rubezh.refresh_from_db()
    assert (rubezh.start_date, rubezh.start_precision) == (datetime.date(2010, 4, 14), DatePrecision.DAY)
    assert (rubezh.end_date, rubezh.end_precision) == (datetime.date(2010, 6, 1), DatePrecision.MONTH)


def test_a_date_the_form_cannot_read_is_a_form_error(admin_client):
    rubezh = Operation.objects.get(slug="rubezh-2010")
    url = _url(Operation, "change", rubezh.pk)
    response = post_back(admin_client, url, start="spring 2010")
    assert response.context["adminform"].form.errors["start"] == [
        "Write a year (2007), a month (June 2006) or a day (14 June 2006)."
    ]


def test_a_required_date_left_blank_is_a_form_error(admin_client, kazakhstan):
    response = admin_client.post(
        _url(Membership, "add"), form_data(admin_client.get(_url(Membership, "add")), state=kazakhstan.pk)
    )
    assert response.context["adminform"].form.errors["start"] == ["This field is required."]


def test_changelists_show_dates_as_they_print(admin_client):
    page = admin_client.get(_url(Operation, "changelist"), {"q": "Rubezh-2010"})
    assert "April 2010" in page.text
    assert "2010-04-01" not in page.text and "April 1, 2010" not in page.text
    members = admin_client.get(_url(Membership, "changelist"), {"q": "Kazakhstan"})
    assert "15 May 1992" in members.text


def test_the_instrument_changelist_sorts_by_the_stored_first_dated_step(admin_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        page = admin_client.get(_url(Instrument, "changelist"), {"o": "5"})
    dates = [instrument.first_event_date for instrument in page.context["cl"].result_list]
    assert dates[0] == datetime.date(1992, 5, 15)
    assert [date for date in dates if date] == sorted(date for date in dates if date)
    assert "15 May 1992" in page.text and "May 2002" in page.text


# Rules of the database, refused by the form with the model's message


def test_an_overlapping_membership_is_refused(admin_client, kazakhstan):
    url = _url(Membership, "add")
    errors = _errors(post_back(admin_client, url, state=kazakhstan.pk, status="observer", start="2000"))
    assert (
        "This state already has a membership period covering these dates. It overlaps: Kazakhstan: member from "
        "15 May 1992."
    ) in errors


def test_an_overlapping_membership_added_inline_is_refused(admin_client, kazakhstan):
    url = _url(State, "change", kazakhstan.pk)
    page = admin_client.get(url)
    stored = page.context["inline_admin_formsets"][0].formset.initial_form_count()
    data = form_data(page, **_rows("memberships", {"status": "observer", "start": "2000"}, initial=stored))
    assert (
        "This state already has a membership period covering these dates. It overlaps: Kazakhstan: member from "
        "15 May 1992."
    ) in _errors(admin_client.post(url, data))
    assert kazakhstan.memberships.count() == stored


def test_overlapping_memberships_of_a_new_state_are_refused(admin_client):
    url = _url(State, "add")
    overlapping = _rows(
        "memberships",
        {"status": "observer", "start": "2000", "end": "2005"},
        {"status": "member", "start": "June 2004"},
    )
    errors = _errors(post_back(admin_client, url, iso2="XQ", name="Testland", **overlapping))
    assert (
        "This state already has a membership period covering these dates. It overlaps: Testland: observer from 2000 "
        "until 2005."
    ) in errors
    assert not State.objects.filter(iso2="XQ").exists()


def test_consecutive_memberships_of_a_new_state_are_accepted(admin_client):
    url = _url(State, "add")
    page = admin_client.get(url)
    data = form_data(
        page,
        iso2="XQ",
        name="Testland",
        **_rows(
            "memberships",
            {"status": "observer", "start": "2000", "end": "June 2004"},
            {"status": "member", "start": "June 2004"},
        ),
        **_citation(page),
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, _errors(response)
    assert State.objects.get(iso2="XQ").memberships.count() == 2


def test_an_end_before_the_start_is_refused(admin_client):
    rubezh = Operation.objects.get(slug="rubezh-2010")
    url = _url(Operation, "change", rubezh.pk)
    errors = _errors(post_back(admin_client, url, start="April 2010", end="2009"))
    assert "The end date cannot be before the start date." in errors


def test_an_end_before_the_start_in_an_inline_row_is_refused(admin_client):
    url = _url(Operation, "add")
    row = _result(metric="heroin seized", value="1", period_start="2009", period_end="2003")
    errors = _errors(post_back(admin_client, url, **KANAL_TEST, **_rows("results", row)))
    assert "The end date cannot be before the start date." in errors


def test_a_negative_figure_is_refused(admin_client):
    rubezh = Operation.objects.get(slug="rubezh-2010")
    url = _url(Operation, "change", rubezh.pk)
    page = admin_client.get(url)
    data = form_data(page, **_rows("results", _result(metric="heroin seized", value="-1")))
    assert "A figure cannot be negative." in _errors(admin_client.post(url, data))


def test_a_figure_recorded_twice_for_a_new_operation_is_refused(admin_client):
    url = _url(Operation, "add")
    row = _result(metric="heroin seized", value="1")
    errors = _errors(post_back(admin_client, url, **KANAL_TEST, **_rows("results", row, row)))
    assert "This figure is already recorded for that stage and state." in errors


def test_a_state_listed_twice_in_one_role_is_refused(admin_client, kazakhstan):
    url = _url(Operation, "add")
    row = {"role": "participant", "state": kazakhstan.pk}
    errors = _errors(post_back(admin_client, url, **KANAL_TEST, **_rows("participations", row, row)))
    assert "This state is already listed in that role." in errors


def test_two_preferred_citations_for_one_attribute_are_refused(admin_client):
    rubezh = Operation.objects.get(slug="rubezh-2010")
    url = _url(Operation, "change", rubezh.pk)
    page = admin_client.get(url)
    citations = page.context["inline_admin_formsets"][-1].formset
    source = rubezh.citations.first().source
    row = {"source": source.pk, "field": "start", "preferred": "on"}
    data = form_data(
        page, **_rows(citations.prefix, row | {"locator": "a"}, row | {"locator": "b"}, initial=len(citations))
    )
    assert "Only one citation per attribute can be the preferred one." in _errors(admin_client.post(url, data))


def test_a_duplicate_code_is_refused(admin_client):
    url = _url(State, "add")
    errors = post_back(admin_client, url, iso2="kz", name="Kazakhstan again").context["adminform"].form.errors
    assert errors["iso2"] == ["State with this ISO 3166-1 alpha-2 code already exists."]


def test_a_duplicate_slug_is_refused(admin_client):
    url = _url(Operation, "add")
    response = post_back(admin_client, url, slug="rubezh-2010", name="Rubezh again", kind="exercise", status="held")
    errors = response.context["adminform"].form.errors
    assert errors["slug"] == ["Operation with this Slug already exists."]


def test_an_instrument_with_both_adopters_is_refused(admin_client):
    instrument = Instrument.objects.filter(adopted_by_organ__isnull=False).first()
    url = _url(Instrument, "change", instrument.pk)
    message = "Name either the CSTO organ or the partner body that adopted it, not both."
    assert message in _errors(post_back(admin_client, url, adopted_by_partner=Partner.objects.first().pk))


def test_the_form_stores_a_month_or_a_year_as_the_first_day_of_it(admin_client):
    organ = Organ.objects.exclude(established_date=None).first()
    url = _url(Organ, "change", organ.pk)
    page = admin_client.get(url)
    response = admin_client.post(url, form_data(page, established="June 2006", **_citation(page)))
    assert response.status_code == 302, _errors(response)
    organ.refresh_from_db()
    assert (organ.established_date, organ.established_precision) == (datetime.date(2006, 6, 1), DatePrecision.MONTH)


def test_a_date_off_the_first_of_its_period_is_refused_with_the_model_message(admin_client, monkeypatch):
    """The field cannot produce one; should such a pair ever reach the form, the database's rule still speaks."""
    off_period = object.__new__(PartialDate)
    object.__setattr__(off_period, "date", datetime.date(2006, 6, 14))
    object.__setattr__(off_period, "precision", DatePrecision.MONTH)
    monkeypatch.setattr(PartialDateField, "to_python", lambda self, value: off_period if value else None)
    organ = Organ.objects.exclude(established_date=None).first()
    url = _url(Organ, "change", organ.pk)
    message = "A date known only to the month or year must be the first day of that period."
    assert message in _errors(post_back(admin_client, url, established="June 2006"))


# Every registered model


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_the_add_and_change_forms_open(admin_client, admin_user, model):
    assert admin_client.get(_url(model, "add")).status_code == 200
    if model._meta.app_label == "authtoken":
        Token.objects.create(user=admin_user)
    record = model.objects.order_by("pk").first()
    assert record is not None, f"the dataset has no {model._meta.verbose_name}"
    assert admin_client.get(_url(model, "change", record.pk)).status_code == 200


def test_every_changelist_runs_as_many_queries_after_the_data_grows_tenfold(admin_client):
    urls = [_url(model, "changelist") for model in REGISTERED]
    before = {url: queries_for(admin_client, url) for url in urls}
    grow_dataset()
    after = {url: queries_for(admin_client, url) for url in urls}
    assert after == before


def test_every_changelist_lists_what_each_record_is(rf, admin_user):
    request = rf.get("/")
    request.user = admin_user
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PORTAL_APPS:
            continue
        columns = model_admin.get_list_display(request)
        assert columns != ("__str__",), f"{model._meta.label} lists only the record's name"
        assert model_admin.search_fields, f"{model._meta.label} cannot be searched"


# Sources with edits: a dated fact or a figure enters only with its citation


def test_a_new_dated_record_without_a_citation_is_refused_and_nothing_is_saved(admin_client):
    url = _url(Operation, "add")
    page = admin_client.get(url)
    data = form_data(page, slug="uncited", name="Uncited", kind="exercise", status="held", start="2012")
    errors = _errors(admin_client.post(url, data))
    assert "You entered start: add a citation below (source and locator) saying where it comes from." in errors
    assert not Operation.all_objects.filter(slug="uncited").exists()


def test_a_changed_date_or_a_new_figure_asks_for_a_citation(admin_client):
    rubezh = Operation.objects.get(slug="rubezh-2010")
    url = _url(Operation, "change", rubezh.pk)
    page = admin_client.get(url)
    data = form_data(page, end="May 2010", **_rows("results", _result(metric="troops", value="1200", unit="people")))
    errors = _errors(admin_client.post(url, data))
    assert "You entered end, result: value: add a citation below" in " ".join(errors)
    rubezh.refresh_from_db()
    assert rubezh.end is None and not rubezh.results.filter(metric="troops").exists()


def test_with_its_citation_the_fact_and_the_citation_are_saved_together(admin_client):
    rubezh = Operation.objects.get(slug="rubezh-2010")
    url = _url(Operation, "change", rubezh.pk)
    page = admin_client.get(url)
    response = admin_client.post(url, form_data(page, end="May 2010", **_citation(page, locator="Rubezh-2010")))
    assert response.status_code == 302, _errors(response)
    rubezh.refresh_from_db()
    assert str(rubezh.end) == "May 2010"
    assert rubezh.citations.filter(locator="Rubezh-2010").exists()


def test_an_edit_that_adds_no_fact_needs_no_new_citation(admin_client):
    rubezh = Operation.objects.get(slug="rubezh-2010")
    url = _url(Operation, "change", rubezh.pk)
    response = post_back(admin_client, url, summary="Reworded.")
    assert response.status_code == 302, _errors(response)


# Figures the sources disagree on: each its own row, with its own sources, one of them preferred

PREFERRED_TAKEN = "Another figure for this metric, stage and state is already the preferred one: only one can be."


def _heroin() -> Result:
    return Operation.objects.get(slug="kanal-2003-2009").results.get(metric="heroin seized")


def test_a_figure_row_links_to_the_figure_page_where_its_sources_are_entered(admin_client):
    heroin = _heroin()
    assertContains(admin_client.get(_url(Operation, "change", heroin.operation_id)), _url(Result, "change", heroin.pk))
    page = admin_client.get(_url(Result, "change", heroin.pk))
    assert any(inline.formset.model is Citation for inline in page.context["inline_admin_formsets"])


def test_a_new_value_on_the_figure_page_enters_only_with_its_citation(admin_client):
    heroin = _heroin()
    url = _url(Result, "change", heroin.pk)
    errors = _errors(post_back(admin_client, url, value="11"))
    assert "You entered value: add a citation below" in " ".join(errors)
    page = admin_client.get(url)
    response = admin_client.post(url, form_data(page, value="11", **_citation(page, locator="Table of seizures")))
    assert response.status_code == 302, _errors(response)
    heroin.refresh_from_db()
    assert heroin.value == Decimal("11") and heroin.citations.filter(locator="Table of seizures").exists()


def test_competing_figures_enter_together_through_the_inline(admin_client):
    url = _url(Operation, "add")
    page = admin_client.get(url)
    official = _result(metric="troops", value="2030", unit="people", preferred="on")
    other = _result(metric="troops", qualifier="about", value="2500", unit="people")
    response = admin_client.post(
        url, form_data(page, **KANAL_TEST, **_rows("results", official, other), **_citation(page))
    )
    assert response.status_code == 302, _errors(response)
    troops = Operation.all_objects.get(slug="kanal-test").results.order_by("value")
    assert [(result.value, result.preferred) for result in troops] == [(2030, True), (2500, False)]


def test_two_preferred_figures_in_the_inline_are_refused_with_the_reason(admin_client):
    url = _url(Operation, "add")
    rows = [_result(metric="troops", value=value, unit="people", preferred="on") for value in ("2030", "2500")]
    assert PREFERRED_TAKEN in _errors(post_back(admin_client, url, **KANAL_TEST, **_rows("results", *rows)))


def test_ticking_a_second_preferred_figure_on_its_page_is_refused(admin_client):
    heroin = _heroin()
    heroin.preferred = True
    heroin.save()
    rival = Result.objects.create(
        operation=heroin.operation, metric=heroin.metric, stage=heroin.stage, qualifier="about", value=11, unit="t"
    )
    assert PREFERRED_TAKEN in _errors(post_back(admin_client, _url(Result, "change", rival.pk), preferred="on"))


# A post held by one person at a time


def test_an_overlapping_holder_is_refused_naming_the_holder_it_meets(admin_client):
    url = _url(Tenure, "add")
    newcomer = Person.objects.create(slug="a-newcomer", name="A Newcomer")
    post = Post.objects.get(slug="csto-secretary-general")
    page = admin_client.get(url)
    data = form_data(page, **_citation(page), person=newcomer.pk, post=post.pk, start="2015")
    assert _errors(admin_client.post(url, data)) == [
        "This post has one holder at a time, and someone else holds it then. It overlaps: Nikolai Bordyuzha, "
        "Secretary-General of the CSTO from 2003 until 31 December 2016."
    ]
    assert not newcomer.tenures.exists()


@pytest.mark.parametrize("single_holder", [False, True], ids=["several holders", "one holder"])
def test_a_new_posts_overlapping_holders_entered_inline_stand_only_if_it_has_several(admin_client, single_holder):
    url = _url(Post, "add")
    people = Person.objects.order_by("pk")[:2]
    page = admin_client.get(url)
    data = form_data(
        page,
        **_citation(page),
        slug="deputy",
        title="Deputy",
        organ=Organ.objects.get(slug="secretariat").pk,
        single_holder="on" if single_holder else "",
        **_rows(
            "tenures",
            {"person": people[0].pk, "start": "2010", "end": "2014"},
            {"person": people[1].pk, "start": "2012"},
        ),
    )
    response = admin_client.post(url, data)
    if single_holder:
        assert any(error.startswith("This post has one holder at a time") for error in _errors(response))
        assert not Post.objects.filter(slug="deputy").exists()
    else:
        assert response.status_code == 302, _errors(response)
        assert Post.objects.get(slug="deputy").tenures.count() == 2


# Editors remove their own mistakes; published records stay with the reviewers


def _added_by(client, slug: str) -> Operation:
    """An operation added through the admin by the user ``client`` is logged in as, so its history names them."""
    response = post_back(client, _url(Operation, "add"), **{**KANAL_TEST, "slug": slug, "status": "planned"})
    assert response.status_code == 302, _errors(response)
    return Operation.all_objects.get(slug=slug)


def test_an_editor_deletes_a_draft_of_their_own(client, editor):
    client.force_login(editor)
    draft = _added_by(client, "mistaken-entry")
    assert draft.draft and created_by(draft) == editor.pk
    assert client.post(_url(Operation, "delete", draft.pk), {"post": "yes"}).status_code == 302
    assert not Operation.all_objects.filter(slug="mistaken-entry").exists()


def test_an_editor_cannot_delete_another_users_draft_nor_a_selection(client, editor, reviewer):
    client.force_login(reviewer)
    draft = _added_by(client, "someone-elses-draft")
    draft.draft = True
    draft.save()
    client.force_login(editor)
    assert client.get(_url(Operation, "delete", draft.pk)).status_code == 403
    action_form = client.get(_url(Operation, "changelist")).context["action_form"]
    assert action_form is None or "delete_selected" not in dict(action_form.fields["action"].choices)
    assert Operation.all_objects.filter(slug="someone-elses-draft").exists()


def test_an_editor_removes_a_participant_row_added_by_mistake(client, editor):
    client.force_login(editor)
    rubezh = Operation.objects.get(slug="rubezh-2010")
    url = _url(Operation, "change", rubezh.pk)
    page = client.get(url)
    participations = next(f.formset for f in page.context["inline_admin_formsets"] if f.formset.model is Participation)
    assert participations.can_delete
    before = rubezh.participations.count()
    response = client.post(url, form_data(page, **{f"{participations.forms[0].prefix}-DELETE": "on"}))
    assert response.status_code == 302, _errors(response)
    assert rubezh.participations.count() == before - 1
