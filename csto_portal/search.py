"""Full-text search across the portal's records, with PostgreSQL's own text search.

Each searchable model keeps a stored, GIN-indexed ``search_vector`` (a
generated column weighting names above descriptions). A search runs one
query per kind of record, ranked, with a highlighted snippet and the total
number of matches, so its cost does not depend on the number of records.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import Count, F, Window
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from csto_portal.fulltext import SEARCH_CONFIG
from operations.models import Meeting, Operation
from organs.models import Organ, Partner, State
from treaties.models import Instrument

PER_GROUP = 10
# Markers that cannot occur in editors' text, replaced by <mark> after the snippet is escaped.
_START, _STOP = "\x02", "\x03"


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    model: type
    title: str
    snippet: str


GROUPS = [
    Group("organs", _("Organs"), Organ, "name", "mandate"),
    Group("treaties", _("Treaties and instruments"), Instrument, "title", "summary"),
    Group("operations", _("Operations and exercises"), Operation, "name", "summary"),
    Group("meetings", _("Meetings"), Meeting, "title", "summary"),
    Group("states", _("States"), State, "name", "summary"),
    Group("partners", _("Partner organizations"), Partner, "name", "summary"),
]


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    snippet: str


@dataclass(frozen=True)
class Result:
    group: Group
    total: int
    hits: list[Hit]


def _snippet(text: str) -> str:
    return mark_safe(escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>"))


def search_all(text: str, per_group: int = PER_GROUP) -> list[Result]:
    """The best matches of each kind of record for ``text`` (web-search syntax: words, "phrases", -not, or)."""
    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    results = []
    for group in GROUPS:
        rows = list(
            group.model.objects.filter(search_vector=query)
            .annotate(
                rank=SearchRank(F("search_vector"), query),
                snippet_text=SearchHeadline(
                    group.snippet,
                    query,
                    config=SEARCH_CONFIG,
                    start_sel=_START,
                    stop_sel=_STOP,
                    max_words=30,
                    min_words=12,
                ),
                total=Window(Count("pk")),
            )
            .order_by("-rank", "pk")[:per_group]
        )
        if rows:
            hits = [Hit(getattr(row, group.title), row.get_absolute_url(), _snippet(row.snippet_text)) for row in rows]
            results.append(Result(group, rows[0].total, hits))
    return results
