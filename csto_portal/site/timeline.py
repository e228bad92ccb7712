"""One chronological timeline of every dated fact, built as a single SQL UNION.

Each kind of dated record is one row of ``BRANCHES``, which says where its
facts come from and how they read, and contributes a branch with the same
columns (``Branch.facts()``); the union is ordered and paginated in PostgreSQL. A page of the timeline is one
query in which each branch reads no more than the rows up to the end of that
page from its date index, so its cost does not grow with the data; the count,
which must read every row, is kept under the data version.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import CharField, F, Model, Q, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext_lazy as _

from csto_portal import data_version
from csto_portal.dates import PartialDate
from csto_portal.record_urls import record_url
from operations.choices import OperationStatus, RequestDecision
from operations.models import AssistanceRequest, Meeting, Operation
from organs.choices import MembershipStatus, MembershipStepKind, TenureStepKind
from organs.models import Chairmanship, Membership, MembershipStep, Organ, Tenure, TenureStep
from treaties.choices import EventKind
from treaties.models import InstrumentEvent


@dataclass(frozen=True)
class TimelineEntry:
    date: PartialDate
    category: str
    action: str
    subject: str
    key: str
    detail: str
    updated: datetime.datetime

    @property
    def year(self) -> int:
        return self.date.date.year

    @property
    def text(self) -> str:
        return _BY_CATEGORY[self.category].describe(self)

    @property
    def url(self) -> str:
        return record_url(_BY_CATEGORY[self.category].link, self.key) if self.key else ""


def _status_note(entry) -> str:
    return "" if entry.action == OperationStatus.HELD else f" ({OperationStatus(entry.action).label})"


def _describe_instrument(entry) -> str:
    party = f" ({entry.detail})" if entry.detail else ""
    return f"{entry.subject} — {EventKind(entry.action).label}{party}"


_MEMBERSHIP_CHANGES = {
    MembershipStatus.MEMBER: _("becomes a member"),
    MembershipStatus.FROZEN: _("freezes its participation, remaining a member"),
    MembershipStatus.SUSPENDED: _("has its membership suspended"),
    MembershipStatus.OBSERVER: _("becomes an observer"),
    MembershipStatus.PARTNER: _("becomes a partner"),
    MembershipStatus.WITHDRAWN: _("leaves"),
}


def _describe_membership(entry) -> str:
    body = f" of the {entry.detail}" if entry.detail else ""
    return f"{entry.subject} {_MEMBERSHIP_CHANGES[entry.action]}{body}"


def _text(value) -> Value:
    return Value(value, output_field=CharField())


@dataclass(frozen=True)
class Branch:
    """One kind of dated fact: the records it comes from, the partial date that places it, the columns the union
    reads (``action``, ``subject``, ``key``, ``detail``), and how an entry of its kind reads and links."""

    category: str
    title: str
    model: type[Model]
    date: str
    action: Combinable
    subject: Combinable
    key: Combinable
    describe: Callable[[TimelineEntry], str]
    link: str
    detail: Combinable = field(default_factory=lambda: _text(""))
    where: Q = field(default_factory=Q)
    # The path to the areas an area filter reads; none for the kinds that carry no areas.
    areas: str | None = None

    @property
    def date_field(self) -> str:
        return f"{self.date}_date"

    def facts(self, *, area=None, year_from=None, year_to=None, updated_since=None, after=None, until=None):
        """The branch's dated records, narrowed by the timeline's filters, as the union's columns."""
        records = self.model.objects.filter(self.where, **{f"{self.date_field}__isnull": False})
        if after:
            records = records.filter(**{f"{self.date_field}__gt": after})
        if until:
            records = records.filter(**{f"{self.date_field}__lte": until})
        if area:
            records = records.filter(**{f"{self.areas}__slug": area})
        if updated_since:
            records = records.filter(updated__gte=updated_since)
        if year_from:
            records = records.filter(**{f"{self.date_field}__year__gte": year_from})
        if year_to:
            records = records.filter(**{f"{self.date_field}__year__lte": year_to})
        # No model's default ordering: a branch is either counted, where it would be a sort for nothing, or ordered
        # as the timeline is (``Timeline.__getitem__``).
        return records.order_by().values(
            "id",
            "updated",
            sort_date=F(self.date_field),
            precision=F(f"{self.date}_precision"),
            category=_text(self.category),
            action=self.action,
            subject=self.subject,
            key=self.key,
            detail=self.detail,
        )


# Every kind of dated fact, in the order the filters offer them; an area filter leaves out the kinds that carry no
# areas (requests, memberships, appointments, steps and chairmanships).
BRANCHES = [
    Branch(
        "instrument",
        _("Treaties and instruments"),
        InstrumentEvent,
        "occurred",
        action=F("kind"),
        subject=F("instrument__title"),
        key=F("instrument__slug"),
        detail=Coalesce(F("state__name"), _text("")),
        describe=_describe_instrument,
        link="treaties:instrument_detail",
        where=Q(instrument__draft=False),
        areas="instrument__areas",
    ),
    Branch(
        "operation",
        _("Operations and exercises"),
        Operation,
        "start",
        action=F("status"),
        subject=F("name"),
        key=F("slug"),
        detail=F("kind"),
        describe=lambda entry: f"{entry.subject}{_status_note(entry)}",
        link="operations:operation_detail",
        areas="areas",
    ),
    Branch(
        "meeting",
        _("Meetings and sessions"),
        Meeting,
        "start",
        action=F("status"),
        subject=F("title"),
        key=F("slug"),
        detail=Coalesce(F("place__name"), _text("")),
        describe=lambda entry: f"{entry.subject}{f', {entry.detail}' if entry.detail else ''}{_status_note(entry)}",
        link="operations:meeting_detail",
        areas="areas",
    ),
    Branch(
        "request",
        _("Requests for collective help"),
        AssistanceRequest,
        "requested",
        action=F("decision"),
        subject=F("title"),
        key=F("slug"),
        detail=F("state__name"),
        describe=lambda entry: f"{entry.subject} ({RequestDecision(entry.action).label})",
        link="operations:request_detail",
    ),
    Branch(
        "membership",
        _("Membership"),
        Membership,
        "start",
        action=F("status"),
        subject=F("state__name"),
        key=Lower("state__iso2"),
        detail=Coalesce(F("body__name"), _text("")),
        describe=_describe_membership,
        link="organs:state_detail",
        where=Q(state__isnull=False),
    ),
    Branch(
        "organ",
        _("Organs established"),
        Organ,
        "established",
        action=_text("established"),
        subject=F("name"),
        key=F("slug"),
        describe=lambda entry: f"{entry.subject} established",
        link="organs:organ_detail",
        areas="areas",
    ),
    Branch(
        "appointment",
        _("Appointments"),
        Tenure,
        "start",
        action=F("post__title"),
        subject=F("person__name"),
        key=Coalesce(F("post__organ__slug"), _text("")),
        detail=Coalesce(F("post__partner__name"), F("post__organ__name")),
        describe=lambda entry: f"{entry.subject} takes office: {entry.action}",
        link="organs:organ_detail",
    ),
    Branch(
        "tenure_step",
        _("Steps in office"),
        TenureStep,
        "occurred",
        action=F("kind"),
        subject=F("tenure__person__name"),
        key=Coalesce(F("tenure__post__organ__slug"), _text("")),
        detail=F("tenure__post__title"),
        describe=lambda entry: f"{entry.subject}: {TenureStepKind(entry.action).label} ({entry.detail})",
        link="organs:organ_detail",
    ),
    Branch(
        "membership_step",
        _("Steps in membership"),
        MembershipStep,
        "occurred",
        action=F("kind"),
        subject=F("membership__state__name"),
        key=Lower("membership__state__iso2"),
        describe=lambda entry: f"{entry.subject} {MembershipStepKind(entry.action).label}",
        link="organs:state_detail",
        where=Q(membership__state__isnull=False),
    ),
    Branch(
        "chairmanship",
        _("Chairmanships"),
        Chairmanship,
        "start",
        action=_text("chair"),
        subject=F("state__name"),
        key=Lower("state__iso2"),
        describe=lambda entry: f"{entry.subject} takes the chair of the CSTO",
        link="organs:state_detail",
    ),
]
_BY_CATEGORY = {branch.category: branch for branch in BRANCHES}
CATEGORIES = {branch.category: branch.title for branch in BRANCHES}
CATEGORY_CHOICES = list(CATEGORIES.items())


class Timeline:
    """The timeline's rows in order, as ``Paginator`` reads them: ``count()`` and a slice.

    A slice asks each branch, in a subquery of the union, only for its first rows up to the slice's end, in the
    timeline's order: its date index gives them in date order, and only the facts of one day need sorting by
    subject. The union then orders and cuts those few. The order is total (the record's id comes last), so
    consecutive pages neither skip nor repeat a fact.
    """

    def __init__(self, branches, *, newest_first: bool, key: str):
        self.branches = branches
        date = "-sort_date" if newest_first else "sort_date"
        # Within a branch the category is one constant, so the branch's order is the timeline's without it.
        self.branch_order = [date, "subject", "id"]
        self.order = [date, "category", "subject", "id"]
        self.key = key

    def count(self) -> int:
        """How many facts match; every row must be read for it, so it is worked out once per data version."""
        first, *rest = self.branches
        return data_version.cached(f"timeline-count:{self.key}", first.union(*rest, all=True).count)

    def __getitem__(self, window: slice) -> list[dict]:
        if len(self.branches) == 1:
            # Django makes no union of one queryset, and it needs none.
            return list(self.branches[0].order_by(*self.order)[window])
        if window.stop == 0:
            # The one page of an empty timeline; Django would drop the empty slices from the union.
            return []
        first, *rest = [branch.order_by(*self.branch_order)[: window.stop] for branch in self.branches]
        return list(first.union(*rest, all=True).order_by(*self.order)[window])


def timeline(
    *,
    category: str | None = None,
    area: str | None = None,
    year_from=None,
    year_to=None,
    updated_since=None,
    after=None,
    until=None,
    newest_first=False,
):
    """The timeline's facts in date order, oldest first unless ``newest_first``; wrap rows with ``entry()``.

    ``after`` and ``until`` bound the facts' dates (the home page's latest events end today; what is to come
    starts after it).
    """
    selected = [
        branch.facts(
            area=area, year_from=year_from, year_to=year_to, updated_since=updated_since, after=after, until=until
        )
        for branch in BRANCHES
        if (not category or branch.category == category) and (not area or branch.areas)
    ]
    if not selected:
        return []
    bounds = [value.isoformat() if value else None for value in (updated_since, after, until)]
    filters = (category, area, year_from, year_to, *bounds)
    return Timeline(selected, newest_first=newest_first, key=":".join(str(value) for value in filters))


def entry(row: dict) -> TimelineEntry:
    return TimelineEntry(
        date=PartialDate(row["sort_date"], row["precision"]),
        category=row["category"],
        action=row["action"] or "",
        subject=row["subject"] or "",
        key=row["key"] or "",
        detail=row["detail"] or "",
        updated=row["updated"],
    )
