"""Synthetic data at a multiple of the real dataset's size, in the real dataset's shapes.

``multiply(factor)`` adds ``factor - 1`` copies of every instrument, operation and meeting already in the
database (the real dataset, loaded by ``load_csto``), each copy with its own children (an instrument's events,
parties and relations; an operation's participations and results), its many-to-many links, and its citations
and its children's citations. A copy is built from the original through the model's constructor, column by
column, so a column added later (with its default) is carried along without this module naming it.

What is not multiplied stays shared: states, organs, partners, people, sources, areas, series. Memberships and
chairmanships are not copied either: their exclusion constraints forbid two overlapping periods for one state.
Copies keep the original's text (so full-text search finds k times as many matches, as it would in a corpus k
times larger), and are spread over the years 1992–2026 so that date filters and the timeline see realistic spreads.
"""

import datetime
import io
import itertools
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone

from csto_portal.models import Citation
from operations.models import Meeting, Operation, Participation, Result, Series
from treaties.models import Instrument, InstrumentEvent, InstrumentRelation, Party

# Bump when the shape of the generated data changes; the runner regenerates databases made by another version.
GENERATOR_VERSION = 1
# Copies built and inserted per transaction: large enough for few round trips, small enough to bound memory.
COPIES_PER_ROUND = 250
FIRST_YEAR, YEARS = 1992, 35  # copies are spread over 1992–2026
ID_LOCK = 6_006_006  # advisory lock key, held while reserving a block of ids


@dataclass(frozen=True)
class Family:
    """A kind of record that is multiplied, with the children that belong to each record of it."""

    model: type[models.Model]
    title_field: str
    # Child models and the name of their foreign key to the parent; they are copied with the parent.
    children: tuple[tuple[type[models.Model], str], ...]


# Instruments first: operations and meetings link to them, and a copy links to the instrument copy of its round.
FAMILIES = (
    Family(
        Instrument, "title", ((InstrumentEvent, "instrument"), (Party, "instrument"), (InstrumentRelation, "source"))
    ),
    Family(Operation, "name", ((Participation, "operation"), (Result, "operation"))),
    Family(Meeting, "title", ()),
)
COPIED_MODELS = tuple(
    itertools.chain.from_iterable((family.model, *(child for child, _ in family.children)) for family in FAMILIES)
)


def shifted(value: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later (29 February becomes the 28th in a common year)."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def years_shift(copy: int, year: int | None) -> int:
    """How many years copy number ``copy`` of a record dated ``year`` moves, so copies spread over 1992–2026."""
    if year is None:
        return 0
    return (year - FIRST_YEAR + 7 * copy) % YEARS + FIRST_YEAR - year


def _copy_text(value) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        text = "t" if value else "f"
    elif isinstance(value, datetime.datetime | datetime.date):
        text = value.isoformat()
    elif isinstance(value, list):
        items = (str(item).replace("\\", "\\\\").replace('"', '\\"') for item in value)
        text = "{" + ",".join(f'"{item}"' for item in items) + "}"
    else:
        text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def stored_fields(model) -> list[models.Field]:
    """The columns COPY writes: every concrete one but the generated (search vectors are computed by PostgreSQL)."""
    return [field for field in model._meta.concrete_fields if not field.generated]


class RowTemplate:
    """One original row as COPY text, with the columns a copy changes marked.

    Every column's value is taken from the original record, whatever the column: one added later (a publication
    status, say) is copied with the value it has there, its default for the real dataset. Per copy only the key,
    the links to other copied records, the dates and the slug or title change, so a copy costs a list copy and a
    join, which is what lets ×10 000 be generated in minutes.
    """

    def __init__(self, original: models.Model, now: str):
        fields = stored_fields(type(original))
        self.position = {field.attname: index for index, field in enumerate(fields)}
        self.texts, self.relinked, self.dates = [], [], []
        for index, field in enumerate(fields):
            value = getattr(original, field.attname)
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                self.texts.append(now)
                continue
            self.texts.append(_copy_text(value))
            if value is not None and field.is_relation and field.related_model in COPIED_MODELS:
                self.relinked.append((index, field.related_model, value))
            elif value is not None and type(field) is models.DateField:
                self.dates.append((index, value))

    def line(self, pk: int, copy: int, years: int, new_ids, **changes) -> str:
        texts = self.texts.copy()
        texts[self.position["id"]] = str(pk)
        for index, model, original_id in self.relinked:
            texts[index] = str(new_ids[model][(original_id, copy)])
        if years:
            for index, value in self.dates:
                texts[index] = shifted(value, years).isoformat()
        for name, value in changes.items():
            texts[self.position[name]] = _copy_text(value)
        return "\t".join(texts)


def allocate_ids(model, count: int) -> range:
    """Ids from the table's own sequence, so that later inserts by the portal do not collide with the copies.

    One jump of the sequence reserves them all; an advisory lock keeps generators running side by side from
    jumping at the same time.
    """
    if not count:
        return range(0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [model._meta.db_table, model._meta.pk.column])
        (sequence,) = cursor.fetchone()
        cursor.execute("SELECT pg_advisory_lock(%s)", [ID_LOCK])
        try:
            cursor.execute("SELECT nextval(%s)", [sequence])
            (first,) = cursor.fetchone()
            cursor.execute("SELECT setval(%s, %s)", [sequence, first + count - 1])
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ID_LOCK])
    return range(first, first + count)


def copy_into_table(model, lines: list[str]) -> None:
    """Insert rows given as COPY text lines (many times faster than bulk_create, which compiles SQL per value)."""
    if not lines:
        return
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in stored_fields(model))
    buffer = io.StringIO("\n".join(lines) + "\n")
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN", buffer)


class Multiplier:
    """Copies records round by round; ``new_ids[model][(original id, copy)]`` finds a copy for its relatives."""

    def __init__(self):
        now = _copy_text(timezone.now())
        self.originals = {model: list(model.objects.order_by("pk")) for model in COPIED_MODELS}
        self.templates = {model: [RowTemplate(row, now) for row in rows] for model, rows in self.originals.items()}
        self.content_types = ContentType.objects.get_for_models(*COPIED_MODELS)
        cited = defaultdict(list)
        for citation in Citation.objects.filter(content_type__in=self.content_types.values()).order_by("pk"):
            cited[(citation.content_type_id, citation.object_id)].append(RowTemplate(citation, now))
        self.citations = cited
        # Many-to-many links of the copied records (areas, forces, instruments …), copied like children.
        self.links = {}
        for family in FAMILIES:
            for field in family.model._meta.many_to_many:
                through = field.remote_field.through
                if through._meta.auto_created:  # an explicit through model (instrument relations) is a child
                    self.links[through] = (family.model, [RowTemplate(row, now) for row in through.objects.all()])
        self.base_years = self._base_years()
        series = Series.objects.order_by("pk")
        self.series_by_kind = {row.kind: row.pk for row in reversed(series)}
        self.any_series = series[0].pk if series else None
        self.new_ids = defaultdict(dict)

    def _base_years(self) -> dict[tuple[type, int], int | None]:
        """The year a record's copies are shifted from: its start, or an instrument's first dated step."""
        years = {}
        for operation in self.originals[Operation]:
            years[(Operation, operation.pk)] = operation.start_date.year if operation.start_date else None
        for meeting in self.originals[Meeting]:
            years[(Meeting, meeting.pk)] = meeting.start_date.year
        events = sorted(self.originals[InstrumentEvent], key=lambda event: event.occurred_date, reverse=True)
        for event in events:
            years[(Instrument, event.instrument_id)] = event.occurred_date.year
        return years

    def copy_round(self, copies: range) -> None:
        for family in FAMILIES:
            self._copy_family(family, copies)
        self.new_ids.clear()  # ids of this round are never needed again

    def _copy_family(self, family: Family, copies: range) -> None:
        model = family.model
        pks = iter(allocate_ids(model, len(copies) * len(self.originals[model])))
        lines, made = [], []
        for copy in copies:
            for original, template in zip(self.originals[model], self.templates[model], strict=True):
                base_year = self.base_years.get((model, original.pk))
                years = years_shift(copy, base_year)
                title = getattr(original, family.title_field)
                if base_year and years:
                    title = title.replace(str(base_year), str(base_year + years))
                changes = {"slug": f"{original.slug}-x{copy}", family.title_field: f"{title} · {copy}"}
                if model is Operation and original.series_id is None:
                    # Every synthetic operation is an edition of a series, as most real ones are.
                    changes["series_id"] = self.series_by_kind.get(original.kind, self.any_series)
                pk = next(pks)
                lines.append(template.line(pk, copy, years, self.new_ids, **changes))
                made.append((original.pk, copy, pk))
        self._insert(model, lines, made)
        for through, (owner, templates) in self.links.items():
            if owner is model:
                pks = iter(allocate_ids(through, len(copies) * len(templates)))
                lines = [template.line(next(pks), copy, 0, self.new_ids) for copy in copies for template in templates]
                copy_into_table(through, lines)
        for child, parent_field in family.children:
            pks = iter(allocate_ids(child, len(copies) * len(self.originals[child])))
            lines, made = [], []
            for copy in copies:
                for original, template in zip(self.originals[child], self.templates[child], strict=True):
                    years = years_shift(copy, self.base_years.get((model, getattr(original, f"{parent_field}_id"))))
                    pk = next(pks)
                    lines.append(template.line(pk, copy, years, self.new_ids))
                    made.append((original.pk, copy, pk))
            self._insert(child, lines, made)

    def _insert(self, model, lines: list[str], made: list[tuple[int, int, int]]) -> None:
        """Insert copies, remember their ids, and copy the originals' citations onto them."""
        copy_into_table(model, lines)
        content_type_id = self.content_types[model].pk
        ids = self.new_ids[model]
        cited = []
        for original_id, copy, pk in made:
            ids[(original_id, copy)] = pk
            cited.extend((template, pk) for template in self.citations.get((content_type_id, original_id), ()))
        pks = iter(allocate_ids(Citation, len(cited)))
        copy_into_table(Citation, [template.line(next(pks), 0, 0, None, object_id=pk) for template, pk in cited])


def multiply(factor: int, progress=None, copies: range | None = None) -> dict[str, int]:
    """Make the database hold ``factor`` times the records it holds now (see the module docstring).

    ``copies`` makes only those copies (numbers 1 to factor − 1), so that several processes can share the work.
    """
    if factor < 1:
        raise ValueError("The factor is a whole number of at least 1.")
    copies = range(1, factor) if copies is None else copies
    multiplier = Multiplier()
    for start in range(copies.start, copies.stop, COPIES_PER_ROUND):
        batch = range(start, min(start + COPIES_PER_ROUND, copies.stop))
        with transaction.atomic(), connection.cursor() as cursor:
            # No triggers while copying: a copy already holds what they would write (its columns, the instrument's
            # first dated step among them, are the original's moved by the same years as its events), and the
            # per-event trigger would rewrite the instrument row once per event. Foreign keys, also enforced by
            # triggers, hold by construction. The database is new, so no data version needs bumping.
            cursor.execute("SET LOCAL session_replication_role = replica")
            multiplier.copy_round(batch)
        if progress:
            progress(batch.stop - copies.start, len(copies))
    return counts()


def counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in (*COPIED_MODELS, Citation)}
