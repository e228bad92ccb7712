from django.contrib import admin

from csto_portal.admin import CitationInline, CitedAdmin, PortalTabularInline, PublishableAdmin
from operations.models import Meeting, Operation, Participation, Result, Series


@admin.register(Series)
class SeriesAdmin(CitedAdmin):
    list_display = ["name", "kind", "recurrence", "since", "run_by"]
    list_filter = ["kind", "recurrence"]
    list_select_related = ["run_by"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["run_by"]
    filter_horizontal = ["areas"]


class ParticipationInline(PortalTabularInline):
    model = Participation
    fields = ["role", "state", "partner", "agencies", "note"]
    autocomplete_fields = ["state", "partner"]


class ResultInline(PortalTabularInline):
    model = Result
    fields = ["metric", "qualifier", "value", "unit", "period_start", "period_end", "stage", "final", "position"]


@admin.register(Operation)
class OperationAdmin(PublishableAdmin):
    list_display = ["name", "series", "kind", "status", "start", "end"]
    list_filter = ["kind", "status", "series"]
    list_select_related = ["series"]
    search_fields = ["name", "slug", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["series", "run_by", "forces", "instruments"]
    filter_horizontal = ["areas"]
    date_hierarchy = "start_date"
    inlines = [ParticipationInline, ResultInline, CitationInline]


@admin.register(Meeting)
class MeetingAdmin(PublishableAdmin):
    list_display = ["title", "kind", "status", "start", "end", "place", "host"]
    list_filter = ["kind", "status"]
    list_select_related = ["host"]
    search_fields = ["title", "slug", "summary", "place", "host__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["host", "organs", "partners", "states", "people", "instruments"]
    date_hierarchy = "start_date"
