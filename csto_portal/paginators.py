"""The one paginator of every list, HTML and API: its total is counted once per data version and query."""

import hashlib

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from csto_portal import data_version


class CountOncePaginator(Paginator):
    """A paginator whose ``count`` is kept under the data version, keyed by the list's SQL.

    ``COUNT(*)`` reads every matching row, so its cost grows with the data while the page's does not. The SQL
    names the filters and what the reader may see (drafts or not), so two lists share a count only when they list
    the same rows; any write changes the version, so a count is never stale.
    """

    @cached_property
    def count(self):
        if not isinstance(self.object_list, QuerySet):
            return super().count
        if self.object_list.query.is_empty():
            return 0
        sql, params = self.object_list.query.sql_with_params()
        key = hashlib.blake2b(f"{sql}\n{params!r}".encode(), digest_size=16).hexdigest()
        return data_version.cached(f"count:{key}", self.object_list.count)
