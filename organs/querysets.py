"""How the organs app's records are fetched for each page and endpoint: one queryset method per use, so the
queries are shaped where they are declared (STYLE.md §3) and their number does not grow with the data."""

from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q

from csto_portal.related import SubqueryCount, recent
from organs import models as organ_models
from organs.choices import MembershipStatus


class PeriodQuerySet(models.QuerySet):
    def on(self, date):
        """Periods known to be in force on ``date``: started on or before it and not ended by it."""
        return self.filter(Q(start_date__lte=date), Q(end_date__isnull=True) | Q(end_date__gt=date))


class MembershipQuerySet(PeriodQuerySet):
    def members_on(self, date):
        """The periods that made a state a member of the Organization on ``date``."""
        return self.on(date).filter(body__isnull=True, state__isnull=False, status__in=MembershipStatus.member_values())


def _dated_events():
    """An instrument's own dated steps (not one state's), earliest first: the first is the one a list shows."""
    from treaties.models import InstrumentEvent

    return Prefetch(
        "events",
        queryset=InstrumentEvent.objects.filter(state__isnull=True).order_by("occurred_date", "pk"),
        to_attr="dated_events",
    )


def _instruments_in_order():
    """Instruments in the order they came about: by their first dated step, undated ones last."""
    from treaties.models import Instrument

    return Instrument.objects.order_by(F("first_event_date").asc(nulls_last=True), "title", "pk").prefetch_related(
        _dated_events()
    )


def _newest_instruments():
    """Instruments newest first by their first dated step, undated ones last: the instrument list's own order."""
    return _instruments_in_order().newest_first()


def _operations_in_order():
    from operations.models import Operation

    return Operation.objects.order_by(F("start_date").desc(nulls_last=True), "name", "pk")


def _meetings_in_order():
    from operations.models import Meeting

    return Meeting.objects.select_related("host").order_by("-start_date", "title", "pk")


def _participations(role):
    """One role's participations, most recent operation first, with the operation they concern."""
    from operations.models import Participation

    return (
        Participation.objects.filter(role=role, operation__draft=False)
        .select_related("operation")
        .order_by(F("operation__start_date").desc(nulls_last=True), "operation__name", "pk")
    )


def _participations_recent_first():
    """Participations in any role, the most recent operation first."""
    from operations.models import Participation

    return (
        Participation.objects.filter(operation__draft=False)
        .select_related("operation")
        .order_by(F("operation__start_date").desc(nulls_last=True), "operation__name", "role", "pk")
    )


def _participations_by_role():
    """Every participation with its operation: by role, then the most recent operation first."""
    from operations.models import Participation

    return (
        Participation.objects.filter(operation__draft=False)
        .select_related("operation")
        .order_by("role", F("operation__start_date").desc(nulls_last=True), "operation__name", "pk")
    )


def _posts_with_holders():
    return organ_models.Post.objects.order_by("title", "pk").prefetch_related(
        Prefetch("tenures", queryset=organ_models.Tenure.objects.select_related("person").order_by("start_date", "pk"))
    )


class StateQuerySet(models.QuerySet):
    def member_states(self):
        """States that have had at least one membership period, in the Organization or in one of its organs."""
        return self.filter(Exists(organ_models.Membership.objects.filter(state=OuterRef("pk"))))

    def for_list(self, date):
        """What the list of member states shows: each state's standing on ``date`` and its full-member periods."""
        return self.prefetch_related(
            Prefetch(
                "memberships",
                queryset=organ_models.Membership.objects.on(date)
                .select_related("body")
                .order_by("body__position", "pk"),
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
        """Everything a state's page shows, in a fixed number of queries; its operations by role are the most recent
        few with their counts (its meetings and instruments are fetched by the view, as they are no one relation)."""
        from operations.choices import ParticipationRole
        from operations.models import Participation

        counts = {
            f"{role}_count": SubqueryCount(
                Participation.objects.filter(state=OuterRef("pk"), role=role, operation__draft=False)
            )
            for role in ParticipationRole.values
        }
        return self.annotate(**counts).prefetch_related(
            Prefetch(
                "memberships",
                queryset=organ_models.Membership.objects.select_related("body", "basis_instrument")
                .prefetch_related("citations__source")
                .order_by("start_date", "body__position", "pk"),
            ),
            Prefetch("chairmanships", queryset=organ_models.Chairmanship.objects.order_by("start_date", "pk")),
            *(recent("participations", _participations(role), f"recent_{role}") for role in ParticipationRole.values),
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
        """What the API's state record nests: memberships, chairmanships and sources in full; its most recent
        instruments and operations, with how many there are in the API lists its record links to."""
        from operations.models import Operation
        from treaties.models import Instrument, Party

        newest_parties = (
            Party.objects.filter(instrument__draft=False)
            .select_related("instrument")
            .order_by(F("instrument__first_event_date").desc(nulls_last=True), "instrument__title", "pk")
        )
        # The same sets as the operation and instrument lists' ?state= filters, which the record links to.
        state = OuterRef(OuterRef("pk"))
        counts = {
            "operation_count": SubqueryCount(Operation.objects.with_participant(state=state)),
            "instrument_count": SubqueryCount(Instrument.objects.concerning(state)),
        }
        return self.annotate(**counts).prefetch_related(
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
            recent("parties", newest_parties, "recent_parties"),
            recent("participations", _participations_recent_first(), "recent_participations"),
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
        """Everything an organ's page shows, in a fixed number of queries; its operations, meetings and instruments
        are the most recent few of each, with their counts."""
        from operations.models import Meeting, Operation, Series
        from treaties.models import Instrument

        counts = {
            "instrument_count": SubqueryCount(Instrument.objects.filter(adopted_by_organ=OuterRef("pk"))),
            "operation_count": SubqueryCount(Operation.objects.filter(run_by=OuterRef("pk"))),
            "operation_involved_in_count": SubqueryCount(Operation.objects.filter(forces=OuterRef("pk"))),
            "meeting_count": SubqueryCount(Meeting.objects.filter(organs=OuterRef("pk"))),
        }
        return (
            self.select_related("established_by__adopted_by_organ")
            .annotate(**counts)
            .prefetch_related(
                Prefetch(
                    "relations",
                    queryset=organ_models.OrganRelation.objects.select_related("target").order_by("kind", "pk"),
                ),
                Prefetch(
                    "inbound_relations",
                    queryset=organ_models.OrganRelation.objects.select_related("source").order_by("kind", "pk"),
                ),
                Prefetch("posts", queryset=_posts_with_holders()),
                recent("instruments", _newest_instruments(), "recent_instruments"),
                recent("operations", _operations_in_order(), "recent_operations"),
                Prefetch(
                    "series",
                    queryset=Series.objects.annotate(
                        operation_count=SubqueryCount(Operation.objects.filter(series=OuterRef("pk")))
                    )
                    .order_by("name", "pk")
                    .prefetch_related(recent("operations", _operations_in_order(), "recent_operations")),
                ),
                recent("operations_involved_in", _operations_in_order(), "recent_operations_involved_in"),
                recent("meetings", _meetings_in_order(), "recent_meetings"),
                Prefetch(
                    "memberships",
                    queryset=organ_models.Membership.objects.select_related("state", "partner").order_by(
                        "start_date", "pk"
                    ),
                ),
                "areas",
                "citations__source",
            )
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
        """Everything a partner organization's page shows, in a fixed number of queries."""
        from operations.choices import ParticipationRole

        return self.select_related("parent").prefetch_related(
            Prefetch(
                "bodies",
                queryset=organ_models.Partner.objects.order_by("name", "pk").prefetch_related(
                    Prefetch("bodies", queryset=organ_models.Partner.objects.order_by("name", "pk"))
                ),
            ),
            Prefetch("posts", queryset=_posts_with_holders()),
            Prefetch("instruments", queryset=_instruments_in_order()),
            Prefetch("participations", queryset=_participations(ParticipationRole.HOST), to_attr="hosted"),
            Prefetch("participations", queryset=_participations(ParticipationRole.PARTICIPANT), to_attr="took_part"),
            Prefetch("participations", queryset=_participations(ParticipationRole.OBSERVER), to_attr="observed"),
            Prefetch("meetings", queryset=_meetings_in_order()),
            Prefetch(
                "memberships",
                queryset=organ_models.Membership.objects.select_related("body").order_by("start_date", "pk"),
            ),
            "areas",
            "citations__source",
        )

    def for_api(self):
        """What the API's partner record nests: bodies, posts and holders, instruments, operations and sources."""
        return self.select_related("parent").prefetch_related(
            Prefetch("bodies", queryset=organ_models.Partner.objects.order_by("name", "pk")),
            Prefetch("posts", queryset=_posts_with_holders()),
            Prefetch("instruments", queryset=_instruments_in_order()),
            Prefetch("participations", queryset=_participations_by_role()),
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
