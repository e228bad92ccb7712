from django.db import models
from django.utils.translation import gettext_lazy as _


class OperationKind(models.TextChoices):
    EXERCISE = "exercise", _("military exercise")
    ANTI_DRUG = "anti_drug", _("anti-drug operation")
    ANTI_MIGRATION = "anti_migration", _("anti-illegal-migration operation")
    CYBER_CRIME = "cyber_crime", _("operation against cyber-crime")
    COUNTER_TERRORISM = "counter_terrorism", _("counter-terrorism operation")
    PEACEKEEPING = "peacekeeping", _("peacekeeping deployment")
    CRISIS_RESPONSE = "crisis_response", _("crisis consultation or response")


class OperationStatus(models.TextChoices):
    HELD = "held", _("held")
    ONGOING = "ongoing", _("ongoing")
    PLANNED = "planned", _("planned")
    IN_PREPARATION = "in_preparation", _("in preparation")
    NOT_HELD = "not_held", _("requested or planned, not held")


class Recurrence(models.TextChoices):
    ANNUAL = "annual", _("every year")
    REGULAR = "regular", _("regularly")
    PERMANENT = "permanent", _("permanent")
    OCCASIONAL = "occasional", _("occasionally")


class ParticipationRole(models.TextChoices):
    HOST = "host", _("host")
    PARTICIPANT = "participant", _("participant")
    OBSERVER = "observer", _("observer")


class Agency(models.TextChoices):
    ARMED_FORCES = "armed_forces", _("armed forces")
    SPECIAL_FORCES = "special_forces", _("special forces")
    DRUG_ENFORCEMENT = "drug_enforcement", _("drug-enforcement bodies")
    POLICE = "police", _("interior ministry (police)")
    BORDER = "border", _("border police")
    CUSTOMS = "customs", _("customs")
    SECURITY = "security", _("state security")
    FINANCIAL_INTELLIGENCE = "financial_intelligence", _("financial intelligence")
    MIGRATION = "migration", _("migration services")
    LAW_ENFORCEMENT = "law_enforcement", _("law-enforcement agencies")
    NATIONAL_GUARD = "national_guard", _("national guard")


class Unit(models.TextChoices):
    TONNE = "t", _("tonnes")
    KILOGRAM = "kg", _("kilograms")
    ITEM = "items", _("items")
    ROUND = "rounds", _("rounds")
    PERSON = "people", _("people")
    CASE = "cases", _("cases")
    VEHICLE = "vehicles", _("vehicles")
    GROUP = "groups", _("groups")
    STATE = "states", _("states")
    PHASE = "phases", _("phases")
    SITE = "sites", _("sites")


class Qualifier(models.TextChoices):
    EXACT = "exact", _("exactly")
    ABOUT = "about", _("about")
    MORE_THAN = "more_than", _("more than")
    UP_TO = "up_to", _("up to")


class MeetingKind(models.TextChoices):
    SESSION = "session", _("session of a CSTO organ")
    CONSULTATION = "consultation", _("consultation")
    CONFERENCE = "conference", _("conference or meeting of a partner")
    TALKS = "talks", _("talks")
    SIGNING = "signing", _("signing")


class SessionForm(models.TextChoices):
    REGULAR = "regular", _("regular session")
    EXTRAORDINARY = "extraordinary", _("extraordinary session")
    INFORMAL = "informal", _("informal meeting")
    VIDEO = "video", _("by videoconference")


class RequestKind(models.TextChoices):
    MILITARY_ASSISTANCE = "military_assistance", _("military assistance")
    CONSULTATIONS = "consultations", _("consultations")


class RequestDecision(models.TextChoices):
    GRANTED = "granted", _("granted")
    PARTLY_GRANTED = "partly_granted", _("partly granted")
    DECLINED = "declined", _("declined")
    NO_DECISION = "no_decision", _("no collective decision")
