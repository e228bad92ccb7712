"""Bulk import and export of any admin list as CSV or JSON (django-import-export), one resource per model.

Related records are written by their natural keys (slug, ISO code), partial dates as "2007", "2006-06" or
"2006-06-14". Every row goes through the model's own validation, and an import with any bad row changes nothing.

An import holds to the rules of the admin's forms (``PortalResource``): what a user without the publish permission
imports is a draft, and such a user may not change a record's ``draft``; a row that enters a dated fact or a
figure brings a new citation in its ``citations`` column; no row removes a citation. The dry run's preview says,
per row, what confirming it makes public and what it empties (``ConsequencesDiff``).
"""

from functools import cache

import reversion
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets

from csto_portal.dates import PartialDate, PartialDateAttribute
from csto_portal.models import Citation, Source
from csto_portal.publishing import can_publish, is_publishable
from csto_portal.write_rules import CitedPlace, add_citations, is_cited, new_citation, repeated, uncited_facts

SKIPPED = {"created", "updated", "search_vector"}

# How the citations column writes a record's citations: "source-slug|locator|attribute" items, " ; " between them.
CITATION_SEPARATOR = " ; "
PART_SEPARATOR = "|"


class PartialDateWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return PartialDate.parse(value)
        except ValueError as error:
            raise ValueError(str(error)) from None

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class CitationsWidget(widgets.Widget):
    """A record's citations in one cell: ``source-slug|locator|attribute`` items separated by " ; ", the source by
    its slug, the attribute (``start``) left out when the citation backs the record as a whole
    ("un-charter|Art. 4 ; tass-2010-04-12||start")."""

    def clean(self, value, row=None, **kwargs) -> list[CitedPlace]:
        texts = [text.strip() for text in str(value or "").split(CITATION_SEPARATOR.strip()) if text.strip()]
        parts = [[part.strip() for part in text.split(PART_SEPARATOR)] for text in texts]
        slugs = {item[0] for item in parts}
        sources = {source.slug: source for source in Source.objects.filter(slug__in=slugs)}
        places, problems = [], []
        for text, item in zip(texts, parts, strict=True):
            if len(item) > 3:
                problems.append(
                    _("“%(item)s” has more than three parts: write source-slug|locator|attribute.") % {"item": text}
                )
            elif item[0] not in sources:
                problems.append(_("“%(slug)s” is the slug of no source: add the source first.") % {"slug": item[0]})
            else:
                places.append(CitedPlace(sources[item[0]], *item[1:]))
        if problems:
            raise ValueError(" ".join(problems))
        return places

    def render(self, value, obj=None, **kwargs):
        return CITATION_SEPARATOR.join(
            PART_SEPARATOR.join([citation.source.slug, citation.locator, citation.field]).rstrip(PART_SEPARATOR)
            for citation in value or ()
        )


class CitationsField(fields.Field):
    """The ``citations`` column. An export writes it; an import reads it through ``PortalResource``, which checks
    the citations against the record and adds the new ones once the record is saved."""

    def __init__(self):
        super().__init__(attribute="citations", column_name="citations", widget=CitationsWidget())

    def get_value(self, instance):
        return [] if instance is None or instance.pk is None else list(instance.citations.all())

    def save(self, instance, row, is_m2m=False, **kwargs):
        # Not an attribute to set: a new record has no key to cite yet (PortalResource.save_m2m adds them).
        pass


class ConsequencesDiff(resources.Diff):
    """import-export's diff of a row, with one more cell: what confirming the row makes public, and what it
    empties, so that the dry run shows both before anything is saved."""

    def __init__(self, resource, instance, new):
        super().__init__(resource, instance, new)
        self.fields = resource.get_import_fields()
        self.was_public = not new and not getattr(instance, "draft", False)
        self.public = False

    def compare_with(self, resource, instance):
        super().compare_with(resource, instance)
        self.public = instance is not None and not getattr(instance, "draft", False)

    def as_html(self):
        return [*super().as_html(), self.consequences()]

    def consequences(self):
        if not self.new and self.left == self.right:
            return ""
        if not self.public:
            notes = [_("stays a draft, hidden until a reviewer publishes it")]
        elif self.new:
            notes = [_("public at once: a new record")]
        elif self.was_public:
            notes = [_("public at once: a change to a published record")]
        else:
            notes = [_("publishes a draft")]
        cleared = [
            field
            for field, old, new in zip(self.fields, self.left, self.right, strict=True)
            if old not in ("", None) and new in ("", None)
        ]
        if cleared:
            notes.append(_("empties %(columns)s") % {"columns": ", ".join(field.column_name for field in cleared)})
        links = [field.column_name for field in cleared if isinstance(field.widget, widgets.ForeignKeyWidget)]
        links += [field.column_name for field in cleared if isinstance(field.widget, widgets.ManyToManyWidget)]
        warning = ""
        if links and self.was_public:
            warning = format_html(
                "<strong>{}</strong>",
                _("Warning: a blank cell takes %(columns)s off a published record.") % {"columns": ", ".join(links)},
            )
        return format_html("{}{}", format_html_join("", "<p>{}</p>", ((note,) for note in notes)), warning)


class PortalResource(resources.ModelResource):
    """A model's resource held to the admin's rules (see the module's docstring).

    The rules are checked while a row is read (``import_instance``), so that a refusal is the row's error in the dry
    run, beside the model's own; nothing of a refused row is saved, and an import with any refused row saves
    nothing. The row's record is saved by import-export's ``save_instance``, its links and new citations by
    ``save_m2m``.
    """

    def import_data(self, dataset, **kwargs):
        # import-export keeps the good rows of a file with refused ones unless told otherwise; the admin's
        # confirmation (should the data have changed since the dry run) and a command change nothing instead.
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(dataset, **kwargs)

    def import_row(self, row, instance_loader, **kwargs):
        # Each row's record is one change in its history, with who imported it; a dry run's rollback takes it back.
        with reversion.create_revision(atomic=False):
            reversion.set_user(kwargs.get("user"))
            reversion.set_comment("Imported from a file.")
            return super().import_row(row, instance_loader, **kwargs)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        user, model = kwargs.get("user"), self._meta.model
        # A command that names no user is held to an editor's rules.
        self.may_publish = not is_publishable(model) or (user is not None and can_publish(user, model))
        self.adding = False
        self.new_citations = []

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        self.adding = new
        self.new_citations = []

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not self.may_publish:
            errors.update(self.draft_errors(instance))
        if is_cited(self._meta.model):
            errors.update(self.citation_errors(instance, row))
        if errors:
            raise ValidationError(errors)

    def draft_errors(self, instance) -> dict:
        if self.adding:
            instance.draft = True  # what an editor adds waits for a reviewer, whatever the draft column says
            return {}
        stored = type(instance)._base_manager.filter(pk=instance.pk).values_list("draft", flat=True).first()
        if instance.draft == stored:
            return {}
        message = _(
            "Only a reviewer may publish a record or return it to draft: leave this record's draft column at "
            "%(value)d, or leave the column out."
        )
        return {"draft": ValidationError(message, code="publish", params={"value": stored})}

    def citation_errors(self, instance, row) -> dict:
        column = self.fields["citations"]
        try:
            listed = column.clean(row) if column.column_name in row else []
        except ValueError as error:
            return {"citations": ValidationError(str(error), code="invalid")}
        existing = [] if self.adding else [CitedPlace.of(c) for c in instance.citations.select_related("source")]
        problems = []
        kept = {place.key for place in listed}
        dropped = [place for place in existing if place.key not in kept]
        if column.column_name in row and dropped:
            problems.append(
                _(
                    "This row leaves out citations the record has (%(citations)s), and an import never removes one: "
                    "keep them in the cell as the export writes them, or remove them on the record's page."
                )
                % {"citations": CitationsWidget().render(dropped)}
            )
        known = {place.key for place in existing}
        added = [place for place in listed if place.key not in known]
        problems += [
            _("“%(item)s” is listed twice.") % {"item": CitationsWidget().render([place])} for place in repeated(added)
        ]
        citations = []
        for place in added:
            try:
                citations.append(new_citation(instance, place))
            except ValidationError as error:
                item = CitationsWidget().render([place])
                problems += [f"“{item}”: {message}" for message in error.messages]
        facts = uncited_facts(instance, added)
        if facts:
            problems.append(
                _(
                    "This row enters %(facts)s: add a citation to its citations column (source-slug|locator) saying "
                    "where it comes from."
                )
                % {"facts": ", ".join(facts)}
            )
        if problems:
            return {"citations": ValidationError(problems)}
        self.new_citations = citations
        return {}

    def skip_row(self, instance, original, row, import_validation_errors=None):
        # A row that only adds a citation changes the record's provenance: not a row to skip.
        return not self.new_citations and super().skip_row(instance, original, row, import_validation_errors)

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if self._is_using_transactions(kwargs) or not self._is_dry_run(kwargs):
            add_citations(instance, self.new_citations)

    def get_diff_class(self):
        return ConsequencesDiff

    def get_diff_headers(self):
        return [*super().get_diff_headers(), str(_("on confirming"))]

    def filter_export(self, queryset, **kwargs):
        queryset = super().filter_export(queryset, **kwargs)
        if is_cited(self._meta.model):
            queryset = queryset.prefetch_related(Prefetch("citations", Citation.objects.select_related("source")))
        return queryset


def natural_key(model) -> str:
    names = {field.name for field in model._meta.get_fields()}
    return next((name for name in ("slug", "iso2") if name in names), "pk")


def partial_dates(model) -> list[str]:
    return [name for name, value in vars(model).items() if isinstance(value, PartialDateAttribute)]


@cache
def resource_for(model) -> type[resources.ModelResource]:
    """The import/export resource of ``model``: every editable field, relations by natural key, and a record's
    citations."""
    dates = partial_dates(model)
    hidden = SKIPPED | {f"{name}_{part}" for name in dates for part in ("date", "precision")}
    declared = {name: fields.Field(attribute=name, column_name=name, widget=PartialDateWidget()) for name in dates}
    if is_cited(model):
        declared["citations"] = CitationsField()
    key = natural_key(model)
    names = []
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or field.name in hidden:
            continue
        if field.auto_created and (field.name != "id" or key != "pk"):
            continue
        names.append(field.name)
        if field.many_to_many:
            target = field.related_model
            declared[field.name] = fields.Field(
                attribute=field.name,
                column_name=field.name,
                widget=widgets.ManyToManyWidget(target, field=natural_key(target), separator="|"),
            )
        elif field.many_to_one:
            target = field.related_model
            declared[field.name] = fields.Field(
                attribute=field.name,
                column_name=field.name,
                widget=widgets.ForeignKeyWidget(target, natural_key(target)),
            )
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": [*names, *dates, *(["citations"] if is_cited(model) else [])],
            "import_id_fields": ["id" if key == "pk" else key],
            "clean_model_instances": True,
            "skip_unchanged": True,
            "use_transactions": True,
        },
    )
    return type(f"{model.__name__}Resource", (PortalResource,), {**declared, "Meta": meta})
