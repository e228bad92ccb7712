"""What is measured: the portal's URLs, and the Datasette URL that answers the same question, where there is one.

The records named in URLs are real ones from the dataset (present, unchanged, in every scale's database), so the
same request means the same thing at every scale.
"""

from dataclasses import dataclass
from urllib.parse import quote

from django.db.models import Count

# A word that occurs in operations, instruments, organs and partners of the real dataset; at ×k it matches k times
# as many records, which is the point.
SEARCH_WORD = "drug"
FLOOR_PATH = "/_bench/floor/"
# Any Authorization header makes the response cache step aside (csto_portal/response_cache.py), so the floor is
# the framework's own cost on every server, without the cache's data-version read.
FLOOR_HEADERS = {"Authorization": "Bench floor"}
DATASETTE_DATABASE = "csto"


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    path: str
    # Datasette's equivalent page, if any, and whether the portal is expected to beat it (targets).
    peer_path: str | None = None
    beats_peer: bool = False


@dataclass(frozen=True)
class Records:
    """The real records the URLs name."""

    operation_slug: str
    operation_id: int


def pick_records() -> Records:
    """The real operation with the most to show (participants, results): its page is the heaviest detail page."""
    from operations.models import Operation

    operation = (
        Operation.objects.filter(series__isnull=False)
        .exclude(slug__regex=r"-x[0-9]+$")  # the generator's copies end in -x<n>
        .annotate(people=Count("participations", distinct=True), figures=Count("results", distinct=True))
        .order_by("-people", "-figures", "slug")
        .first()
    )
    if operation is None:
        raise RuntimeError("No operation in a series: load the dataset (manage.py load_csto) first.")
    return Records(operation.slug, operation.pk)


def scenarios(records: Records) -> list[Scenario]:
    slug, row = records.operation_slug, records.operation_id
    word = quote(SEARCH_WORD)
    table = f"/{DATASETTE_DATABASE}/operations"
    # Page sizes match: 25 rows on the portal's HTML list, 50 in an API list, 10 hits per kind in a search.
    return [
        Scenario("home", "home page", "/"),
        Scenario("list", "operations, filtered", "/operations/?kind=exercise", f"{table}?kind=exercise&_size=25", True),
        Scenario("detail", "operation page", f"/operations/{slug}/", f"{table}/{row}"),
        Scenario("search", "search", f"/search/?q={word}", f"{table}?_search={word}&_size=10", True),
        Scenario("timeline", "timeline", "/timeline/"),
        Scenario("api_list", "API list", "/api/v1/operations/", f"{table}.json?_size=50&_shape=objects"),
        Scenario(
            "api_list_filtered",
            "API list, filtered",
            "/api/v1/operations/?kind=exercise",
            f"{table}.json?kind=exercise&_size=50&_shape=objects",
            True,
        ),
        Scenario("api_detail", "API record", f"/api/v1/operations/{slug}/", f"{table}/{row}.json?_shape=objects"),
        Scenario(
            "api_search",
            "API search",
            f"/api/v1/search/?q={word}",
            f"{table}.json?_search={word}&_size=10&_shape=objects",
            True,
        ),
    ]
