"""Full-text search across the portal's records, with PostgreSQL's own text search.

Each searchable model keeps a stored, GIN-indexed ``search_vector`` (a generated column weighting names above
descriptions). A search runs one query per kind of record: it takes at most ``TOTAL_CAP + 1`` matches from the
index, ranks and counts those, and highlights a snippet for the few it shows. Its cost is therefore bounded
however many records match: when more than ``TOTAL_CAP`` do, the total says "more than ``TOTAL_CAP``" and the
hits are the best of the matches the index yielded first, not of every match.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from csto_portal.fulltext import SEARCH_CONFIG
from operations.models import AssistanceRequest, Meeting, Operation
from organs.models import Organ, Partner, Person, Place, State
from treaties.models import Instrument

PER_GROUP = 10
# Matches counted and ranked per kind of record; beyond it, the total is shown as "more than TOTAL_CAP".
TOTAL_CAP = 1000
# Markers that cannot occur in editors' text, replaced by <mark> after the snippet is escaped.
_START, _STOP = "\x02", "\x03"
_HEADLINE_OPTIONS = f"StartSel='{_START}', StopSel='{_STOP}', MaxWords=30, MinWords=12"


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
    Group("requests", _("Requests for collective help"), AssistanceRequest, "title", "summary"),
    Group("people", _("People"), Person, "name", "summary"),
    Group("states", _("States"), State, "name", "summary"),
    Group("places", _("Places"), Place, "name", "summary"),
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
    total_capped: bool
    hits: list[Hit]


def _snippet(text: str) -> str:
    return mark_safe(escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>"))


def _best_matches(group: Group, text: str, per_group: int):
    """The ``per_group`` best of the first ``TOTAL_CAP + 1`` published matches, with their snippets and count."""
    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
    # The first matches by id, a cheap and stable choice: without an order, a parallel scan hands back a different
    # set each time, and so different hits for the same search. PostgreSQL ranks only the rows kept (it puts off
    # the costly rank until after the sort and limit). The published-only manager builds it, so drafts stay hidden.
    candidates = (
        group.model.objects.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("pk")
        .values("pk", "rank")[: TOTAL_CAP + 1]
    )
    sql, params = candidates.query.sql_with_params()
    opts = group.model._meta
    snippet = opts.get_field(group.snippet).column
    # Only ids and ranks are counted and sorted; the records shown are read afterwards, and ts_headline, which
    # re-parses the text, runs for them alone.
    return group.model.objects.raw(
        f"""
        SELECT record.*, best.rank, best.total,
               ts_headline(%s::regconfig, record."{snippet}", websearch_to_tsquery(%s::regconfig, %s), %s)
                   AS snippet_text
        FROM (SELECT pk, rank, COUNT(*) OVER () AS total FROM ({sql}) candidate ORDER BY rank DESC, pk LIMIT %s) best
        JOIN "{opts.db_table}" record ON record."{opts.pk.column}" = best.pk
        ORDER BY best.rank DESC, best.pk
        """,
        (SEARCH_CONFIG, SEARCH_CONFIG, text, _HEADLINE_OPTIONS, *params, per_group),
    )


def search_all(text: str, per_group: int = PER_GROUP) -> list[Result]:
    """The best matches of each kind of record for ``text`` (web-search syntax: words, "phrases", -not, or)."""
    results = []
    for group in GROUPS:
        rows = list(_best_matches(group, text, per_group))
        if rows:
            hits = [Hit(getattr(row, group.title), row.get_absolute_url(), _snippet(row.snippet_text)) for row in rows]
            total = rows[0].total
            results.append(Result(group, min(total, TOTAL_CAP), total > TOTAL_CAP, hits))
    return results
