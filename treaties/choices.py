from django.db import models
from django.utils.translation import gettext_lazy as _


class InstrumentKind(models.TextChoices):
    TREATY = "treaty", _("treaty")
    CHARTER = "charter", _("charter")
    AGREEMENT = "agreement", _("agreement")
    PROTOCOL = "protocol", _("protocol")
    RESOLUTION = "resolution", _("resolution")
    DECISION = "decision", _("decision")
    DECLARATION = "declaration", _("declaration")
    ACTION_PLAN = "action_plan", _("action plan")
    STATEMENT = "statement", _("statement")
    STRATEGY = "strategy", _("strategy")
    LIST = "list", _("list")


class InstrumentStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SIGNED = "signed", _("signed")
    IN_FORCE = "in_force", _("in force")
    ADOPTED = "adopted", _("adopted")
    EXPIRED = "expired", _("expired")
    SUPERSEDED = "superseded", _("superseded")


class EventKind(models.TextChoices):
    DRAFTED = "drafted", _("drafted")
    SIGNED = "signed", _("signed")
    ADOPTED = "adopted", _("adopted")
    APPROVED = "approved", _("approved")
    RATIFIED = "ratified", _("ratified")
    ACCEDED = "acceded", _("acceded")
    DEPOSITED = "deposited", _("instrument deposited")
    IN_FORCE = "in_force", _("entered into force")
    REGISTERED_UN = "registered_un", _("registered with the UN Secretariat")
    AMENDED = "amended", _("amended")
    RENEWED = "renewed", _("renewed")
    WITHDRAWN = "withdrawn", _("withdrew")
    EXPIRED = "expired", _("expired")


class PartyStatus(models.TextChoices):
    PARTY = "party", _("party")
    SIGNATORY = "signatory", _("signatory")
    WITHDRAWN = "withdrawn", _("withdrawn")


class RelationKind(models.TextChoices):
    AMENDS = "amends", _("amends")
    IMPLEMENTS = "implements", _("implements")
    SUPPLEMENTS = "supplements", _("supplements")
    SUPPORTS = "supports", _("supports")
    SUPERSEDES = "supersedes", _("supersedes")
