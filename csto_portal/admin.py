from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from simple_history.admin import SimpleHistoryAdmin

from csto_portal.models import Area, AreaTask, Citation, Source


class CitationInline(GenericTabularInline):
    """Where a record's facts come from; every record's admin page carries it."""

    model = Citation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "locator", "field", "claim", "preferred", "note"]


class CitedAdmin(SimpleHistoryAdmin):
    """Base for every record's admin: citations inline, timestamps read-only, history with diffs and revert."""

    inlines = [CitationInline]
    readonly_fields = ["created", "updated"]


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "author", "publisher", "kind", "published_date"]
    list_filter = ["kind"]
    search_fields = ["title", "author", "publisher", "url"]
    prepopulated_fields = {"slug": ["title"]}


class AreaTaskInline(admin.TabularInline):
    model = AreaTask
    extra = 0


@admin.register(Area)
class AreaAdmin(CitedAdmin):
    list_display = ["name", "parent", "position"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AreaTaskInline, CitationInline]
