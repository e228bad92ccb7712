"""Whether a client that already holds a page gets 304 Not Modified when it asks again."""

import urllib.error
import urllib.request


def _get(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:  # urllib raises for 304 as for any status outside 2xx
        return error.code, error.headers


def check(url: str) -> dict:
    """Fetch ``url``, then ask again with the validators it gave (If-None-Match, If-Modified-Since)."""
    status, headers = _get(url)
    validators = {}
    if headers.get("ETag"):
        validators["If-None-Match"] = headers["ETag"]
    if headers.get("Last-Modified"):
        validators["If-Modified-Since"] = headers["Last-Modified"]
    if status != 200 or not validators:
        return {"status": None, "first_status": status, "validators": sorted(validators)}
    again, _ = _get(url, validators)
    return {"status": again, "first_status": status, "validators": sorted(validators)}
