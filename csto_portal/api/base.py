"""What every API resource shares: pagination, CSV, partial dates, citations, model validation."""

import csv
import datetime
import io
from copy import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_array_type
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.filters import BaseFilterBackend
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework_csv.renderers import CSVRenderer

from csto_portal.api.serializers import ModelSerializer, Serializer
from csto_portal.dates import PartialDate
from csto_portal.models import Citation, Source
from csto_portal.paginators import CountOncePaginator
from csto_portal.publishing import can_publish
from csto_portal.text import NOTE_LENGTH
from csto_portal.write_rules import CitedPlace, add_citations, is_cited, new_citation, repeated, uncited_facts


class Pagination(PageNumberPagination):
    django_paginator_class = CountOncePaginator
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class PaginatedCSVRenderer(CSVRenderer):
    """``?format=csv``: a list's results (or one record) flattened into rows, nested fields as dotted columns."""

    format = "csv"

    def render(self, data, media_type=None, renderer_context=None, writer_opts=None):
        if isinstance(data, dict) and {"count", "results"} <= data.keys():
            data = data["results"]
        elif isinstance(data, dict) and "detail" not in data:
            data = [data]
        if not data:
            # An empty list still gets its header row, so the file opens as the expected (empty) table.
            view = (renderer_context or {}).get("view")
            if view is not None and hasattr(view, "get_serializer"):
                return self._header_only(list(view.get_serializer().fields), writer_opts)
        return super().render(data, media_type, renderer_context, writer_opts)

    def _header_only(self, header, writer_opts):
        buffer = io.StringIO()
        csv.writer(buffer, **(writer_opts or {})).writerow(header)
        return buffer.getvalue().encode(self.charset or "utf-8")


class UpdatedSinceFilter(BaseFilterBackend):
    """``?updated_since=<ISO datetime>``: only records changed since then, so a script can sync incrementally."""

    param = "updated_since"

    def filter_queryset(self, request, queryset, view):
        value = request.query_params.get(self.param)
        if not value:
            return queryset
        try:
            moment = parse_datetime(value)
        except ValueError:
            moment = None
        if moment is None:
            raise exceptions.ValidationError(
                {self.param: [f"{value[:40]!r} is not an ISO 8601 date and time, e.g. 2026-01-31T12:00:00Z."]}
            )
        if moment.tzinfo is not None:
            # In UTC, as PostgreSQL takes any offset Python does (up to a day; PostgreSQL stops near 16 hours).
            try:
                moment = moment.astimezone(datetime.UTC)
            except OverflowError:
                raise exceptions.ValidationError({self.param: [f"{value[:40]!r} is out of range."]}) from None
        return queryset.filter(updated__gte=moment)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.param,
                "required": False,
                "in": "query",
                "description": "Only records created or changed at or after this moment (ISO 8601).",
                "schema": {"type": "string", "format": "date-time"},
            }
        ]


@extend_schema_field(
    {
        "type": "string",
        "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
        "example": "2006-06",
        "description": "A date as precise as it is known: YYYY, YYYY-MM or YYYY-MM-DD.",
    }
)
class PartialDateField(serializers.Field):
    """A partial date as an ISO string at its precision: "2007", "2006-06", "2006-06-14"."""

    def to_representation(self, value: PartialDate):
        return value.isoformat()

    def to_internal_value(self, data):
        try:
            return PartialDate.parse(data)
        except (ValueError, TypeError) as error:
            raise serializers.ValidationError(str(error)) from None


class AliasesField(serializers.ListField):
    """Other names, as a list of strings; the model keeps them one per line (``csto_portal.aliases``)."""

    def __init__(self, **kwargs):
        child = serializers.CharField(max_length=200, validators=[_one_line])
        kwargs.setdefault("help_text", "Other names the sources use for it.")
        super().__init__(child=child, **kwargs)

    def to_representation(self, data):
        return [line.strip() for line in (data or "").splitlines() if line.strip()]

    def to_internal_value(self, data):
        return "\n".join(super().to_internal_value(data))


def slug_link(queryset, *, many=False, **kwargs) -> serializers.SlugRelatedField:
    """What a write names a related record by: its slug, or a list of slugs with ``many``; optional, and null
    allowed for a single one."""
    defaults = {"required": False} if many else {"required": False, "allow_null": True}
    return serializers.SlugRelatedField(slug_field="slug", queryset=queryset, many=many, **defaults, **kwargs)


def _one_line(value: str):
    if "\n" in value or "\r" in value:
        raise serializers.ValidationError("Give each name as its own item; a name cannot contain a line break.")


class SourceSerializer(ModelSerializer):
    published = PartialDateField(read_only=True, allow_null=True)

    class Meta:
        model = Source
        fields = ["slug", "kind", "title", "author", "translator", "publisher", "published", "url", "consulted"]


class CitationSerializer(ModelSerializer):
    source = SourceSerializer(read_only=True)

    class Meta:
        model = Citation
        fields = ["source", "locator", "field", "claim", "preferred", "note"]


class CitationWriteSerializer(Serializer):
    """A citation as a write adds it: the source by its slug, where in it, and the attribute it backs."""

    source = serializers.SlugRelatedField(slug_field="slug", queryset=Source.objects.all(), help_text="A source slug.")
    locator = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="Where in the source; needed unless the source has a URL.",
    )
    field = serializers.CharField(
        max_length=50, required=False, allow_blank=True, help_text="The attribute it backs (e.g. start)."
    )
    claim = serializers.CharField(max_length=200, required=False, allow_blank=True)
    note = serializers.CharField(max_length=NOTE_LENGTH, required=False, allow_blank=True)


class CitationsField(serializers.ListField):
    """A record's ``citations``: read as the record's citations, written as the citations the write adds (a write
    never removes one)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            "The citations this write adds; those the record has are kept. A write that enters a date or a figure "
            "needs one.",
        )
        super().__init__(child=CitationWriteSerializer(), **kwargs)

    def to_representation(self, data):
        return CitationSerializer(data.all(), many=True, context=self.context).data


class CitationsFieldExtension(OpenApiSerializerFieldExtension):
    """Documents ``citations`` as it works: the record's citations in an answer, the ones to add in a request."""

    target_class = CitationsField

    def map_serializer_field(self, auto_schema, direction):
        serializer = CitationSerializer if direction == "response" else CitationWriteSerializer
        return build_array_type(auto_schema.resolve_serializer(serializer, direction).ref)


class ValidatedModelSerializer(ModelSerializer):
    """Runs the model's own validation (fields, choices, check, unique and exclusion constraints) before saving,
    so that the API refuses exactly what the admin and the database refuse, with the same messages.

    A cited record's write also takes ``citations`` to add, and, as the admin's form, refuses a dated fact or a
    figure entered without one; the record and its new citations are saved together in ``save()``.
    """

    def get_fields(self):
        fields = super().get_fields()
        if is_cited(self.Meta.model):
            # Every resource the same way: a record serializer that shows citations also takes them, a write
            # serializer takes them without showing them (its answer is the record's).
            fields["citations"] = CitationsField(write_only="citations" not in fields)
        return fields

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        candidate = copy(self.instance) if self.instance is not None else model()
        many = {field.name for field in model._meta.many_to_many} | {"citations"}
        for name, value in attrs.items():
            if name not in many:
                setattr(candidate, name, value)
        try:
            candidate.full_clean()
        except DjangoValidationError as error:
            detail = serializers.as_serializer_error(error)
            if "__all__" in detail:
                detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop("__all__")
            raise serializers.ValidationError(detail) from None
        if is_cited(model):
            attrs["citations"] = self._new_citations(candidate, attrs.get("citations", []))
        return attrs

    def _new_citations(self, candidate, items: list[dict]) -> list:
        """The unsaved citations the write adds, checked as the model and the admin's form check them."""
        # A partial update leaves the defaults out of nested items too.
        places = [CitedPlace(item["source"], item.get("locator", ""), item.get("field", "")) for item in items]
        problems = [f"{place.source.slug}, “{place.locator}”: given twice." for place in repeated(places)]
        citations = []
        for number, (place, item) in enumerate(zip(places, items, strict=True), 1):
            try:
                citations.append(new_citation(candidate, place, claim=item.get("claim", ""), note=item.get("note", "")))
            except DjangoValidationError as error:
                problems += [f"Citation {number}: {message}" for message in error.messages]
        facts = uncited_facts(candidate, places)
        if facts:
            problems.append(
                f"This write enters {', '.join(facts)}: add a citation to citations (source and locator) saying "
                "where it comes from."
            )
        if problems:
            raise serializers.ValidationError({"citations": problems})
        return citations

    def save(self, **kwargs):
        # The one place an API write is stored: the record with its new citations, or nothing.
        citations = self.validated_data.pop("citations", [])
        with transaction.atomic():
            record = super().save(**kwargs)
            add_citations(record, citations)
        return record


class DraftFieldMixin:
    """``draft`` as written through the API. Anyone who may add a record may save it as a draft, and what they add
    is one; publishing it, or taking it back to draft, needs the publish permission, as in the admin."""

    def _may_publish(self) -> bool:
        request = self.context.get("request")
        return request is not None and can_publish(request.user, self.Meta.model)

    def validate_draft(self, value):
        current = self.instance.draft if self.instance is not None else True
        if value != current and not self._may_publish():
            raise serializers.ValidationError(
                "Only a reviewer may publish a record or return it to draft; leave this field out."
            )
        return value

    def create(self, validated_data):
        if not self._may_publish():
            validated_data["draft"] = True
        return super().create(validated_data)


class LastModifiedMixin:
    """Adds ``Last-Modified`` to a record's response, so clients can revalidate with If-Modified-Since."""

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        response["Last-Modified"] = http_date(instance.updated.timestamp())
        return response
