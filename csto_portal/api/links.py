"""How every API resource links to a related record: ``{slug|iso2, name|title, url}``, ``url`` being its API address.

One serializer per kind of record, made by ``link_serializer``, so the schema has one component for each and
clients one type.
"""

from functools import cache
from urllib.parse import quote

from rest_framework import serializers
from rest_framework.reverse import reverse

from csto_portal.api.serializers import ModelSerializer
from csto_portal.dates import DatePrecision


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
        value = getattr(obj, self.lookup_field)
        # ISO codes are lower case in the portal's URLs (/member-states/kz/).
        return value.lower() if self.lookup_field == "iso2" else value

    def to_representation(self, value):
        # The address as a plain string: DRF's version checks its configuration and wraps the address in a
        # ``Hyperlink`` for the browsable API on every call, some 15% of a list row's cost.
        context = self.context
        return api_url(context, self.view_name, self.key(value), context.get("format"))


@cache
def link_serializer(model) -> type[ModelSerializer]:
    """The serializer that links to a record of ``model``: its key (ISO code or slug), its name or title, and its
    API URL (``api:<model>-detail``). One class per model, so every resource nests the same schema component."""
    names = {field.name for field in model._meta.fields}
    key = "iso2" if "iso2" in names else "slug"
    label = "name" if "name" in names else "title"
    name = model.__name__
    meta = type("Meta", (), {"model": model, "fields": [key, label, "url"]})
    url = ApiUrlField(
        f"api:{model._meta.model_name}-detail", lookup_field=key, help_text=f"The {name.lower()} in the API."
    )
    return type(f"{name}LinkSerializer", (ModelSerializer,), {"__module__": __name__, "url": url, "Meta": meta})
