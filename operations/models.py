"""Operations, exercises and meetings: who hosted, took part and watched, and what came of them."""

import datetime

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from django.utils.translation import gettext_lazy as _

from csto_portal.aliases import Aliased, aliases_field
from csto_portal.constraints import exactly_one_of
from csto_portal.dates import PartialDateAttribute, date_order_constraint, partial_date_constraint, partial_date_fields
from csto_portal.fulltext import search_index, search_vector_field
from csto_portal.models import Area, Citation, Record
from csto_portal.publishing import Publishable, publishable_managers
from csto_portal.record_urls import record_url
from csto_portal.text import NOTE_LENGTH, SUMMARY_LENGTH, BoundedTextField
from operations.choices import (
    Agency,
    MeetingKind,
    OperationKind,
    OperationStatus,
    ParticipationRole,
    Qualifier,
    Recurrence,
    RequestDecision,
    RequestKind,
    SessionForm,
    Unit,
)
from organs.models import Chairmanship, Organ, Partner, Person, Place, State
from treaties.models import Instrument


def covering_year(year: int) -> Q:
    """Records whose start–end span covers ``year``; one without an end covers the year it starts in.

    Month and year dates are stored as the first day of their period, so comparing whole years by day is exact.
    """
    first, next_first = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
    return Q(start_date__lt=next_first) & (Q(end_date__gte=first) | Q(end_date__isnull=True, start_date__gte=first))


def _cited(queryset):
    # Citations are a generic relation: without an explicit prefetch each record (and its source) costs a query.
    return queryset.prefetch_related(Prefetch("citations", queryset=_citations()))


def _citations():
    return Citation.objects.select_related("source").order_by("-preferred", "pk")


class SeriesQuerySet(models.QuerySet):
    def for_cards(self):
        """The series as shown in the cards above the operations list."""
        return self.order_by("name", "pk")


class Series(Aliased, Record):
    """A recurring operation or exercise (Rubezh, Kanal, Nelegal, PROKSI)."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    aliases = aliases_field()
    kind = models.CharField(_("kind"), max_length=20, choices=OperationKind.choices)
    recurrence = models.CharField(_("recurrence"), max_length=20, choices=Recurrence.choices, blank=True)
    since_date, since_precision = partial_date_fields(_("held since"))
    summary = BoundedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    run_by = models.ForeignKey(
        "organs.Organ",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="series",
        verbose_name=_("run by"),
    )
    areas = models.ManyToManyField("csto_portal.Area", blank=True, related_name="series", verbose_name=_("areas"))

    since = PartialDateAttribute()

    objects = SeriesQuerySet.as_manager()

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        ordering = ["name", "pk"]
        constraints = [partial_date_constraint("since")]

    def __str__(self):
        return self.name

    def edition_count(self) -> int:
        """How many published operations the series has: the number its filtered list shows readers."""
        return Operation.objects.filter(series=self).count()


# How many editions of its series an operation's page and API record list on each side of it.
NEAREST_EDITIONS = 3
# What a link to an edition shows: name, dates and status.
EDITION_FIELDS = ("slug", "name", "series_id", "status", "start_date", "start_precision", "end_date", "end_precision")


class OperationQuerySet(models.QuerySet):
    def for_list(self):
        """Rows of the operations list: series and hosts come along, so a page costs the same at any size."""
        hosts = (
            Participation.objects.filter(role=ParticipationRole.HOST)
            .select_related("state", "partner")
            .order_by("state__name", "partner__name", "pk")
        )
        return (
            self.defer("search_vector")
            .select_related("series")
            .prefetch_related(Prefetch("participations", hosts, to_attr="hosts"))
        )

    def for_display(self):
        """An operation's page: its series, who took part, results, links and sources.

        The neighbouring editions of its series are not prefetched: a series may have thousands, and the page
        shows a few (``Operation.nearest_editions``).
        """
        participations = _cited(
            Participation.objects.select_related("state", "partner").order_by(
                "role", "state__name", "partner__name", "pk"
            )
        )
        # Of figures in dispute put at one position, the one the portal follows comes first.
        results = _cited(Result.objects.select_related("state").order_by("position", "-preferred", "pk"))
        return _cited(
            self.select_related("series", "run_by").prefetch_related(
                Prefetch("forces", Organ.objects.order_by("position", "name", "pk")),
                Prefetch("participations", participations),
                Prefetch("results", results),
                Prefetch("instruments", Instrument.objects.order_by("title", "pk")),
                Prefetch("areas", Area.objects.order_by("position", "name", "pk")),
                Prefetch("places", Place.objects.select_related("state").order_by("name", "pk")),
                Prefetch("requests", AssistanceRequest.objects.select_related("state").order_by("requested_date")),
            )
        )

    def latest_first(self):
        """Most recent first, undated ones last: how an organ's page lists the operations it ran or joined."""
        return self.order_by(F("start_date").desc(nulls_last=True), "name", "pk")

    def covering_year(self, year: int):
        """Operations whose span covers ``year``: Kanal, 2003–2009 is found for 2005."""
        return self.filter(covering_year(year))

    def with_participant(self, state=None, role: str | None = None):
        """Operations in which ``state`` took part in any role, or in ``role``; either may be left out."""
        participations = Participation.objects.filter(operation=OuterRef("pk"))
        if state is not None:
            participations = participations.filter(state=state)
        if role:
            participations = participations.filter(role=role)
        # A subquery rather than a join: a state that both hosted and took part must not list the operation twice.
        return self.filter(Exists(participations))

    def in_area(self, area):
        """Operations tagged with ``area`` or with one of its sub-areas."""
        tags = Operation.areas.through.objects.filter(operation=OuterRef("pk")).filter(
            Q(area=area) | Q(area__parent=area)
        )
        return self.filter(Exists(tags))

    def matching(self, text: str):
        """A plain text match on name, other names and summary (site-wide full-text search is separate)."""
        return self.filter(Q(name__icontains=text) | Q(aliases__icontains=text) | Q(summary__icontains=text))


class Operation(Aliased, Publishable, Record):
    """One operation or exercise, or one stage of a series, with its dates and status."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    aliases = aliases_field()
    series = models.ForeignKey(
        "operations.Series",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="operations",
        verbose_name=_("series"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OperationKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=OperationStatus.choices, default=OperationStatus.HELD)
    start_date, start_precision = partial_date_fields(_("start"))
    end_date, end_precision = partial_date_fields(_("end"))
    announced_date, announced_precision = partial_date_fields(
        _("announced"), help_text=_("When the plan for it was announced, for an operation planned in advance.")
    )
    places = models.ManyToManyField(
        "organs.Place",
        blank=True,
        related_name="operations",
        verbose_name=_("places"),
        help_text=_("Where it was held."),
    )
    summary = BoundedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    run_by = models.ForeignKey(
        "organs.Organ",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="operations",
        verbose_name=_("run by"),
    )
    forces = models.ManyToManyField(
        "organs.Organ",
        blank=True,
        related_name="operations_involved_in",
        verbose_name=_("CSTO forces and bodies involved"),
    )
    instruments = models.ManyToManyField(
        "treaties.Instrument",
        blank=True,
        related_name="operations",
        verbose_name=_("instruments"),
        help_text=_("The legal basis, or documents the operation tested or approved."),
    )
    areas = models.ManyToManyField("csto_portal.Area", blank=True, related_name="operations", verbose_name=_("areas"))
    search_vector = search_vector_field(("name", "A"), ("aliases", "A"), ("summary", "B"))

    start = PartialDateAttribute()
    end = PartialDateAttribute()
    announced = PartialDateAttribute()

    objects, all_objects = publishable_managers(OperationQuerySet)

    class Meta:
        default_manager_name = "all_objects"
        permissions = [("publish_operation", _("Can publish or unpublish operations"))]
        verbose_name = _("operation")
        verbose_name_plural = _("operations")
        ordering = ["-start_date", "name", "pk"]
        indexes = [
            search_index("operations_operation_search"),
            models.Index(fields=["-start_date", "name", "id"], name="operations_operation_order"),  # default ordering
            # What readers see: the published list in its order, and filtered by kind (the list's first filter).
            # Narrow and partial, so a page's COUNT(*) is an index-only scan instead of a pass over the wide rows.
            models.Index(
                fields=["-start_date", "name", "id"], condition=Q(draft=False), name="operations_published_order"
            ),
            models.Index(
                fields=["kind", "-start_date", "name", "id"], condition=Q(draft=False), name="operations_published_kind"
            ),
            # The published editions of a series in order: an edition's neighbours are a short range scan and
            # the series' count an index-only one, however long the series.
            models.Index(
                fields=["series", "start_date", "name", "id"],
                condition=Q(draft=False),
                name="operations_operation_editions",
            ),
        ]
        constraints = [
            date_order_constraint(),
            partial_date_constraint("start"),
            partial_date_constraint("end"),
            partial_date_constraint("announced"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return record_url("operations:operation_detail", self.slug)

    @property
    def host_states(self) -> list:
        """The states that hosted it: from the list's ``hosts`` prefetch, else from all its participations."""
        participations = getattr(self, "hosts", None)
        if participations is None:
            participations = [p for p in self.participations.all() if p.role == ParticipationRole.HOST]
        return [participation.state for participation in participations if participation.state_id]

    def nearest_editions(self, count: int = NEAREST_EDITIONS) -> tuple[list, list]:
        """Up to ``count`` published editions of its series before this one and up to ``count`` after, in series
        order: by start date, undated editions last (as in the series list, oldest first), then by name.

        Each query asks for at most ``count`` rows next to this one in the ``operations_operation_editions``
        index, so neither the cost nor the number of queries grows with the series.
        """
        if self.series_id is None:
            return [], []
        editions = Operation.objects.filter(series_id=self.series_id).only(*EDITION_FIELDS)
        dated, undated = editions.filter(start_date__isnull=False), editions.filter(start_date__isnull=True)
        # Django's tuple lookups are SQL row comparisons, (start_date, name, id) < (…), which PostgreSQL answers
        # from the index. The undated editions that border the dated ones are read whether needed or not, to keep
        # the query count fixed.
        if self.start_date is None:
            here = Tuple("name", "pk"), (self.name, self.pk)
            earlier = [
                *undated.filter(TupleLessThan(*here)).order_by("-name", "-pk")[:count],
                *dated.order_by("-start_date", "-name", "-pk")[:count],
            ]
            later = list(undated.filter(TupleGreaterThan(*here)).order_by("name", "pk")[:count])
        else:
            here = Tuple("start_date", "name", "pk"), (self.start_date, self.name, self.pk)
            earlier = list(dated.filter(TupleLessThan(*here)).order_by("-start_date", "-name", "-pk")[:count])
            later = [
                *dated.filter(TupleGreaterThan(*here)).order_by("start_date", "name", "pk")[:count],
                *undated.order_by("name", "pk")[:count],
            ]
        return earlier[:count][::-1], later[:count]


class ParticipationQuerySet(models.QuerySet):
    def published(self):
        """Participations in published operations, each with its operation."""
        return self.filter(operation__draft=False).select_related("operation")

    def latest_first(self, *tie_breaks):
        """The most recent operation first (undated ones last), then by its name, ``tie_breaks`` and pk."""
        return self.order_by(F("operation__start_date").desc(nulls_last=True), "operation__name", *tie_breaks, "pk")


class Participation(Record):
    """A state or organization hosting, taking part in or observing an operation."""

    operation = models.ForeignKey(
        "operations.Operation", on_delete=models.CASCADE, related_name="participations", verbose_name=_("operation")
    )
    role = models.CharField(_("role"), max_length=20, choices=ParticipationRole.choices)
    state = models.ForeignKey(
        "organs.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("state"),
    )
    partner = models.ForeignKey(
        "organs.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("organization"),
    )
    agencies = ArrayField(
        models.CharField(max_length=30, choices=Agency.choices),
        default=list,
        blank=True,
        verbose_name=_("agencies"),
        help_text=_("Which of the state's services took part, where known."),
    )
    note = BoundedTextField(_("note"), max_length=NOTE_LENGTH, blank=True)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["operation", "role", "state__name", "partner__name", "pk"]
        constraints = [
            exactly_one_of(
                "state",
                "partner",
                name="%(app_label)s_%(class)s_one_participant",
                violation_error_message=_("Name either a state or an organization."),
            ),
            models.UniqueConstraint(
                fields=["operation", "role", "state"],
                condition=Q(state__isnull=False),
                name="%(app_label)s_%(class)s_unique_state",
                violation_error_message=_("This state is already listed in that role."),
            ),
            models.UniqueConstraint(
                fields=["operation", "role", "partner"],
                condition=Q(partner__isnull=False),
                name="%(app_label)s_%(class)s_unique_partner",
                violation_error_message=_("This organization is already listed in that role."),
            ),
        ]

    def __str__(self):
        return f"{self.state or self.partner}: {self.get_role_display()} of {self.operation}"


class Result(Record):
    """A figure an operation produced: metric, value and unit, and the period or stage it covers.

    Where sources disagree, each figure they give is its own row with its own citations, and one is ``preferred``.
    """

    operation = models.ForeignKey(
        "operations.Operation", on_delete=models.CASCADE, related_name="results", verbose_name=_("operation")
    )
    metric = models.CharField(_("metric"), max_length=120, help_text=_("What was counted, e.g. heroin seized."))
    qualifier = models.CharField(_("qualifier"), max_length=20, choices=Qualifier.choices, default=Qualifier.EXACT)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    period_start_date, period_start_precision = partial_date_fields(_("period from"))
    period_end_date, period_end_precision = partial_date_fields(_("period until"))
    stage = models.CharField(_("stage"), max_length=120, blank=True, help_text=_("The phase or stage it covers."))
    state = models.ForeignKey(
        "organs.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="results",
        verbose_name=_("state"),
        help_text=_("For one state's own figure, such as its contingent; blank for the operation as a whole."),
    )
    final = models.BooleanField(_("final"), default=True, help_text=_("Untick for preliminary figures."))
    preferred = models.BooleanField(
        _("preferred"),
        default=False,
        help_text=_(
            "Where sources give different figures for the same metric, stage and state, tick the one the portal "
            "follows. A figure that stands alone is followed without it."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    period_start = PartialDateAttribute()
    period_end = PartialDateAttribute()

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["operation", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="%(app_label)s_%(class)s_value_not_negative",
                violation_error_message=_("A figure cannot be negative."),
            ),
            date_order_constraint("period_start", "period_end"),
            partial_date_constraint("period_start"),
            partial_date_constraint("period_end"),
            # Sources may disagree on a figure: each one they give is kept, but the same one only once.
            models.UniqueConstraint(
                fields=["operation", "metric", "stage", "state", "qualifier", "value", "unit"],
                nulls_distinct=False,
                name="%(app_label)s_%(class)s_unique_figure",
                violation_error_message=_("This figure is already recorded for that stage and state."),
            ),
            models.UniqueConstraint(
                fields=["operation", "metric", "stage", "state"],
                condition=Q(preferred=True),
                nulls_distinct=False,
                name="%(app_label)s_%(class)s_one_preferred",
                violation_error_message=_(
                    "Another figure for this metric, stage and state is already the preferred one: only one can be."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.metric}: {self.figure}"

    @property
    def figure(self) -> str:
        """The value as a reader writes it: "more than 220 t", "7,688 items"."""
        qualifier = "" if self.qualifier == Qualifier.EXACT else f"{self.get_qualifier_display()} "
        return f"{qualifier}{self.value.normalize():,f} {self.unit}"

    @property
    def rivals(self) -> list["Result"]:
        """The other figures given for the same metric, stage and state: the sources disagree.

        Read from the operation's results, which its page and API record prefetch.
        """
        counted = (self.metric, self.stage, self.state_id)
        return [
            other
            for other in self.operation.results.all()
            if other.pk != self.pk and (other.metric, other.stage, other.state_id) == counted
        ]

    @property
    def followed(self) -> bool:
        """Whether the portal follows this figure: the preferred one of those in dispute, or one that stands alone."""
        return self.preferred or not self.rivals


class MeetingQuerySet(models.QuerySet):
    def for_list(self):
        """Rows of the meetings list, with the host state and the place."""
        return self.select_related("host", "place")

    def for_display(self):
        """A meeting's page: who met, what they adopted, and the sources."""
        return _cited(
            self.select_related("host", "place__state").prefetch_related(
                Prefetch("organs", Organ.objects.order_by("position", "name", "pk")),
                Prefetch("partners", Partner.objects.order_by("name", "pk")),
                Prefetch("states", State.objects.order_by("name", "pk")),
                Prefetch("absent", State.objects.order_by("name", "pk")),
                Prefetch("people", Person.objects.order_by("name", "pk")),
                Prefetch("instruments", Instrument.objects.order_by("title", "pk")),
                Prefetch("areas", Area.objects.order_by("position", "name", "pk")),
                Prefetch("chairmanships_taken_over", Chairmanship.objects.select_related("state")),
                Prefetch("requests", AssistanceRequest.objects.select_related("state").order_by("requested_date")),
            )
        )

    def latest_first(self):
        """The most recent first, with the host state and place: how the pages of those who met list their meetings."""
        return self.select_related("host", "place").order_by("-start_date", "title", "pk")

    def covering_year(self, year: int):
        """Meetings held in ``year``, or spanning it."""
        return self.filter(covering_year(year))

    def with_state(self, state):
        """Meetings that ``state`` hosted or was represented at."""
        represented = Meeting.states.through.objects.filter(meeting=OuterRef("pk"), state=state)
        return self.filter(Q(host=state) | Exists(represented))

    def with_partner(self, partner):
        """Meetings at which ``partner`` took part."""
        return self.filter(Exists(Meeting.partners.through.objects.filter(meeting=OuterRef("pk"), partner=partner)))

    def matching(self, text: str):
        """A plain text match on title, summary and place."""
        return self.filter(Q(title__icontains=text) | Q(summary__icontains=text) | Q(place__name__icontains=text))


class Meeting(Publishable, Record):
    """A session, consultation, conference or signing at which the CSTO met its members or partners."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=OperationStatus.choices, default=OperationStatus.HELD)
    start_date, start_precision = partial_date_fields(_("start"), required=True)
    end_date, end_precision = partial_date_fields(_("end"))
    form = models.CharField(
        _("form"), max_length=20, choices=SessionForm.choices, blank=True, help_text=_("For a session: how it met.")
    )
    place = models.ForeignKey(
        "organs.Place",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("place"),
    )
    host = models.ForeignKey(
        "organs.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings_hosted",
        verbose_name=_("host state"),
    )
    summary = BoundedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    organs = models.ManyToManyField(
        "organs.Organ", blank=True, related_name="meetings", verbose_name=_("CSTO organs taking part")
    )
    partners = models.ManyToManyField(
        "organs.Partner", blank=True, related_name="meetings", verbose_name=_("organizations taking part")
    )
    states = models.ManyToManyField(
        "organs.State", blank=True, related_name="meetings", verbose_name=_("states represented")
    )
    absent = models.ManyToManyField(
        "organs.State",
        blank=True,
        related_name="meetings_missed",
        verbose_name=_("states absent"),
        help_text=_("Members that stayed away, where a source says so."),
    )
    people = models.ManyToManyField(
        "organs.Person", blank=True, related_name="meetings", verbose_name=_("people present")
    )
    instruments = models.ManyToManyField(
        "treaties.Instrument", blank=True, related_name="meetings", verbose_name=_("documents adopted or signed")
    )
    areas = models.ManyToManyField("csto_portal.Area", blank=True, related_name="meetings", verbose_name=_("areas"))
    search_vector = search_vector_field(("title", "A"), ("summary", "B"))

    start = PartialDateAttribute()
    end = PartialDateAttribute()

    objects, all_objects = publishable_managers(MeetingQuerySet)

    class Meta:
        default_manager_name = "all_objects"
        permissions = [("publish_meeting", _("Can publish or unpublish meetings"))]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start_date", "title", "pk"]
        indexes = [
            search_index("operations_meeting_search"),
            models.Index(fields=["-start_date", "title", "id"], name="operations_meeting_order"),
        ]  # default ordering
        constraints = [date_order_constraint(), partial_date_constraint("start"), partial_date_constraint("end")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return record_url("operations:meeting_detail", self.slug)


class AssistanceRequestQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("state")

    def for_display(self):
        """A request's page: who asked, who answered, and the operation and meeting that followed."""
        return _cited(self.select_related("state", "addressed_to", "answered_by", "operation", "meeting"))

    def latest_first(self):
        """The most recent first: how a state's page lists its requests."""
        return self.select_related("state").order_by("-requested_date", "title", "pk")

    def covering_year(self, year: int):
        return self.filter(requested_date__year=year)

    def matching(self, text: str):
        return self.filter(Q(title__icontains=text) | Q(summary__icontains=text) | Q(outcome__icontains=text))


class AssistanceRequest(Publishable, Record):
    """A member state's request for collective help or consultations, and what the Organization did about it."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    state = models.ForeignKey(
        "organs.State", on_delete=models.PROTECT, related_name="requests", verbose_name=_("requesting state")
    )
    kind = models.CharField(_("what was asked"), max_length=30, choices=RequestKind.choices)
    requested_date, requested_precision = partial_date_fields(_("requested"), required=True)
    article = models.CharField(
        _("article invoked"),
        max_length=20,
        blank=True,
        help_text=_("The article of the Collective Security Treaty the request relied on, e.g. 4."),
    )
    addressed_to = models.ForeignKey(
        "organs.Organ",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests_received",
        verbose_name=_("addressed to"),
    )
    answered_by = models.ForeignKey(
        "organs.Organ",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests_answered",
        verbose_name=_("answered by"),
    )
    decided_date, decided_precision = partial_date_fields(_("decided"))
    decision = models.CharField(_("decision"), max_length=20, choices=RequestDecision.choices)
    outcome = BoundedTextField(_("outcome"), max_length=SUMMARY_LENGTH, blank=True, help_text=_("What came of it."))
    summary = BoundedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    operation = models.ForeignKey(
        "operations.Operation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("operation that followed"),
    )
    meeting = models.ForeignKey(
        "operations.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("session that decided"),
    )
    search_vector = search_vector_field(("title", "A"), ("summary", "B"), ("outcome", "B"))

    requested = PartialDateAttribute()
    decided = PartialDateAttribute()

    objects, all_objects = publishable_managers(AssistanceRequestQuerySet)

    class Meta:
        default_manager_name = "all_objects"
        permissions = [("publish_assistancerequest", _("Can publish or unpublish requests for help"))]
        verbose_name = _("request for collective help")
        verbose_name_plural = _("requests for collective help")
        ordering = ["-requested_date", "title", "pk"]
        indexes = [
            search_index("operations_request_search"),
            models.Index(fields=["requested_date", "title", "id"], name="operations_request_order"),
        ]
        constraints = [
            date_order_constraint("requested", "decided"),
            partial_date_constraint("requested"),
            partial_date_constraint("decided"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return record_url("operations:request_detail", self.slug)
