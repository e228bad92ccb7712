"""The benchmark's breakdown of a cold API list: every part is timed on the list the API really serves."""

import pytest
from django.test import override_settings

from bench.costs import cold_api_list_costs
from operations.models import Operation

pytestmark = pytest.mark.django_db


@override_settings(ROOT_URLCONF="bench.urls", RESPONSE_CACHE=False)
def test_the_breakdown_times_each_part_of_the_real_list(in_process_wsgi):
    costs = cold_api_list_costs()

    assert costs["rows"] == min(Operation.objects.count(), 50)
    parts = ["filters_ms", "count_ms", "uncached_count_ms", "page_ms", "serializer_ms", "render_ms"]
    assert all(costs[part] > 0 for part in [*parts, "request_ms", "floor_ms"])
    # The cost per row is the difference of two timings: on a busy machine and a short list it may come out as 0.
    assert costs["serializer_row_us"] is not None
    assert costs["floor_ms"] < costs["request_ms"], "the floor view is the cheapest request there is"
