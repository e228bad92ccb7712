"""The filters of the instrument list, shared by the HTML page and the API."""

import django_filters
from django.db.models import F
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from csto_portal.filters import (
    ChoiceFilter,
    FilterSet,
    TextFilter,
    YearFilter,
    YearRangeForm,
    area_filter,
    kind_filter,
    status_filter,
)
from organs.filters import state_filter
from organs.models import Organ, Partner, State
from treaties.choices import InstrumentKind, InstrumentStatus
from treaties.models import Instrument


def _capitalised(choices):
    return [(value, capfirst(label)) for value, label in choices]


def adopting_bodies():
    """The choices of ``adopted_by``: every CSTO organ and every partner body, by slug."""
    return [
        (_("CSTO organs"), list(Organ.objects.values_list("slug", "name"))),
        (_("Partner bodies"), list(Partner.objects.values_list("slug", "name"))),
    ]


class InstrumentOrderingFilter(django_filters.OrderingFilter):
    """Orders by title or by the first dated step; undated instruments come last either way, and pk breaks ties."""

    default = ["-date"]

    def filter(self, qs, value):
        params = [param for param in value or () if param] or self.default
        ordering = [self.get_ordering_value(param) for param in params]
        return qs.order_by(*ordering, "title", "pk")

    def get_ordering_value(self, param):
        descending = param.startswith("-")
        field_name = self.param_map[param.removeprefix("-")]
        if field_name == "first_event_date":
            date = F(field_name)
            return date.desc(nulls_last=True) if descending else date.asc(nulls_last=True)
        return f"-{field_name}" if descending else field_name


class InstrumentFilterSet(FilterSet):
    kind = kind_filter(_capitalised(InstrumentKind.choices), help_text=_("Treaty, decision …"))
    status = status_filter(_capitalised(InstrumentStatus.choices))
    year_from = YearFilter(
        label=_("From year"),
        method="filter_years",
        help_text=_("With a dated step in or after this year."),
    )
    year_to = YearFilter(
        label=_("To year"),
        method="filter_years",
        help_text=_("With a dated step in or before this year."),
    )
    adopted_by = ChoiceFilter(
        label=_("Adopted by"),
        choices=adopting_bodies,
        empty_label=_("Any body"),
        method="filter_adopted_by",
        help_text=_("The CSTO organ or partner body that adopted it."),
    )
    area = area_filter(
        field_name="areas",
        empty_label=_("All areas"),
        help_text=_("Area of activity."),
    )
    state = state_filter(
        method="filter_state",
        help_text=_("A party, or a state with a dated step of its own."),
    )
    q = TextFilter(help_text=_("Words in the title or summary."))
    ordering = InstrumentOrderingFilter(
        label=_("Order by"),
        fields=[("title", "title"), ("first_event_date", "date")],
        choices=[
            ("-date", _("Date, newest first")),
            ("date", _("Date, oldest first")),
            ("title", _("Title, A to Z")),
            ("-title", _("Title, Z to A")),
        ],
        empty_label=_("Date, newest first"),
        help_text=_("By the date of the first dated step."),
    )

    class Meta:
        model = Instrument
        fields = []
        form = YearRangeForm

    def filter_years(self, queryset, name, value: int):
        start, end = self.form.cleaned_data.get("year_from"), self.form.cleaned_data.get("year_to")
        if name == "year_to" and start is not None:
            return queryset  # Both bounds were applied together, to one and the same step.
        return queryset.with_events_between(start, end)

    def filter_adopted_by(self, queryset, name, value: str):
        return queryset.adopted_by_slug(value)

    def filter_state(self, queryset, name, value: State):
        return queryset.concerning(value)

    def filter_text(self, queryset, name, value: str):
        return queryset.matching(value)
