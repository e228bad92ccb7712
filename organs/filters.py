"""Filters for organs, member states, people and partner organizations, shared by the HTML lists and the API."""

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from csto_portal.filters import CodeFilter, FilterSet, StableOrderingFilter, TextFilter, kind_filter, status_filter
from organs.choices import MembershipStatus, OrganKind, PartnerKind, PlaceKind
from organs.models import Membership, Organ, Partner, Person, Place, Post, State, Tenure


def state_filter(**kwargs) -> CodeFilter:
    """A state, by its ISO code (either case)."""
    queryset = State.objects.order_by("name", "pk")
    return CodeFilter(
        **{"label": _("State"), "queryset": queryset, "to_field_name": "iso2", "empty_label": _("Any state"), **kwargs}
    )


def organ_filter(**kwargs) -> CodeFilter:
    """A CSTO organ, by its slug."""
    queryset = Organ.objects.order_by("position", "name", "pk")
    return CodeFilter(
        **{"label": _("Organ"), "queryset": queryset, "to_field_name": "slug", "empty_label": _("Any organ"), **kwargs}
    )


def place_filter(**kwargs) -> CodeFilter:
    """A place, by its slug."""
    queryset = Place.objects.select_related("state").order_by("name", "pk")  # each choice names its state
    return CodeFilter(
        **{"label": _("Place"), "queryset": queryset, "to_field_name": "slug", "empty_label": _("Any place"), **kwargs}
    )


def partner_filter(**kwargs) -> CodeFilter:
    """A partner organization, by its slug."""
    queryset = Partner.objects.order_by("name", "pk")
    return CodeFilter(
        **{
            "label": _("Organization"),
            "queryset": queryset,
            "to_field_name": "slug",
            "empty_label": _("Any organization"),
            **kwargs,
        }
    )


class OrganFilterSet(FilterSet):
    kind = kind_filter(OrganKind.choices, help_text=_("Only organs of this kind."))
    q = TextFilter(help_text=_("Words in the name, acronym, mandate or composition."))
    ordering = StableOrderingFilter(
        label=_("Order"),
        fields=[("position", "position"), ("name", "name")],
        field_labels={"position": _("Structure chart order"), "name": _("Name")},
        help_text=_("The structure chart's order (the default) or the name; a leading minus reverses it."),
    )

    class Meta:
        model = Organ
        fields = ["kind", "q", "ordering"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value)
            | Q(acronym__icontains=value)
            | Q(mandate__icontains=value)
            | Q(composition__icontains=value)
        )


class StateFilterSet(FilterSet):
    """States by their standing on a day: today, or the day given by ``as_of``."""

    status = status_filter(
        MembershipStatus.choices,
        method="filter_status",
        help_text=_("Standing in the Organization or one of its organs: today, or on the date below if given."),
    )
    as_of = django_filters.DateFilter(
        label=_("On date"),
        method="filter_as_of",
        help_text=_("A day, as YYYY-MM-DD: the states that belonged on that day, with their standing then."),
    )
    q = TextFilter(help_text=_("Words in the name or summary, or the two-letter code."))

    class Meta:
        model = State
        fields = ["status", "as_of", "q"]

    def standing_date(self):
        """The day the standing filters look at."""
        return self.form.cleaned_data.get("as_of") or timezone.localdate()

    def filter_status(self, queryset, name, value):
        periods = Membership.objects.on(self.standing_date()).filter(status=value)
        return queryset.filter(pk__in=periods.values("state"))

    def filter_as_of(self, queryset, name, value):
        if self.form.cleaned_data.get("status"):
            # The status filter already reads the date; a state that had withdrawn is then asked for explicitly.
            return queryset
        periods = Membership.objects.on(value).exclude(status=MembershipStatus.WITHDRAWN)
        return queryset.filter(pk__in=periods.values("state"))

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(iso2__iexact=value) | Q(summary__icontains=value))


class PartnerFilterSet(FilterSet):
    kind = kind_filter(PartnerKind.choices, help_text=_("Only organizations or bodies of this kind."))
    q = TextFilter(help_text=_("Words in the name, acronym or summary."))

    class Meta:
        model = Partner
        fields = ["kind", "q"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(acronym__icontains=value) | Q(summary__icontains=value))


class PlaceFilterSet(FilterSet):
    state = state_filter(help_text=_("The state it lies in (ISO code, e.g. kz)."))
    kind = kind_filter(PlaceKind.choices, help_text=_("City, range, region …"))
    q = TextFilter(help_text=_("Words in the name or summary."))

    class Meta:
        model = Place
        fields = ["state", "kind", "q"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(summary__icontains=value))


class PersonFilterSet(FilterSet):
    """People by the posts they held: on a given day, in a given post, or both (that post on that day)."""

    as_of = django_filters.DateFilter(
        label=_("On date"),
        method="filter_as_of",
        help_text=_("A day, as YYYY-MM-DD: only people holding a post on that day."),
    )
    post = CodeFilter(
        label=_("Post"),
        # Each choice names the post's body, so the bodies come with the posts.
        queryset=Post.objects.select_related("organ", "partner").order_by("title", "pk"),
        to_field_name="slug",
        method="filter_post",
        help_text=_("A post's slug, e.g. csto-secretary-general: only people who held it (on that date, if given)."),
    )
    q = TextFilter(help_text=_("Words in the name or summary."))

    class Meta:
        model = Person
        fields = ["as_of", "post", "q"]

    def filter_as_of(self, queryset, name, value: datetime.date):
        if self.form.cleaned_data.get("post"):
            # The post filter already reads the date: the post held on that day, not any post.
            return queryset
        return queryset.filter(pk__in=Tenure.objects.on(value).values("person"))

    def filter_post(self, queryset, name, value: Post):
        tenures = Tenure.objects.filter(post=value)
        if day := self.form.cleaned_data.get("as_of"):
            tenures = tenures.on(day)
        return queryset.filter(pk__in=tenures.values("person"))

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(summary__icontains=value))
