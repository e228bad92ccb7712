"""Filters for operations and meetings, shared by the HTML lists and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from csto_portal.filters import ChoiceFilter, CodeFilter, FilterSet, StableOrderingFilter, YearFilter
from csto_portal.models import Area
from operations.choices import MeetingKind, OperationKind, OperationStatus, ParticipationRole
from operations.models import Meeting, Operation, Series
from organs.models import Organ, Partner, State


class OperationFilterSet(FilterSet):
    kind = ChoiceFilter(
        label=_("Kind"),
        choices=OperationKind.choices,
        empty_label=_("Any kind"),
        help_text=_("What sort of operation."),
    )
    series = CodeFilter(
        label=_("Series"),
        queryset=Series.objects.order_by("name", "pk"),
        to_field_name="slug",
        empty_label=_("Any series"),
        help_text=_("Editions of one series, e.g. rubezh."),
    )
    run_by = CodeFilter(
        label=_("Run by"),
        queryset=Organ.objects.order_by("position", "name", "pk"),
        to_field_name="slug",
        empty_label=_("Any organ"),
        help_text=_("The CSTO organ that runs it, e.g. coordinating-council-illegal-migration."),
    )
    forces = CodeFilter(
        label=_("Forces or staff of"),
        queryset=Organ.objects.order_by("position", "name", "pk"),
        to_field_name="slug",
        empty_label=_("Any organ"),
        help_text=_("A CSTO organ whose forces or staff took part, e.g. collective-rapid-reaction-forces."),
    )
    status = ChoiceFilter(
        label=_("Status"),
        choices=OperationStatus.choices,
        empty_label=_("Any status"),
        help_text=_("Held, ongoing, planned …"),
    )
    year = YearFilter(
        label=_("Year"),
        method="filter_year",
        help_text=_("Operations under way in that year, e.g. 2005."),
    )
    state = CodeFilter(
        label=_("State"),
        queryset=State.objects.order_by("name", "pk"),
        to_field_name="iso2",
        method="filter_state",
        empty_label=_("Any state"),
        help_text=_("A state that hosted, took part in or observed it (ISO code, e.g. kz)."),
    )
    role = ChoiceFilter(
        label=_("Role"),
        choices=ParticipationRole.choices,
        method="filter_role",
        empty_label=_("Any role"),
        help_text=_("With a state: only operations in which it had this role."),
    )
    area = CodeFilter(
        label=_("Area"),
        queryset=Area.objects.order_by("position", "name", "pk"),
        to_field_name="slug",
        method="filter_area",
        empty_label=_("Any area"),
        help_text=_("An area of activity, including its sub-areas."),
    )
    q = django_filters.CharFilter(
        label=_("Text"),
        method="filter_text",
        max_length=200,
        help_text=_("Words in the name or summary."),
    )
    ordering = StableOrderingFilter(
        label=_("Order"),
        fields=[("start_date", "start"), ("name", "name")],
        field_labels={
            "start_date": _("Start, oldest first"),
            "-start": _("Start, newest first"),
            "name": _("Name, A–Z"),
            "-name": _("Name, Z–A"),
        },
        empty_label=_("Newest first"),
        help_text=_("By start date or by name (start, -start, name, -name)."),
    )

    class Meta:
        model = Operation
        fields = []

    def filter_year(self, queryset, name, value: int):
        return queryset.covering_year(value)

    def filter_state(self, queryset, name, value: State):
        return queryset.with_participant(state=value, role=self.form.cleaned_data.get("role"))

    def filter_role(self, queryset, name, value: str):
        if self.form.cleaned_data.get("state"):
            return queryset  # applied together with the state, by filter_state
        return queryset.with_participant(role=value)

    def filter_area(self, queryset, name, value: Area):
        return queryset.in_area(value)

    def filter_text(self, queryset, name, value: str):
        return queryset.matching(value)


class MeetingFilterSet(FilterSet):
    kind = ChoiceFilter(
        label=_("Kind"), choices=MeetingKind.choices, empty_label=_("Any kind"), help_text=_("What sort of meeting.")
    )
    year = YearFilter(label=_("Year"), method="filter_year", help_text=_("Meetings held in that year, e.g. 2010."))
    state = CodeFilter(
        label=_("State"),
        queryset=State.objects.order_by("name", "pk"),
        to_field_name="iso2",
        method="filter_state",
        empty_label=_("Any state"),
        help_text=_("A state that hosted the meeting or was represented at it (ISO code, e.g. ru)."),
    )
    organ = CodeFilter(
        label=_("Organ"),
        field_name="organs",
        queryset=Organ.objects.order_by("position", "name", "pk"),
        to_field_name="slug",
        empty_label=_("Any organ"),
        help_text=_("A CSTO organ that took part, e.g. collective-security-council."),
    )
    partner = CodeFilter(
        label=_("Organization"),
        queryset=Partner.objects.order_by("name", "pk"),
        to_field_name="slug",
        method="filter_partner",
        empty_label=_("Any organization"),
        help_text=_("A partner organization that took part, e.g. osce."),
    )
    q = django_filters.CharFilter(
        label=_("Text"),
        method="filter_text",
        max_length=200,
        help_text=_("Words in the title, summary or place."),
    )
    ordering = StableOrderingFilter(
        label=_("Order"),
        fields=[("start_date", "start"), ("title", "title")],
        field_labels={
            "start_date": _("Date, oldest first"),
            "-start": _("Date, newest first"),
            "title": _("Title, A–Z"),
            "-title": _("Title, Z–A"),
        },
        empty_label=_("Newest first"),
        help_text=_("By date or by title (start, -start, title, -title)."),
    )

    class Meta:
        model = Meeting
        fields = []

    def filter_year(self, queryset, name, value: int):
        return queryset.covering_year(value)

    def filter_state(self, queryset, name, value: State):
        return queryset.with_state(value)

    def filter_partner(self, queryset, name, value: Partner):
        return queryset.with_partner(value)

    def filter_text(self, queryset, name, value: str):
        return queryset.matching(value)
