import pytest

from operations.models import Series
from tests.growth import add_editions, queries_for


@pytest.fixture
def long_series():
    """A series of 21 yearly editions, Long-2000 to Long-2020: more than an edition's page lists."""
    series = Series.objects.create(slug="long", name="Long", kind="exercise")
    add_editions(series, range(2000, 2021))
    return series


@pytest.fixture
def after_long_series_grows(client, long_series, django_assert_max_num_queries):
    """Fetches a URL once, grows the long series to 1,981 editions (1000–1989 and 2030–2999 added), and fetches it
    again: the second response must take no more queries than the first and be at most a few bytes longer.

    Returns the second response, for the caller to check that it speaks of the grown series.
    """

    def fetch(url):
        queries, size = queries_for(client, url), len(client.get(url).content)
        add_editions(long_series, range(1000, 1990))
        add_editions(long_series, range(2030, 3000))
        with django_assert_max_num_queries(queries):
            response = client.get(url)
        assert len(response.content) < size + 10
        return response

    return fetch
