"""Filters for operations and meetings, shared by the HTML lists and the API."""

from django.utils.translation import gettext_lazy as _

from csto_portal.filters import (
    ChoiceFilter,
    CodeFilter,
    FilterSet,
    TextFilter,
    YearFilter,
    area_filter,
    kind_filter,
    newest_first_ordering,
    status_filter,
)
from csto_portal.models import Area
from operations.choices import (
    MeetingKind,
    OperationKind,
    OperationStatus,
    ParticipationRole,
    RequestDecision,
    RequestKind,
)
from operations.models import AssistanceRequest, Meeting, Operation, Series
from organs.filters import organ_filter, partner_filter, place_filter, state_filter
from organs.models import Partner, State


class DatedRecordFilterSet(FilterSet):
    """``?year=`` and ``?q=`` as operations and meetings both read them, through their querysets."""

    def filter_year(self, queryset, name, value: int):
        return queryset.covering_year(value)

    def filter_text(self, queryset, name, value: str):
        return queryset.matching(value)


class OperationFilterSet(DatedRecordFilterSet):
    kind = kind_filter(OperationKind.choices, help_text=_("What sort of operation."))
    series = CodeFilter(
        label=_("Series"),
        queryset=Series.objects.order_by("name", "pk"),
        to_field_name="slug",
        empty_label=_("Any series"),
        help_text=_("Editions of one series, e.g. rubezh."),
    )
    run_by = organ_filter(
        label=_("Run by"),
        help_text=_("The CSTO organ that runs it, e.g. coordinating-council-illegal-migration."),
    )
    forces = organ_filter(
        label=_("Forces or staff of"),
        help_text=_("A CSTO organ whose forces or staff took part, e.g. collective-rapid-reaction-forces."),
    )
    status = status_filter(OperationStatus.choices, help_text=_("Held, ongoing, planned …"))
    year = YearFilter(
        label=_("Year"),
        method="filter_year",
        help_text=_("Operations under way in that year, e.g. 2005."),
    )
    state = state_filter(
        method="filter_state",
        help_text=_("A state that hosted, took part in or observed it (ISO code, e.g. kz)."),
    )
    role = ChoiceFilter(
        label=_("Role"),
        choices=ParticipationRole.choices,
        method="filter_role",
        empty_label=_("Any role"),
        help_text=_("With a state: only operations in which it had this role."),
    )
    area = area_filter(
        method="filter_area",
        help_text=_("An area of activity, including its sub-areas."),
    )
    place = place_filter(field_name="places", help_text=_("A place it was held at, e.g. mulino-range."))
    q = TextFilter(help_text=_("Words in the name, other names or summary."))
    ordering = newest_first_ordering("name", date_noun=_("Start"), name_noun=_("Name"))

    class Meta:
        model = Operation
        fields = []

    def filter_state(self, queryset, name, value: State):
        return queryset.with_participant(state=value, role=self.form.cleaned_data.get("role"))

    def filter_role(self, queryset, name, value: str):
        if self.form.cleaned_data.get("state"):
            return queryset  # applied together with the state, by filter_state
        return queryset.with_participant(role=value)

    def filter_area(self, queryset, name, value: Area):
        return queryset.in_area(value)


class MeetingFilterSet(DatedRecordFilterSet):
    kind = kind_filter(MeetingKind.choices, help_text=_("What sort of meeting."))
    year = YearFilter(label=_("Year"), method="filter_year", help_text=_("Meetings held in that year, e.g. 2010."))
    state = state_filter(
        method="filter_state",
        help_text=_("A state that hosted the meeting or was represented at it (ISO code, e.g. ru)."),
    )
    organ = organ_filter(
        field_name="organs",
        help_text=_("A CSTO organ that took part, e.g. collective-security-council."),
    )
    partner = partner_filter(
        method="filter_partner",
        help_text=_("A partner organization that took part, e.g. osce."),
    )
    place = place_filter(help_text=_("Where it was held, e.g. moscow."))
    q = TextFilter(help_text=_("Words in the title, summary or place."))
    ordering = newest_first_ordering("title", date_noun=_("Date"), name_noun=_("Title"))

    class Meta:
        model = Meeting
        fields = []

    def filter_state(self, queryset, name, value: State):
        return queryset.with_state(value)

    def filter_partner(self, queryset, name, value: Partner):
        return queryset.with_partner(value)


class AssistanceRequestFilterSet(DatedRecordFilterSet):
    state = state_filter(field_name="state", help_text=_("The state that asked (ISO code, e.g. kz)."))
    kind = ChoiceFilter(
        label=_("What was asked"),
        choices=RequestKind.choices,
        empty_label=_("Any request"),
        help_text=_("Military assistance or consultations."),
    )
    decision = ChoiceFilter(
        label=_("Decision"),
        choices=RequestDecision.choices,
        empty_label=_("Any decision"),
        help_text=_("What the Organization decided."),
    )
    year = YearFilter(label=_("Year"), method="filter_year", help_text=_("Requests made in that year, e.g. 2022."))
    q = TextFilter(help_text=_("Words in the title, summary or outcome."))

    class Meta:
        model = AssistanceRequest
        fields = []
