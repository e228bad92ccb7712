"""The API's treaties and other instruments."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from csto_portal.api.viewsets import RecordViewSet
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
class InstrumentViewSet(RecordViewSet):
    """Treaties, charters, agreements, resolutions, decisions and other instruments."""

    model = Instrument
    filterset_class = InstrumentFilterSet
    list_serializer_class = InstrumentListSerializer
    serializer_class = InstrumentSerializer

    def record_queryset(self):
        return instrument_records(self.visible())
