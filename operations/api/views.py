"""Operations and meetings: lists with the HTML lists' filters, full records, and writes for permitted tokens."""

from csto_portal.api.viewsets import RecordViewSet
from operations.api.serializers import (
    MeetingListSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
    OperationListSerializer,
    OperationSerializer,
    OperationWriteSerializer,
)
from operations.filters import MeetingFilterSet, OperationFilterSet
from operations.models import Meeting, Operation


class OperationViewSet(RecordViewSet):
    """Operations and exercises: series, dates, hosts; a record adds participants, observers, results and sources."""

    model = Operation
    filterset_class = OperationFilterSet
    list_serializer_class = OperationListSerializer
    serializer_class = OperationSerializer
    write_serializer_class = OperationWriteSerializer

    def list_queryset(self):
        return self.visible().for_list()

    def record_queryset(self):
        return self.visible().for_display()


class MeetingViewSet(RecordViewSet):
    """Sessions, consultations, conferences, talks and signings; a record adds who met, what they adopted, sources."""

    model = Meeting
    filterset_class = MeetingFilterSet
    list_serializer_class = MeetingListSerializer
    serializer_class = MeetingSerializer
    write_serializer_class = MeetingWriteSerializer

    def list_queryset(self):
        return self.visible().for_list()

    def record_queryset(self):
        return self.visible().for_display()
