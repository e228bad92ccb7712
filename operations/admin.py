from django.contrib import admin

from csto_portal.admin import CitationInline, CitedAdmin
from operations.models import Meeting, Operation, Participation, Result, Series


@admin.register(Series)
class SeriesAdmin(CitedAdmin):
    list_display = ["name", "kind", "recurrence", "since_date"]
    list_filter = ["kind"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["run_by"]
    filter_horizontal = ["areas"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["state", "partner"]


class ResultInline(admin.TabularInline):
    model = Result
    extra = 0


@admin.register(Operation)
class OperationAdmin(CitedAdmin):
    list_display = ["name", "series", "kind", "status", "start_date", "end_date"]
    list_filter = ["kind", "status", "series"]
    list_select_related = ["series"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["series", "run_by", "forces", "instruments"]
    filter_horizontal = ["areas"]
    date_hierarchy = "start_date"
    inlines = [ParticipationInline, ResultInline, CitationInline]


@admin.register(Meeting)
class MeetingAdmin(CitedAdmin):
    list_display = ["title", "kind", "status", "start_date", "place", "host"]
    list_filter = ["kind", "status"]
    list_select_related = ["host"]
    search_fields = ["title", "summary", "place"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["host", "organs", "partners", "states", "people", "instruments"]
    date_hierarchy = "start_date"
