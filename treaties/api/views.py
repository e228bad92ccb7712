"""The API's treaties and other instruments."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from csto_portal.api.base import LastModifiedMixin
from csto_portal.publishing import visible_to
from treaties.api.serializers import InstrumentListSerializer, InstrumentSerializer
from treaties.filters import InstrumentFilterSet
from treaties.models import Instrument
from treaties.views import instrument_records


@extend_schema_view(
    list=extend_schema(
        summary="List instruments",
        description="Treaties and other instruments, newest first by their first dated step (undated ones last); "
        "filter by kind, status, years, adopter, area, state or text.",
    ),
    retrieve=extend_schema(
        summary="One instrument",
        description="An instrument with its dated steps, its parties and their own steps, related instruments, "
        "the organs it set up, the operations and meetings linked to it, and its sources.",
    ),
    create=extend_schema(summary="Add an instrument"),
    update=extend_schema(summary="Replace an instrument"),
    partial_update=extend_schema(summary="Change an instrument"),
    destroy=extend_schema(summary="Delete an instrument"),
)
class InstrumentViewSet(LastModifiedMixin, viewsets.ModelViewSet):
    """Treaties, charters, agreements, resolutions, decisions and other instruments."""

    queryset = Instrument.objects.all()
    lookup_field = "slug"
    filterset_class = InstrumentFilterSet

    def get_queryset(self):
        # The list's order comes from the FilterSet's ``ordering`` (newest first by default, then title and pk).
        if self.action == "list":
            return visible_to(self.request.user, Instrument).for_list()
        return instrument_records(self.request.user)

    def get_serializer_class(self):
        return InstrumentListSerializer if self.action == "list" else InstrumentSerializer

    def perform_create(self, serializer):
        super().perform_create(serializer)
        self._reload(serializer)

    def perform_update(self, serializer):
        super().perform_update(serializer)
        self._reload(serializer)

    def _reload(self, serializer):
        """Answer a write with the record as a read shows it, nested lists included."""
        serializer.instance = instrument_records(self.request.user).get(pk=serializer.instance.pk)
