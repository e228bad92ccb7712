"""The API's organs, member states, people and partner organizations: read by anyone, written with a token."""

from django.db.models import F, OuterRef, Prefetch
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets

from csto_portal.api.base import LastModifiedMixin
from csto_portal.related import SubqueryCount, recent
from operations.models import Operation, Participation
from organs.api import serializers
from organs.filters import OrganFilterSet, PartnerFilterSet, PersonFilterSet, StateFilterSet
from organs.models import Organ, Partner, Person, State
from treaties.models import Instrument, Party


def state_records():
    """What the API's state record nests: its own history and sources, then its most recent instruments and
    operations with how many there are in the API lists its record links to."""
    newest_parties = (
        Party.objects.filter(instrument__draft=False)
        .select_related("instrument")
        .order_by(F("instrument__first_event_date").desc(nulls_last=True), "instrument__title", "pk")
    )
    # The same sets as the operation and instrument lists' ?state= filters, which the record links to.
    state = OuterRef(OuterRef("pk"))
    return (
        State.objects.for_api()
        .annotate(
            operation_count=SubqueryCount(Operation.objects.with_participant(state=state)),
            instrument_count=SubqueryCount(Instrument.objects.concerning(state)),
        )
        .prefetch_related(
            recent("parties", newest_parties, "recent_parties"),
            recent("participations", Participation.objects.published().latest_first("role"), "recent_participations"),
        )
    )


def partner_records():
    """What the API's partner record nests: its own bodies, posts and sources, then its instruments and the
    operations it took part in, by role."""
    return Partner.objects.for_api().prefetch_related(
        Prefetch("instruments", queryset=Instrument.objects.in_order()),
        Prefetch(
            "participations",
            queryset=Participation.objects.published().order_by(
                "role", F("operation__start_date").desc(nulls_last=True), "operation__name", "pk"
            ),
        ),
    )


class OrganViewSet(LastModifiedMixin, viewsets.ModelViewSet):
    """The CSTO's organs, in the structure chart's order; each with its relations, posts and holders, and sources."""

    queryset = Organ.objects.all()
    lookup_field = "slug"
    filterset_class = OrganFilterSet

    def get_queryset(self):
        return Organ.objects.for_list() if self.action == "list" else Organ.objects.for_api()

    def get_serializer_class(self):
        return serializers.OrganListSerializer if self.action == "list" else serializers.OrganSerializer


STATE_CODE = OpenApiParameter(
    "iso2",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="The state's ISO 3166-1 alpha-2 code, in either case (kz or KZ).",
)


@extend_schema_view(
    **{action: extend_schema(parameters=[STATE_CODE]) for action in ("retrieve", "update", "partial_update", "destroy")}
)
class StateViewSet(LastModifiedMixin, viewsets.ModelViewSet):
    """States with their standing: the list holds the states that ever had a membership period, with their standing
    today or on the day given by ``?as_of=``; a state's record (at its ISO code, in either case) holds its history.
    """

    queryset = State.objects.all()
    lookup_field = "iso2"
    filterset_class = StateFilterSet

    def get_queryset(self):
        return State.objects.member_states() if self.action == "list" else state_records()

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.action == "list":
            # The standing shown is the one on the day the filters read (today unless ?as_of= says otherwise);
            # invalid filters have already been refused above.
            filterset = StateFilterSet(self.request.query_params, queryset=queryset, request=self.request)
            day = filterset.standing_date() if filterset.is_valid() else timezone.localdate()
            queryset = queryset.for_list(day)
        return queryset

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()

    def get_serializer_class(self):
        return serializers.StateListSerializer if self.action == "list" else serializers.StateSerializer

    def perform_create(self, serializer):
        super().perform_create(serializer)
        self._refetch(serializer)

    def perform_update(self, serializer):
        super().perform_update(serializer)
        self._refetch(serializer)

    def _refetch(self, serializer):
        # The record answered nests its most recent instruments and operations and their counts, as a GET does.
        serializer.instance = state_records().get(pk=serializer.instance.pk)


class PersonViewSet(LastModifiedMixin, viewsets.ModelViewSet):
    """People who held a post in a CSTO organ or a partner organization, or took part in its meetings."""

    queryset = Person.objects.all()
    lookup_field = "slug"
    filterset_class = PersonFilterSet

    def get_queryset(self):
        return Person.objects.for_list() if self.action == "list" else Person.objects.for_api()

    def get_serializer_class(self):
        return serializers.PersonListSerializer if self.action == "list" else serializers.PersonSerializer


class PartnerViewSet(LastModifiedMixin, viewsets.ModelViewSet):
    """International organizations and their bodies that the CSTO works with, each with its parent organization."""

    queryset = Partner.objects.all()
    lookup_field = "slug"
    filterset_class = PartnerFilterSet

    def get_queryset(self):
        return Partner.objects.for_list() if self.action == "list" else partner_records()

    def get_serializer_class(self):
        return serializers.PartnerListSerializer if self.action == "list" else serializers.PartnerSerializer
