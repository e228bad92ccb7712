from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from csto_portal.lists import FilteredListView
from csto_portal.previews import PreviewableDetailView
from csto_portal.publishing import visible_to
from operations.models import Meeting, Operation
from treaties.choices import RelationKind
from treaties.filters import InstrumentFilterSet
from treaties.models import Instrument

# How a relation reads from the side of the instrument it points at.
INVERSE_RELATION_LABELS = {
    RelationKind.AMENDS: _("amended by"),
    RelationKind.IMPLEMENTS: _("implemented by"),
    RelationKind.SUPPLEMENTS: _("supplemented by"),
    RelationKind.SUPPORTS: _("supported by"),
    RelationKind.SUPERSEDES: _("superseded by"),
}


def instrument_records(instruments):
    """Instruments as their page and their API record show them, from ``instruments`` (the manager the reader may
    see, drafts included or not): the instrument's own record, then the operations and meetings linked to it
    (published ones only)."""
    return instruments.for_display().prefetch_related(
        Prefetch("operations", queryset=Operation.objects.order_by("-start_date", "name", "pk")),
        Prefetch("meetings", queryset=Meeting.objects.latest_first()),
    )


class InstrumentListView(FilteredListView):
    """Treaties and other instruments, filterable by kind, status, years, adopter, area, state and text."""

    queryset = Instrument.objects.for_list()
    filterset_class = InstrumentFilterSet

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Turning the page is not filtering: the count should not read "match these filters" on page 2.
        context["filtered"] = any(value for name, value in self.request.GET.items() if name != "page")
        return context


class InstrumentDetailView(PreviewableDetailView):
    """One instrument: its life events, parties and their own steps, related records and sources."""

    model = Instrument

    def get_queryset(self):
        return instrument_records(visible_to(self.request.user, Instrument))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        instrument = self.object
        context["parties"] = instrument.parties_with_steps()
        context["other_steps"] = instrument.unlisted_steps()
        context["related"] = [
            {"label": relation.get_kind_display(), "instrument": relation.target}
            for relation in instrument.relations.all()
        ] + [
            {
                "label": INVERSE_RELATION_LABELS.get(relation.kind, relation.get_kind_display()),
                "instrument": relation.source,
            }
            for relation in instrument.inbound_relations.all()
        ]
        return context
