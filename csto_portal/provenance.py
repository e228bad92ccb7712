"""Which facts an edit introduces, so that the admin can ask for their source in the same form.

A fact here is a dated attribute (a partial date such as ``start``) or a figure (a decimal such as a result's
``value``): the things a reader quotes, and which must therefore never enter without a citation.
"""

from functools import cache

from django.db import models

from csto_portal.dates import partial_date_names


def fact_names(model) -> list[str]:
    """The attributes of ``model`` that hold facts, by the names the admin forms use for them."""
    figures = [field.name for field in model._meta.concrete_fields if isinstance(field, models.DecimalField)]
    return partial_date_names(model) + figures


# What no citation backs: a record's identifier, its place in a list, whether it is published, editors' notes.
_NOT_FACTS = {"slug", "position", "draft", "note"}


@cache
def citable_attributes(model) -> dict[str, str]:
    """What a citation of a ``model`` record can back: each attribute an editor enters, by the name the forms use
    (``start`` for a partial date's two columns), with its label, in the model's order. Worked out once per model:
    every citation's validation reads it (the loader, thousands of times)."""
    dates = {f"{name}_date": name for name in partial_date_names(model)}
    precisions = {f"{name}_precision" for name in dates.values()}
    attributes = {}
    for field in model._meta.get_fields():
        if field.auto_created or not field.editable or (not field.concrete and not field.many_to_many):
            continue
        if field.name in precisions or field.name in _NOT_FACTS:
            continue
        attributes[dates.get(field.name, field.name)] = field.verbose_name
    return attributes


def _label(model, name: str) -> str:
    field_name = name if name in {f.name for f in model._meta.concrete_fields} else f"{name}_date"
    return str(model._meta.get_field(field_name).verbose_name)


def _columns(model, name: str) -> list[str]:
    if name in partial_date_names(model):
        return [f"{name}_date", f"{name}_precision"]
    return [name]


def facts_changed_in_record(record) -> list[str]:
    """Labels of the facts that saving ``record`` (not yet saved) would add or change."""
    model = type(record)
    names = fact_names(model)
    original = model._base_manager.filter(pk=record.pk).first() if record.pk else None
    changed = []
    for name in names:
        columns = _columns(model, name)
        new = [getattr(record, column) for column in columns]
        old = [getattr(original, column) for column in columns] if original else [None] * len(columns)
        if new != old and new[0] is not None:
            changed.append(_label(model, name))
    return changed


def facts_changed_in_rows(formset) -> list[str]:
    """Labels ("result: value") of the facts that the new or edited rows of an inline formset enter."""
    model = formset.model
    names = set(fact_names(model))
    changed = []
    for form in formset.forms:
        if not form.has_changed() or ("DELETE" in form.fields and form["DELETE"].data):
            continue
        for name in form.changed_data:
            # A fact cleared from a row needs no source; one typed in does.
            if name in names and form[name].data not in (None, ""):
                label = f"{model._meta.verbose_name}: {_label(model, name)}"
                if label not in changed:
                    changed.append(label)
    return changed
