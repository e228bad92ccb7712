"""One chronological timeline of every dated fact, built as a single SQL UNION.

Each kind of dated record contributes a branch with the same columns; the
union is ordered and paginated in PostgreSQL. A page of the timeline is one
query in which each branch reads no more than the rows up to the end of that
page from its date index, so its cost does not grow with the data; the count,
which must read every row, is kept under the data version.
"""

import datetime
from dataclasses import dataclass

from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext_lazy as _

from csto_portal import data_version
from csto_portal.dates import PartialDate
from csto_portal.record_urls import record_url
from operations.choices import OperationStatus
from operations.models import Meeting, Operation
from organs.choices import MembershipStatus
from organs.models import Chairmanship, Membership, Organ, Tenure
from treaties.choices import EventKind
from treaties.models import InstrumentEvent

CATEGORIES = {
    "instrument": _("Treaties and instruments"),
    "operation": _("Operations and exercises"),
    "meeting": _("Meetings and sessions"),
    "membership": _("Membership"),
    "organ": _("Organs established"),
    "appointment": _("Appointments"),
    "chairmanship": _("Chairmanships"),
}

CATEGORY_CHOICES = list(CATEGORIES.items())


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
        return _DESCRIBE[self.category](self)

    @property
    def url(self) -> str:
        name, key = _LINKS[self.category], self.key
        return record_url(name, key) if key else ""


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


_DESCRIBE = {
    "instrument": _describe_instrument,
    "operation": lambda entry: f"{entry.subject}{_status_note(entry)}",
    "meeting": lambda entry: f"{entry.subject}{f', {entry.detail}' if entry.detail else ''}{_status_note(entry)}",
    "membership": _describe_membership,
    "organ": lambda entry: f"{entry.subject} established",
    "appointment": lambda entry: f"{entry.subject} takes office: {entry.action}",
    "chairmanship": lambda entry: f"{entry.subject} takes the chair of the CSTO",
}
_LINKS = {
    "instrument": "treaties:instrument_detail",
    "operation": "operations:operation_detail",
    "meeting": "operations:meeting_detail",
    "membership": "organs:state_detail",
    "organ": "organs:organ_detail",
    "appointment": "organs:organ_detail",
    "chairmanship": "organs:state_detail",
}


def _text(value) -> Value:
    return Value(value, output_field=CharField())


def _branch(queryset, *, date, precision, category, action, subject, key, detail):
    # No model's default ordering: a branch is either counted, where it would be a sort for nothing, or ordered
    # as the timeline is (``Timeline.__getitem__``).
    return (
        queryset.filter(**{f"{date}__isnull": False})
        .order_by()
        .values(
            "id",
            "updated",
            sort_date=F(date),
            precision=F(precision),
            category=_text(category),
            action=action,
            subject=subject,
            key=key,
            detail=detail,
        )
    )


def _branches(area: str | None):
    """(category, date field, branch queryset, has areas) for every kind of dated fact."""
    by_area = Q(areas__slug=area) if area else Q()
    yield (
        "instrument",
        "occurred_date",
        _branch(
            InstrumentEvent.objects.filter(Q(instrument__areas__slug=area) if area else Q(), instrument__draft=False),
            date="occurred_date",
            precision="occurred_precision",
            category="instrument",
            action=F("kind"),
            subject=F("instrument__title"),
            key=F("instrument__slug"),
            detail=Coalesce(F("state__name"), _text("")),
        ),
    )
    yield (
        "operation",
        "start_date",
        _branch(
            Operation.objects.filter(by_area),
            date="start_date",
            precision="start_precision",
            category="operation",
            action=F("status"),
            subject=F("name"),
            key=F("slug"),
            detail=F("kind"),
        ),
    )
    yield (
        "meeting",
        "start_date",
        _branch(
            Meeting.objects.filter(by_area),
            date="start_date",
            precision="start_precision",
            category="meeting",
            action=F("status"),
            subject=F("title"),
            key=F("slug"),
            detail=F("place"),
        ),
    )
    yield (
        "organ",
        "established_date",
        _branch(
            Organ.objects.filter(by_area),
            date="established_date",
            precision="established_precision",
            category="organ",
            action=_text("established"),
            subject=F("name"),
            key=F("slug"),
            detail=_text(""),
        ),
    )
    if area:
        return  # memberships, appointments and chairmanships carry no areas
    yield (
        "membership",
        "start_date",
        _branch(
            Membership.objects.filter(state__isnull=False),
            date="start_date",
            precision="start_precision",
            category="membership",
            action=F("status"),
            subject=F("state__name"),
            key=Lower("state__iso2"),
            detail=Coalesce(F("body__name"), _text("")),
        ),
    )
    yield (
        "appointment",
        "start_date",
        _branch(
            Tenure.objects.all(),
            date="start_date",
            precision="start_precision",
            category="appointment",
            action=F("post__title"),
            subject=F("person__name"),
            key=Coalesce(F("post__organ__slug"), _text("")),
            detail=Coalesce(F("post__partner__name"), F("post__organ__name")),
        ),
    )
    yield (
        "chairmanship",
        "start_date",
        _branch(
            Chairmanship.objects.all(),
            date="start_date",
            precision="start_precision",
            category="chairmanship",
            action=_text("chair"),
            subject=F("state__name"),
            key=Lower("state__iso2"),
            detail=_text(""),
        ),
    )


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
    newest_first=False,
):
    """The timeline's facts in date order, oldest first unless ``newest_first``; wrap rows with ``entry()``."""
    selected = []
    for name, date_field, branch in _branches(area):
        if category and name != category:
            continue
        if updated_since:
            branch = branch.filter(updated__gte=updated_since)
        if year_from:
            branch = branch.filter(**{f"{date_field}__year__gte": year_from})
        if year_to:
            branch = branch.filter(**{f"{date_field}__year__lte": year_to})
        selected.append(branch)
    if not selected:
        return []
    filters = (category, area, year_from, year_to, updated_since.isoformat() if updated_since else None)
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
