"""Record pages' addresses, made without a full ``reverse()`` for each record.

A list page links every row (and each row's hosts, series, states): a ``reverse()`` apiece was a tenth of
its rendering. The address of one record differs from another's only in its key, so the pattern is reversed
once per view, URL configuration and script prefix, and the key put in its place.
"""

from functools import cache
from urllib.parse import quote

from django.urls import get_script_prefix, get_urlconf, reverse

_KEY = "__key__"


@cache
def _pattern(view_name: str, urlconf, prefix: str) -> str:
    return reverse(view_name, urlconf=urlconf, args=[_KEY])


def record_url(view_name: str, key: str) -> str:
    """What ``reverse(view_name, args=[key])`` returns, for a view taking one slug-like key."""
    return _pattern(view_name, get_urlconf(), get_script_prefix()).replace(_KEY, quote(str(key), safe=""))
