"""Writing a snapshot of a record and its parts back, with every rule a form and the database apply.

django-reversion's own revert writes the stored rows as they are: it skips validation, leaves ``updated`` as it
was and cannot say why a row does not fit any more. Here each row is checked with ``full_clean()`` (fields, choices
and every constraint, overlaps included) and saved the normal way, so that a restore either restores everything
or nothing, and a refusal names its reason.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from csto_portal.history import Key, snapshot


def apply(model, pk: int, rows: dict[Key, dict]):
    """Make the record ``model`` ``pk`` and its parts what ``rows`` holds (a ``history`` snapshot); a row that
    breaks a rule refuses the whole with ``ValidationError``."""
    try:
        with transaction.atomic():
            current = model._base_manager.filter(pk=pk).first()
            for part_model, part_pk in reversed([*snapshot(current)] if current else []):
                if (part_model, part_pk) not in rows:
                    part_model._base_manager.filter(pk=part_pk).delete()
            for (row_model, row_pk), values in rows.items():
                _write(row_model, row_pk, values)
    except IntegrityError as error:
        raise ValidationError(str(error).splitlines()[0]) from None
    except models.ProtectedError as error:
        others = ", ".join(str(other) for other in list(error.protected_objects)[:3])
        raise ValidationError(f"a row it removes is still used by {others}") from None


def _write(model, pk: int, values: dict):
    row = model._base_manager.filter(pk=pk).first()
    recreated = row is None
    if recreated:
        row = model(pk=pk)
    many = {}
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if field.attname not in values or field.name in {"created", "updated"}:
            continue
        if field.many_to_many:
            many[field.name] = values[field.attname]
        else:
            setattr(row, field.attname, values[field.attname])
    try:
        row.full_clean()
    except ValidationError as error:
        raise ValidationError(_message(row, error)) from None
    row.save()
    for name, pks in many.items():
        getattr(row, name).set(pks)
    if recreated and values.get("created"):
        # A row brought back keeps the day it was first made.
        model._base_manager.filter(pk=pk).update(created=values["created"])


def _message(row, error: ValidationError) -> str:
    messages = []
    for name, errors in error.message_dict.items():
        prefix = "" if name == "__all__" else f"{name}: "
        messages.extend(f"{prefix}{message}" for message in errors)
    return f"{row._meta.verbose_name} “{row}”: {' '.join(messages)}"
