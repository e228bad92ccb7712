"""Filter building blocks shared by every app's FilterSets (and so by the HTML lists and the API)."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from csto_portal.models import Area
from csto_portal.widgets import QuickSelect

FIRST_YEAR, LAST_YEAR = 1900, 2100


class FilterSet(django_filters.FilterSet):
    """django-filter's FilterSet, with its form class made once per class rather than once per request.

    django-filter builds the form class from the filters' fields on every request (a field apiece, then a new class);
    none of the portal's filters depends on the request, so the class is the same every time.
    """

    def get_form_class(self):
        cls = type(self)
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            form_class = cls._form_class = super().get_form_class()
        return form_class


class CodeChoiceField(forms.ModelChoiceField):
    """A record chosen by its slug or ISO code, whatever its case (``?state=kz`` and ``?state=KZ`` alike)."""

    def prepare_value(self, value):
        # Offer codes in lower case, as they appear in the portal's URLs (/member-states/kz/).
        prepared = super().prepare_value(value)
        return prepared.lower() if isinstance(prepared, str) else prepared

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.queryset.get(**{f"{self.to_field_name}__iexact": str(value).strip()})
        except (ValueError, self.queryset.model.DoesNotExist, self.queryset.model.MultipleObjectsReturned):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None


class QuickSelectMixin:
    """A filter offered as a select whose options render quickly (see ``QuickSelect``)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)


class ChoiceFilter(QuickSelectMixin, django_filters.ChoiceFilter):
    pass


def kind_filter(choices, **kwargs) -> ChoiceFilter:
    """``?kind=``: one of the record's kinds."""
    return ChoiceFilter(**{"label": _("Kind"), "choices": choices, "empty_label": _("Any kind"), **kwargs})


def status_filter(choices, **kwargs) -> ChoiceFilter:
    """``?status=``: one of the record's statuses."""
    return ChoiceFilter(**{"label": _("Status"), "choices": choices, "empty_label": _("Any status"), **kwargs})


class CodeFilter(QuickSelectMixin, django_filters.ModelChoiceFilter):
    field_class = CodeChoiceField


class TextFilter(django_filters.CharFilter):
    """``?q=``: words to look for, which the FilterSet's ``filter_text`` reads in its own fields."""

    def __init__(self, **kwargs):
        super().__init__(**{"label": _("Text"), "method": "filter_text", "max_length": 200, **kwargs})


def area_filter(**kwargs) -> CodeFilter:
    """An area of activity, by its slug."""
    queryset = Area.objects.order_by("position", "name", "pk")
    return CodeFilter(
        **{"label": _("Area"), "queryset": queryset, "to_field_name": "slug", "empty_label": _("Any area"), **kwargs}
    )


class YearField(forms.IntegerField):
    """A calendar year. A text box with a numeric keyboard, so that a wrong entry is shown back as typed."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "pattern": "[0-9]{4}", "size": 6})

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(**kwargs)


class YearFilter(django_filters.Filter):
    """A whole year; ``abc`` or ``2005.5`` makes the form invalid."""

    field_class = YearField


class YearRangeForm(forms.Form):
    """Checks ``year_from``/``year_to`` as a whole, so that a reversed range is explained rather than empty."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("year_from"), cleaned.get("year_to")
        if start is not None and end is not None and end < start:
            raise forms.ValidationError(_("The end year is before the start year."))
        return cleaned


class StableOrderingFilter(QuickSelectMixin, django_filters.OrderingFilter):
    """Ordering that always ends with the primary key, so that pages never overlap or skip rows."""

    def filter(self, qs, value):
        ordering = [self.get_ordering_value(param) for param in value or () if param]
        if not ordering:
            return qs
        return qs.order_by(*ordering, "pk")


def _interpolated(message, **values):
    """``message % values``, worked out in the language of the request that shows it rather than at import."""
    return lazy(lambda: str(message) % {name: str(value) for name, value in values.items()}, str)()


def newest_first_ordering(name_field: str, *, date_noun, name_noun) -> StableOrderingFilter:
    """``?ordering=``: by start date (newest first unless asked) or by ``name_field``, A–Z or Z–A."""
    return StableOrderingFilter(
        label=_("Order"),
        fields=[("start_date", "start"), (name_field, name_field)],
        field_labels={
            "start_date": _interpolated(_("%(noun)s, oldest first"), noun=date_noun),
            "-start": _interpolated(_("%(noun)s, newest first"), noun=date_noun),
            name_field: _interpolated(_("%(noun)s, A–Z"), noun=name_noun),
            f"-{name_field}": _interpolated(_("%(noun)s, Z–A"), noun=name_noun),
        },
        empty_label=_("Newest first"),
        help_text=_interpolated(
            _("By date or by %(name)s (start, -start, %(field)s, -%(field)s)."),
            name=lazy(lambda: str(name_noun).lower(), str)(),
            field=name_field,
        ),
    )
