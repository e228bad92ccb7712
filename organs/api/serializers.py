"""Organs, member states, people and partner organizations as the API shows them and accepts them.

Related records are nested as ``{"slug", "name", "url"}`` (``title`` for instruments), ``url`` being their own API
address; they are written by slug, or by ISO code for states. Lists use a short serializer, records a full one that
also accepts writes (its nested children are read-only).
"""

from django.utils import timezone
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from csto_portal.api.base import CitationSerializer, PartialDateField, ValidatedModelSerializer, slug_link
from csto_portal.api.links import ApiUrlField, PrecisionField, link_serializer
from csto_portal.api.serializers import TIMESTAMPS, ModelSerializer
from csto_portal.models import Area
from csto_portal.related import RECENT, list_url
from operations.models import Meeting, Operation, Participation
from organs.choices import MembershipStatus
from organs.models import (
    Chairmanship,
    Membership,
    MembershipStep,
    Organ,
    OrganRelation,
    Partner,
    Person,
    Place,
    Post,
    State,
    Tenure,
    TenureStep,
)
from treaties.models import Instrument, Party

# Fields


class StateCodeField(serializers.SlugRelatedField):
    """A state written by its ISO 3166-1 alpha-2 code, in either case ("kz" or "KZ")."""

    def __init__(self, **kwargs):
        if not kwargs.get("read_only"):
            kwargs.setdefault("queryset", State.objects.all())
        super().__init__(slug_field="iso2", **kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(data.upper() if isinstance(data, str) else data)


class LinkedRelatedField(serializers.SlugRelatedField):
    """A related record shown nested (``link_serializer``) and written by its slug."""

    def __init__(self, link_serializer, **kwargs):
        self.link_serializer = link_serializer
        super().__init__(slug_field="slug", **kwargs)

    def to_representation(self, value):
        return self.link_serializer(value, context=self.context).data


class LinkedRelatedFieldExtension(OpenApiSerializerFieldExtension):
    """In the schema, a ``LinkedRelatedField`` is its link object in responses and a slug in requests."""

    target_class = LinkedRelatedField

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {**build_basic_type(OpenApiTypes.STR), "description": "The related record's slug."}
        return auto_schema.resolve_serializer(self.target.link_serializer, direction).ref


# Nested children (read-only)


class StepSerializer(ModelSerializer):
    """A dated step within a period that changes none of its bounds (appointed, term extended, renewed …)."""

    occurred = PartialDateField(read_only=True)
    occurred_precision = PrecisionField("occurred", allow_null=False)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        fields = ["kind", "occurred", "occurred_precision", "note", "citations"]
        read_only_fields = fields


class TenureStepSerializer(StepSerializer):
    class Meta(StepSerializer.Meta):
        model = TenureStep


class MembershipStepSerializer(StepSerializer):
    class Meta(StepSerializer.Meta):
        model = MembershipStep


class TenureDatesSerializer(ModelSerializer):
    """When a tenure ran, at the precision known; the base of both views of a tenure below."""

    start = PartialDateField(read_only=True, allow_null=True)
    start_precision = PrecisionField("start")
    end = PartialDateField(read_only=True, allow_null=True)
    end_precision = PrecisionField("end")
    steps = TenureStepSerializer(many=True, read_only=True)

    class Meta:
        model = Tenure
        fields = ["acting", "start", "start_precision", "end", "end_precision", "note", "steps"]


class HolderTenureSerializer(TenureDatesSerializer):
    """A tenure as listed under its post: who held it, and when."""

    person = link_serializer(Person)(read_only=True)

    class Meta(TenureDatesSerializer.Meta):
        fields = ["person", "acting", "start", "start_precision", "end", "end_precision", "note", "steps"]


class PostSerializer(ModelSerializer):
    """A post in an organ or partner organization with everyone known to have held it, earliest first."""

    tenures = HolderTenureSerializer(many=True, read_only=True)

    class Meta:
        model = Post
        fields = ["slug", "title", "summary", "tenures"]


class TenurePostSerializer(ModelSerializer):
    """A post and the body it belongs to: a CSTO organ or a partner organization (the other is null)."""

    organ = link_serializer(Organ)(read_only=True, allow_null=True)
    partner = link_serializer(Partner)(read_only=True, allow_null=True)

    class Meta:
        model = Post
        fields = ["slug", "title", "organ", "partner"]


class PersonTenureSerializer(TenureDatesSerializer):
    """A tenure as listed under its holder: which post, and when."""

    post = TenurePostSerializer(read_only=True)

    class Meta(TenureDatesSerializer.Meta):
        fields = ["post", "acting", "start", "start_precision", "end", "end_precision", "note", "steps"]


class OrganRelationSerializer(ModelSerializer):
    """This organ ``kind`` the other organ (e.g. accountable to the Council on Collective Security)."""

    organ = link_serializer(Organ)(source="target", read_only=True)

    class Meta:
        model = OrganRelation
        fields = ["kind", "organ", "note"]


class InboundOrganRelationSerializer(ModelSerializer):
    """The other organ ``kind`` this one (e.g. the Permanent Council acts between sessions of this one)."""

    organ = link_serializer(Organ)(source="source", read_only=True)

    class Meta:
        model = OrganRelation
        fields = ["kind", "organ", "note"]


class StandingSerializer(ModelSerializer):
    """A state's standing on a day: its status, in the Organization (``body`` null) or in one organ, since when."""

    body = link_serializer(Organ)(read_only=True, allow_null=True)
    start = PartialDateField(read_only=True)
    start_precision = PrecisionField("start")

    class Meta:
        model = Membership
        fields = ["status", "body", "start", "start_precision"]


class MembershipSerializer(ModelSerializer):
    """A period of a state's standing, in the Organization (``body`` null) or in one of its organs."""

    body = link_serializer(Organ)(read_only=True, allow_null=True)
    start = PartialDateField(read_only=True)
    start_precision = PrecisionField("start")
    end = PartialDateField(read_only=True, allow_null=True)
    end_precision = PrecisionField("end")
    requested = PartialDateField(read_only=True, allow_null=True)
    requested_precision = PrecisionField("requested")
    basis_instrument = link_serializer(Instrument)(read_only=True, allow_null=True)
    steps = MembershipStepSerializer(many=True, read_only=True)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Membership
        fields = [
            "status",
            "body",
            "start",
            "start_precision",
            "end",
            "end_precision",
            "requested",
            "requested_precision",
            "basis",
            "basis_instrument",
            "end_cause",
            "steps",
            "citations",
        ]


class ChairmanshipSerializer(ModelSerializer):
    start = PartialDateField(read_only=True)
    start_precision = PrecisionField("start")
    end = PartialDateField(read_only=True, allow_null=True)
    end_precision = PrecisionField("end")
    taken_over_at = serializers.SerializerMethodField(help_text="The session at which the state took the chair.")
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Chairmanship
        fields = ["start", "start_precision", "end", "end_precision", "taken_over_at", "note", "citations"]

    @extend_schema_field(link_serializer(Meeting)(allow_null=True))
    def get_taken_over_at(self, chairmanship):
        meeting = chairmanship.taken_over_at
        if meeting is None or meeting.draft:  # a draft session stays hidden from readers
            return None
        return link_serializer(Meeting)(meeting, context=self.context).data


class PartySerializer(ModelSerializer):
    """An instrument the state is listed for, and whether it is a party, a signatory or has withdrawn."""

    instrument = link_serializer(Instrument)(read_only=True)

    class Meta:
        model = Party
        fields = ["instrument", "status", "note"]


class OperationRoleSerializer(ModelSerializer):
    """An operation the state or organization hosted, took part in or observed."""

    operation = link_serializer(Operation)(read_only=True)

    class Meta:
        model = Participation
        fields = ["role", "operation", "agencies", "note"]


# Organs


# What a row of the organs list shows; the record adds to it.
ORGAN_ROW = ["url", "slug", "name", "acronym", "kind", "established", "established_precision"]


class OrganListSerializer(ModelSerializer):
    url = ApiUrlField("api:organ-detail")
    established = PartialDateField(read_only=True, allow_null=True)
    established_precision = PrecisionField("established")

    class Meta:
        model = Organ
        fields = [*ORGAN_ROW, *TIMESTAMPS]


class OrganSerializer(ValidatedModelSerializer):
    """An organ with its founding instrument, relations to other organs both ways, posts and holders, sources."""

    url = ApiUrlField("api:organ-detail")
    established = PartialDateField(required=False, allow_null=True)
    established_precision = PrecisionField("established")
    established_by = link_serializer(Instrument)(read_only=True, allow_null=True)
    areas = slug_link(Area.objects.all(), many=True, help_text="Areas of activity, by slug.")
    relations = OrganRelationSerializer(many=True, read_only=True)
    inbound_relations = InboundOrganRelationSerializer(many=True, read_only=True)
    posts = PostSerializer(many=True, read_only=True)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Organ
        fields = [
            *ORGAN_ROW,
            "established_by",
            "mandate",
            "composition",
            "areas",
            "position",
            "relations",
            "inbound_relations",
            "posts",
            "citations",
            *TIMESTAMPS,
        ]


# Member states


def standing_of(state: State) -> list[Membership]:
    """The state's standing on the list's day (``for_list()``), or today for a state's record."""
    return state.standing_on(getattr(state, "standing_date", None) or timezone.localdate())


# What a row of the member states list shows; the record adds to it.
STATE_ROW = ["url", "iso2", "name", "status", "standing"]


class StateListSerializer(ModelSerializer):
    url = ApiUrlField("api:state-detail", lookup_field="iso2")
    status = serializers.SerializerMethodField(
        help_text=(
            "The state's standing today, or on the day given by ?as_of= in a list: in the Organization, or, for a "
            "state with a standing only in one of its organs, in that organ (see `standing`). Null if none."
        )
    )
    standing = serializers.SerializerMethodField(help_text="Every standing the state had on that day.")

    class Meta:
        model = State
        fields = [*STATE_ROW, *TIMESTAMPS]

    @extend_schema_field(serializers.ChoiceField(choices=MembershipStatus.choices, allow_null=True))
    def get_status(self, state):
        periods = standing_of(state)
        return periods[0].status if periods else None

    @extend_schema_field(StandingSerializer(many=True))
    def get_standing(self, state):
        return StandingSerializer(standing_of(state), many=True, context=self.context).data


class StateSerializer(ValidatedModelSerializer, StateListSerializer):
    """A state with its membership history, chairmanships, instruments it is listed for, operations and sources."""

    memberships = MembershipSerializer(many=True, read_only=True)
    chairmanships = ChairmanshipSerializer(many=True, read_only=True)
    parties = PartySerializer(
        source="recent_parties",
        many=True,
        read_only=True,
        help_text=f"The {RECENT} instruments it is listed for whose first dated step is the most recent.",
    )
    instrument_count = serializers.IntegerField(
        read_only=True, help_text="How many instruments it is listed for or has a dated step of its own in."
    )
    instruments_url = serializers.SerializerMethodField(help_text="The instrument list holding them all.")
    operations = OperationRoleSerializer(
        source="recent_participations",
        many=True,
        read_only=True,
        help_text=f"Its roles in the {RECENT} most recent operations it hosted, took part in or observed.",
    )
    operation_count = serializers.IntegerField(read_only=True, help_text="How many operations it had a role in.")
    operations_url = serializers.SerializerMethodField(help_text="The operation list holding them all.")
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = State
        fields = [
            *STATE_ROW,
            "summary",
            "memberships",
            "chairmanships",
            "parties",
            "instrument_count",
            "instruments_url",
            "operations",
            "operation_count",
            "operations_url",
            "citations",
            *TIMESTAMPS,
        ]
        extra_kwargs = {"iso2": {"help_text": "ISO 3166-1 alpha-2 code; lower case is accepted and stored upper."}}

    def validate_iso2(self, value):
        return value.upper()

    def _list_url(self, view_name, state) -> str:
        return self.context["request"].build_absolute_uri(list_url(view_name, state=state.iso2.lower()))

    @extend_schema_field(OpenApiTypes.URI)
    def get_instruments_url(self, state):
        return self._list_url("api:instrument-list", state)

    @extend_schema_field(OpenApiTypes.URI)
    def get_operations_url(self, state):
        return self._list_url("api:operation-list", state)


# People


# What a row of the people list shows; the record adds to it.
PERSON_ROW = ["url", "slug", "name", "nationality"]


class PersonListSerializer(ModelSerializer):
    url = ApiUrlField("api:person-detail")
    nationality = StateCodeField(read_only=True, allow_null=True)

    class Meta:
        model = Person
        fields = [*PERSON_ROW, *TIMESTAMPS]


class PersonSerializer(ValidatedModelSerializer):
    """A person with the posts they held, in order, and sources."""

    url = ApiUrlField("api:person-detail")
    nationality = StateCodeField(
        allow_null=True, required=False, help_text="The ISO 3166-1 alpha-2 code of the person's state."
    )
    tenures = PersonTenureSerializer(many=True, read_only=True)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = [*PERSON_ROW, "summary", "tenures", "citations", *TIMESTAMPS]


# Partner organizations


# What a row of the partners list shows; the record adds to it.
PARTNER_ROW = ["url", "slug", "name", "acronym", "kind", "parent"]


class PartnerListSerializer(ModelSerializer):
    url = ApiUrlField("api:partner-detail")
    parent = link_serializer(Partner)(read_only=True, allow_null=True)

    class Meta:
        model = Partner
        fields = [*PARTNER_ROW, *TIMESTAMPS]


class PartnerSerializer(ValidatedModelSerializer):
    """A partner organization with its bodies, posts and holders, instruments it adopted, operations, sources."""

    url = ApiUrlField("api:partner-detail")
    parent = LinkedRelatedField(
        link_serializer(Partner),
        queryset=Partner.objects.all(),
        allow_null=True,
        required=False,
        help_text="The organization this one is part of; written as its slug.",
    )
    website = serializers.URLField(source="url", max_length=200, required=False, allow_blank=True)
    areas = slug_link(Area.objects.all(), many=True, help_text="Areas of co-operation, by slug.")
    bodies = link_serializer(Partner)(many=True, read_only=True)
    posts = PostSerializer(many=True, read_only=True)
    instruments = link_serializer(Instrument)(many=True, read_only=True)
    operations = OperationRoleSerializer(source="participations", many=True, read_only=True)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Partner
        fields = [
            *PARTNER_ROW,
            "summary",
            "website",
            "areas",
            "bodies",
            "posts",
            "instruments",
            "operations",
            "citations",
            *TIMESTAMPS,
        ]


# Places

PLACE_ROW = ["url", "slug", "name", "kind", "state"]


class PlaceSerializer(ValidatedModelSerializer):
    """A city, region or training range; the state it lies in is written as an ISO code."""

    url = ApiUrlField("api:place-detail")
    state = StateCodeField(required=False, allow_null=True, help_text="The ISO code of the state it lies in.")
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Place
        fields = [*PLACE_ROW, "summary", "citations", *TIMESTAMPS]
