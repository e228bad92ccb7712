"""How every API resource links to a related record: ``{slug|iso2, name|title, url}``, ``url`` being its API address.

One serializer per kind of record, so the schema has one component for each and clients one type.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from csto_portal.dates import DatePrecision
from operations.models import Meeting, Operation
from organs.models import Organ, Partner, Person, State
from treaties.models import Instrument


class PrecisionField(serializers.ChoiceField):
    """How precisely a partial date is known (day, month or year); null when there is no date."""

    def __init__(self, date_attribute: str, allow_null: bool = True, **kwargs):
        kwargs.setdefault("help_text", "How precisely the date is known.")
        super().__init__(
            choices=DatePrecision.choices, source=date_attribute, read_only=True, allow_null=allow_null, **kwargs
        )

    def to_representation(self, value):
        return value.precision


class StateIdentityField(serializers.HyperlinkedIdentityField):
    """A state's API URL, at its lower-case ISO code as in the portal's URLs (/member-states/kz/)."""

    def __init__(self, **kwargs):
        super().__init__(view_name="api:state-detail", lookup_field="iso2", **kwargs)

    def get_url(self, obj, view_name, request, format):
        return self.reverse(view_name, kwargs={"iso2": obj.iso2.lower()}, request=request, format=format)


class StateCodeField(serializers.SlugRelatedField):
    """A state written by its ISO 3166-1 alpha-2 code, in either case ("kz" or "KZ")."""

    def __init__(self, **kwargs):
        if not kwargs.get("read_only"):
            kwargs.setdefault("queryset", State.objects.all())
        super().__init__(slug_field="iso2", **kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(data.upper() if isinstance(data, str) else data)


class StateLinkSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The state in the API.")

    class Meta:
        model = State
        fields = ["iso2", "name", "url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, state):
        return reverse("api:state-detail", kwargs={"iso2": state.iso2.lower()}, request=self.context.get("request"))


class OrganLinkSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:organ-detail", lookup_field="slug")

    class Meta:
        model = Organ
        fields = ["slug", "name", "url"]


class PartnerLinkSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:partner-detail", lookup_field="slug")

    class Meta:
        model = Partner
        fields = ["slug", "name", "url"]


class PersonLinkSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:person-detail", lookup_field="slug")

    class Meta:
        model = Person
        fields = ["slug", "name", "url"]


class InstrumentLinkSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:instrument-detail", lookup_field="slug")

    class Meta:
        model = Instrument
        fields = ["slug", "title", "url"]


class OperationLinkSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:operation-detail", lookup_field="slug")

    class Meta:
        model = Operation
        fields = ["slug", "name", "url"]


class MeetingLinkSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:meeting-detail", lookup_field="slug")

    class Meta:
        model = Meeting
        fields = ["slug", "title", "url"]
