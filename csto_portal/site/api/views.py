"""The API's root, the timeline (``events/``) and search across resources."""

from django import forms
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse as api_reverse
from rest_framework.views import APIView

from csto_portal.api.serializers import Serializer, UtcDateTimeField
from csto_portal.dates import DatePrecision
from csto_portal.site.forms import SearchForm, TimelineForm
from csto_portal.site.search import TOTAL_CAP, search_all
from csto_portal.site.timeline import CATEGORIES, CATEGORY_CHOICES, entry, timeline

RESOURCES = [
    ("organs", "api:organ-list"),
    ("member-states", "api:state-list"),
    ("people", "api:person-list"),
    ("partners", "api:partner-list"),
    ("places", "api:place-list"),
    ("treaties", "api:instrument-list"),
    ("operations", "api:operation-list"),
    ("meetings", "api:meeting-list"),
    ("requests", "api:assistancerequest-list"),
    ("events", "api:event-list"),
    ("search", "api:search"),
    ("schema", "api:schema"),
    ("docs", "api:docs"),
]


class RootView(APIView):
    """The API's resources by name and URL."""

    permission_classes = [AllowAny]

    @extend_schema(
        responses=inline_serializer("ApiRoot", {name: serializers.URLField() for name, _ in RESOURCES}),
    )
    def get(self, request):
        return Response({name: api_reverse(view, request=request) for name, view in RESOURCES})


class EventSerializer(Serializer):
    date = serializers.CharField(source="date.isoformat", help_text="As precise as known: YYYY, YYYY-MM or YYYY-MM-DD.")
    precision = serializers.ChoiceField(source="date.precision", choices=DatePrecision.choices)
    kind = serializers.ChoiceField(choices=CATEGORY_CHOICES, source="category")
    action = serializers.CharField(help_text="What happened: an event kind, a status or a post.")
    subject = serializers.CharField()
    detail = serializers.CharField()
    text = serializers.CharField(help_text="The fact in words.")
    url = serializers.SerializerMethodField(help_text="The record's page on the public site, if it has one.")
    updated = UtcDateTimeField(help_text="When the record behind this fact last changed.")

    def to_representation(self, row):
        return super().to_representation(entry(row))

    def get_url(self, item) -> str:
        return self.context["request"].build_absolute_uri(item.url) if item.url else ""


class EventFilterForm(TimelineForm):
    updated_since = forms.DateTimeField(required=False)


class EventListView(ListAPIView):
    """The timeline: every dated fact (signatures, entries into force, establishments, memberships, operations,
    meetings, appointments, chairmanships) in date order, filterable by year range, kind and area."""

    serializer_class = EventSerializer
    filter_backends = []
    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter("year_from", int, description="First year to include (1900–2100)."),
            OpenApiParameter("year_to", int, description="Last year to include (1900–2100)."),
            OpenApiParameter("kind", str, enum=list(CATEGORIES), description="Only facts of this kind."),
            OpenApiParameter("area", str, description="Only facts tagged with this area of activity (its slug)."),
            OpenApiParameter(
                "updated_since", OpenApiTypes.DATETIME, description="Only facts whose record changed since then."
            ),
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        form = EventFilterForm(self.request.query_params)
        if not form.is_valid():
            raise exceptions.ValidationError(_messages(form))
        area = form.cleaned_data["area"]
        return timeline(
            category=form.cleaned_data["kind"] or None,
            area=area.slug if area else None,
            year_from=form.cleaned_data["year_from"],
            year_to=form.cleaned_data["year_to"],
            updated_since=form.cleaned_data["updated_since"],
        )


def _messages(form) -> dict:
    return {
        ("non_field_errors" if field == "__all__" else field): list(errors) for field, errors in form.errors.items()
    }


class SearchHitSerializer(Serializer):
    title = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="The record's page on the public site.")
    snippet = serializers.CharField(help_text="HTML: matched words are wrapped in <mark>.")

    def get_url(self, hit) -> str:
        return self.context["request"].build_absolute_uri(hit.url)


class SearchGroupSerializer(Serializer):
    type = serializers.CharField(source="group.key")
    label = serializers.CharField(source="group.label")
    total = serializers.IntegerField(
        help_text=f"Matching records, counted up to {TOTAL_CAP}; when there are more, this is {TOTAL_CAP} "
        "and total_capped is true."
    )
    total_capped = serializers.BooleanField(help_text=f"Whether more than {TOTAL_CAP} records match.")
    hits = SearchHitSerializer(many=True)


class SearchView(APIView):
    """Full-text search across organs, treaties, operations, meetings, states and partners, best matches first."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, required=True, description='Words, "a phrase", -excluded (200 characters).')
        ],
        responses=inline_serializer(
            "SearchResults", {"query": serializers.CharField(), "results": SearchGroupSerializer(many=True)}
        ),
    )
    def get(self, request):
        form = SearchForm(request.query_params)
        if not form.is_valid() or not form.cleaned_data["q"]:
            errors = _messages(form) if form.errors else {"q": ["Give the words to search for, e.g. ?q=Kanal."]}
            raise exceptions.ValidationError(errors)
        query = form.cleaned_data["q"]
        results = SearchGroupSerializer(search_all(query), many=True, context={"request": request})
        return Response({"query": query, "results": results.data})
