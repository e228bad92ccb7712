"""Where a cold API list's time goes: its parts timed one by one, in-process, on one scale's database.

wrk says how fast the list is; this says why. Each part is what the list view does for ``/api/v1/operations/``
(50 rows), timed alone as the best of five rounds, so that a busy moment on the machine does not count. The
serializer is timed on 1 row and on 50: the difference is its cost per row.
"""

import io
import sys
import timeit

from django.core.handlers.wsgi import WSGIHandler
from django.http import QueryDict

from bench.scenarios import FLOOR_PATH
from bench.servers import HOST

LIST_PATH = "/api/v1/operations/"
ROWS = 50
ROUNDS = 5


def best_ms(work, number: int) -> float:
    """The fastest of ``ROUNDS`` rounds of ``number`` calls, in ms a call."""
    return min(timeit.repeat(work, number=number, repeat=ROUNDS)) / number * 1000


def wsgi_get(application, path: str) -> None:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": HOST,
        "SERVER_PORT": "80",
        "HTTP_HOST": HOST,
        "HTTP_ACCEPT": "application/json",
        "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }
    statuses = []
    b"".join(application(environ, lambda status, headers, *rest: statuses.append(status)))
    if not statuses[0].startswith("200"):
        raise RuntimeError(f"{path} answered {statuses[0]}")


def cold_api_list_costs() -> dict:
    """The parts of a cold ``/api/v1/operations/``, in ms (the serializer's per row in µs)."""
    # Imported here: DRF's modules read the API settings, which name the portal's API modules, which import DRF.
    from rest_framework.renderers import JSONRenderer
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from csto_portal.paginators import CountOncePaginator
    from operations.api.serializers import OperationListSerializer
    from operations.filters import OperationFilterSet
    from operations.models import Operation

    application = WSGIHandler()
    request = Request(APIRequestFactory().get(LIST_PATH, HTTP_HOST=HOST))
    queryset = Operation.objects.for_list()
    rows = list(queryset[:ROWS])
    data = OperationListSerializer(rows, many=True, context={"request": request}).data

    def serialize(count):
        return lambda: OperationListSerializer(rows[:count], many=True, context={"request": request}).data

    serializer_rows, serializer_row = best_ms(serialize(ROWS), 20), best_ms(serialize(1), 100)
    return {
        "floor_ms": best_ms(lambda: wsgi_get(application, FLOOR_PATH), 200),
        "request_ms": best_ms(lambda: wsgi_get(application, LIST_PATH), 20),
        "filters_ms": best_ms(lambda: OperationFilterSet(QueryDict(), queryset=queryset).qs, 100),
        "count_ms": best_ms(lambda: CountOncePaginator(queryset, ROWS).count, 100),
        "uncached_count_ms": best_ms(queryset.count, 20),
        "page_ms": best_ms(lambda: list(queryset[:ROWS]), 20),
        "serializer_ms": serializer_rows,
        "serializer_row_us": (serializer_rows - serializer_row) / (len(rows) - 1) * 1000 if len(rows) > 1 else None,
        "render_ms": best_ms(lambda: JSONRenderer().render({"results": data}), 100),
        "rows": len(rows),
    }
