import pytest

from operations.models import Series
from tests.growth import add_editions


@pytest.fixture
def long_series():
    """A series of 21 yearly editions, Long-2000 to Long-2020: more than an edition's page lists."""
    series = Series.objects.create(slug="long", name="Long", kind="exercise")
    add_editions(series, range(2000, 2021))
    return series
