"""Admin forms: partial dates typed as people write them, and database rules reported as form errors.

A partial date is two columns (``<name>_date`` and ``<name>_precision``) behind one ``PartialDateAttribute``.
``PartialDateModelForm`` replaces every such pair of its model with one ``PartialDateField`` ("June 2006"),
and checks the constraints on both columns. ``CheckedInlineFormSet`` rehearses an inline's save in a
savepoint, so that rules involving the parent or other rows of the same form (overlapping periods, a
second preferred citation) come back as errors on the row instead of an IntegrityError page.
"""

import calendar
import copy
import re

from django import forms
from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, IntegrityError, router, transaction
from django.db.models import UniqueConstraint
from django.forms.models import ALL_FIELDS, BaseInlineFormSet, ModelFormMetaclass
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from csto_portal.dates import PartialDate, partial_date_names

ACCEPTED = _("A year (2007), a month (June 2006, Jun 2006 or 2006-06) or a day (14 June 2006 or 2006-06-14).")

# The help text partial_date_fields() gives a column by default; it describes storage, not what to type.
_COLUMN_HELP = "For a month or a year, the first day of it; the precision says which."

_MONTHS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_ISO = re.compile(r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$")
_MONTH_YEAR = re.compile(r"^(?P<month>[a-z]+)\.? (?P<year>\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(?P<day>\d{1,2}) (?P<month>[a-z]+)\.? (?P<year>\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^(?P<month>[a-z]+)\.? (?P<day>\d{1,2}) (?P<year>\d{4})$")


def parse_partial_date(text: str) -> PartialDate:
    """Read "2007", "June 2006", "Jun 2006", "14 June 2006", "June 14, 2006", "2006-06" or "2006-06-14".

    Raises ``ValueError`` for anything else, ``LookupError`` for a well-formed date that is not in the
    calendar (31 June 2006).
    """
    words = " ".join(text.replace(",", " ").split()).lower()
    if _ISO.match(words):
        parts = words.split("-")
        iso = "-".join([parts[0], *(part.zfill(2) for part in parts[1:])])
    else:
        for pattern in (_MONTH_YEAR, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
            match = pattern.match(words)
            if match and match["month"] in _MONTHS:
                fields = match.groupdict()
                iso = f"{fields['year']}-{_MONTHS[fields['month']]:02d}"
                if fields.get("day"):
                    iso += f"-{int(fields['day']):02d}"
                break
        else:
            raise ValueError(text)
    try:
        return PartialDate.parse(iso)
    except ValueError:
        raise LookupError(text) from None


class PartialDateInput(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__({"size": 11, "placeholder": _("e.g. June 2006"), "autocomplete": "off", **(attrs or {})})


class PartialDateField(forms.Field):
    """One text box for a date known to the day, the month or the year; cleans to a ``PartialDate``."""

    widget = PartialDateInput
    default_error_messages = {
        "invalid": _("Write a year (2007), a month (June 2006) or a day (14 June 2006)."),
        "impossible": _("“%(value)s” is not in the calendar."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", ACCEPTED)
        super().__init__(**kwargs)

    @classmethod
    def for_model(cls, model, name: str) -> "PartialDateField":
        """The field for the partial date ``name`` of ``model``, labelled and required as its date column is."""
        column = model._meta.get_field(f"{name}_date")
        help_text = ACCEPTED
        if column.help_text and str(column.help_text) != _COLUMN_HELP:
            help_text = format_lazy("{} {}", column.help_text, ACCEPTED)
        return cls(label=capfirst(column.verbose_name), required=not column.blank, help_text=help_text)

    def prepare_value(self, value):
        return str(value) if isinstance(value, PartialDate) else value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, PartialDate):
            return value
        text = str(value).strip()
        if not text:
            return None
        try:
            return parse_partial_date(text)
        except LookupError:
            raise ValidationError(
                self.error_messages["impossible"], code="impossible", params={"value": text}
            ) from None
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def has_changed(self, initial, data):
        try:
            initial = self.to_python(initial)
        except ValidationError:
            return True
        return super().has_changed(initial, data)


def _meta_of(attrs: dict, bases: tuple):
    if "Meta" in attrs:
        return attrs["Meta"]
    return next((base.Meta for base in bases if hasattr(base, "Meta")), None)


def _wanted(name: str, meta) -> bool:
    """Whether the form should carry the partial date ``name``: not excluded, and listed unless all fields are."""
    excluded = set(getattr(meta, "exclude", None) or ())
    if excluded & {name, f"{name}_date"}:
        return False
    fields = getattr(meta, "fields", None)
    return fields is None or fields == ALL_FIELDS or name in fields


class PartialDateFormMetaclass(ModelFormMetaclass):
    """Declares a ``PartialDateField`` for each partial date of the form's model, in place of its two columns."""

    def __new__(mcs, name, bases, attrs):
        meta = _meta_of(attrs, bases)
        model = getattr(meta, "model", None)
        names = [n for n in partial_date_names(model) if _wanted(n, meta)] if model is not None else []
        for date_name in names:
            # A name already set here (None, for a field the admin shows read-only) is left as it is.
            attrs.setdefault(date_name, PartialDateField.for_model(model, date_name))
        new_class = super().__new__(mcs, name, bases, attrs)
        replaced = [n for n in names if n in new_class.base_fields]
        if replaced:
            new_class.base_fields = _in_place_of_columns(new_class.base_fields, replaced)
        return new_class


def _in_place_of_columns(fields: dict, names: list[str]) -> dict:
    """``fields`` with each partial date where its date column was, and both columns gone."""
    columns = {f"{name}_date": name for name in names}
    hidden = set(columns) | {f"{name}_precision" for name in names}
    ordered = {}
    for key, field in fields.items():
        if key in columns:
            ordered[columns[key]] = fields[columns[key]]
        elif key not in hidden and key not in ordered:
            ordered[key] = field
    return ordered


def error_target(form, key: str) -> str:
    """The form field that should show a model error raised on ``key`` (a partial date's column → the date)."""
    if key == NON_FIELD_ERRORS or key in form.fields:
        return key
    for suffix in ("_date", "_precision"):
        if key.endswith(suffix) and key.removesuffix(suffix) in form.fields:
            return key.removesuffix(suffix)
    return NON_FIELD_ERRORS


def remap_errors(form, error: ValidationError) -> ValidationError:
    """A model's ``ValidationError`` keyed by the fields of ``form`` that show it; others go above the form."""
    if not hasattr(error, "error_dict"):
        return error
    remapped = {}
    for key, messages in error.error_dict.items():
        target = error_target(form, key)
        if target == NON_FIELD_ERRORS and key != NON_FIELD_ERRORS:
            label = _field_label(form, key)
            messages = [ValidationError(f"{label}: {message}") for message in ValidationError(messages).messages]
        remapped.setdefault(target, []).extend(messages)
    return ValidationError(remapped)


def _field_label(form, key: str) -> str:
    try:
        return capfirst(form._meta.model._meta.get_field(key).verbose_name)
    except Exception:
        return key


class PartialDateModelForm(forms.ModelForm, metaclass=PartialDateFormMetaclass):
    """A model form that edits each partial date as one field and validates it with the model's constraints."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.partial_dates:
            if name not in self.initial:
                try:
                    self.initial[name] = getattr(self.instance, name)
                except ValueError:
                    self.initial[name] = getattr(self.instance, f"{name}_date")

    @property
    def partial_dates(self) -> list[str]:
        """The partial dates this form edits."""
        model = self._meta.model
        if model is None:
            return []
        return [name for name in partial_date_names(model) if isinstance(self.fields.get(name), PartialDateField)]

    def _get_validation_exclusions(self):
        # Neither column is a form field, so Django would skip every constraint on them; the date field sets both.
        exclude = super()._get_validation_exclusions()
        for name in self.partial_dates:
            if name not in self._errors:
                exclude -= {f"{name}_date", f"{name}_precision"}
        return exclude

    def _post_clean(self):
        for name in self.partial_dates:
            if name in self.cleaned_data:
                setattr(self.instance, name, self.cleaned_data[name])
        super()._post_clean()

    def _update_errors(self, errors):
        # A model error on a column that is not a form field would otherwise make add_error() raise.
        super()._update_errors(remap_errors(self, errors))


class _Rehearsed(Exception):
    """Raised to roll back a rehearsed save."""


class CheckedFormSetMixin:
    """Rehearses the formset's save in a savepoint and reports the rules it would break on the rows.

    Each row is validated against the database as it would be at that moment of the real save: with its
    parent stored (even when the parent is new) and with the rows before it saved. The rehearsal is
    rolled back; nothing is kept.
    """

    def clean(self):
        super().clean()
        rows = [form for form in self.forms if not self._should_delete_form(form)]
        if any(form.errors for form in rows):
            return
        changed = [form for form in rows if form.instance.pk is not None and form.has_changed()]
        added = [form for form in rows if form.instance.pk is None and form.has_changed()]
        if changed or added:
            self._rehearse(changed + added)

    def _rehearse(self, forms_to_save):
        deleted = [form.instance.pk for form in self.forms if self._should_delete_form(form) and form.instance.pk]
        using = router.db_for_write(self.model)
        try:
            with transaction.atomic(using=using):
                parent = self.instance
                if parent.pk is None:
                    parent = copy.copy(parent)
                    parent.save()
                if deleted:
                    self.model._base_manager.using(using).filter(pk__in=deleted).delete()
                for form in forms_to_save:
                    self._rehearse_row(form, parent, using)
                raise _Rehearsed
        except _Rehearsed:
            pass
        except DatabaseError:
            # The parent itself could not be stored: its own form reports why.
            pass

    def _rehearse_row(self, form, parent, using):
        row = copy.copy(form.instance)
        self.attach(row, parent)
        try:
            row.validate_unique()
            row.validate_constraints()
        except ValidationError as error:
            form.add_error(None, remap_errors(form, error))
            return
        try:
            with transaction.atomic(using=using):
                row.save()
        except IntegrityError as error:
            form.add_error(None, integrity_message(row, error))

    def attach(self, row, parent):
        raise NotImplementedError


class CheckedInlineFormSet(CheckedFormSetMixin, BaseInlineFormSet):
    def attach(self, row, parent):
        setattr(row, self.fk.name, parent)


class CheckedGenericInlineFormSet(CheckedFormSetMixin, BaseGenericInlineFormSet):
    def attach(self, row, parent):
        content_type = ContentType.objects.db_manager(parent._state.db).get_for_model(
            parent, for_concrete_model=self.for_concrete_model
        )
        setattr(row, self.ct_field.attname, content_type.pk)
        setattr(row, self.ct_fk_field.attname, parent.pk)


_KEY_DETAIL = re.compile(r"Key \((?P<columns>[^)]*)\)=")


def integrity_message(instance, error: IntegrityError) -> str:
    """The model's own message for the constraint the database says ``instance`` broke."""
    cause = error.__cause__
    diag = getattr(cause, "diag", None)
    name = getattr(diag, "constraint_name", None)
    model = type(instance)
    for constraint in model._meta.constraints:
        if constraint.name != name:
            continue
        if (
            isinstance(constraint, UniqueConstraint)
            and constraint.fields
            and constraint.violation_error_message == constraint.default_violation_error_message
        ):
            return " ".join(instance.unique_error_message(model, constraint.fields).messages)
        return str(constraint.get_violation_error_message())
    match = _KEY_DETAIL.search(getattr(diag, "message_detail", None) or "")
    if match:
        by_column = {field.column: field.name for field in model._meta.fields}
        fields = tuple(by_column.get(column.strip(), column.strip()) for column in match["columns"].split(","))
        return " ".join(instance.unique_error_message(model, fields).messages)
    detail = getattr(diag, "message_primary", None) or str(error)
    return _("This row breaks a rule of the database: %(detail)s") % {"detail": detail}
