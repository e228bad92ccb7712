"""Operations and meetings in the API: list rows, full records with participants and results, and writes by slug."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers
from rest_framework.reverse import reverse

from csto_portal.api.base import (
    AliasesField,
    CitationSerializer,
    DraftFieldMixin,
    PartialDateField,
    ValidatedModelSerializer,
    slug_link,
)
from csto_portal.api.links import ApiUrlField, PrecisionField, link_serializer
from csto_portal.api.serializers import TIMESTAMPS, ModelSerializer
from csto_portal.models import Area
from operations.choices import Agency, ParticipationRole, SessionForm
from operations.models import NEAREST_EDITIONS, AssistanceRequest, Meeting, Operation, Participation, Result, Series
from organs.api.serializers import StateCodeField
from organs.models import Organ, Partner, Person, Place, State
from treaties.models import Instrument


class SeriesRefSerializer(ModelSerializer):
    class Meta:
        model = Series
        fields = ["slug", "name"]


class SeriesSerializer(SeriesRefSerializer):
    """The series in an operation's full record: how many editions it has, and where a script finds them all."""

    aliases = AliasesField(read_only=True)
    edition_count = serializers.SerializerMethodField(help_text="How many published operations the series has.")
    operations = serializers.SerializerMethodField(
        help_text="The operations list filtered to the series (operations/?series=<slug>), a page at a time."
    )

    class Meta(SeriesRefSerializer.Meta):
        fields = ["slug", "name", "aliases", "edition_count", "operations"]

    def get_edition_count(self, series) -> int:
        return series.edition_count()

    @extend_schema_field(OpenApiTypes.URI)
    def get_operations(self, series):
        url = reverse("api:operation-list", request=self.context.get("request"))
        return f"{url}?series={series.slug}"


class SeriesEditionSerializer(ModelSerializer):
    url = ApiUrlField("api:operation-detail")

    class Meta:
        model = Operation
        fields = ["slug", "name", "url"]


# Operations


class ParticipationSerializer(ModelSerializer):
    state = link_serializer(State)(read_only=True, allow_null=True)
    partner = link_serializer(Partner)(read_only=True, allow_null=True, help_text="An organization taking part.")
    agencies = serializers.ListField(
        child=serializers.ChoiceField(choices=Agency.choices),
        read_only=True,
        help_text="Which of the state's services took part, where known.",
    )
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Participation
        fields = ["role", "state", "partner", "agencies", "note", "citations"]
        read_only_fields = fields


@extend_schema_serializer(component_name="OperationResult")
class ResultSerializer(ModelSerializer):
    figure = serializers.CharField(read_only=True, help_text='The figure as a reader writes it: "more than 220 t".')
    period_start = PartialDateField(read_only=True, allow_null=True)
    period_start_precision = PrecisionField("period_start")
    period_end = PartialDateField(read_only=True, allow_null=True)
    period_end_precision = PrecisionField("period_end")
    state = link_serializer(State)(
        read_only=True, allow_null=True, help_text="The state whose own figure it is (its contingent); null for all."
    )
    followed = serializers.BooleanField(
        read_only=True, help_text="Whether the portal follows this figure: the preferred one, or one standing alone."
    )
    disputed = serializers.SerializerMethodField(
        help_text="Whether sources give other figures for the same metric, stage and state (listed beside it)."
    )
    citations = CitationSerializer(many=True, read_only=True, help_text="The sources that give this figure.")

    class Meta:
        model = Result
        fields = [
            "metric",
            "qualifier",
            "value",
            "unit",
            "figure",
            "period_start",
            "period_start_precision",
            "period_end",
            "period_end_precision",
            "stage",
            "state",
            "final",
            "preferred",
            "followed",
            "disputed",
            "citations",
        ]
        read_only_fields = fields

    def get_disputed(self, result) -> bool:
        return bool(result.rivals)


# What a row of the operations list shows; the record adds to it.
OPERATION_ROW = [
    "url",
    "slug",
    "name",
    "series",
    "kind",
    "status",
    "draft",
    "start",
    "start_precision",
    "end",
    "end_precision",
    "hosts",
]


class OperationListSerializer(ModelSerializer):
    url = ApiUrlField("api:operation-detail")
    series = SeriesRefSerializer(read_only=True, allow_null=True)
    start = PartialDateField(read_only=True, allow_null=True)
    start_precision = PrecisionField("start")
    end = PartialDateField(read_only=True, allow_null=True)
    end_precision = PrecisionField("end")
    hosts = link_serializer(State)(
        source="host_states", many=True, read_only=True, help_text="The states that hosted it."
    )

    class Meta:
        model = Operation
        fields = [*OPERATION_ROW, *TIMESTAMPS]
        read_only_fields = fields


class OperationSerializer(OperationListSerializer):
    aliases = AliasesField(read_only=True)
    announced = PartialDateField(read_only=True, allow_null=True, help_text="When the plan for it was announced.")
    announced_precision = PrecisionField("announced")
    places = link_serializer(Place)(many=True, read_only=True, help_text="Where it was held.")
    requests = link_serializer(AssistanceRequest)(
        many=True, read_only=True, help_text="The requests for collective help it answered."
    )
    run_by = link_serializer(Organ)(read_only=True, allow_null=True)
    forces = link_serializer(Organ)(many=True, read_only=True, help_text="CSTO forces and bodies involved.")
    instruments = link_serializer(Instrument)(many=True, read_only=True)
    areas = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True, help_text="Area slugs.")
    participants = serializers.SerializerMethodField(help_text="States and organizations that took part.")
    observers = serializers.SerializerMethodField(help_text="States and organizations that observed it.")
    results = ResultSerializer(many=True, read_only=True)
    series = SeriesSerializer(read_only=True, allow_null=True)
    other_editions = serializers.SerializerMethodField(
        help_text=(
            f"The editions of its series nearest to this one: up to {NEAREST_EDITIONS} before it and "
            f"{NEAREST_EDITIONS} after, by start date (undated last), then name; oldest first. "
            "series.operations lists them all."
        )
    )
    citations = CitationSerializer(many=True, read_only=True)

    class Meta(OperationListSerializer.Meta):
        fields = [
            *OPERATION_ROW,
            "aliases",
            "announced",
            "announced_precision",
            "places",
            "summary",
            "requests",
            "run_by",
            "forces",
            "instruments",
            "areas",
            "participants",
            "observers",
            "results",
            "other_editions",
            "citations",
            *TIMESTAMPS,
        ]
        read_only_fields = fields

    def _in_role(self, operation, role):
        participations = [p for p in operation.participations.all() if p.role == role]
        return ParticipationSerializer(participations, many=True, context=self.context).data

    @extend_schema_field(ParticipationSerializer(many=True))
    def get_participants(self, operation):
        return self._in_role(operation, ParticipationRole.PARTICIPANT)

    @extend_schema_field(ParticipationSerializer(many=True))
    def get_observers(self, operation):
        return self._in_role(operation, ParticipationRole.OBSERVER)

    @extend_schema_field(SeriesEditionSerializer(many=True))
    def get_other_editions(self, operation):
        earlier, later = operation.nearest_editions()
        return SeriesEditionSerializer([*earlier, *later], many=True, context=self.context).data


class OperationWriteSerializer(DraftFieldMixin, ValidatedModelSerializer):
    """An operation as written: related records by slug, dates as "2010", "2010-04" or "2010-04-12"."""

    series = slug_link(Series.objects.all(), help_text="A series slug.")
    aliases = AliasesField(required=False)
    start = PartialDateField(required=False, allow_null=True)
    end = PartialDateField(required=False, allow_null=True)
    announced = PartialDateField(required=False, allow_null=True)
    places = slug_link(Place.objects.all(), many=True, help_text="Place slugs.")
    run_by = slug_link(Organ.objects.all(), help_text="An organ slug.")
    areas = slug_link(Area.objects.all(), many=True)
    instruments = slug_link(Instrument.all_objects.all(), many=True)
    forces = slug_link(Organ.objects.all(), many=True, help_text="Organ slugs.")

    class Meta:
        model = Operation
        fields = [
            "slug",
            "name",
            "aliases",
            "series",
            "kind",
            "status",
            "draft",
            "start",
            "end",
            "announced",
            "places",
            "summary",
            "run_by",
            "areas",
            "instruments",
            "forces",
        ]


# Meetings


# What a row of the meetings list shows; the record adds to it.
MEETING_ROW = [
    "url",
    "slug",
    "title",
    "kind",
    "status",
    "draft",
    "start",
    "start_precision",
    "end",
    "end_precision",
    "form",
    "place",
    "host",
]


class MeetingListSerializer(ModelSerializer):
    url = ApiUrlField("api:meeting-detail")
    start = PartialDateField(read_only=True)
    start_precision = PrecisionField("start", allow_null=False)
    end = PartialDateField(read_only=True, allow_null=True)
    end_precision = PrecisionField("end")
    form = serializers.ChoiceField(
        choices=SessionForm.choices,
        allow_blank=True,
        read_only=True,
        help_text="For a session: how it met; blank if not known.",
    )
    place = link_serializer(Place)(read_only=True, allow_null=True, help_text="Where it met, where known.")
    host = link_serializer(State)(read_only=True, allow_null=True, help_text="The host state, where known.")

    class Meta:
        model = Meeting
        fields = [*MEETING_ROW, *TIMESTAMPS]
        read_only_fields = fields


class MeetingSerializer(MeetingListSerializer):
    organs = link_serializer(Organ)(many=True, read_only=True, help_text="CSTO organs taking part.")
    partners = link_serializer(Partner)(many=True, read_only=True, help_text="Organizations taking part.")
    states = link_serializer(State)(many=True, read_only=True, help_text="States represented.")
    absent = link_serializer(State)(many=True, read_only=True, help_text="Members that stayed away.")
    people = link_serializer(Person)(many=True, read_only=True, help_text="People present.")
    chairmanships = serializers.SerializerMethodField(help_text="The states that took the chair at this session.")
    requests = link_serializer(AssistanceRequest)(
        many=True, read_only=True, help_text="The requests for collective help it decided."
    )
    instruments = link_serializer(Instrument)(many=True, read_only=True, help_text="Documents adopted or signed.")
    areas = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True, help_text="Area slugs.")
    citations = CitationSerializer(many=True, read_only=True)

    class Meta(MeetingListSerializer.Meta):
        fields = [
            *MEETING_ROW,
            "summary",
            "organs",
            "partners",
            "states",
            "absent",
            "people",
            "instruments",
            "chairmanships",
            "requests",
            "areas",
            "citations",
            *TIMESTAMPS,
        ]
        read_only_fields = fields

    @extend_schema_field(link_serializer(State)(many=True))
    def get_chairmanships(self, meeting):
        states = [chairmanship.state for chairmanship in meeting.chairmanships_taken_over.all()]
        return link_serializer(State)(states, many=True, context=self.context).data


class MeetingWriteSerializer(DraftFieldMixin, ValidatedModelSerializer):
    """A meeting as written: the host and states by ISO code, other records by slug, dates as partial ISO dates."""

    start = PartialDateField()
    end = PartialDateField(required=False, allow_null=True)
    place = slug_link(Place.objects.all(), help_text="A place slug.")
    host = StateCodeField(required=False, allow_null=True, help_text="An ISO code, e.g. kz.")
    organs = slug_link(Organ.objects.all(), many=True)
    partners = slug_link(Partner.objects.all(), many=True)
    states = StateCodeField(many=True, required=False, help_text="ISO codes.")
    absent = StateCodeField(many=True, required=False, help_text="ISO codes of members that stayed away.")
    people = slug_link(Person.objects.all(), many=True)
    instruments = slug_link(Instrument.all_objects.all(), many=True)
    areas = slug_link(Area.objects.all(), many=True)

    class Meta:
        model = Meeting
        fields = [
            "slug",
            "title",
            "kind",
            "status",
            "draft",
            "start",
            "end",
            "form",
            "place",
            "host",
            "summary",
            "organs",
            "partners",
            "states",
            "absent",
            "people",
            "instruments",
            "areas",
        ]


# Requests for collective help

# What a row of the requests list shows; the record adds to it.
REQUEST_ROW = [
    "url",
    "slug",
    "title",
    "state",
    "kind",
    "draft",
    "requested",
    "requested_precision",
    "decision",
]


class AssistanceRequestListSerializer(ModelSerializer):
    url = ApiUrlField("api:assistancerequest-detail")
    state = link_serializer(State)(read_only=True, help_text="The state that asked.")
    requested = PartialDateField(read_only=True)
    requested_precision = PrecisionField("requested", allow_null=False)

    class Meta:
        model = AssistanceRequest
        fields = [*REQUEST_ROW, *TIMESTAMPS]
        read_only_fields = fields


class AssistanceRequestSerializer(AssistanceRequestListSerializer):
    addressed_to = link_serializer(Organ)(read_only=True, allow_null=True)
    answered_by = link_serializer(Organ)(read_only=True, allow_null=True)
    decided = PartialDateField(read_only=True, allow_null=True)
    decided_precision = PrecisionField("decided")
    operation = link_serializer(Operation)(read_only=True, allow_null=True, help_text="The operation that followed.")
    meeting = link_serializer(Meeting)(read_only=True, allow_null=True, help_text="The session that decided.")
    citations = CitationSerializer(many=True, read_only=True)

    class Meta(AssistanceRequestListSerializer.Meta):
        fields = [
            *REQUEST_ROW,
            "article",
            "addressed_to",
            "answered_by",
            "decided",
            "decided_precision",
            "summary",
            "outcome",
            "operation",
            "meeting",
            "citations",
            *TIMESTAMPS,
        ]
        read_only_fields = fields


class AssistanceRequestWriteSerializer(DraftFieldMixin, ValidatedModelSerializer):
    """A request as written: the state by ISO code, organs, operation and meeting by slug, dates as partial dates."""

    state = StateCodeField(help_text="The requesting state's ISO code, e.g. kz.")
    requested = PartialDateField()
    decided = PartialDateField(required=False, allow_null=True)
    addressed_to = slug_link(Organ.objects.all())
    answered_by = slug_link(Organ.objects.all())
    operation = slug_link(Operation.all_objects.all())
    meeting = slug_link(Meeting.all_objects.all())

    class Meta:
        model = AssistanceRequest
        fields = [
            "slug",
            "title",
            "state",
            "kind",
            "draft",
            "requested",
            "article",
            "addressed_to",
            "answered_by",
            "decided",
            "decision",
            "summary",
            "outcome",
            "operation",
            "meeting",
        ]
