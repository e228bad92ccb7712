"""Operations and meetings: lists with the HTML lists' filters, full records, and writes for permitted tokens."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.response import Response

from csto_portal.api.base import LastModifiedMixin
from csto_portal.publishing import visible_to
from operations.api.serializers import (
    MeetingDetailSerializer,
    MeetingListSerializer,
    MeetingWriteSerializer,
    OperationDetailSerializer,
    OperationListSerializer,
    OperationWriteSerializer,
)
from operations.filters import MeetingFilterSet, OperationFilterSet
from operations.models import Meeting, Operation

WRITES = {"create", "update", "partial_update"}


class ShapedViewSet(LastModifiedMixin, viewsets.ModelViewSet):
    """A list of rows, full records, and writes in a flat shape (related records by slug) answered with the full
    record, so that a script sees what it saved exactly as a later GET will show it."""

    lookup_field = "slug"
    list_serializer_class = detail_serializer_class = write_serializer_class = None

    def get_queryset(self):
        manager = visible_to(self.request.user, self.queryset.model)
        if self.action == "list":
            return manager.for_list()
        if self.action in WRITES or self.action == "destroy":
            # Writes read the record once and answer with a fresh copy, so they need none of the display joins.
            return manager.all()
        return manager.for_display()

    def get_serializer_class(self):
        if self.action == "list":
            return self.list_serializer_class
        if self.action in WRITES:
            return self.write_serializer_class
        return self.detail_serializer_class

    def shown(self, instance):
        # The writer sees what they saved, draft or not.
        record = self.queryset.model.all_objects.for_display().get(pk=instance.pk)
        return self.detail_serializer_class(record, context=self.get_serializer_context()).data

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        data = self.shown(serializer.instance)
        return Response(data, status=status.HTTP_201_CREATED, headers=self.get_success_headers(data))

    def update(self, request, *args, **kwargs):
        serializer = self.get_serializer(self.get_object(), data=request.data, partial=kwargs.pop("partial", False))
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        return Response(self.shown(serializer.instance))


def _documented(write, detail):
    return extend_schema_view(
        create=extend_schema(request=write, responses={201: detail}),
        update=extend_schema(request=write, responses=detail),
        partial_update=extend_schema(request=write, responses=detail),
    )


@_documented(OperationWriteSerializer, OperationDetailSerializer)
class OperationViewSet(ShapedViewSet):
    """Operations and exercises: series, dates, hosts; a record adds participants, observers, results and sources."""

    queryset = Operation.objects.all()
    filterset_class = OperationFilterSet
    list_serializer_class = OperationListSerializer
    detail_serializer_class = OperationDetailSerializer
    write_serializer_class = OperationWriteSerializer


@_documented(MeetingWriteSerializer, MeetingDetailSerializer)
class MeetingViewSet(ShapedViewSet):
    """Sessions, consultations, conferences, talks and signings; a record adds who met, what they adopted, sources."""

    queryset = Meeting.objects.all()
    filterset_class = MeetingFilterSet
    list_serializer_class = MeetingListSerializer
    detail_serializer_class = MeetingDetailSerializer
    write_serializer_class = MeetingWriteSerializer
