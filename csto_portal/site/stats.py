"""What the dataset holds: records per kind and per decade, and how many cite a page a reader can open."""

from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from csto_portal.models import Citation, Record, Source
from operations.models import AssistanceRequest, Meeting, Operation, Participation, Result, Series
from organs.models import Chairmanship, Membership, Person, Place, Tenure
from treaties.models import Instrument, InstrumentEvent, Party

# Each kind with the date that places a record in a decade (None: not dated as a whole).
KINDS = [
    (Meeting, "start_date"),
    (Operation, "start_date"),
    (Instrument, "first_event_date"),
    (InstrumentEvent, "occurred_date"),
    (Party, None),
    (AssistanceRequest, "requested_date"),
    (Membership, "start_date"),
    (Chairmanship, "start_date"),
    (Tenure, "start_date"),
    (Person, None),
    (Place, None),
    (Series, None),
    (Participation, None),
    (Result, None),
]


@dataclass
class KindStats:
    label: str
    total: int
    with_url: int
    by_decade: Counter

    @property
    def without_url(self) -> int:
        return self.total - self.with_url


def kind_stats() -> list[KindStats]:
    """One row per kind: its records, those citing at least one source with a URL, and its records per decade."""
    rows = []
    for model, date_field in KINDS:
        records = model._default_manager.all()
        content_type = ContentType.objects.get_for_model(model)
        cited_with_url = (
            Citation.objects.filter(content_type=content_type, source__url__gt="")
            .values_list("object_id", flat=True)
            .distinct()
        )
        decades = Counter()
        if date_field:
            for day in records.exclude(**{f"{date_field}__isnull": True}).values_list(date_field, flat=True):
                decades[f"{day.year // 10 * 10}s"] += 1
        rows.append(KindStats(str(model._meta.verbose_name_plural), records.count(), cited_with_url.count(), decades))
    return rows


def uncited() -> dict[str, int]:
    """Records of any kind that cite no source at all (the dataset's rules allow none)."""
    counts = {}
    for model in apps.get_models():
        if issubclass(model, Record):
            content_type = ContentType.objects.get_for_model(model)
            cited = Citation.objects.filter(content_type=content_type).values("object_id")
            missing = model._default_manager.exclude(pk__in=cited).count()
            if missing:
                counts[model._meta.label] = missing
    return counts


def targets() -> list[tuple[str, int]]:
    """The counts issue #12 asks for."""
    sessions = Meeting.objects.filter(kind="session", organs__slug="collective-security-council")
    return [
        ("Sessions of the Collective Security Council", sessions.count()),
        ("  of which held by 2026", sessions.filter(status="held").count()),
        (
            "Sessions of the foreign, defence and security-council ministers' councils",
            Meeting.objects.filter(
                kind="session",
                organs__slug__in=[
                    "council-of-foreign-ministers",
                    "council-of-defence-ministers",
                    "committee-of-security-council-secretaries",
                ],
            )
            .distinct()
            .count(),
        ),
        ("Exercise editions 2002–2026", Operation.objects.filter(kind="exercise", start_date__year__gte=2002).count()),
        (
            "Kanal, Nelegal and PROKSI editions",
            Operation.objects.filter(series__slug__in=["kanal", "nelegal", "proksi"]).count(),
        ),
        (
            "  their typed figures",
            Result.objects.filter(operation__series__slug__in=["kanal", "nelegal", "proksi"]).count(),
        ),
        (
            "Instruments with a dated step after 2010",
            Instrument.objects.filter(events__occurred_date__year__gt=2010).distinct().count(),
        ),
        (
            "Secretary-General tenures (acting included)",
            Tenure.objects.filter(post__slug="csto-secretary-general").count(),
        ),
        ("Chief of the Joint Staff tenures", Tenure.objects.filter(post__slug="chief-of-joint-staff").count()),
        ("Requests for collective help", AssistanceRequest.objects.count()),
        ("Sources with a URL", Source.objects.filter(~Q(url="")).count()),
        ("Sources", Source.objects.count()),
    ]
