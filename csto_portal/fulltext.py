"""The stored full-text search vector that each searchable model declares (see csto_portal/search.py)."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models

SEARCH_CONFIG = "english"


def search_vector_field(*weighted: tuple[str, str]) -> models.GeneratedField:
    """A generated, stored tsvector over the given (field, weight) pairs; names weigh "A", descriptions "B"."""
    vectors = [SearchVector(field, weight=weight, config=SEARCH_CONFIG) for field, weight in weighted]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return models.GeneratedField(expression=combined, output_field=SearchVectorField(), db_persist=True, editable=False)


def search_index(name: str) -> GinIndex:
    return GinIndex(fields=["search_vector"], name=name)
