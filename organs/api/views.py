"""The API's organs, member states, people and partner organizations: read by anyone, written with a token."""

from django.db.models import F, OuterRef, Prefetch
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from csto_portal.api.viewsets import RecordViewSet
from csto_portal.related import SubqueryCount, recent
from operations.models import Operation, Participation
from organs.api import serializers
from organs.filters import OrganFilterSet, PartnerFilterSet, PersonFilterSet, PlaceFilterSet, StateFilterSet
from organs.models import Organ, Partner, Person, Place, State
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


class OrganViewSet(RecordViewSet):
    """The CSTO's organs, in the structure chart's order; each with its relations, posts and holders, and sources."""

    model = Organ
    filterset_class = OrganFilterSet
    list_serializer_class = serializers.OrganListSerializer
    serializer_class = serializers.OrganSerializer

    def record_queryset(self):
        return self.visible().for_api()


STATE_CODE = OpenApiParameter(
    "iso2",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="The state's ISO 3166-1 alpha-2 code, in either case (kz or KZ).",
)


@extend_schema_view(
    **{action: extend_schema(parameters=[STATE_CODE]) for action in ("retrieve", "update", "partial_update", "destroy")}
)
class StateViewSet(RecordViewSet):
    """States with their standing: the list holds the states that ever had a membership period, with their standing
    today or on the day given by ``?as_of=``; a state's record (at its ISO code, in either case) holds its history.
    """

    model = State
    lookup_field = "iso2"
    filterset_class = StateFilterSet
    list_serializer_class = serializers.StateListSerializer
    serializer_class = serializers.StateSerializer

    def list_queryset(self):
        return self.visible().member_states()

    def record_queryset(self):
        return state_records()

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


class PersonViewSet(RecordViewSet):
    """People who held a post in a CSTO organ or a partner organization, or took part in its meetings."""

    model = Person
    filterset_class = PersonFilterSet
    list_serializer_class = serializers.PersonListSerializer
    serializer_class = serializers.PersonSerializer


class PartnerViewSet(RecordViewSet):
    """International organizations and their bodies that the CSTO works with, each with its parent organization."""

    model = Partner
    filterset_class = PartnerFilterSet
    list_serializer_class = serializers.PartnerListSerializer
    serializer_class = serializers.PartnerSerializer

    def record_queryset(self):
        return partner_records()


class PlaceViewSet(RecordViewSet):
    """Cities, regions and training ranges where meetings and operations were held."""

    model = Place
    filterset_class = PlaceFilterSet
    list_serializer_class = serializers.PlaceSerializer
    serializer_class = serializers.PlaceSerializer

    def list_queryset(self):
        return self.visible().for_list().prefetch_related("citations__source")

    def record_queryset(self):
        return self.list_queryset()
