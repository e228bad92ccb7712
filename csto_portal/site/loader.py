"""Load the dataset in ``dataset/`` into the database.

Each YAML file holds one list of records of one kind, matched to the
database by a natural key (slug, ISO code, or the key of a child within its
parent), so loading twice changes nothing. Records own their children
(a treaty's events, an operation's results, every record's citations): the
file is authoritative for them, and children no longer in the file are
removed. Everything happens in one transaction; the first bad record stops
the load with a message that names it, and the database is left untouched.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import reversion
import yaml
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, models, transaction

from csto_portal.dates import PartialDate
from csto_portal.models import Area, AreaTask, Citation, Source
from operations.models import AssistanceRequest, Meeting, Operation, Participation, Result, Series
from organs.models import (
    Chairmanship,
    Membership,
    MembershipStep,
    Organ,
    OrganRelation,
    Partner,
    Person,
    Place,
    Post,
    State,
    Tenure,
    TenureStep,
)
from treaties.models import Instrument, InstrumentEvent, InstrumentRelation, Party

DATASET_DIR = Path(__file__).resolve().parents[2] / "dataset"


class DatasetError(Exception):
    """A record in the dataset cannot be loaded; the message says which and why."""


@dataclass
class Spec:
    """How the records of one kind are written in YAML and matched in the database."""

    model: type[models.Model]
    key: tuple[str, ...]
    fields: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    refs: dict[str, tuple[type[models.Model], str]] = field(default_factory=dict)
    many: dict[str, tuple[type[models.Model], str]] = field(default_factory=dict)
    children: dict[str, tuple["Spec", str]] = field(default_factory=dict)
    # Text fields written in YAML as a list, stored one item per line (other names).
    lines: tuple[str, ...] = ()
    cited: bool = True


CITATION_FIELDS = ("source", "locator", "field", "claim", "preferred", "note")
SOURCE = Spec(
    Source,
    key=("slug",),
    fields=("slug", "kind", "title", "author", "translator", "publisher", "url", "consulted"),
    dates=("published",),
    cited=False,
)
AREA = Spec(
    Area,
    key=("slug",),
    fields=("slug", "name", "summary", "position"),
    refs={"parent": (Area, "slug")},
    children={"tasks": (Spec(AreaTask, key=("position",), fields=("position", "text")), "area")},
)
STATE = Spec(State, key=("iso2",), fields=("iso2", "name", "summary"))
PLACE = Spec(Place, key=("slug",), fields=("slug", "name", "kind", "summary"), refs={"state": (State, "iso2")})
PARTNER = Spec(
    Partner,
    key=("slug",),
    fields=("slug", "name", "acronym", "kind", "summary", "url"),
    refs={"parent": (Partner, "slug")},
    many={"areas": (Area, "slug")},
)
PERSON = Spec(Person, key=("slug",), fields=("slug", "name", "summary"), refs={"nationality": (State, "iso2")})
TENURE = Spec(
    Tenure,
    key=("person", "start_date"),
    fields=("acting", "note"),
    dates=("start", "end"),
    refs={"person": (Person, "slug")},
    children={
        "events": (
            Spec(TenureStep, key=("kind", "occurred_date"), fields=("kind", "note"), dates=("occurred",)),
            "tenure",
        )
    },
)
POST = Spec(
    Post,
    key=("slug",),
    fields=("slug", "title", "summary", "single_holder"),
    children={"tenures": (TENURE, "post")},
)
ORGAN = Spec(
    Organ,
    key=("slug",),
    fields=("slug", "name", "acronym", "kind", "mandate", "composition", "position"),
    dates=("established",),
    many={"areas": (Area, "slug")},
    children={
        "relations": (
            Spec(OrganRelation, key=("kind", "target"), fields=("kind", "note"), refs={"target": (Organ, "slug")}),
            "source",
        ),
        "posts": (POST, "organ"),
    },
)
PARTNER_POSTS = Spec(Partner, key=("slug",), fields=("slug",), children={"posts": (POST, "partner")}, cited=False)
INSTRUMENT = Spec(
    Instrument,
    key=("slug",),
    fields=("slug", "kind", "title", "short_title", "status", "summary"),
    refs={"adopted_by_organ": (Organ, "slug"), "adopted_by_partner": (Partner, "slug")},
    many={"areas": (Area, "slug")},
    children={
        "events": (
            Spec(
                InstrumentEvent,
                key=("kind", "state", "occurred_date"),
                fields=("kind", "place", "note"),
                dates=("occurred",),
                refs={"state": (State, "iso2")},
            ),
            "instrument",
        ),
        "parties": (
            Spec(Party, key=("state",), fields=("status", "note"), refs={"state": (State, "iso2")}),
            "instrument",
        ),
        "relations": (
            Spec(InstrumentRelation, key=("kind", "target"), fields=("kind",), refs={"target": (Instrument, "slug")}),
            "source",
        ),
    },
)
ESTABLISHMENT = Spec(Organ, key=("slug",), fields=("slug",), refs={"established_by": (Instrument, "slug")}, cited=False)
MEMBERSHIP = Spec(
    Membership,
    key=("state", "partner", "body", "start_date"),
    fields=("status", "basis", "end_cause"),
    dates=("start", "end", "requested"),
    refs={
        "state": (State, "iso2"),
        "partner": (Partner, "slug"),
        "body": (Organ, "slug"),
        "basis_instrument": (Instrument, "slug"),
    },
    children={
        "events": (
            Spec(MembershipStep, key=("kind", "occurred_date"), fields=("kind", "note"), dates=("occurred",)),
            "membership",
        )
    },
)
CHAIRMANSHIP = Spec(
    Chairmanship,
    key=("start_date",),
    fields=("note",),
    dates=("start", "end"),
    refs={"state": (State, "iso2"), "taken_over_at": (Meeting, "slug")},
)
SERIES = Spec(
    Series,
    key=("slug",),
    fields=("slug", "name", "aliases", "kind", "recurrence", "summary"),
    lines=("aliases",),
    dates=("since",),
    refs={"run_by": (Organ, "slug")},
    many={"areas": (Area, "slug")},
)
OPERATION = Spec(
    Operation,
    key=("slug",),
    fields=("slug", "name", "aliases", "kind", "status", "summary"),
    lines=("aliases",),
    dates=("start", "end", "announced"),
    refs={"series": (Series, "slug"), "run_by": (Organ, "slug")},
    many={
        "places": (Place, "slug"),
        "forces": (Organ, "slug"),
        "instruments": (Instrument, "slug"),
        "areas": (Area, "slug"),
    },
    children={
        "participations": (
            Spec(
                Participation,
                key=("role", "state", "partner"),
                fields=("role", "agencies", "note"),
                refs={"state": (State, "iso2"), "partner": (Partner, "slug")},
            ),
            "operation",
        ),
        "results": (
            Spec(
                Result,
                # Sources may give several figures for one metric, stage and state: the figure itself tells them apart.
                key=("metric", "stage", "state", "qualifier", "value", "unit"),
                fields=("metric", "qualifier", "value", "unit", "stage", "final", "preferred", "position"),
                dates=("period_start", "period_end"),
                refs={"state": (State, "iso2")},
            ),
            "operation",
        ),
    },
)
MEETING = Spec(
    Meeting,
    key=("slug",),
    fields=("slug", "title", "kind", "form", "status", "summary"),
    dates=("start", "end"),
    refs={"place": (Place, "slug"), "host": (State, "iso2")},
    many={
        "organs": (Organ, "slug"),
        "partners": (Partner, "slug"),
        "states": (State, "iso2"),
        "absent": (State, "iso2"),
        "people": (Person, "slug"),
        "instruments": (Instrument, "slug"),
        "areas": (Area, "slug"),
    },
)

REQUEST = Spec(
    AssistanceRequest,
    key=("slug",),
    fields=("slug", "title", "kind", "article", "decision", "outcome", "summary"),
    dates=("requested", "decided"),
    refs={
        "state": (State, "iso2"),
        "addressed_to": (Organ, "slug"),
        "answered_by": (Organ, "slug"),
        "operation": (Operation, "slug"),
        "meeting": (Meeting, "slug"),
    },
)

# Files in load order: each may refer only to records of the files before it (or earlier in itself).
FILES = [
    ("sources.yaml", SOURCE),
    ("areas.yaml", AREA),
    ("states.yaml", STATE),
    ("places.yaml", PLACE),
    ("partners.yaml", PARTNER),
    ("people.yaml", PERSON),
    ("organs.yaml", ORGAN),
    ("partner_posts.yaml", PARTNER_POSTS),
    ("instruments.yaml", INSTRUMENT),
    ("establishments.yaml", ESTABLISHMENT),
    ("memberships.yaml", MEMBERSHIP),
    ("series.yaml", SERIES),
    ("operations.yaml", OPERATION),
    ("meetings.yaml", MEETING),
    ("chairmanships.yaml", CHAIRMANSHIP),
    ("requests.yaml", REQUEST),
]


def dataset_paths(directory: Path, filename: str, *, required: bool = True) -> list[Path]:
    """`meetings.yaml`, then every file of a `meetings/` folder in name order.

    A kind of record may be split into files by period or topic, so that a file stays a size a reviewer reads and
    two editors adding records do not edit the same file.
    """
    path = Path(directory) / filename
    paths = [path] if path.exists() else []
    paths += sorted((Path(directory) / path.stem).glob("*.yaml"))
    if required and not paths:
        raise DatasetError(f"{filename}: neither it nor a {path.stem}/ folder is in {directory}")
    return paths


class Loader:
    """Loads a whole dataset, or with ``addition=True`` a folder of some kinds' records added to what is loaded."""

    def __init__(self, directory: Path = DATASET_DIR, *, addition: bool = False):
        self.directory = Path(directory)
        self.addition = addition
        self.loaded: dict[str, set[int]] = {}

    def load(self) -> dict[str, int]:
        """Load every file; return how many records of each model the dataset holds."""
        with transaction.atomic():
            for filename, spec in FILES:
                for path in dataset_paths(self.directory, filename, required=not self.addition):
                    name = path.relative_to(self.directory).as_posix()
                    for index, data in enumerate(self._read(path), start=1):
                        where = f"{name}, record {index} ({self._label(data)})"
                        # One revision per record, so that restoring it never takes another record back with it.
                        with reversion.create_revision(atomic=False):
                            reversion.set_comment(f"Loaded from {name}.")
                            self._load_record(spec, data, parent=None, where=where)
        return {label: len(pks) for label, pks in self.loaded.items()}

    @staticmethod
    def _read(path: Path) -> list:
        try:
            records = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise DatasetError(f"{path.name}: not valid YAML: {error}") from None
        if records is None:
            return []
        if not isinstance(records, list):
            raise DatasetError(f"{path.name}: expected a list of records at the top level")
        return records

    @staticmethod
    def _label(data) -> str:
        if not isinstance(data, dict):
            return repr(data)[:60]
        for name in ("slug", "iso2", "name", "title", "metric", "state", "locator"):
            if data.get(name):
                return f"{name} {data[name]}"
        return "no key"

    def _load_record(self, spec: Spec, data, parent, where: str) -> models.Model:
        if not isinstance(data, dict):
            raise DatasetError(f"{where}: expected a mapping of field names to values")
        known = set(spec.fields) | set(spec.dates) | set(spec.refs) | set(spec.many) | set(spec.children)
        known |= {"citations"} if spec.cited else set()
        unknown = sorted(set(data) - known - set(spec.key))
        if unknown:
            raise DatasetError(f"{where}: unknown field(s) {', '.join(unknown)}; expected some of {sorted(known)}")

        # YAML reads 116.495 as a binary float; through its text it reaches a DecimalField exactly as written.
        values = {
            name: Decimal(str(data[name])) if isinstance(data[name], float) else data[name]
            for name in spec.fields
            if name in data
        }
        for name in spec.lines:
            if isinstance(values.get(name), list):
                values[name] = "\n".join(str(item) for item in values[name])
        for name, value in values.items():
            # As the model holds it ("2026-12-03" becomes a date), so an unchanged record compares equal.
            try:
                values[name] = spec.model._meta.get_field(name).to_python(value)
            except ValidationError as error:
                raise DatasetError(f"{where}: {name}: {' '.join(error.messages)}") from None
        for name in spec.dates:
            try:
                date = PartialDate.parse(data[name]) if data.get(name) is not None else None
            except ValueError as error:
                raise DatasetError(f"{where}: {name}: {error}") from None
            values[f"{name}_date"] = date.date if date else None
            values[f"{name}_precision"] = date.precision if date else "day"
        for name, (model, lookup) in spec.refs.items():
            if name in data:
                values[name] = self._resolve(model, lookup, data[name], where, name)
        if parent is not None:
            values[parent[1]] = parent[0]

        lookup = {}
        for name in spec.key:
            if name in values:
                lookup[name] = values[name]
            elif spec.model._meta.get_field(name).blank or spec.model._meta.get_field(name).has_default():
                lookup[name] = spec.model._meta.get_field(name).get_default()
            else:
                raise DatasetError(f"{where}: missing {name}, which identifies the record")
        if parent is not None:
            lookup[parent[1]] = parent[0]

        instance = spec.model._default_manager.filter(**lookup).first() or spec.model()
        # An unchanged record is not saved again, so reloading keeps its `updated` time and adds no history.
        changed = instance.pk is None or any(getattr(instance, name) != value for name, value in values.items())
        for name, value in values.items():
            setattr(instance, name, value)
        if changed:
            self._save(instance, where)
        self.loaded.setdefault(spec.model._meta.label, set()).add(instance.pk)

        for name, (model, lookup_field) in spec.many.items():
            if name in data:
                getattr(instance, name).set(
                    [self._resolve(model, lookup_field, value, where, name) for value in data[name] or []]
                )
        for name, (child_spec, parent_field) in spec.children.items():
            if name in data:
                self._load_children(child_spec, data[name] or [], (instance, parent_field), where, name)
        if spec.cited:
            self._load_citations(instance, data.get("citations") or [], where)
        return instance

    def _load_children(self, spec: Spec, items, parent, where: str, name: str):
        instance, parent_field = parent
        kept = [
            self._load_record(spec, item, parent, f"{where}, {name} {index} ({self._label(item)})").pk
            for index, item in enumerate(items, start=1)
        ]
        spec.model._default_manager.filter(**{parent_field: instance}).exclude(pk__in=kept).delete()

    def _load_citations(self, instance, items, where: str):
        content_type = ContentType.objects.get_for_model(instance)
        kept = [
            self._load_citation(content_type, instance, item, f"{where}, citation {index}").pk
            for index, item in enumerate(items, start=1)
        ]
        Citation.objects.filter(content_type=content_type, object_id=instance.pk).exclude(pk__in=kept).delete()

    def _load_citation(self, content_type, instance, item, where: str) -> Citation:
        if not isinstance(item, dict) or "source" not in item:
            raise DatasetError(f"{where}: a citation needs at least a source")
        unknown = sorted(set(item) - set(CITATION_FIELDS))
        if unknown:
            raise DatasetError(f"{where}: unknown citation field(s) {', '.join(unknown)}")
        source = self._resolve(Source, "slug", item["source"], where, "source")
        key = {
            "content_type": content_type,
            "object_id": instance.pk,
            "source": source,
            "field": item.get("field", ""),
            "locator": item.get("locator", ""),
        }
        citation = Citation.objects.filter(**key).first() or Citation(**key)
        values = {
            "claim": item.get("claim", ""),
            "preferred": item.get("preferred", False),
            "note": item.get("note", ""),
        }
        if citation.pk is None or any(getattr(citation, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(citation, name, value)
            self._save(citation, where)
        self.loaded.setdefault("csto_portal.Citation", set()).add(citation.pk)
        return citation

    def _save(self, instance, where: str):
        try:
            instance.full_clean()
            with transaction.atomic():
                instance.save()
        except ValidationError as error:
            raise DatasetError(f"{where}: {self._messages(error)}") from None
        except IntegrityError as error:
            raise DatasetError(f"{where}: the database refused it: {error}".strip()) from None

    @staticmethod
    def _resolve(model, lookup: str, value, where: str, name: str):
        if value is None:
            return None
        if lookup == "iso2":
            value = str(value).upper()
        try:
            return model._default_manager.get(**{lookup: value})
        except ObjectDoesNotExist:
            raise DatasetError(
                f"{where}: {name}: no {model._meta.verbose_name} with {lookup} {value!r} (is it defined earlier?)"
            ) from None

    @staticmethod
    def _messages(error: ValidationError) -> str:
        if hasattr(error, "message_dict"):
            return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
        return " ".join(error.messages)
