"""How the organs app's records are fetched for each page and endpoint: one queryset method per use, so the
queries are shaped where they are declared (STYLE.md §3) and their number does not grow with the data."""

from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Value

from organs import models as organ_models
from organs.choices import MembershipStatus


class PeriodQuerySet(models.QuerySet):
    def on(self, date):
        """Periods known to be in force on ``date``: started on or before it and not ended by it (``Period``)."""
        return self.filter(self.model.in_force_condition(date))


class MembershipQuerySet(PeriodQuerySet):
    def members_on(self, date):
        """The periods that made a state a member of the Organization on ``date``."""
        return self.on(date).filter(body__isnull=True, state__isnull=False, status__in=MembershipStatus.member_values())


def _posts_with_holders():
    return organ_models.Post.objects.order_by("title", "pk").prefetch_related(
        Prefetch("tenures", queryset=organ_models.Tenure.objects.select_related("person").order_by("start_date", "pk"))
    )


class StateQuerySet(models.QuerySet):
    def member_states(self):
        """States that have had at least one membership period, in the Organization or in one of its organs."""
        return self.filter(Exists(organ_models.Membership.objects.filter(state=OuterRef("pk"))))

    def for_list(self, date):
        """What the list of member states shows: each state's standing on ``date`` (``State.standing_on(date)``)
        and its full-member periods."""
        # The day goes with each row, so that the standing is read from this prefetch only when asked for that day.
        return self.annotate(standing_date=Value(date, output_field=models.DateField())).prefetch_related(
            Prefetch(
                "memberships",
                queryset=organ_models.Membership.objects.on(date).select_related("body"),
                to_attr="standing",
            ),
            Prefetch(
                "memberships",
                queryset=organ_models.Membership.objects.filter(
                    body__isnull=True, status__in=MembershipStatus.member_values()
                ).order_by("start_date", "pk"),
                to_attr="member_periods",
            ),
        )

    def for_display(self):
        """What a state's page shows of this app's records: its history, chairmanships, people and sources (the
        page adds the operations, meetings and instruments it took part in)."""
        return self.prefetch_related(
            Prefetch(
                "memberships",
                queryset=organ_models.Membership.objects.select_related("body", "basis_instrument")
                .prefetch_related("citations__source")
                .order_by("start_date", "body__position", "pk"),
            ),
            Prefetch("chairmanships", queryset=organ_models.Chairmanship.objects.order_by("start_date", "pk")),
            Prefetch(
                "people",
                queryset=organ_models.Person.objects.order_by("name", "pk").prefetch_related(
                    Prefetch(
                        "tenures",
                        queryset=organ_models.Tenure.objects.select_related("post__organ", "post__partner").order_by(
                            "start_date", "pk"
                        ),
                    )
                ),
            ),
            "citations__source",
        )

    def for_api(self):
        """What the API's state record nests of this app's records: memberships, chairmanships and sources (the
        record adds its most recent instruments and operations)."""
        return self.prefetch_related(
            Prefetch(
                "memberships",
                queryset=organ_models.Membership.objects.select_related("body", "basis_instrument")
                .prefetch_related("citations__source")
                .order_by("start_date", "body__position", "pk"),
            ),
            Prefetch(
                "chairmanships",
                queryset=organ_models.Chairmanship.objects.prefetch_related("citations__source").order_by(
                    "start_date", "pk"
                ),
            ),
            "citations__source",
        )


class OrganQuerySet(models.QuerySet):
    def for_chart(self):
        """Every organ with its outgoing relations and founding instrument: all the structure chart needs."""
        return self.select_related("established_by").prefetch_related(
            Prefetch("relations", queryset=organ_models.OrganRelation.objects.order_by("pk"))
        )

    def for_list(self):
        return self.select_related("established_by")

    def established_by_decisions_of(self, organ):
        """Organs set up by an instrument that ``organ`` adopted."""
        return self.filter(established_by__adopted_by_organ=organ).select_related("established_by")

    def for_display(self):
        """What an organ's page shows of this app's records: founding decision, relations both ways, posts and
        holders, members, areas and sources (the page adds its instruments, operations and meetings)."""
        return self.select_related("established_by__adopted_by_organ").prefetch_related(
            Prefetch(
                "relations",
                queryset=organ_models.OrganRelation.objects.select_related("target").order_by("kind", "pk"),
            ),
            Prefetch(
                "inbound_relations",
                queryset=organ_models.OrganRelation.objects.select_related("source").order_by("kind", "pk"),
            ),
            Prefetch("posts", queryset=_posts_with_holders()),
            Prefetch(
                "memberships",
                queryset=organ_models.Membership.objects.select_related("state", "partner").order_by(
                    "start_date", "pk"
                ),
            ),
            "areas",
            "citations__source",
        )

    def for_api(self):
        """What the API's organ record nests: founding instrument, relations both ways, posts and holders, areas."""
        return self.select_related("established_by").prefetch_related(
            Prefetch(
                "relations", queryset=organ_models.OrganRelation.objects.select_related("target").order_by("kind", "pk")
            ),
            Prefetch(
                "inbound_relations",
                queryset=organ_models.OrganRelation.objects.select_related("source").order_by("kind", "pk"),
            ),
            Prefetch("posts", queryset=_posts_with_holders()),
            "areas",
            "citations__source",
        )


class PartnerQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("parent")

    def for_display(self):
        """What a partner organization's page shows of this app's records: bodies, posts and holders, memberships,
        areas and sources (the page adds its instruments, operations and meetings)."""
        return self.select_related("parent").prefetch_related(
            Prefetch(
                "bodies",
                queryset=organ_models.Partner.objects.order_by("name", "pk").prefetch_related(
                    Prefetch("bodies", queryset=organ_models.Partner.objects.order_by("name", "pk"))
                ),
            ),
            Prefetch("posts", queryset=_posts_with_holders()),
            Prefetch(
                "memberships",
                queryset=organ_models.Membership.objects.select_related("body").order_by("start_date", "pk"),
            ),
            "areas",
            "citations__source",
        )

    def for_api(self):
        """What the API's partner record nests of this app's records: bodies, posts and holders, areas and sources
        (the record adds its instruments and operations)."""
        return self.select_related("parent").prefetch_related(
            Prefetch("bodies", queryset=organ_models.Partner.objects.order_by("name", "pk")),
            Prefetch("posts", queryset=_posts_with_holders()),
            "areas",
            "citations__source",
        )


class PersonQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("nationality")

    def for_api(self):
        """What the API's person record nests: each tenure with its post and the body the post belongs to."""
        return self.select_related("nationality").prefetch_related(
            Prefetch(
                "tenures",
                queryset=organ_models.Tenure.objects.select_related("post__organ", "post__partner").order_by(
                    F("start_date").asc(nulls_last=True), "post__title", "pk"
                ),
            ),
            "citations__source",
        )
