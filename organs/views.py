"""Public pages: the CSTO's structure and organs, its member states, and the organizations it works with."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from csto_portal.dates import PartialDate
from csto_portal.lists import FilteredListView
from csto_portal.models import Citation
from csto_portal.related import RECENT, RecentList, SubqueryCount, list_url, recent
from operations.choices import ParticipationRole
from operations.models import AssistanceRequest, Meeting, Operation, Participation, Series
from organs.choices import MembershipStatus, OrganKind, OrganRelationKind
from organs.filters import OrganFilterSet, PartnerFilterSet, PersonFilterSet, PlaceFilterSet, StateFilterSet
from organs.models import Organ, Partner, Person, Place, Post, State, Tenure, with_steps
from treaties.models import Instrument, InstrumentEvent, Party

# Relations that place an organ beneath another in the chart, the strongest first: when an organ has several, the
# first decides where it stands and the others are named in its box.
PLACING_RELATIONS = [
    OrganRelationKind.ACCOUNTABLE_TO,
    OrganRelationKind.ACTS_BETWEEN_SESSIONS_OF,
    OrganRelationKind.WORKS_UNDER,
    OrganRelationKind.PART_OF,
    OrganRelationKind.FORMED_FROM,
    OrganRelationKind.SUPPORTS,
    OrganRelationKind.HEADS,
]
# Organs that stand on their own are grouped by kind, in chart order.
CHART_GROUPS = {
    OrganKind.SUPREME: _("Supreme body"),
    OrganKind.COUNCIL: _("Councils and committees"),
    OrganKind.OFFICIAL: _("Officials"),
    OrganKind.WORKING_BODY: _("Permanent working bodies"),
    OrganKind.DEPARTMENT: _("Departments"),
    OrganKind.PARLIAMENTARY: _("Parliamentary body"),
    OrganKind.SUBSIDIARY: _("Subsidiary bodies"),
    OrganKind.WORKING_GROUP: _("Working groups"),
    OrganKind.FORCES: _("Collective forces"),
}
# Standings a reader should not mistake for full membership are marked as such.
WARNING_STATUSES = [MembershipStatus.FROZEN, MembershipStatus.SUSPENDED, MembershipStatus.WITHDRAWN]


def _latest_in_role(role):
    return Participation.objects.published().filter(role=role).latest_first()


@dataclass
class ChartNode:
    """One organ in the structure chart: how it stands to the organ above it, and the organs beneath it."""

    organ: Organ
    relation: str = ""
    also: list[str] = field(default_factory=list)
    children: list["ChartNode"] = field(default_factory=list)


@dataclass
class ChartGroup:
    kind: str
    label: str
    nodes: list[ChartNode]


def _called(organ: Organ) -> str:
    return f"the {organ.acronym or organ.name}"


def _placements(organ: Organ, by_pk: dict) -> list[tuple[int, int, int, str]]:
    """Where ``organ``'s own relations put other organs or itself: (rank, tie-break, child pk, parent pk, label)."""
    placements = []
    for relation in organ.relations.all():
        target = by_pk.get(relation.target_id)
        if target is None:
            continue
        rank = PLACING_RELATIONS.index(relation.kind) if relation.kind in PLACING_RELATIONS else len(PLACING_RELATIONS)
        if relation.kind == OrganRelationKind.HEADS:
            # "X heads Y" is the one relation read the other way: the body headed stands beneath its head.
            placements.append((rank, relation.pk, target.pk, organ.pk, f"headed by {_called(organ)}"))
        else:
            label = f"{relation.get_kind_display()} {_called(target)}"
            placements.append((rank, relation.pk, organ.pk, target.pk, label))
    return placements


def build_chart(organs: list[Organ]) -> list[ChartGroup]:
    """The structure chart as groups of trees, assembled from organs fetched with ``Organ.objects.for_chart()``.

    An organ stands beneath the organ its relation names (read child → parent, except "heads"). One with no
    relation stands beneath the organ whose decision set it up; one with neither starts a tree of its own.
    """
    by_pk = {organ.pk: organ for organ in organs}
    candidates = defaultdict(list)
    for organ in organs:
        for rank, tie, child, parent, label in _placements(organ, by_pk):
            candidates[child].append((rank, tie, parent, label))
    for organ in organs:
        founder = organ.established_by.adopted_by_organ_id if organ.established_by else None
        if not candidates[organ.pk] and founder in by_pk and founder != organ.pk:
            candidates[organ.pk].append((0, 0, founder, f"set up by decision of {_called(by_pk[founder])}"))

    nodes = {organ.pk: ChartNode(organ) for organ in organs}
    parent_of = {}
    for organ in organs:
        ranked = sorted(candidates[organ.pk])
        if ranked:
            _rank, _tie, parent, label = ranked[0]
            parent_of[organ.pk] = parent
            nodes[organ.pk].relation = label
            nodes[organ.pk].also = [other[3] for other in ranked[1:]]
    for organ in organs:
        if organ.pk in parent_of:
            nodes[parent_of[organ.pk]].children.append(nodes[organ.pk])

    roots = [nodes[organ.pk] for organ in organs if organ.pk not in parent_of]
    reached = set()

    def reach(node):
        reached.add(node.organ.pk)
        for child in node.children:
            reach(child)

    for root in roots:
        reach(root)
    # Relations that go round in a circle leave organs no root reaches: the first of them then heads its own tree.
    for organ in organs:
        if organ.pk not in reached:
            node = nodes[organ.pk]
            nodes[parent_of.pop(organ.pk)].children.remove(node)
            node.also.insert(0, node.relation)
            node.relation = ""
            roots.append(node)
            reach(node)
    roots.sort(key=lambda node: organs.index(node.organ))

    groups = {}
    for root in roots:
        kind = root.organ.kind
        if kind not in groups:
            groups[kind] = ChartGroup(kind, CHART_GROUPS.get(kind, root.organ.get_kind_display()), [])
        groups[kind].nodes.append(root)
    return list(groups.values())


class OrganListView(FilteredListView):
    """The structure chart of every organ, then a table of the organs (which ``?kind=`` narrows)."""

    queryset = Organ.objects.for_list()
    filterset_class = OrganFilterSet

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["chart"] = build_chart(list(Organ.objects.for_chart()))
        return context


class OrganDetailView(DetailView):
    """An organ's page: its own record, then the most recent few of the instruments it adopted, the operations it
    ran or joined and the meetings it took part in, each with its count, all in a fixed number of queries."""

    queryset = (
        Organ.objects.for_display()
        .annotate(
            instrument_count=SubqueryCount(Instrument.objects.filter(adopted_by_organ=OuterRef("pk"))),
            operation_count=SubqueryCount(Operation.objects.filter(run_by=OuterRef("pk"))),
            operation_involved_in_count=SubqueryCount(Operation.objects.filter(forces=OuterRef("pk"))),
            meeting_count=SubqueryCount(Meeting.objects.filter(organs=OuterRef("pk"))),
        )
        .prefetch_related(
            recent("instruments", Instrument.objects.in_order().newest_first(), "recent_instruments"),
            recent("operations", Operation.objects.latest_first(), "recent_operations"),
            Prefetch(
                "series",
                queryset=Series.objects.annotate(
                    operation_count=SubqueryCount(Operation.objects.filter(series=OuterRef("pk")))
                )
                .order_by("name", "pk")
                .prefetch_related(recent("operations", Operation.objects.latest_first(), "recent_operations")),
            ),
            recent("operations_involved_in", Operation.objects.latest_first(), "recent_operations_involved_in"),
            recent("meetings", Meeting.objects.latest_first(), "recent_meetings"),
        )
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organ = self.object
        context["established_bodies"] = Organ.objects.established_by_decisions_of(organ)
        operations = "operations:operation_list"
        context["instruments"] = RecentList(
            organ.recent_instruments,
            organ.instrument_count,
            list_url("treaties:instrument_list", adopted_by=organ.slug),
        )
        context["operations_run"] = RecentList(
            organ.recent_operations, organ.operation_count, list_url(operations, run_by=organ.slug)
        )
        context["series"] = [
            (
                series,
                RecentList(series.recent_operations, series.operation_count, list_url(operations, series=series.slug)),
            )
            for series in organ.series.all()
        ]
        context["operations_involved_in"] = RecentList(
            organ.recent_operations_involved_in,
            organ.operation_involved_in_count,
            list_url(operations, forces=organ.slug),
        )
        context["meetings"] = RecentList(
            organ.recent_meetings, organ.meeting_count, list_url("operations:meeting_list", organ=organ.slug)
        )
        return context


class StateListView(FilteredListView):
    """States that have ever belonged to the Organization or one of its organs, with their standing on a day."""

    queryset = State.objects.member_states()
    filterset_class = StateFilterSet

    def get_queryset(self):
        queryset = super().get_queryset()
        self.standing_date = self.filterset.standing_date() if self.filterset.is_valid() else timezone.localdate()
        return queryset.for_list(self.standing_date)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["standing_on"] = PartialDate(self.standing_date)
        context["warning_statuses"] = WARNING_STATUSES
        context["as_of"] = self.filterset.is_valid() and self.filterset.form.cleaned_data.get("as_of")
        context["rows"] = [
            {
                "state": state,
                "standing": state.standing_on(self.standing_date),
                "joined": state.member_periods[0].start if state.member_periods else None,
                "left": state.member_periods[-1].end if state.member_periods else None,
            }
            for state in context["object_list"]
        ]
        return context


class StateDetailView(DetailView):
    """A state's page, at its lower-case ISO code; any other spelling of the code redirects there. Its operations by
    role are the most recent few with their counts; its meetings and instruments are fetched in
    ``get_context_data``, as they are no one relation."""

    queryset = (
        State.objects.for_display()
        .annotate(
            **{
                f"{role}_count": SubqueryCount(
                    Participation.objects.filter(state=OuterRef("pk"), role=role, operation__draft=False)
                )
                for role in ParticipationRole.values
            }
        )
        .prefetch_related(
            *(
                recent(
                    "participations",
                    _latest_in_role(role),
                    f"recent_{role}",
                )
                for role in ParticipationRole.values
            )
        )
    )

    def get(self, request, *args, **kwargs):
        code = kwargs["iso2"]
        if code != code.lower():
            state = State.objects.filter(iso2=code.upper()).first()
            if state is None:
                raise Http404("There is no state with that ISO code.")
            return redirect(state, permanent=True)
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        try:
            return queryset.get(iso2=self.kwargs["iso2"].upper())
        except State.DoesNotExist:
            raise Http404("There is no state with that ISO code.") from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = self.object
        code = state.iso2.lower()
        context["operations_by_role"] = [
            (
                label,
                RecentList(
                    getattr(state, f"recent_{role}"),
                    getattr(state, f"{role}_count"),
                    list_url("operations:operation_list", state=code, role=role),
                ),
            )
            for role, label in [
                (ParticipationRole.HOST, _("Hosted")),
                (ParticipationRole.PARTICIPANT, _("Took part in")),
                (ParticipationRole.OBSERVER, _("Observed")),
            ]
        ]
        # Hosted or represented at: what the meeting list's ?state= filter holds, so the count and the link agree.
        meetings = Meeting.objects.with_state(state).latest_first()
        context["meetings"] = RecentList(
            list(meetings[:RECENT]), meetings.count(), list_url("operations:meeting_list", state=code)
        )
        requests = AssistanceRequest.objects.filter(state=state).latest_first()
        context["requests"] = RecentList(
            list(requests[:RECENT]), requests.count(), list_url("operations:request_list", state=code)
        )
        # Party to or with steps of its own in: what the instrument list's ?state= filter holds, newest first as there.
        instruments = Instrument.objects.concerning(state)
        recent_instruments = instruments.newest_first()[:RECENT].prefetch_related(
            Prefetch("parties", queryset=Party.objects.filter(state=state), to_attr="state_party"),
            Prefetch(
                "events",
                queryset=InstrumentEvent.objects.filter(state=state).order_by("occurred_date", "pk"),
                to_attr="state_steps",
            ),
        )
        context["instruments"] = RecentList(
            [
                {
                    "instrument": instrument,
                    "party": next(iter(instrument.state_party), None),
                    "steps": instrument.state_steps,
                }
                for instrument in recent_instruments
            ],
            instruments.count(),
            list_url("treaties:instrument_list", state=code),
        )
        context["warning_statuses"] = WARNING_STATUSES
        context["current"] = state.standing_on(timezone.localdate())
        return context


@dataclass
class PartnerNode:
    partner: Partner
    children: list["PartnerNode"] = field(default_factory=list)


class PartnerListView(FilteredListView):
    """Organizations with their bodies nested beneath them; a filtered list is flat, each body naming its parent."""

    queryset = Partner.objects.for_list()
    filterset_class = PartnerFilterSet

    def get_queryset(self):
        queryset = super().get_queryset()
        self.nested = self.filterset.is_valid() and not any(self.filterset.form.cleaned_data.values())
        return queryset.filter(parent__isnull=True) if self.nested else queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["nested"] = self.nested
        if self.nested:
            children = defaultdict(list)
            for body in Partner.objects.for_list().filter(parent__isnull=False):
                children[body.parent_id].append(body)

            def node(partner):
                return PartnerNode(partner, [node(body) for body in children[partner.pk]])

            context["tree"] = [node(partner) for partner in context["object_list"]]
        return context


class PartnerDetailView(DetailView):
    """A partner organization's page: its own record, then the instruments it adopted, the operations it hosted,
    took part in or observed, and the meetings it attended."""

    queryset = Partner.objects.for_display().prefetch_related(
        Prefetch("instruments", queryset=Instrument.objects.in_order()),
        *(
            Prefetch(
                "participations",
                queryset=_latest_in_role(role),
                to_attr=attr,
            )
            for role, attr in [
                (ParticipationRole.HOST, "hosted"),
                (ParticipationRole.PARTICIPANT, "took_part"),
                (ParticipationRole.OBSERVER, "observed"),
            ]
        ),
        Prefetch("meetings", queryset=Meeting.objects.latest_first()),
    )


class PlaceListView(FilteredListView):
    queryset = Place.objects.for_list()
    filterset_class = PlaceFilterSet


class PlaceDetailView(DetailView):
    """A place's page: the meetings and the operations held there, the most recent first, with their counts."""

    queryset = Place.objects.for_list().prefetch_related(
        Prefetch("citations", Citation.objects.select_related("source"))
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        place = self.object
        meetings = Meeting.objects.filter(place=place).latest_first()
        operations = Operation.objects.filter(places=place).latest_first().select_related("series")
        context["meetings"] = RecentList(
            list(meetings[:RECENT]), meetings.count(), list_url("operations:meeting_list", place=place.slug)
        )
        context["operations"] = RecentList(
            list(operations[:RECENT]), operations.count(), list_url("operations:operation_list", place=place.slug)
        )
        return context


# The posts whose holders the people list shows in order, the highest first, with the heading of each.
LEADING_POSTS = {
    "csto-secretary-general": _("Secretaries-General"),
    "chief-of-joint-staff": _("Chiefs of the Joint Staff"),
    "deputy-secretary-general": _("Deputy Secretaries-General"),
}


class PersonListView(FilteredListView):
    """The Secretaries-General, Chiefs of the Joint Staff and deputies in order, then everyone the sources name.

    With ``?as_of=`` both parts keep only those in office on that day.
    """

    queryset = Person.objects.for_list()
    filterset_class = PersonFilterSet

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        valid = self.filterset.is_valid()
        as_of = valid and self.filterset.form.cleaned_data.get("as_of")
        tenures = Tenure.objects.select_related("person").order_by(F("start_date").asc(nulls_first=True), "pk")
        if as_of:
            tenures = tenures.on(as_of)
        posts = Post.objects.filter(slug__in=LEADING_POSTS).select_related("organ")
        context["as_of"] = as_of
        posts = sorted(
            posts.prefetch_related(Prefetch("tenures", queryset=with_steps(tenures))) if valid else [],
            key=lambda post: list(LEADING_POSTS).index(post.slug),
        )
        for post in posts:
            post.heading = LEADING_POSTS[post.slug]
        context["posts"] = posts
        return context


class PersonDetailView(DetailView):
    """A person's page: the posts held, acting terms marked, with the steps along the way, and the meetings attended."""

    queryset = Person.objects.for_display().prefetch_related(
        Prefetch("meetings", queryset=Meeting.objects.latest_first())
    )
