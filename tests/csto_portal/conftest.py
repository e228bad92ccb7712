import pytest

from csto_portal.site import search
from operations.models import Operation

WORD = "Quokkaland"


@pytest.fixture
def few_matches():
    """Two published operations and a draft matching ``WORD``; the one named after it is created last."""
    Operation.all_objects.create(slug="quokka-1", name="Exercise 1", kind="exercise", summary=f"Held near {WORD}.")
    Operation.all_objects.create(slug="quokka-draft", name=f"{WORD} draft", kind="exercise", draft=True)
    Operation.all_objects.create(slug="quokka-2", name=f"{WORD} Shield", kind="exercise")


@pytest.fixture
def many_matches(monkeypatch):
    """Twelve published operations matching ``WORD`` and a draft, with the search's count capped at 5."""
    monkeypatch.setattr(search, "TOTAL_CAP", 5)
    Operation.all_objects.create(slug="quokka-draft", name=f"{WORD} draft", kind="exercise", draft=True)
    Operation.all_objects.bulk_create(
        Operation(slug=f"quokka-{i}", name=f"Exercise {i}", kind="exercise", summary=f"Held near {WORD}.")
        for i in range(12)
    )
