"""The rules of the admin's forms for the other write paths, the import (``resources.py``) and the API
(``api/base.py``): a write that enters a dated fact or a figure brings a new citation for it, every citation is
checked as the model checks it, and adding citations never removes one.
"""

from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType

from csto_portal.models import Citation, Record
from csto_portal.provenance import facts_changed_in_record


def is_cited(model) -> bool:
    """Whether ``model``'s records carry citations (every record does; a source does not)."""
    return issubclass(model, Record)


class CitedPlace(NamedTuple):
    """Where a citation points: a source, the place in it and the attribute it backs. A record cites each at most
    once (the model's ``unique_locator`` constraint), so it identifies a citation among a record's others."""

    source: object
    locator: str = ""
    field: str = ""

    @classmethod
    def of(cls, citation: Citation) -> "CitedPlace":
        return cls(citation.source, citation.locator, citation.field)

    @property
    def key(self) -> tuple:
        return (self.source.pk, self.locator, self.field)


def new_citation(record, place: CitedPlace, *, claim: str = "", note: str = "") -> Citation:
    """An unsaved citation of ``record`` (saved or not yet) at ``place``, validated as the model validates it.

    Raises ``ValidationError``. For a record not yet saved, the rules involving its key (two citations of the same
    place) are left to the caller, who sees all the write's citations together.
    """
    citation = Citation(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        source=place.source,
        locator=place.locator,
        field=place.field,
        claim=claim,
        note=note,
    )
    citation.full_clean(exclude=None if record.pk else ["object_id"])
    return citation


def repeated(places: list[CitedPlace]) -> list[CitedPlace]:
    """The places that ``places`` names more than once."""
    seen, twice = set(), []
    for place in places:
        if place.key in seen and place not in twice:
            twice.append(place)
        seen.add(place.key)
    return twice


def uncited_facts(record, new_citations) -> list[str]:
    """The facts that saving ``record`` enters without a new citation to back them: none when the write brings one,
    as the admin's ``CitationFormSet`` asks."""
    return [] if new_citations else facts_changed_in_record(record)


def add_citations(record, citations: list[Citation]):
    """Saves the new ``citations`` of ``record``, which is saved by now."""
    for citation in citations:
        citation.object_id = record.pk
        citation.save()
