"""Related records on a detail page: the most recent few, how many there are, and the public list that has them all.

A state or organ can be linked to thousands of operations, meetings or instruments. Its page shows the first rows
of the list the link opens, in that list's order, so the page costs the same however much the data grows.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import IntegerField, Prefetch, Subquery
from django.urls import reverse

RECENT = 10


@dataclass
class RecentList:
    rows: list
    total: int
    url: str

    @property
    def more(self) -> bool:
        return self.total > len(self.rows)


class SubqueryCount(Subquery):
    """How many rows a correlated queryset holds, as one scalar subquery (0 when none)."""

    template = "(SELECT count(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()

    def __init__(self, queryset, **kwargs):
        # Only the count is read: no columns beyond the key, no ordering to compute.
        super().__init__(queryset.order_by().values("pk"), **kwargs)


def recent(lookup: str, queryset, to_attr: str) -> Prefetch:
    """The first ``RECENT`` rows of ``queryset`` for each record (a window function in the same single query)."""
    return Prefetch(lookup, queryset=queryset[:RECENT], to_attr=to_attr)


def list_url(view_name: str, **params) -> str:
    """The address of a public list (or API list) narrowed by ``params``, e.g. ``/operations/?series=kanal``."""
    return f"{reverse(view_name)}?{urlencode(params)}"
