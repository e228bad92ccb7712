from django.contrib import admin

from csto_portal.admin import CitationInline, CitedAdmin, PortalTabularInline, PublishableAdmin
from operations.models import AssistanceRequest, Meeting, Operation, Participation, Result, Series


@admin.register(Series)
class SeriesAdmin(CitedAdmin):
    list_display = ["name", "kind", "recurrence", "since", "run_by"]
    list_filter = ["kind", "recurrence"]
    list_select_related = ["run_by"]
    search_fields = ["name", "aliases", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["run_by"]
    filter_horizontal = ["areas"]


class ParticipationInline(PortalTabularInline):
    model = Participation
    fields = ["role", "state", "partner", "agencies", "note"]
    autocomplete_fields = ["state", "partner"]


class ResultInline(PortalTabularInline):
    model = Result
    fields = [
        "metric",
        "qualifier",
        "value",
        "unit",
        "period_start",
        "period_end",
        "stage",
        "state",
        "final",
        "preferred",
        "position",
    ]
    autocomplete_fields = ["state"]
    # A figure's own sources are entered on its own page, which the row links to.
    show_change_link = True


@admin.register(Result)
class ResultAdmin(CitedAdmin):
    """One figure with the citations that give it: where sources disagree, each figure keeps its own."""

    list_display = ["metric", "figure", "operation", "stage", "state", "preferred", "final"]
    list_filter = ["preferred", "final", "unit"]
    list_select_related = ["operation", "state"]
    search_fields = ["metric", "stage", "operation__name", "state__name"]
    autocomplete_fields = ["operation", "state"]


@admin.register(Operation)
class OperationAdmin(PublishableAdmin):
    list_display = ["name", "series", "kind", "status", "start", "end"]
    list_filter = ["kind", "status", "series"]
    list_select_related = ["series"]
    search_fields = ["name", "slug", "aliases", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["series", "run_by", "places", "forces", "instruments"]
    filter_horizontal = ["areas"]
    date_hierarchy = "start_date"
    inlines = [ParticipationInline, ResultInline, CitationInline]


@admin.register(Meeting)
class MeetingAdmin(PublishableAdmin):
    list_display = ["title", "kind", "form", "status", "start", "end", "place", "host"]
    list_filter = ["kind", "form", "status"]
    list_select_related = ["host", "place__state"]
    search_fields = ["title", "slug", "summary", "place__name", "host__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["place", "host", "organs", "partners", "states", "absent", "people", "instruments"]
    date_hierarchy = "start_date"


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(PublishableAdmin):
    list_display = ["title", "state", "kind", "requested", "decision"]
    list_filter = ["kind", "decision"]
    list_select_related = ["state"]
    search_fields = ["title", "slug", "summary", "outcome", "state__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["state", "addressed_to", "answered_by", "operation", "meeting"]
    date_hierarchy = "requested_date"
