"""Instruments in the API: a short shape for lists, and a detail with events, parties and related records."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from csto_portal.api.base import (
    CitationSerializer,
    DraftFieldMixin,
    PartialDateField,
    ValidatedModelSerializer,
    slug_link,
)
from csto_portal.api.links import ApiUrlField, api_url, link_serializer
from csto_portal.api.serializers import TIMESTAMPS, ModelSerializer, Serializer
from csto_portal.dates import DatePrecision
from csto_portal.models import Area
from operations.models import Meeting, Operation
from organs.models import Organ, Partner, State
from treaties.choices import RelationKind
from treaties.models import Instrument, InstrumentEvent, Party

# How a relation reads from the side of the instrument it points at.
INVERSE_RELATIONS = {
    RelationKind.AMENDS: "amended_by",
    RelationKind.IMPLEMENTS: "implemented_by",
    RelationKind.SUPPLEMENTS: "supplemented_by",
    RelationKind.SUPPORTS: "supported_by",
    RelationKind.SUPERSEDES: "superseded_by",
}
RELATIONS = [*RelationKind.values, *INVERSE_RELATIONS.values()]


@extend_schema_serializer(component_name="TreatiesAdopterLink")
class AdopterLinkSerializer(Serializer):
    type = serializers.SerializerMethodField(help_text="A CSTO organ or a partner body.")
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ChoiceField(choices=["organ", "partner"]))
    def get_type(self, body) -> str:
        return "organ" if isinstance(body, Organ) else "partner"

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, body):
        view_name = "api:organ-detail" if isinstance(body, Organ) else "api:partner-detail"
        return api_url(self.context, view_name, body.slug)


class InstrumentFirstEventSerializer(ModelSerializer):
    date = PartialDateField(source="occurred", read_only=True)
    date_precision = serializers.ChoiceField(source="occurred_precision", choices=DatePrecision.choices, read_only=True)

    class Meta:
        model = InstrumentEvent
        fields = ["kind", "date", "date_precision"]


class InstrumentEventSerializer(InstrumentFirstEventSerializer):
    state = link_serializer(State)(read_only=True, allow_null=True, help_text="Null for the instrument as a whole.")
    citations = CitationSerializer(many=True, read_only=True)

    class Meta(InstrumentFirstEventSerializer.Meta):
        fields = ["kind", "date", "date_precision", "state", "place", "note", "citations"]


class InstrumentPartySerializer(ModelSerializer):
    state = link_serializer(State)(read_only=True)
    steps = InstrumentEventSerializer(
        many=True, read_only=True, help_text="The state's own dated steps (signature, ratification …), in date order."
    )
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Party
        fields = ["state", "status", "note", "steps", "citations"]


class InstrumentRelatedSerializer(Serializer):
    relation = serializers.ChoiceField(
        choices=RELATIONS, help_text='How this instrument relates to the other: "amends", or "amended_by" …'
    )
    instrument = link_serializer(Instrument)()
    citations = CitationSerializer(many=True)


def _first_event(instrument):
    """The earliest step of the instrument as a whole, from the prefetch of ``for_list()`` or ``for_display()``."""
    events = instrument.first_events if hasattr(instrument, "first_events") else instrument.whole_events
    return next(iter(events), None)


# What an instrument is and who adopted it: the start of a list row and of a record alike.
INSTRUMENT_HEAD = [
    "url",
    "slug",
    "kind",
    "title",
    "short_title",
    "status",
    "draft",
    "adopted_by",
]


class InstrumentListSerializer(ModelSerializer):
    url = ApiUrlField("api:instrument-detail")
    adopted_by = AdopterLinkSerializer(
        read_only=True, allow_null=True, help_text="The CSTO organ or partner body that adopted it, if known."
    )
    first_event = serializers.SerializerMethodField(
        help_text="The earliest dated step of the instrument as a whole; null when the sources give none."
    )
    areas = slug_link(Area.objects.all(), many=True, help_text="Areas of activity.")

    class Meta:
        model = Instrument
        fields = [*INSTRUMENT_HEAD, "first_event", "areas", *TIMESTAMPS]

    @extend_schema_field(InstrumentFirstEventSerializer(allow_null=True))
    def get_first_event(self, instrument):
        event = _first_event(instrument)
        return InstrumentFirstEventSerializer(event, context=self.context).data if event else None


class InstrumentSerializer(DraftFieldMixin, ValidatedModelSerializer, InstrumentListSerializer):
    """An instrument with everything about it; also what is written (the nested lists are read-only)."""

    adopted_by_organ = slug_link(
        Organ.objects.all(), help_text="Slug of the CSTO organ that adopted it (or leave null and name a partner body)."
    )
    adopted_by_partner = slug_link(
        Partner.objects.all(),
        help_text="Slug of the partner body that adopted it (or leave null and name a CSTO organ).",
    )
    events = serializers.SerializerMethodField(
        help_text="Every dated step, of the instrument as a whole and of single states, in date order."
    )
    parties = serializers.SerializerMethodField(help_text="The states listed for it, each with its own steps.")
    related = serializers.SerializerMethodField(help_text="Instruments it relates to, and those relating to it.")
    established_organs = link_serializer(Organ)(many=True, read_only=True, help_text="Organs it set up.")
    operations = link_serializer(Operation)(many=True, read_only=True)
    meetings = link_serializer(Meeting)(many=True, read_only=True, help_text="Meetings that adopted or signed it.")
    citations = CitationSerializer(many=True, read_only=True)

    class Meta(InstrumentListSerializer.Meta):
        fields = [
            *INSTRUMENT_HEAD,
            "adopted_by_organ",
            "adopted_by_partner",
            "first_event",
            "areas",
            "summary",
            "events",
            "parties",
            "related",
            "established_organs",
            "operations",
            "meetings",
            "citations",
            *TIMESTAMPS,
        ]

    @extend_schema_field(InstrumentEventSerializer(many=True))
    def get_events(self, instrument):
        events = sorted([*instrument.whole_events, *instrument.state_events], key=lambda e: (e.occurred_date, e.pk))
        return InstrumentEventSerializer(events, many=True, context=self.context).data

    @extend_schema_field(InstrumentPartySerializer(many=True))
    def get_parties(self, instrument):
        return InstrumentPartySerializer(instrument.parties_with_steps(), many=True, context=self.context).data

    @extend_schema_field(InstrumentRelatedSerializer(many=True))
    def get_related(self, instrument):
        related = [
            {"relation": relation.kind, "instrument": relation.target, "citations": relation.citations.all()}
            for relation in instrument.relations.all()
        ] + [
            {
                "relation": INVERSE_RELATIONS[relation.kind],
                "instrument": relation.source,
                "citations": relation.citations.all(),
            }
            for relation in instrument.inbound_relations.all()
        ]
        return InstrumentRelatedSerializer(related, many=True, context=self.context).data
