from django.contrib import admin

from csto_portal.admin import CitationInline, CitedAdmin
from treaties.models import Instrument, InstrumentEvent, InstrumentRelation, Party


class InstrumentEventInline(admin.TabularInline):
    model = InstrumentEvent
    extra = 0
    autocomplete_fields = ["state"]
    fields = ["kind", "occurred_date", "occurred_precision", "state", "place", "note"]


class PartyInline(admin.TabularInline):
    model = Party
    extra = 0
    autocomplete_fields = ["state"]


class InstrumentRelationInline(admin.TabularInline):
    model = InstrumentRelation
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["target"]


@admin.register(Instrument)
class InstrumentAdmin(CitedAdmin):
    list_display = ["title", "kind", "status", "adopted_by_organ", "adopted_by_partner"]
    list_filter = ["kind", "status", "areas"]
    list_select_related = ["adopted_by_organ", "adopted_by_partner"]
    search_fields = ["title", "short_title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["adopted_by_organ", "adopted_by_partner"]
    filter_horizontal = ["areas"]
    inlines = [InstrumentEventInline, PartyInline, InstrumentRelationInline, CitationInline]
