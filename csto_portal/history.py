"""A record's history as django-reversion keeps it: the record with its parts, one revision per save.

A record's *parts* are the rows that an editor edits with it and that mean nothing without it: the rows its admin
page shows inline, the rows deleted with it (its figures, an instrument's events, a tenure's steps) and, at any
depth, their citations. Each revision holds a record together with all its parts, and each part follows its
record back, so that a membership saved on its own page is also a change in its state's history. Restoring reads a
revision through ``revision_snapshot()`` and writes it with ``csto_portal.restore.apply()``.
"""

from dataclasses import dataclass, field
from itertools import pairwise

import reversion
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from csto_portal.dates import PartialDate, partial_date_names
from csto_portal.models import Citation, Relation
from csto_portal.roles import CONTENT_APPS

# Kept by the database on every save: a difference in them is not a change an editor made.
UNTRACKED = {"created", "updated"}
# Not entered by an editor, yet part of a version: the row's identity and its timestamps.
_KEPT = {"id", "created", "updated"}

# How each part reaches its record: model → the foreign keys (or "record", a citation's) it follows back.
_RECORDS: dict[type[models.Model], set[str]] = {}


def _part_accessors(model, inline_models=()) -> dict[str, tuple[type[models.Model], str]]:
    """``model``'s parts: accessor on ``model`` → (part model, the part's field pointing back)."""
    accessors = {}
    for relation in model._meta.related_objects:
        if not relation.one_to_many or relation.remote_field.remote_field.hidden:
            continue
        part = relation.related_model
        if issubclass(part, Relation) and relation.field.name != "source":
            continue  # a relation belongs to the record it starts from
        cascades = relation.on_delete is models.CASCADE
        if cascades or part in inline_models:
            accessors[relation.get_accessor_name()] = (part, relation.field.name)
    for private in model._meta.private_fields:
        if isinstance(private, GenericRelation) and private.related_model is Citation:
            accessors[private.name] = (Citation, "record")
    return accessors


def tracked_fields(model) -> list[str]:
    """The fields a version holds: what an editor enters and the timestamps; not the columns the database derives
    from others (the search vector, an instrument's first dated step), which follow from what is restored."""
    derived = [f for f in model._meta.concrete_fields if f.generated or not (f.editable or f.name in _KEPT)]
    names = [f.name for f in model._meta.concrete_fields if f not in derived]
    return names + [f.name for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


def register_all(site):
    """Version every record the admin ``site`` edits, with its parts, each part following its record back.

    Done once all admins are registered, as a record's parts include the rows of its admin's inlines, and a part
    that has an admin of its own (a membership) must also follow its record.
    """
    follows: dict[type[models.Model], set[str]] = {}

    def visit(model):
        if model in follows:
            return
        follows[model] = set()
        for accessor, (part, back) in _part_accessors(model, _inlines(model, site)).items():
            follows[model].add(accessor)
            visit(part)
            follows[part].add(back)
            _RECORDS.setdefault(part, set()).add(back)

    for model in site._registry:
        if model._meta.app_label in CONTENT_APPS:
            visit(model)
    for model, follow in follows.items():
        if not reversion.is_registered(model):
            reversion.register(model, fields=tracked_fields(model), follow=sorted(follow))


def parts(record) -> list[models.Model]:
    """``record``'s parts as they are now, at every depth, parents before their own parts."""
    found = []
    for accessor in _part_accessors(type(record), _inlines(type(record))):
        for part in getattr(record, accessor).all():
            found.append(part)
            found.extend(parts(part))
    return found


def _inlines(model, site=None) -> set:
    if site is None:
        from django.contrib.admin import site
    model_admin = site._registry.get(model)
    return {inline.model for inline in model_admin.inlines} if model_admin else set()


# A snapshot: (model, pk) → {attname: value}, many-to-many as sorted lists of pks.
Key = tuple[type[models.Model], int]


def row_values(row) -> dict:
    model = type(row)
    values = {}
    for name in tracked_fields(model):
        field_ = model._meta.get_field(name)
        if field_.many_to_many:
            values[field_.attname] = sorted(getattr(row, name).values_list("pk", flat=True))
        else:
            values[field_.attname] = getattr(row, field_.attname)
    return values


def snapshot(record) -> dict[Key, dict]:
    """``record`` and its parts as they stand in the database."""
    return {(type(row), row.pk): row_values(row) for row in [record, *parts(record)]}


def revision_snapshot(revision, record) -> dict[Key, dict]:
    """``record`` and its parts as ``revision`` holds them (a revision may hold other records too)."""
    rows = {}
    by_model: dict[type, list] = {}
    for version in revision.version_set.all():
        model = version._model
        if model is None:
            continue  # a model since removed
        values = {**version.field_dict}
        for field_ in model._meta.many_to_many:
            if field_.attname in values:
                values[field_.attname] = sorted(int(pk) for pk in values[field_.attname])
        by_model.setdefault(model, []).append((int(version.object_id), values))
    record_model = type(record)
    for pk, values in by_model.get(record_model, []):
        if pk == record.pk:
            rows[(record_model, pk)] = values
            _collect_parts(record_model, pk, by_model, rows)
    return rows


def _collect_parts(model, pk, by_model, rows):
    for part_model, back in _part_accessors(model, _inlines(model)).values():
        for part_pk, values in by_model.get(part_model, []):
            if back == "record":
                points_back = values["object_id"] == pk and values["content_type_id"] == _content_type_id(model)
            else:
                points_back = values[part_model._meta.get_field(back).attname] == pk
            if points_back and (part_model, part_pk) not in rows:
                rows[(part_model, part_pk)] = values
                _collect_parts(part_model, part_pk, by_model, rows)


def _content_type_id(model) -> int:
    return ContentType.objects.get_for_model(model).pk


@dataclass
class RowChange:
    """One row added, removed or changed: its label and, field by field, (label, before, after)."""

    label: str
    kind: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)


KIND_LABELS = {"added": _("added"), "removed": _("removed"), "changed": _("changed")}


def diff(before: dict[Key, dict], after: dict[Key, dict], record) -> list[RowChange]:
    """What turning ``before`` into ``after`` (snapshots of ``record``) changes, row by row, in words an editor
    reads."""
    return _diff(before, after, record, _Names([before, after]))


def diffs(snapshots: list[dict[Key, dict]], record) -> list[list[RowChange]]:
    """What each of ``snapshots`` changed from the one before it; related records are named in one go."""
    names = _Names(snapshots)
    return [_diff(before, after, record, names) for before, after in pairwise(snapshots)]


def _readable(model, values: dict | None) -> dict | None:
    """A row's values as an editor entered them: a partial date's two columns as one date, no primary key."""
    if values is None:
        return None
    readable = {name: value for name, value in values.items() if name != "id"}
    for name in partial_date_names(model):
        day, precision = readable.pop(f"{name}_date", None), readable.pop(f"{name}_precision", None)
        readable[name] = PartialDate(day, precision) if day is not None else None
    return readable


def _diff(before, after, record, names) -> list[RowChange]:
    changes = []
    for key in [*before, *(key for key in after if key not in before)]:
        model = key[0]
        old, new = _readable(model, before.get(key)), _readable(model, after.get(key))
        part = key != (type(record), record.pk)
        shown = [name for name in (new or old) if name not in UNTRACKED and not (part and _is_link_back(model, name))]
        if old is None or new is None:
            kind = "added" if old is None else "removed"
            values = new or old
            fields = [
                (_label(model, n), "", names.show(model, n, values[n]))
                for n in shown
                if values[n] not in ("", None, [])
            ]
            if kind == "removed":
                fields = [(label, value, "") for label, _empty, value in fields]
            changes.append(RowChange(names.row(key, values, record), kind, fields))
            continue
        fields = [
            (_label(model, n), names.show(model, n, old.get(n)), names.show(model, n, new.get(n)))
            for n in shown
            if old.get(n) != new.get(n)
        ]
        if fields:
            changes.append(RowChange(names.row(key, new, record), "changed", fields))
    return changes


def _is_link_back(model, attname: str) -> bool:
    """The part's own pointer to its record (and a citation's), which every row of the diff would repeat."""
    if attname in {"content_type_id", "object_id"}:
        return True
    backs = _RECORDS.get(model, set())
    return any(model._meta.get_field(back).attname == attname for back in backs if back != "record")


def _field(model, attname: str):
    for field_ in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if field_.attname == attname:
            return field_
    return None


def _label(model, attname: str) -> str:
    field_ = _field(model, attname) or _field(model, f"{attname}_date")
    return str(capfirst(field_.verbose_name)) if field_ else attname


class _Names:
    """Related records named as an editor knows them, read with one query per model for a whole diff."""

    def __init__(self, snapshots):
        wanted: dict[type, set] = {}
        for rows in snapshots:
            for (model, _pk), values in rows.items():
                for attname, value in values.items():
                    field_ = _field(model, attname)
                    if field_ is not None and field_.is_relation and value not in (None, []):
                        wanted.setdefault(field_.related_model, set()).update(
                            value if isinstance(value, list) else [value]
                        )
        self.names = {
            model: {row.pk: str(row) for row in model._base_manager.filter(pk__in=pks)} for model, pks in wanted.items()
        }

    def show(self, model, attname: str, value) -> str:
        field_ = _field(model, attname)
        if value in (None, "", []):
            return "—"
        if field_ is not None and field_.is_relation:
            known = self.names.get(field_.related_model, {})
            missing = _("deleted %(model)s") % {"model": field_.related_model._meta.verbose_name}
            if isinstance(value, list):
                return ", ".join(known.get(pk, missing) for pk in value)
            return known.get(value, missing)
        if field_ is not None and field_.choices:
            return str(dict(field_.flatchoices).get(value, value))
        if isinstance(value, list):  # a list of choices (ArrayField)
            labels = dict(getattr(getattr(field_, "base_field", None), "flatchoices", None) or [])
            return ", ".join(str(labels.get(item, item)) for item in value)
        if isinstance(value, bool):
            return str(_("yes") if value else _("no"))
        return str(value)

    def row(self, key: Key, values, record) -> str:
        """A row's name: the record's own, a part's from what tells it from its siblings (its state, role, metric,
        source), read from the diff's data rather than from each row's ``__str__``, which would query."""
        model = key[0]
        name = capfirst(model._meta.verbose_name)
        if key == (type(record), record.pk):
            return str(name) if record._state.adding else f"{name}: {record}"
        bits = []
        for field_ in model._meta.concrete_fields:
            if field_.attname in UNTRACKED or _is_link_back(model, field_.attname) or field_.primary_key:
                continue
            value = values.get(field_.attname)
            telling = field_.is_relation or field_.choices or isinstance(field_, models.CharField)
            if value in (None, "") or not telling:
                continue
            bits.append(self.show(model, field_.attname, value))
            if len(bits) == 3:
                break
        return f"{name}: {', '.join(bits)}" if bits else str(name)
