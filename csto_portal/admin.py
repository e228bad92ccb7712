from functools import cache

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, RelatedFieldWidgetWrapper
from django.contrib.contenttypes.admin import GenericTabularInline
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from csto_portal.admin_forms import CheckedGenericInlineFormSet, CheckedInlineFormSet, PartialDateModelForm
from csto_portal.admin_history import HistoryAdmin
from csto_portal.dates import partial_date_names
from csto_portal.models import Area, AreaTask, Citation, Source
from csto_portal.provenance import citable_attributes, facts_changed_in_record, facts_changed_in_rows
from csto_portal.publishing import can_publish, may_delete
from csto_portal.resources import resource_for


def choice_list_field(db_field, **kwargs):
    """A list of choices (``ArrayField`` of a field with choices) picked from a list instead of typed as codes."""
    base = db_field.base_field
    return forms.TypedMultipleChoiceField(
        choices=base.choices,
        coerce=base.to_python,
        required=not db_field.blank,
        label=capfirst(db_field.verbose_name),
        help_text=format_lazy("{} {}", db_field.help_text, _("Hold down Ctrl (⌘ on a Mac) to pick more than one.")),
        widget=forms.SelectMultiple(attrs={"size": min(len(base.choices), 4)}),
        **kwargs,
    )


class PortalFormfieldsMixin:
    """Form fields shared by every admin form and inline row."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, ArrayField) and db_field.base_field.choices:
            return choice_list_field(db_field)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@cache
def partial_date_column(model, name: str):
    """A changelist column showing the partial date ``name`` as it prints ("April 2010"), sorted by its date."""
    column = model._meta.get_field(f"{name}_date")

    @admin.display(description=column.verbose_name, ordering=f"{name}_date")
    def show(record):
        return getattr(record, name)

    show.__name__ = name
    return show


class PartialDateAdminMixin(PortalFormfieldsMixin):
    """Edits partial dates as one field, and lets ``list_display`` name one ("start") to show it as it prints."""

    form = PartialDateModelForm

    def get_list_display(self, request):
        names = set(partial_date_names(self.model))
        return [
            partial_date_column(self.model, item) if isinstance(item, str) and item in names else item
            for item in super().get_list_display(request)
        ]


class CompactRowsMixin(PortalFormfieldsMixin):
    """Keeps a tabular row within the page: short text boxes, narrower look-ups, no edit or delete icons.

    A row's related record is changed on its own page; an icon that deletes a state from an operation's row
    would read as removing the row.
    """

    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 16})},
        models.DecimalField: {"widget": forms.NumberInput(attrs={"style": "width: 8em"})},
    }

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.CharField) and not db_field.choices:
            # A short code (an attribute's name) needs a third of the room of a locator or a metric.
            kwargs.setdefault("widget", forms.TextInput(attrs={"size": 8 if db_field.max_length <= 50 else 12}))
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(formfield, "widget", None)
        if isinstance(widget, forms.Select) and db_field.choices:
            # Long labels ("registered with the UN Secretariat") would set the column's width; the list shows them.
            widget.attrs["style"] = "max-width: 8em"
        if isinstance(widget, RelatedFieldWidgetWrapper):
            widget.can_change_related = widget.can_delete_related = False
            if isinstance(widget.widget, AutocompleteSelect):
                widget.widget.attrs["data-width"] = "12em"
        return formfield


class PortalTabularInline(CompactRowsMixin, admin.TabularInline):
    """Base of every inline: partial dates as one field, and database rules reported on the row."""

    form = PartialDateModelForm
    formset = CheckedInlineFormSet
    extra = 0


class CitationFormSet(CheckedGenericInlineFormSet):
    """A record's citations, which must gain a new or edited row when the same form enters a dated fact or figure.

    ``instance`` is the record as its form will save it; ``sibling_formsets`` are the form's other inline rows.
    """

    sibling_formsets = ()

    def facts_to_cite(self) -> list[str]:
        facts = facts_changed_in_record(self.instance)
        for formset in self.sibling_formsets:
            facts += facts_changed_in_rows(formset)
        return facts

    def clean(self):
        super().clean()
        cited = any(form.has_changed() and not ("DELETE" in form.fields and form["DELETE"].data) for form in self.forms)
        facts = [] if cited else self.facts_to_cite()
        if facts:
            raise ValidationError(
                _("You entered %(facts)s: add a citation below (source and locator) saying where it comes from."),
                code="uncited",
                params={"facts": ", ".join(facts)},
            )


class CitationInline(CompactRowsMixin, GenericTabularInline):
    """Where a record's facts come from; every record's admin page carries it."""

    model = Citation
    form = PartialDateModelForm
    formset = CitationFormSet
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "locator", "field", "claim", "preferred", "note"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "field":
            # The attributes of the record being edited, so that a citation can only back one that exists.
            choices = [("", _("the record as a whole")), *citable_attributes(self.parent_model).items()]
            return forms.ChoiceField(
                choices=choices,
                required=False,
                label=capfirst(db_field.verbose_name),
                help_text=db_field.help_text,
                widget=forms.Select(attrs={"style": "max-width: 10em"}),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class PortalAdmin(PartialDateAdminMixin, ImportExportMixin, HistoryAdmin):
    """What every admin list shares: natural partial dates, CSV/JSON import and export, history with restore and
    recovery of deleted records, and a character count under each bounded text box."""

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/text-counter.js"]

    def get_resource_classes(self, request):
        return [resource_for(self.model)]


class CitedAdmin(PortalAdmin):
    """Base for every record's admin: citations inline, timestamps read-only, no new fact without its source."""

    inlines = [CitationInline]
    readonly_fields = ["created", "updated"]

    def _create_formsets(self, request, obj, change):
        # The one place where all of a form's inline formsets are at hand together: the citation rows must be
        # checked against the facts entered in the others.
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        for formset in formsets:
            if isinstance(formset, CitationFormSet):
                formset.sibling_formsets = [other for other in formsets if other is not formset]
        return formsets, inline_instances


class PublishableAdmin(CitedAdmin):
    """A record that starts as a draft when an editor adds it, and that only a reviewer publishes."""

    actions = ["publish", "return_to_draft"]

    def has_publish_permission(self, request):
        return can_publish(request.user, self.model)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if not allowed or self.has_publish_permission(request):
            return allowed
        # An editor deletes a draft of their own, one at a time: never a selection, which may hold others' records.
        return obj is not None and may_delete(request.user, obj)

    def get_list_display(self, request):
        return [*super().get_list_display(request), "draft"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), "draft"]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if self.has_publish_permission(request) else [*readonly, "draft"]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        return initial if self.has_publish_permission(request) else {**initial, "draft": True}

    def save_model(self, request, obj, form, change):
        if not change and not self.has_publish_permission(request):
            obj.draft = True  # what an editor adds waits for a reviewer
        super().save_model(request, obj, form, change)

    def _set_draft(self, request, queryset, draft: bool):
        # Saved one by one, so that each change is in the history with who made it.
        records = [record for record in queryset if record.draft != draft]
        for record in records:
            record.draft = draft
            record.save(update_fields=["draft", "updated"])
        return records

    @admin.action(description=_("Publish the selected drafts"), permissions=["publish"])
    def publish(self, request, queryset):
        records = self._set_draft(request, queryset, draft=False)
        self.message_user(request, _("Published %(count)d record(s).") % {"count": len(records)})

    @admin.action(description=_("Return the selected records to draft"), permissions=["publish"])
    def return_to_draft(self, request, queryset):
        records = self._set_draft(request, queryset, draft=True)
        self.message_user(request, _("Returned %(count)d record(s) to draft.") % {"count": len(records)})


@admin.register(Source)
class SourceAdmin(PortalAdmin):
    list_display = ["title", "author", "kind", "publisher", "published"]
    list_filter = ["kind"]
    search_fields = ["title", "author", "translator", "publisher", "url"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created", "updated"]


class AreaTaskInline(PortalTabularInline):
    model = AreaTask


@admin.register(Area)
class AreaAdmin(CitedAdmin):
    list_display = ["name", "parent", "position"]
    list_select_related = ["parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AreaTaskInline, CitationInline]
