"""Bulk import and export of any admin list as CSV or JSON (django-import-export), one resource per model.

Related records are written by their natural keys (slug, ISO code), partial dates as "2007", "2006-06" or
"2006-06-14". Every row goes through the model's own validation, and an import with any bad row changes nothing.
"""

from functools import cache

from import_export import fields, resources, widgets

from csto_portal.dates import PartialDate, PartialDateAttribute

SKIPPED = {"created", "updated", "search_vector"}


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


def natural_key(model) -> str:
    names = {field.name for field in model._meta.get_fields()}
    return next((name for name in ("slug", "iso2") if name in names), "pk")


def partial_dates(model) -> list[str]:
    return [name for name, value in vars(model).items() if isinstance(value, PartialDateAttribute)]


@cache
def resource_for(model) -> type[resources.ModelResource]:
    """The import/export resource of ``model``: every editable field, relations by natural key."""
    dates = partial_dates(model)
    hidden = SKIPPED | {f"{name}_{part}" for name in dates for part in ("date", "precision")}
    declared = {name: fields.Field(attribute=name, column_name=name, widget=PartialDateWidget()) for name in dates}
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
            "fields": [*names, *dates],
            "import_id_fields": ["id" if key == "pk" else key],
            "clean_model_instances": True,
            "skip_unchanged": True,
            "use_transactions": True,
        },
    )
    return type(f"{model.__name__}Resource", (resources.ModelResource,), {**declared, "Meta": meta})
