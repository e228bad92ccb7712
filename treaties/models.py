"""Treaties and other instruments: what they are, who adopted them, their life events and their parties."""

from collections import defaultdict

from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.utils.translation import gettext_lazy as _

from csto_portal.dates import DatePrecision, PartialDateAttribute, partial_date_constraint, partial_date_fields
from csto_portal.fulltext import search_index, search_vector_field
from csto_portal.models import Citation, Record, Relation
from csto_portal.publishing import Publishable, publishable_managers
from csto_portal.record_urls import record_url
from csto_portal.text import NOTE_LENGTH, SUMMARY_LENGTH, BoundedTextField
from organs.models import Organ
from treaties.choices import EventKind, InstrumentKind, InstrumentStatus, PartyStatus, RelationKind


class InstrumentQuerySet(models.QuerySet):
    def in_order(self):
        """Instruments in the order they came about: by their first dated step, undated ones last; each with its own
        dated steps (not one state's), earliest first, the first being the one a list shows."""
        dated_events = InstrumentEvent.objects.filter(state__isnull=True).order_by("occurred_date", "pk")
        return self.order_by(F("first_event_date").asc(nulls_last=True), "title", "pk").prefetch_related(
            Prefetch("events", queryset=dated_events, to_attr="dated_events")
        )

    def newest_first(self):
        """The instrument list's default order: by first dated step, newest first, undated last; then title."""
        return self.order_by(F("first_event_date").desc(nulls_last=True), "title", "pk")

    @staticmethod
    def _cited(lookup: str = "citations") -> Prefetch:
        """A record's citations with their sources, preferred first (the Citation default ordering)."""
        return Prefetch(lookup, queryset=Citation.objects.select_related("source"))

    def for_list(self):
        """What a row of the instrument list shows: adopter, areas and the first dated step."""
        first_event = InstrumentEvent.objects.filter(state__isnull=True).order_by("occurred_date", "pk")[:1]
        return self.select_related("adopted_by_organ", "adopted_by_partner").prefetch_related(
            "areas",
            # A sliced Prefetch fetches one event per instrument, whatever the number of events.
            Prefetch("events", queryset=first_event, to_attr="first_events"),
        )

    def for_display(self):
        """What an instrument's page shows of this app's records and the organs it set up, in a fixed number of
        queries (the page adds the operations and meetings linked to it)."""
        events = InstrumentEvent.objects.prefetch_related(self._cited()).order_by("occurred_date", "pk")
        whole = events.filter(state__isnull=True)
        steps = events.filter(state__isnull=False).select_related("state")
        parties = Party.objects.select_related("state").prefetch_related(self._cited()).order_by("state__name", "pk")
        return self.select_related("adopted_by_organ", "adopted_by_partner").prefetch_related(
            "areas",
            self._cited(),
            Prefetch("events", queryset=whole, to_attr="whole_events"),
            Prefetch("events", queryset=steps, to_attr="state_events"),
            Prefetch("parties", queryset=parties),
            Prefetch(
                "relations",
                queryset=InstrumentRelation.objects.filter(target__draft=False)
                .select_related("target")
                .prefetch_related(self._cited())
                .order_by("kind", "target__title", "pk"),
            ),
            Prefetch(
                "inbound_relations",
                queryset=InstrumentRelation.objects.filter(source__draft=False)
                .select_related("source")
                .prefetch_related(self._cited())
                .order_by("kind", "source__title", "pk"),
            ),
            Prefetch("established_organs", queryset=Organ.objects.order_by("position", "name", "pk")),
        )

    def with_events_between(self, year_from: int | None = None, year_to: int | None = None):
        """Instruments with at least one step (of the whole or of one state) dated within the years given."""
        events = InstrumentEvent.objects.filter(instrument=OuterRef("pk"))
        if year_from is not None:
            events = events.filter(occurred_date__year__gte=year_from)
        if year_to is not None:
            events = events.filter(occurred_date__year__lte=year_to)
        return self.filter(Exists(events))

    def concerning(self, state):
        """Instruments the state is listed as a party to, or has a dated step of its own in."""
        return self.filter(
            Q(Exists(Party.objects.filter(instrument=OuterRef("pk"), state=state)))
            | Q(Exists(InstrumentEvent.objects.filter(instrument=OuterRef("pk"), state=state)))
        )

    def adopted_by_slug(self, slug: str):
        """Instruments adopted by the CSTO organ or the partner body with this slug."""
        return self.filter(Q(adopted_by_organ__slug=slug) | Q(adopted_by_partner__slug=slug))

    def matching(self, text: str):
        """A plain case-insensitive match on the title, short title and summary."""
        return self.filter(Q(title__icontains=text) | Q(short_title__icontains=text) | Q(summary__icontains=text))


class Instrument(Publishable, Record):
    """A treaty, charter, agreement, resolution, decision, declaration or plan."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=InstrumentKind.choices)
    title = models.CharField(_("title"), max_length=400)
    short_title = models.CharField(_("short title"), max_length=150, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=InstrumentStatus.choices)
    summary = BoundedTextField(
        _("summary"),
        max_length=SUMMARY_LENGTH,
        blank=True,
        help_text=_("What the instrument does, in the portal's words."),
    )
    adopted_by_organ = models.ForeignKey(
        "organs.Organ",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instruments",
        verbose_name=_("adopted by (CSTO organ)"),
    )
    adopted_by_partner = models.ForeignKey(
        "organs.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instruments",
        verbose_name=_("adopted by (partner body)"),
    )
    areas = models.ManyToManyField(
        "csto_portal.Area", blank=True, related_name="instruments", verbose_name=_("subject areas")
    )
    related = models.ManyToManyField(
        "self",
        through="treaties.InstrumentRelation",
        symmetrical=False,
        blank=True,
        related_name="related_from",
        verbose_name=_("related instruments"),
    )
    # The list sorts on these, so they are columns rather than a subquery run for every instrument. PostgreSQL
    # keeps them (the triggers of migration 0004): every write of an event, through the admin, the API, the
    # loader or raw SQL, updates its instrument, and a write of the instrument cannot set them.
    first_event_date = models.DateField(
        _("first dated step"),
        null=True,
        editable=False,
        help_text=_("The date of the instrument's earliest step as a whole (not one state's); empty when undated."),
    )
    first_event_precision = models.CharField(
        _("precision of the first dated step"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        editable=False,
    )
    search_vector = search_vector_field(("title", "A"), ("short_title", "A"), ("summary", "B"))

    objects, all_objects = publishable_managers(InstrumentQuerySet)

    class Meta:
        default_manager_name = "all_objects"
        permissions = [("publish_instrument", _("Can publish or unpublish instruments"))]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        indexes = [
            search_index("treaties_instrument_search"),
            # The published list in each order InstrumentOrderingFilter offers (newest first, the default, oldest
            # first, undated last either way; by title), so that a page is an index scan rather than a sort of
            # every instrument. Narrow and partial, so the page's COUNT(*) is an index-only scan.
            models.Index(
                F("first_event_date").desc(nulls_last=True),
                "title",
                "id",
                condition=Q(draft=False),
                name="treaties_published_newest",
            ),
            models.Index(
                fields=["first_event_date", "title", "id"], condition=Q(draft=False), name="treaties_published_oldest"
            ),
            models.Index(fields=["title", "id"], condition=Q(draft=False), name="treaties_published_title"),
        ]
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(adopted_by_organ__isnull=True) | Q(adopted_by_partner__isnull=True),
                name="%(app_label)s_%(class)s_one_adopter",
                violation_error_message=_("Name either the CSTO organ or the partner body that adopted it, not both."),
            )
        ]

    def __str__(self):
        return self.short_title or self.title

    def get_absolute_url(self):
        return record_url("treaties:instrument_detail", self.slug)

    @property
    def adopted_by(self):
        return self.adopted_by_organ or self.adopted_by_partner

    def _steps_by_state(self) -> dict[int, list["InstrumentEvent"]]:
        """The dated steps of single states (prefetched by ``for_display()``), by state, each in date order."""
        steps = defaultdict(list)
        for event in self.state_events:
            steps[event.state_id].append(event)
        return steps

    def parties_with_steps(self) -> list["Party"]:
        """The states listed for the instrument, each with ``steps``: its own dated steps, from the rows prefetched
        by ``for_display()``."""
        steps = self._steps_by_state()
        parties = list(self.parties.all())
        for party in parties:
            party.steps = steps.get(party.state_id, [])
        return parties

    def unlisted_steps(self) -> list["InstrumentEvent"]:
        """The dated steps of states the record does not list as parties, state by state, so that none goes
        unshown; from the rows prefetched by ``for_display()``."""
        steps = self._steps_by_state()
        for party in self.parties.all():
            steps.pop(party.state_id, None)
        return [event for events in steps.values() for event in events]


class InstrumentRelation(Relation):
    """One instrument amending, implementing or supporting another."""

    source = models.ForeignKey(
        "treaties.Instrument", on_delete=models.CASCADE, related_name="relations", verbose_name=_("instrument")
    )
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        "treaties.Instrument",
        on_delete=models.CASCADE,
        related_name="inbound_relations",
        verbose_name=_("related instrument"),
    )

    class Meta(Relation.Meta):
        verbose_name = _("instrument relation")
        verbose_name_plural = _("instrument relations")


class InstrumentEvent(Record):
    """A dated step in an instrument's life, for the instrument as a whole or for one state."""

    instrument = models.ForeignKey(
        "treaties.Instrument", on_delete=models.CASCADE, related_name="events", verbose_name=_("instrument")
    )
    kind = models.CharField(_("event"), max_length=20, choices=EventKind.choices)
    occurred_date, occurred_precision = partial_date_fields(_("date"), required=True)
    state = models.ForeignKey(
        "organs.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instrument_events",
        verbose_name=_("state"),
        help_text=_("The state this step concerns; blank for the instrument as a whole."),
    )
    place = models.CharField(_("place"), max_length=100, blank=True)
    note = BoundedTextField(_("note"), max_length=NOTE_LENGTH, blank=True)

    occurred = PartialDateAttribute()

    class Meta:
        verbose_name = _("instrument event")
        verbose_name_plural = _("instrument events")
        ordering = ["occurred_date", "pk"]
        indexes = [models.Index(fields=["occurred_date", "id"], name="treaties_event_order")]  # default ordering
        constraints = [
            partial_date_constraint("occurred"),
            models.UniqueConstraint(
                fields=["instrument", "kind", "state", "occurred_date"],
                nulls_distinct=False,
                name="%(app_label)s_%(class)s_unique",
                violation_error_message=_("This step is already recorded for that date."),
            ),
        ]

    def __str__(self):
        who = f" ({self.state})" if self.state_id else ""
        return f"{self.instrument}: {self.get_kind_display()}{who}, {self.occurred}"


class Party(Record):
    """A state's standing towards an instrument; its own dated steps are the instrument's events for that state."""

    instrument = models.ForeignKey(
        "treaties.Instrument", on_delete=models.CASCADE, related_name="parties", verbose_name=_("instrument")
    )
    state = models.ForeignKey("organs.State", on_delete=models.PROTECT, related_name="parties", verbose_name=_("state"))
    status = models.CharField(_("status"), max_length=20, choices=PartyStatus.choices, default=PartyStatus.PARTY)
    note = BoundedTextField(_("note"), max_length=NOTE_LENGTH, blank=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["instrument", "state__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "state"],
                name="%(app_label)s_%(class)s_unique",
                violation_error_message=_("This state is already listed for this instrument."),
            )
        ]

    def __str__(self):
        return f"{self.state} — {self.instrument}"
