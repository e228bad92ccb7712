"""How every API resource links to a related record: ``{slug|iso2, name|title, url}``, ``url`` being its API address.

One serializer per kind of record, so the schema has one component for each and clients one type.
"""

from urllib.parse import quote

from rest_framework import serializers
from rest_framework.reverse import reverse

from csto_portal.api.serializers import ModelSerializer
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


_KEY = "__key__"


def api_url(context: dict, view_name: str, key: str, format: str | None = None) -> str:
    """The API URL of the record ``key`` of ``view_name``, absolute when ``context`` holds the request.

    ``reverse()`` once per response and view, then a string replacement per record: a list of 50 operations
    links some 150 records, and reversing each one was a tenth of the list's time.
    """
    templates = context.setdefault("api_url_templates", {})
    template = templates.get((view_name, format))
    if template is None:
        template = reverse(view_name, args=[_KEY], request=context.get("request"), format=format)
        templates[(view_name, format)] = template
    return template.replace(_KEY, quote(str(key), safe=""))


class ApiUrlField(serializers.HyperlinkedIdentityField):
    """A record's own API URL (``url``), by its slug unless ``lookup_field`` says otherwise."""

    def __init__(self, view_name: str, **kwargs):
        kwargs.setdefault("lookup_field", "slug")
        super().__init__(view_name=view_name, **kwargs)

    def key(self, obj) -> str:
        return getattr(obj, self.lookup_field)

    def to_representation(self, value):
        # The address as a plain string: DRF's version checks its configuration and wraps the address in a
        # ``Hyperlink`` for the browsable API on every call, some 15% of a list row's cost.
        context = self.context
        return api_url(context, self.view_name, self.key(value), context.get("format"))


class StateIdentityField(ApiUrlField):
    """A state's API URL, at its lower-case ISO code as in the portal's URLs (/member-states/kz/)."""

    def __init__(self, **kwargs):
        super().__init__("api:state-detail", lookup_field="iso2", **kwargs)

    def key(self, obj) -> str:
        return obj.iso2.lower()


class StateCodeField(serializers.SlugRelatedField):
    """A state written by its ISO 3166-1 alpha-2 code, in either case ("kz" or "KZ")."""

    def __init__(self, **kwargs):
        if not kwargs.get("read_only"):
            kwargs.setdefault("queryset", State.objects.all())
        super().__init__(slug_field="iso2", **kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(data.upper() if isinstance(data, str) else data)


class StateLinkSerializer(ModelSerializer):
    url = StateIdentityField(help_text="The state in the API.")

    class Meta:
        model = State
        fields = ["iso2", "name", "url"]


class OrganLinkSerializer(ModelSerializer):
    url = ApiUrlField("api:organ-detail")

    class Meta:
        model = Organ
        fields = ["slug", "name", "url"]


class PartnerLinkSerializer(ModelSerializer):
    url = ApiUrlField("api:partner-detail")

    class Meta:
        model = Partner
        fields = ["slug", "name", "url"]


class PersonLinkSerializer(ModelSerializer):
    url = ApiUrlField("api:person-detail")

    class Meta:
        model = Person
        fields = ["slug", "name", "url"]


class InstrumentLinkSerializer(ModelSerializer):
    url = ApiUrlField("api:instrument-detail")

    class Meta:
        model = Instrument
        fields = ["slug", "title", "url"]


class OperationLinkSerializer(ModelSerializer):
    url = ApiUrlField("api:operation-detail")

    class Meta:
        model = Operation
        fields = ["slug", "name", "url"]


class MeetingLinkSerializer(ModelSerializer):
    url = ApiUrlField("api:meeting-detail")

    class Meta:
        model = Meeting
        fields = ["slug", "title", "url"]
