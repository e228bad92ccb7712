"""The editors' roles, kept in one place so the data migration and the tests agree on them."""

CONTENT_APPS = ("csto_portal", "organs", "treaties", "operations")
EDITORS = "Editors"


def editor_permission_ids(permission_model) -> list[int]:
    """Editors may view, add and change every content record, but delete nothing and manage no users."""
    content = permission_model.objects.filter(content_type__app_label__in=CONTENT_APPS)
    return list(
        content.filter(codename__regex=r"^(view|add|change)_")
        .exclude(content_type__model__startswith="historical")
        .values_list("id", flat=True)
    )
