from types import SimpleNamespace

from django.core.paginator import InvalidPage, Paginator
from django.db.models import CharField, F, Func, IntegerField, Value
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from csto_portal import data_version
from csto_portal.site.forms import SearchForm, TimelineForm
from csto_portal.site.search import search_all
from csto_portal.site.timeline import entry, timeline
from operations.models import Meeting, Operation
from organs.models import Membership, Organ, Partner
from treaties.models import Instrument, InstrumentEvent

FOUNDING_EVENTS = {
    "treaty_signed": ("collective-security-treaty", "signed"),
    "charter_signed": ("csto-charter", "signed"),
    "charter_in_force": ("csto-charter", "in_force"),
}
TIMELINE_PAGE_SIZE = 100


def record_counts() -> dict[str, int]:
    """How many published records of each kind there are, in one query."""
    managers = {
        "organs": Organ.objects,
        "instruments": Instrument.objects,
        "operations": Operation.objects,
        "meetings": Meeting.objects,
        "partners": Partner.objects,
    }
    # COUNT as a plain function: Django's Count aggregate would group each table's rows by their id.
    first, *rest = [
        manager.order_by().values(
            record=Value(name, output_field=CharField()),
            total=Func(F("pk"), function="COUNT", output_field=IntegerField()),
        )
        for name, manager in managers.items()
    ]
    return {row["record"]: row["total"] for row in first.union(*rest, all=True)}


def home(request):
    """What the CSTO is, when it was founded, who belongs to it today, key figures and the latest events."""
    events = InstrumentEvent.objects.filter(
        instrument__draft=False,
        state__isnull=True,
        instrument__slug__in={slug for slug, _ in FOUNDING_EVENTS.values()},
        kind__in={kind for _, kind in FOUNDING_EVENTS.values()},
    ).select_related("instrument")
    by_key = {(event.instrument.slug, event.kind): event for event in events}
    today = timezone.localdate()
    members = Membership.objects.members_on(today).select_related("state").order_by("state__name")
    context = {
        "founding": {name: by_key.get(key) for name, key in FOUNDING_EVENTS.items()},
        "members": members,
        # Counting reads whole tables; the figures change only when a record does.
        "counts": data_version.cached("home-counts", record_counts),
        # Dated up to today: plans for later in the year are what is to come, not the latest.
        "latest": [entry(row) for row in timeline(newest_first=True, until=today)[:8]],
        "upcoming": [entry(row) for row in timeline(after=today)[:5]],
    }
    return render(request, "home.html", context)


def _page(request, items, per_page):
    try:
        return Paginator(items, per_page).page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404(f"There is no such page of results ({error}).") from None


def timeline_view(request):
    """Every dated fact in order, grouped by year; filterable by year range, kind and area."""
    form = TimelineForm(request.GET)
    if form.is_valid():
        area = form.cleaned_data["area"]
        rows = timeline(
            category=form.cleaned_data["kind"] or None,
            area=area.slug if area else None,
            year_from=form.cleaned_data["year_from"],
            year_to=form.cleaned_data["year_to"],
        )
        page = _page(request, rows, TIMELINE_PAGE_SIZE)
        entries = [entry(row) for row in page.object_list]
    else:
        page, entries = None, []
    context = {
        "filter": SimpleNamespace(form=form, errors=form.errors),
        "page_obj": page,
        "entries": entries,
        "filtered": any(request.GET.get(name) for name in form.fields),
    }
    return render(request, "site/timeline.html", context, status=200 if form.is_valid() else 400)


def search(request):
    """Full-text search over every kind of record, grouped by kind, best matches first."""
    form = SearchForm(request.GET)
    valid = form.is_valid()
    query = form.cleaned_data["q"] if valid else ""
    context = {
        "form": form,
        "search_query": query,
        "groups": search_all(query) if query else [],
    }
    return render(request, "site/search.html", context, status=200 if valid else 400)
