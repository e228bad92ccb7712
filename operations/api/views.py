"""Operations and meetings: lists with the HTML lists' filters, full records, and writes for permitted tokens."""

from csto_portal.api.viewsets import RecordViewSet
from operations.api.serializers import (
    AssistanceRequestListSerializer,
    AssistanceRequestSerializer,
    AssistanceRequestWriteSerializer,
    MeetingListSerializer,
    MeetingSerializer,
    MeetingWriteSerializer,
    OperationListSerializer,
    OperationSerializer,
    OperationWriteSerializer,
)
from operations.filters import AssistanceRequestFilterSet, MeetingFilterSet, OperationFilterSet
from operations.models import AssistanceRequest, Meeting, Operation


class OperationViewSet(RecordViewSet):
    """Operations and exercises: series, dates, hosts; a record adds participants, observers, results and sources."""

    model = Operation
    filterset_class = OperationFilterSet
    list_serializer_class = OperationListSerializer
    serializer_class = OperationSerializer
    write_serializer_class = OperationWriteSerializer


class MeetingViewSet(RecordViewSet):
    """Sessions, consultations, conferences, talks and signings; a record adds who met, what they adopted, sources."""

    model = Meeting
    filterset_class = MeetingFilterSet
    list_serializer_class = MeetingListSerializer
    serializer_class = MeetingSerializer
    write_serializer_class = MeetingWriteSerializer


class AssistanceRequestViewSet(RecordViewSet):
    """Member states' requests for collective help or consultations; a record adds the answer and what followed."""

    model = AssistanceRequest
    filterset_class = AssistanceRequestFilterSet
    list_serializer_class = AssistanceRequestListSerializer
    serializer_class = AssistanceRequestSerializer
    write_serializer_class = AssistanceRequestWriteSerializer
