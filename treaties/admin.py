from django.contrib import admin
from django.db.models import Count, OuterRef, Subquery
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
        # The first dated step and the number of parties come with each row instead of costing a query per row.
        first = InstrumentEvent.objects.filter(instrument=OuterRef("pk"), state__isnull=True).order_by(
            "occurred_date", "pk"
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                first_event_date=Subquery(first.values("occurred_date")[:1]),
                first_event_precision=Subquery(first.values("occurred_precision")[:1]),
                party_total=Count("parties", distinct=True),
            )
        )

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
