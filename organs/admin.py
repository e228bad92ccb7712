from django.contrib import admin

from csto_portal.admin import CitationInline, CitedAdmin
from organs.models import Chairmanship, Membership, Organ, OrganRelation, Partner, Person, Post, State, Tenure


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "state"
    extra = 0
    fields = ["status", "body", "start_date", "start_precision", "end_date", "end_precision", "basis"]


@admin.register(State)
class StateAdmin(CitedAdmin):
    list_display = ["name", "iso2"]
    search_fields = ["name", "iso2"]
    inlines = [MembershipInline, CitationInline]


class OrganRelationInline(admin.TabularInline):
    model = OrganRelation
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["target"]


@admin.register(Organ)
class OrganAdmin(CitedAdmin):
    list_display = ["name", "acronym", "kind", "established_date", "position"]
    list_filter = ["kind", "areas"]
    search_fields = ["name", "acronym", "mandate"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["established_by"]
    filter_horizontal = ["areas"]
    inlines = [OrganRelationInline, CitationInline]


@admin.register(Partner)
class PartnerAdmin(CitedAdmin):
    list_display = ["name", "acronym", "kind", "parent"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(Membership)
class MembershipAdmin(CitedAdmin):
    list_display = ["__str__", "status", "start_date", "end_date"]
    list_filter = ["status", "body"]
    list_select_related = ["state", "partner", "body"]
    search_fields = ["state__name", "partner__name", "basis"]
    autocomplete_fields = ["state", "partner", "body", "basis_instrument"]
    date_hierarchy = "start_date"


@admin.register(Chairmanship)
class ChairmanshipAdmin(CitedAdmin):
    list_display = ["state", "start_date", "end_date"]
    list_select_related = ["state"]
    autocomplete_fields = ["state"]
    date_hierarchy = "start_date"


@admin.register(Person)
class PersonAdmin(CitedAdmin):
    list_display = ["name", "nationality"]
    list_select_related = ["nationality"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["nationality"]


class TenureInline(admin.TabularInline):
    model = Tenure
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Post)
class PostAdmin(CitedAdmin):
    list_display = ["title", "organ", "partner"]
    list_select_related = ["organ", "partner"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organ", "partner"]
    inlines = [TenureInline, CitationInline]


@admin.register(Tenure)
class TenureAdmin(CitedAdmin):
    list_display = ["person", "post", "acting", "start_date", "end_date"]
    list_select_related = ["person", "post"]
    search_fields = ["person__name", "post__title"]
    autocomplete_fields = ["person", "post"]
