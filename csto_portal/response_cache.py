"""Whole responses for anonymous readers, kept in the cache under the data version.

Every write to a record bumps the data version (``csto_portal.data_version``) in its own transaction, and the
version is part of every key, so an edit is on the next read with no key to delete. The key also holds the day
(some pages say who is a member *today*), the full address with its query string, and for the API the Accept
header, from which DRF chooses JSON, CSV or the schema's YAML.

Only anonymous readers are served from the cache, decided without a query: no session cookie and no Authorization
header. Editors (signed in) may see drafts, and a page made for them must never reach a reader. The middleware
sits before the session, authentication and message middleware so that a hit costs none of their work; so a hit
is not counted by the API's anonymous throttle either: the throttle guards the database, which a hit does not
touch beyond the version read. ``RESPONSE_CACHE=off`` turns it all off.

Responses are kept in the default cache: each worker's memory, or Redis when CACHE_URL names one, and then also in
the worker's memory, which saves the round trip on a hit. A key never changes meaning, so no copy is ever stale.

The ETag is the key itself, so a conditional GET is answered 304 before any cache lookup or rendering, in any
worker, whether or not it holds the page.
"""

import hashlib
from functools import cache as once

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import cc_delim_re, get_conditional_response, patch_vary_headers
from django.utils.http import parse_etags, parse_http_date_safe

from csto_portal import data_version

# Long enough to matter, short enough for a shared cache to shed the pages of old versions by itself.
TIMEOUT = 60 * 60
READ_METHODS = {"GET", "HEAD"}
# What a view says of a response that no shared cache may keep, or keep without asking the view again.
UNSHAREABLE = {"private", "no-store", "no-cache"}


@once
def admin_prefix() -> str:
    return reverse("admin:index")


def is_api(request) -> bool:
    return request.path.startswith("/api/")


def is_anonymous_read(request) -> bool:
    return (
        request.method in READ_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(admin_prefix())
    )


def response_key(request, version: int) -> str:
    """What tells one cached response from another, hashed; also the ETag."""
    meta = request.META
    # The Host as sent, unvalidated and cheap: a Host that Django refuses never gets a 200 to keep.
    host = (meta.get("HTTP_HOST", ""), meta.get("SERVER_NAME", ""), meta.get("SERVER_PORT", ""))
    address = (request.scheme, *host, request.path, meta.get("QUERY_STRING", ""))
    accept = meta.get("HTTP_ACCEPT", "") if is_api(request) else ""
    material = "\n".join((str(version), timezone.localdate().isoformat(), *address, accept))
    return hashlib.blake2b(material.encode(), digest_size=16).hexdigest()


def varies_on(request) -> list[str]:
    """The request headers the key depends on: the Cookie (anonymity) and, for the API, Accept."""
    return ["Accept", "Cookie"] if is_api(request) else ["Cookie"]


def is_shareable(request, response) -> bool:
    """A 200 made for anyone: no cookie set, nothing private, varying on nothing the key does not hold."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    if cache_control & UNSHAREABLE:
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}
    return vary <= {header.lower() for header in varies_on(request)}


def lookup(key: str):
    """The stored response, from this worker's memory, else from the shared cache (and then kept nearer)."""
    shared = caches["default"]
    if isinstance(shared, LocMemCache):
        return shared.get(key)
    stored = caches["worker"].get(key)
    if stored is None:
        stored = shared.get(key)
        if stored is not None:
            caches["worker"].set(key, stored, TIMEOUT)
    return stored


def keep(key: str, stored):
    shared = caches["default"]
    shared.set(key, stored, TIMEOUT)
    if not isinstance(shared, LocMemCache):
        caches["worker"].set(key, stored, TIMEOUT)


def client_has(request, etag: str) -> bool:
    given = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
    return etag in {tag.removeprefix("W/") for tag in given}


class ResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.RESPONSE_CACHE and is_anonymous_read(request)):
            return self.get_response(request)
        key = response_key(request, data_version.current())
        etag = f'"{key}"'

        if client_has(request, etag):
            response = HttpResponseNotModified()
            response["ETag"] = etag
            patch_vary_headers(response, varies_on(request))
            return response

        stored = lookup(f"response:{key}")
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status, headers=headers)
            # What ConditionalGetMiddleware does on the view path (If-Modified-Since against the record's
            # Last-Modified), which a hit never reaches.
            last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
            return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)

        response = self.get_response(request)
        if is_shareable(request, response):
            response["ETag"] = etag
            patch_vary_headers(response, varies_on(request))
            # A view may answer HEAD without a body; only a GET's response is complete enough to keep.
            if request.method == "GET":
                keep(f"response:{key}", (response.status_code, list(response.items()), response.content))
        return response
