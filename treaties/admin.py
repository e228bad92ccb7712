from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from csto_portal.admin import CitationInline, PortalTabularInline, PublishableAdmin
from csto_portal.dates import PartialDate
from treaties.models import Instrument, InstrumentEvent, InstrumentRelation, Party


class InstrumentEventInline(PortalTabularInline):
    model = InstrumentEvent
    fields = ["kind", "occurred", "state", "place", "note"]
    autocomplete_fields = ["state"]


class PartyInline(PortalTabularInline):
    model = Party
    fields = ["state", "status", "note"]
    autocomplete_fields = ["state"]


class InstrumentRelationInline(PortalTabularInline):
    model = InstrumentRelation
    fk_name = "source"
    fields = ["kind", "target"]
    autocomplete_fields = ["target"]


@admin.register(Instrument)
class InstrumentAdmin(PublishableAdmin):
    list_display = ["title", "kind", "status", "adopted_by", "first_event", "party_count"]
    list_filter = ["kind", "status", "areas", ("adopted_by_organ", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["adopted_by_organ", "adopted_by_partner"]
    search_fields = ["title", "short_title", "summary", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["adopted_by_organ", "adopted_by_partner"]
    filter_horizontal = ["areas"]
    inlines = [InstrumentEventInline, PartyInline, InstrumentRelationInline, CitationInline]

    def get_queryset(self, request):
        # The number of parties comes with each row instead of costing a query per row.
        return super().get_queryset(request).annotate(party_total=Count("parties", distinct=True))

    @admin.display(description=_("adopted by"), ordering="adopted_by_organ__name")
    def adopted_by(self, instrument):
        return instrument.adopted_by

    @admin.display(description=_("first dated step"), ordering="first_event_date")
    def first_event(self, instrument):
        if instrument.first_event_date is None:
            return None
        return PartialDate(instrument.first_event_date, instrument.first_event_precision)

    @admin.display(description=_("parties"), ordering="party_total")
    def party_count(self, instrument):
        return instrument.party_total
