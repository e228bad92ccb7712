from collections import defaultdict

from django.views.generic import TemplateView

from csto_portal.lists import FilteredListView
from csto_portal.previews import PreviewableDetailView
from operations.choices import Agency, OperationKind, ParticipationRole
from operations.filters import AssistanceRequestFilterSet, MeetingFilterSet, OperationFilterSet
from operations.models import AssistanceRequest, Meeting, Operation, Series

AGENCY_LABELS = dict(Agency.choices)


def mark_own_sources(children, record):
    """Give each child (a participation) the citations worth showing beside it.

    A child's citation is shown in full where it cites a place the record itself does not, and by its note alone
    where it repeats the record's citation but adds a remark; plain repeats are left to the record's Sources.
    """
    record_places = {(citation.source_id, citation.locator) for citation in record.citations.all()}
    for child in children:
        child.shown_citations = []
        for citation in child.citations.all():
            citation.differs = (citation.source_id, citation.locator) not in record_places
            if citation.differs or citation.note:
                child.shown_citations.append(citation)
    return children


class OperationListView(FilteredListView):
    queryset = Operation.objects.for_list()
    filterset_class = OperationFilterSet

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["series_list"] = Series.objects.for_cards()
        return context


class OperationDetailView(PreviewableDetailView):
    model = Operation

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        operation = self.object
        participations = mark_own_sources(list(operation.participations.all()), operation)
        for participation in participations:
            participation.agency_labels = [AGENCY_LABELS.get(agency, agency) for agency in participation.agencies]
        observers = [p for p in participations if p.role == ParticipationRole.OBSERVER]
        context.update(
            hosts=[p for p in participations if p.role == ParticipationRole.HOST],
            participants=[p for p in participations if p.role == ParticipationRole.PARTICIPANT],
            observer_states=[p for p in observers if p.state_id],
            observer_partners=[p for p in observers if p.partner_id],
            # Each figure shows all its own sources: where figures compete, they are what tells them apart.
            results=list(operation.results.all()),
            results_by_state=any(result.state_id for result in operation.results.all()),
        )
        if operation.series:
            context["earlier_editions"], context["later_editions"] = operation.nearest_editions()
            context["edition_count"] = operation.series.edition_count()
        return context


class MeetingListView(FilteredListView):
    queryset = Meeting.objects.for_list()
    filterset_class = MeetingFilterSet


class MeetingDetailView(PreviewableDetailView):
    model = Meeting


class AssistanceRequestListView(FilteredListView):
    queryset = AssistanceRequest.objects.for_list()
    filterset_class = AssistanceRequestFilterSet


class AssistanceRequestDetailView(PreviewableDetailView):
    model = AssistanceRequest
    context_object_name = "request_record"  # "request" would hide the HTTP request from the templates


class ExerciseGridView(TemplateView):
    """The joint exercises as a table of years by series: which editions were held, planned or not held when."""

    template_name = "operations/exercise_grid.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        editions = (
            Operation.objects.filter(kind=OperationKind.EXERCISE, start_date__isnull=False)
            .only("slug", "name", "series_id", "status", "start_date", "start_precision", "end_date", "end_precision")
            .order_by("start_date", "name", "pk")
        )
        cells = defaultdict(list)
        for edition in editions:
            cells[edition.start_date.year, edition.series_id].append(edition)
        series = list(Series.objects.filter(kind=OperationKind.EXERCISE).order_by("name", "pk"))
        if any(series_id is None for _, series_id in cells):
            series.append(None)  # editions of no series, in a last column
        years = sorted({year for year, _ in cells}, reverse=True)
        context.update(
            series=series,
            rows=[
                (year, [cells.get((year, column.pk if column else None), []) for column in series]) for year in years
            ],
        )
        return context
