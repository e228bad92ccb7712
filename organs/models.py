"""The CSTO's organs, the states in and around it, people and their posts, and partner organizations."""

from itertools import pairwise

from django.contrib.postgres.fields import RangeOperators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from csto_portal.constraints import DateRange, IdRange, NoOverlap, exactly_one_of
from csto_portal.dates import PartialDateAttribute, date_order_constraint, partial_date_constraint, partial_date_fields
from csto_portal.fulltext import search_index, search_vector_field
from csto_portal.models import Record, Relation
from csto_portal.record_urls import record_url
from csto_portal.text import NOTE_LENGTH, SUMMARY_LENGTH, BoundedTextField
from organs.choices import (
    MembershipStatus,
    MembershipStepKind,
    OrganKind,
    OrganRelationKind,
    PartnerKind,
    PlaceKind,
    TenureStepKind,
)

# How the records are fetched for each page and endpoint: one queryset method per use, so the queries are shaped
# where they are declared (STYLE.md §3) and their number does not grow with the data.


class PeriodQuerySet(models.QuerySet):
    def on(self, date):
        """Periods known to be in force on ``date``: started on or before it and not ended by it (``Period``)."""
        return self.filter(self.model.in_force_condition(date))


class MembershipQuerySet(PeriodQuerySet):
    def members_on(self, date):
        """The periods that made a state a member of the Organization on ``date``."""
        return self.on(date).filter(body__isnull=True, state__isnull=False, status__in=MembershipStatus.member_values())


def with_steps(periods):
    """Tenures or membership periods with their dated steps and the steps' sources, in date order."""
    steps = periods.model._meta.get_field("steps").related_model
    return periods.prefetch_related(
        Prefetch("steps", queryset=steps.objects.prefetch_related("citations__source").order_by("occurred_date", "pk"))
    )


def _posts_with_holders():
    return Post.objects.order_by("title", "pk").prefetch_related(
        Prefetch("tenures", queryset=with_steps(Tenure.objects.select_related("person").order_by("start_date", "pk")))
    )


class StateQuerySet(models.QuerySet):
    def member_states(self):
        """States that have had at least one membership period, in the Organization or in one of its organs."""
        return self.filter(Exists(Membership.objects.filter(state=OuterRef("pk"))))

    def for_list(self, date):
        """What the list of member states shows: each state's standing on ``date`` (``State.standing_on(date)``)
        and its full-member periods."""
        # The day goes with each row, so that the standing is read from this prefetch only when asked for that day.
        return self.annotate(standing_date=Value(date, output_field=models.DateField())).prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.on(date).select_related("body"),
                to_attr="standing",
            ),
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(
                    body__isnull=True, status__in=MembershipStatus.member_values()
                ).order_by("start_date", "pk"),
                to_attr="member_periods",
            ),
        )

    def for_display(self):
        """What a state's page shows of this app's records: its history, chairmanships, people and sources (the
        page adds the operations, meetings and instruments it took part in)."""
        return self.prefetch_related(
            Prefetch(
                "memberships",
                queryset=with_steps(
                    Membership.objects.select_related("body", "basis_instrument")
                    .prefetch_related("citations__source")
                    .order_by("start_date", "body__position", "pk")
                ),
            ),
            Prefetch(
                "chairmanships",
                queryset=Chairmanship.objects.select_related("taken_over_at").order_by("start_date", "pk"),
            ),
            Prefetch(
                "people",
                queryset=Person.objects.order_by("name", "pk").prefetch_related(
                    Prefetch(
                        "tenures",
                        queryset=Tenure.objects.select_related("post__organ", "post__partner").order_by(
                            "start_date", "pk"
                        ),
                    )
                ),
            ),
            "citations__source",
        )

    def for_api(self):
        """What the API's state record nests of this app's records: memberships, chairmanships and sources (the
        record adds its most recent instruments and operations)."""
        return self.prefetch_related(
            Prefetch(
                "memberships",
                queryset=with_steps(
                    Membership.objects.select_related("body", "basis_instrument")
                    .prefetch_related("citations__source")
                    .order_by("start_date", "body__position", "pk")
                ),
            ),
            Prefetch(
                "chairmanships",
                queryset=Chairmanship.objects.select_related("taken_over_at")
                .prefetch_related("citations__source")
                .order_by("start_date", "pk"),
            ),
            "citations__source",
        )


class OrganQuerySet(models.QuerySet):
    def for_chart(self):
        """Every organ with its outgoing relations and founding instrument: all the structure chart needs."""
        return self.select_related("established_by").prefetch_related(
            Prefetch("relations", queryset=OrganRelation.objects.order_by("pk"))
        )

    def for_list(self):
        return self.select_related("established_by")

    def established_by_decisions_of(self, organ):
        """Organs set up by an instrument that ``organ`` adopted."""
        return self.filter(established_by__adopted_by_organ=organ).select_related("established_by")

    def for_display(self):
        """What an organ's page shows of this app's records: founding decision, relations both ways, posts and
        holders, members, areas and sources (the page adds its instruments, operations and meetings)."""
        return self.select_related("established_by__adopted_by_organ").prefetch_related(
            Prefetch(
                "relations",
                queryset=OrganRelation.objects.select_related("target").order_by("kind", "pk"),
            ),
            Prefetch(
                "inbound_relations",
                queryset=OrganRelation.objects.select_related("source").order_by("kind", "pk"),
            ),
            Prefetch("posts", queryset=_posts_with_holders()),
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("state", "partner").order_by("start_date", "pk"),
            ),
            "areas",
            "citations__source",
        )

    def for_api(self):
        """What the API's organ record nests: founding instrument, relations both ways, posts and holders, areas."""
        return self.select_related("established_by").prefetch_related(
            Prefetch("relations", queryset=OrganRelation.objects.select_related("target").order_by("kind", "pk")),
            Prefetch(
                "inbound_relations",
                queryset=OrganRelation.objects.select_related("source").order_by("kind", "pk"),
            ),
            Prefetch("posts", queryset=_posts_with_holders()),
            "areas",
            "citations__source",
        )


class PartnerQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("parent")

    def for_display(self):
        """What a partner organization's page shows of this app's records: bodies, posts and holders, memberships,
        areas and sources (the page adds its instruments, operations and meetings)."""
        return self.select_related("parent").prefetch_related(
            Prefetch(
                "bodies",
                queryset=Partner.objects.order_by("name", "pk").prefetch_related(
                    Prefetch("bodies", queryset=Partner.objects.order_by("name", "pk"))
                ),
            ),
            Prefetch("posts", queryset=_posts_with_holders()),
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("body").order_by("start_date", "pk"),
            ),
            "areas",
            "citations__source",
        )

    def for_api(self):
        """What the API's partner record nests of this app's records: bodies, posts and holders, areas and sources
        (the record adds its instruments and operations)."""
        return self.select_related("parent").prefetch_related(
            Prefetch("bodies", queryset=Partner.objects.order_by("name", "pk")),
            Prefetch("posts", queryset=_posts_with_holders()),
            "areas",
            "citations__source",
        )


class PersonQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("nationality")

    def for_display(self):
        """A person's page and API record: each tenure with its post, the post's body and the tenure's steps, and
        the sources (the page adds the meetings attended)."""
        return self.select_related("nationality").prefetch_related(
            Prefetch(
                "tenures",
                queryset=with_steps(
                    Tenure.objects.select_related("post__organ", "post__partner").order_by(
                        F("start_date").asc(nulls_last=True), "post__title", "pk"
                    )
                ),
            ),
            "citations__source",
        )


class Period:
    """A record in force from ``start_date`` up to, but not on, ``end_date`` (blank while it lasts).

    The one rule of being in force on a day, kept here in both the forms it is needed in: a condition, from which
    ``PeriodQuerySet.on()`` queries, and a test of a row already fetched, so that a page reading prefetched periods
    answers as the query would.
    """

    @staticmethod
    def in_force_condition(day) -> Q:
        return Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gt=day))

    def in_force_on(self, day) -> bool:
        # A blank start (a tenure whose start is unknown) is in force on no day, as NULL <= day is not true in SQL.
        return self.start_date is not None and self.start_date <= day and (self.end_date is None or self.end_date > day)

    def overlap_scope(self) -> Q:
        """The periods this one may not overlap (those of the same holder, body or post)."""
        raise NotImplementedError

    def overlapping(self):
        """The other periods in this one's scope whose dates meet its own, earliest first (``NoOverlap``)."""
        others = type(self)._default_manager.filter(self.overlap_scope()).exclude(pk=self.pk)
        if self.end_date:
            others = others.filter(start_date__lt=self.end_date)
        if self.start_date:
            others = others.filter(Q(end_date__isnull=True) | Q(end_date__gt=self.start_date))
        return others.order_by("start_date", "pk")

    def describe_period(self) -> str:
        """The period as a refusal names it: the record with its dates."""
        return str(self)

    def span(self) -> str:
        """Its dates as a sentence reads them: "from 2003 until 1 January 2017", or "from 2003" while it lasts."""
        until = f" until {self.end}" if self.end_date else ""
        return f"from {self.start or 'an unknown date'}{until}"


class State(Record):
    """A sovereign state, identified by its ISO 3166-1 alpha-2 code: a member, an observer or another party."""

    iso2 = models.CharField(
        _("ISO 3166-1 alpha-2 code"), max_length=2, unique=True, help_text=_("Two capital letters, e.g. KZ.")
    )
    name = models.CharField(_("name"), max_length=100, unique=True)
    summary = BoundedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    search_vector = search_vector_field(("name", "A"), ("iso2", "A"), ("summary", "B"))

    objects = StateQuerySet.as_manager()

    class Meta:
        verbose_name = _("state")
        verbose_name_plural = _("states")
        indexes = [search_index("organs_state_search")]
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(iso2__regex=r"^[A-Z]{2}$"),
                name="%(app_label)s_%(class)s_iso2_format",
                violation_error_message=_("An ISO 3166-1 alpha-2 code is two capital letters."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return record_url("organs:state_detail", self.iso2.lower())

    def save(self, *args, **kwargs):
        self.iso2 = self.iso2.upper()
        super().save(*args, **kwargs)

    def standing_on(self, day) -> list["Membership"]:
        """The state's standing on ``day``: its periods in force then, in the Organization first, then in its organs
        in chart order. Read from what was prefetched: the periods of ``for_list(day)``, or for any day the history
        of ``for_display()`` or ``for_api()``."""
        if getattr(self, "standing_date", None) == day:
            periods = self.standing
        else:
            periods = [period for period in self.memberships.all() if period.in_force_on(day)]
        return sorted(periods, key=lambda p: (p.body_id is not None, p.body.position if p.body_id else 0, p.pk))


class PlaceQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("state")


class Place(Record):
    """A city, region or training range where meetings and operations were held."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices)
    state = models.ForeignKey(
        "organs.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="places",
        verbose_name=_("state"),
        help_text=_("The state it lies in."),
    )
    summary = BoundedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    search_vector = search_vector_field(("name", "A"), ("summary", "B"))

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        indexes = [search_index("organs_place_search")]
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.state})" if self.state_id else self.name

    def get_absolute_url(self):
        return record_url("organs:place_detail", self.slug)


class Organ(Record):
    """A body or office of the CSTO, from the Council on Collective Security down to working groups."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganKind.choices)
    mandate = BoundedTextField(
        _("mandate"),
        max_length=SUMMARY_LENGTH,
        blank=True,
        help_text=_("What the organ is for, in the portal's words."),
    )
    composition = BoundedTextField(
        _("composition"), max_length=SUMMARY_LENGTH, blank=True, help_text=_("Who sits on it.")
    )
    established_date, established_precision = partial_date_fields(_("established"))
    established_by = models.ForeignKey(
        "treaties.Instrument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="established_organs",
        verbose_name=_("established by"),
        help_text=_("The decision or instrument that set it up."),
    )
    areas = models.ManyToManyField("csto_portal.Area", blank=True, related_name="organs", verbose_name=_("areas"))
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Order in the structure chart."))
    search_vector = search_vector_field(("name", "A"), ("acronym", "A"), ("mandate", "B"), ("composition", "C"))

    objects = OrganQuerySet.as_manager()

    established = PartialDateAttribute()

    class Meta:
        verbose_name = _("organ")
        verbose_name_plural = _("organs")
        ordering = ["position", "name", "pk"]
        indexes = [
            search_index("organs_organ_search"),
            models.Index(fields=["position", "name", "id"], name="organs_organ_order"),
        ]  # default ordering
        constraints = [partial_date_constraint("established")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return record_url("organs:organ_detail", self.slug)


class OrganRelation(Relation):
    """How one organ stands to another: accountable to, works under, part of …"""

    source = models.ForeignKey(
        "organs.Organ", on_delete=models.CASCADE, related_name="relations", verbose_name=_("organ")
    )
    kind = models.CharField(_("relation"), max_length=30, choices=OrganRelationKind.choices)
    target = models.ForeignKey(
        "organs.Organ", on_delete=models.CASCADE, related_name="inbound_relations", verbose_name=_("related organ")
    )
    note = BoundedTextField(_("note"), max_length=NOTE_LENGTH, blank=True)

    class Meta(Relation.Meta):
        verbose_name = _("organ relation")
        verbose_name_plural = _("organ relations")


class Partner(Record):
    """An international organization or one of its bodies that the CSTO works with (UN, OSCE, CIS …)."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bodies",
        verbose_name=_("part of"),
    )
    summary = BoundedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    url = models.URLField(_("website"), blank=True)
    areas = models.ManyToManyField("csto_portal.Area", blank=True, related_name="partners", verbose_name=_("areas"))
    search_vector = search_vector_field(("name", "A"), ("acronym", "A"), ("summary", "B"))

    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner organization")
        verbose_name_plural = _("partner organizations")
        indexes = [search_index("organs_partner_search")]
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")),
                name="%(app_label)s_%(class)s_not_own_parent",
                violation_error_message=_("An organization cannot be part of itself."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return record_url("organs:partner_detail", self.slug)


class Membership(Period, Record):
    """A period of one state's (or body's) standing in the CSTO or in one of its organs.

    Periods of one holder in one body never overlap; a state that leaves gets a
    ``withdrawn`` period, and one that freezes its participation without
    leaving a ``frozen`` one.
    """

    state = models.ForeignKey(
        "organs.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("state"),
    )
    partner = models.ForeignKey(
        "organs.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organization"),
        help_text=_("For a holder that is not a state, such as another parliamentary assembly."),
    )
    body = models.ForeignKey(
        "organs.Organ",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organ"),
        help_text=_("Blank for the Organization itself; an organ for standing in that organ only."),
    )
    status = models.CharField(_("status"), max_length=20, choices=MembershipStatus.choices)
    start_date, start_precision = partial_date_fields(_("from"), required=True)
    end_date, end_precision = partial_date_fields(_("until"), help_text=_("Blank while the period lasts."))
    requested_date, requested_precision = partial_date_fields(
        _("requested"), help_text=_("When the holder asked for this status, if before it took effect.")
    )
    basis = BoundedTextField(_("basis"), max_length=NOTE_LENGTH, blank=True, help_text=_("What opened the period."))
    basis_instrument = models.ForeignKey(
        "treaties.Instrument",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("basis instrument"),
    )
    end_cause = BoundedTextField(
        _("end cause"), max_length=NOTE_LENGTH, blank=True, help_text=_("What closed the period.")
    )

    objects = MembershipQuerySet.as_manager()

    start = PartialDateAttribute()
    end = PartialDateAttribute()
    requested = PartialDateAttribute()

    class Meta:
        verbose_name = _("membership period")
        verbose_name_plural = _("membership periods")
        ordering = ["start_date", "pk"]
        indexes = [models.Index(fields=["start_date", "id"], name="organs_membership_order")]  # default ordering
        constraints = [
            exactly_one_of(
                "state",
                "partner",
                name="%(app_label)s_%(class)s_one_holder",
                violation_error_message=_("A membership belongs to either a state or an organization, not both."),
            ),
            date_order_constraint(),
            partial_date_constraint("start"),
            partial_date_constraint("end"),
            partial_date_constraint("requested"),
            NoOverlap(
                name="%(app_label)s_%(class)s_no_overlap_state",
                expressions=[
                    (IdRange("state"), RangeOperators.EQUAL),
                    (IdRange(Coalesce("body", 0)), RangeOperators.EQUAL),
                    (DateRange("start_date", "end_date"), RangeOperators.OVERLAPS),
                ],
                condition=Q(state__isnull=False),
                violation_error_message=_("This state already has a membership period covering these dates."),
            ),
            NoOverlap(
                name="%(app_label)s_%(class)s_no_overlap_partner",
                expressions=[
                    (IdRange("partner"), RangeOperators.EQUAL),
                    (IdRange(Coalesce("body", 0)), RangeOperators.EQUAL),
                    (DateRange("start_date", "end_date"), RangeOperators.OVERLAPS),
                ],
                condition=Q(partner__isnull=False),
                violation_error_message=_("This organization already has a membership period covering these dates."),
            ),
        ]

    def __str__(self):
        holder = self.state or self.partner
        where = f" in {self.body}" if self.body_id else ""
        return f"{holder}: {self.get_status_display()}{where} {self.span()}"

    def overlap_scope(self) -> Q:
        return Q(state=self.state_id, partner=self.partner_id, body=self.body_id)


class Chairmanship(Period, Record):
    """A state's turn chairing the CSTO (the rotating chairmanship of the Council on Collective Security)."""

    state = models.ForeignKey(
        "organs.State", on_delete=models.PROTECT, related_name="chairmanships", verbose_name=_("state")
    )
    start_date, start_precision = partial_date_fields(_("from"), required=True)
    end_date, end_precision = partial_date_fields(_("until"))
    # By name: meetings live in a higher app, which this module does not import (ARCHITECTURE.md).
    taken_over_at = models.ForeignKey(
        "operations.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chairmanships_taken_over",
        verbose_name=_("taken over at"),
        help_text=_("The session at which the state took the chair, where a source says so."),
    )
    note = BoundedTextField(_("note"), max_length=NOTE_LENGTH, blank=True)

    start = PartialDateAttribute()
    end = PartialDateAttribute()

    class Meta:
        verbose_name = _("chairmanship")
        verbose_name_plural = _("chairmanships")
        ordering = ["start_date", "pk"]
        constraints = [
            date_order_constraint(),
            partial_date_constraint("start"),
            partial_date_constraint("end"),
            NoOverlap(
                name="%(app_label)s_%(class)s_no_overlap",
                expressions=[(DateRange("start_date", "end_date"), RangeOperators.OVERLAPS)],
                violation_error_message=_("Another state chairs during these dates."),
            ),
        ]

    def __str__(self):
        return f"{self.state} chairs {self.span()}"

    def overlap_scope(self) -> Q:
        return Q()


class Person(Record):
    """Someone who held a post or took part in a meeting."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    nationality = models.ForeignKey(
        "organs.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("nationality"),
    )
    summary = BoundedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    search_vector = search_vector_field(("name", "A"), ("summary", "B"))

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "pk"]
        indexes = [search_index("organs_person_search")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return record_url("organs:person_detail", self.slug)


class Post(Record):
    """An office in a CSTO organ or in a partner organization (Secretary-General, Director …)."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=200)
    organ = models.ForeignKey(
        "organs.Organ", on_delete=models.PROTECT, null=True, blank=True, related_name="posts", verbose_name=_("organ")
    )
    partner = models.ForeignKey(
        "organs.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("partner organization"),
    )
    summary = BoundedTextField(_("summary"), max_length=SUMMARY_LENGTH, blank=True)
    single_holder = models.BooleanField(
        _("one holder at a time"),
        default=True,
        help_text=_("Untick for a post that several people hold at once, such as the deputies' posts."),
    )

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["title", "pk"]
        constraints = [
            exactly_one_of(
                "organ",
                "partner",
                name="%(app_label)s_%(class)s_one_body",
                violation_error_message=_("A post belongs to either a CSTO organ or a partner organization."),
            )
        ]

    def __str__(self):
        return f"{self.title}, {self.organ or self.partner}"

    def clean(self):
        if self.single_holder and self.pk:
            # Sorted by start, two periods overlap only if some period overlaps the next one.
            dated = self.tenures.filter(start_date__isnull=False).select_related("person", "post")
            for earlier, later in pairwise(dated.order_by("start_date", "pk")):
                if earlier.end_date is None or earlier.end_date > later.start_date:
                    message = _("%(earlier)s and %(later)s overlap: untick this or correct their dates first.")
                    params = {"earlier": earlier.describe_period(), "later": later.describe_period()}
                    raise ValidationError({"single_holder": message % params})


class Tenure(Period, Record):
    """A person's time in a post, acting or in full."""

    person = models.ForeignKey(
        "organs.Person", on_delete=models.PROTECT, related_name="tenures", verbose_name=_("person")
    )
    post = models.ForeignKey("organs.Post", on_delete=models.PROTECT, related_name="tenures", verbose_name=_("post"))
    acting = models.BooleanField(_("acting"), default=False)
    start_date, start_precision = partial_date_fields(_("from"))
    end_date, end_precision = partial_date_fields(_("until"))
    note = BoundedTextField(
        _("note"), max_length=NOTE_LENGTH, blank=True, help_text=_("How the person was appointed or left.")
    )
    # Copied from the post by a trigger on every write (migration 0008), so that the exclusion constraint below
    # can keep the holders of a one-holder post apart; it cannot read the post's row itself.
    single_holder = models.BooleanField(_("post held by one person at a time"), default=True, editable=False)

    objects = PeriodQuerySet.as_manager()

    start = PartialDateAttribute()
    end = PartialDateAttribute()

    class Meta:
        verbose_name = _("tenure")
        verbose_name_plural = _("tenures")
        ordering = ["post", "start_date", "pk"]
        constraints = [
            date_order_constraint(),
            partial_date_constraint("start"),
            partial_date_constraint("end"),
            models.UniqueConstraint(
                fields=["person", "post", "start_date"], name="%(app_label)s_%(class)s_unique_start"
            ),
            NoOverlap(
                name="%(app_label)s_%(class)s_no_overlap",
                expressions=[
                    (IdRange("post"), RangeOperators.EQUAL),
                    (DateRange("start_date", "end_date"), RangeOperators.OVERLAPS),
                ],
                condition=Q(single_holder=True, start_date__isnull=False),
                violation_error_message=_("This post has one holder at a time, and someone else holds it then."),
            ),
        ]

    def __str__(self):
        acting = "acting " if self.acting else ""
        return f"{self.person}, {acting}{self.post.title}"

    def validate_constraints(self, exclude=None):
        # The copy the database's trigger will make, so that a form checks the overlap as the database will.
        if self.post_id:
            self.single_holder = self.post.single_holder
            exclude = set(exclude or ()) - {"single_holder"}
        super().validate_constraints(exclude=exclude)

    def overlap_scope(self) -> Q:
        return Q(post=self.post_id, single_holder=True)

    def describe_period(self) -> str:
        return f"{self} {self.span()}"


class DatedStep(Record):
    """A dated step within a period (an appointment before a tenure starts, a term extended, a state's move while
    its membership stands) that changes none of the period's bounds."""

    occurred_date, occurred_precision = partial_date_fields(_("date"), required=True)
    note = BoundedTextField(_("note"), max_length=NOTE_LENGTH, blank=True)

    occurred = PartialDateAttribute()

    class Meta:
        abstract = True
        ordering = ["occurred_date", "pk"]
        constraints = [partial_date_constraint("occurred")]


class TenureStep(DatedStep):
    tenure = models.ForeignKey(
        "organs.Tenure", on_delete=models.CASCADE, related_name="steps", verbose_name=_("tenure")
    )
    kind = models.CharField(_("step"), max_length=20, choices=TenureStepKind.choices)

    class Meta(DatedStep.Meta):
        verbose_name = _("step in a tenure")
        verbose_name_plural = _("steps in a tenure")

    def __str__(self):
        return f"{self.tenure}: {self.get_kind_display()} {self.occurred}"


class MembershipStep(DatedStep):
    membership = models.ForeignKey(
        "organs.Membership", on_delete=models.CASCADE, related_name="steps", verbose_name=_("membership period")
    )
    kind = models.CharField(_("step"), max_length=30, choices=MembershipStepKind.choices)

    class Meta(DatedStep.Meta):
        verbose_name = _("step in a membership")
        verbose_name_plural = _("steps in a membership")

    def __str__(self):
        return f"{self.membership}: {self.get_kind_display()} {self.occurred}"
