from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganKind(models.TextChoices):
    SUPREME = "supreme", _("supreme body")
    COUNCIL = "council", _("council")
    OFFICIAL = "official", _("official")
    WORKING_BODY = "working_body", _("permanent working body")
    SUBSIDIARY = "subsidiary", _("subsidiary body")
    WORKING_GROUP = "working_group", _("working group")
    PARLIAMENTARY = "parliamentary", _("parliamentary body")
    DEPARTMENT = "department", _("department")
    FORCES = "forces", _("collective forces")


class OrganRelationKind(models.TextChoices):
    ACCOUNTABLE_TO = "accountable_to", _("accountable to")
    WORKS_UNDER = "works_under", _("works under")
    PART_OF = "part_of", _("part of")
    HEADS = "heads", _("heads")
    ACTS_BETWEEN_SESSIONS_OF = "acts_between_sessions_of", _("co-ordinates between sessions of")
    SUPPORTS = "supports", _("supports")
    FORMED_FROM = "formed_from", _("formed from")


class MembershipStatus(models.TextChoices):
    MEMBER = "member", _("member")
    FROZEN = "frozen", _("member, participation frozen")
    SUSPENDED = "suspended", _("membership suspended")
    OBSERVER = "observer", _("observer")
    PARTNER = "partner", _("partner")
    WITHDRAWN = "withdrawn", _("withdrawn")

    @classmethod
    def member_values(cls) -> list[str]:
        """Statuses under which a state is still legally a member."""
        return [cls.MEMBER, cls.FROZEN]


class PartnerKind(models.TextChoices):
    ORGANIZATION = "organization", _("international organization")
    BODY = "body", _("body of an organization")
    AGENCY = "agency", _("agency or programme")
    PARLIAMENTARY = "parliamentary", _("parliamentary body")
    NETWORK = "network", _("regional body or network")


class PlaceKind(models.TextChoices):
    CITY = "city", _("city or town")
    TRAINING_RANGE = "training_range", _("training range")
    REGION = "region", _("region")
    SITE = "site", _("site")


class TenureStepKind(models.TextChoices):
    NOMINATED = "nominated", _("nominated")
    APPOINTED = "appointed", _("appointed")
    EXTENDED = "extended", _("term extended")
    RELIEVED = "relieved", _("relieved of the post")


class MembershipStepKind(models.TextChoices):
    RENEWED = "renewed", _("renewed the Treaty")
    PROTOCOL_SIGNED = "protocol_signed", _("signed a protocol on its membership")
    RATIFIED = "ratified", _("ratified")
    DECLINED_TO_HOST_EXERCISES = "declined_to_host_exercises", _("declined to host exercises")
    RENOUNCED_QUOTA_POST = "renounced_quota_post", _("gave up its quota post")
    STOPPED_CONTRIBUTIONS = "stopped_contributions", _("stopped its contributions")
    ANNOUNCED_INTENT_TO_LEAVE = "announced_intent_to_leave", _("announced that it would leave")
    DECLARED_ITSELF_OUTSIDE = "declared_itself_outside", _("declared itself outside in practice")
    STATUS_AFFIRMED = "status_affirmed", _("its status affirmed by the other members")
