from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from csto_portal.admin import CitationInline, CitedAdmin, PortalTabularInline
from csto_portal.admin_forms import PartialDateModelForm
from organs.models import Chairmanship, Membership, Organ, OrganRelation, Partner, Person, Place, Post, State, Tenure


class MembershipInline(PortalTabularInline):
    model = Membership
    fk_name = "state"
    # When a status was requested, and the basis instrument, are on the period's own page.
    fields = ["status", "body", "start", "end", "basis"]
    autocomplete_fields = ["body"]
    show_change_link = True


class ChairmanshipInline(PortalTabularInline):
    model = Chairmanship
    fields = ["start", "end", "note"]


class StateForm(PartialDateModelForm):
    def clean_iso2(self):
        # Stored in capitals (State.save); upper-casing here lets the uniqueness check see "kz" as "KZ".
        return self.cleaned_data["iso2"].upper()


@admin.register(State)
class StateAdmin(CitedAdmin):
    form = StateForm
    list_display = ["name", "iso2", "updated"]
    search_fields = ["name", "iso2"]
    inlines = [MembershipInline, ChairmanshipInline, CitationInline]


class OrganRelationInline(PortalTabularInline):
    model = OrganRelation
    fk_name = "source"
    autocomplete_fields = ["target"]


@admin.register(Organ)
class OrganAdmin(CitedAdmin):
    list_display = ["name", "acronym", "kind", "established", "established_by", "position"]
    list_filter = ["kind", "areas"]
    list_select_related = ["established_by"]
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
    list_display = ["holder", "status", "standing_in", "start", "end"]
    list_filter = ["status", ("body", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["state", "partner", "body"]
    search_fields = ["state__name", "state__iso2", "partner__name", "partner__acronym", "basis"]
    autocomplete_fields = ["state", "partner", "body", "basis_instrument"]
    date_hierarchy = "start_date"

    @admin.display(description=_("state or organization"), ordering="state__name")
    def holder(self, membership):
        return membership.state or membership.partner

    @admin.display(description=_("in"), ordering="body__name")
    def standing_in(self, membership):
        return membership.body or _("the Organization")


@admin.register(Chairmanship)
class ChairmanshipAdmin(CitedAdmin):
    list_display = ["state", "start", "end"]
    list_select_related = ["state"]
    search_fields = ["state__name", "state__iso2", "note"]
    autocomplete_fields = ["state", "taken_over_at"]
    date_hierarchy = "start_date"


@admin.register(Place)
class PlaceAdmin(CitedAdmin):
    list_display = ["name", "kind", "state"]
    list_filter = ["kind", ("state", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["state"]
    search_fields = ["name", "slug", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["state"]


@admin.register(Person)
class PersonAdmin(CitedAdmin):
    list_display = ["name", "nationality"]
    list_select_related = ["nationality"]
    list_filter = [("nationality", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["nationality"]


class TenureInline(PortalTabularInline):
    model = Tenure
    fields = ["person", "acting", "start", "end", "note"]
    autocomplete_fields = ["person"]


@admin.register(Post)
class PostAdmin(CitedAdmin):
    list_display = ["title", "organ", "partner", "single_holder"]
    list_filter = ["single_holder"]
    list_select_related = ["organ", "partner"]
    search_fields = ["title", "organ__name", "partner__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organ", "partner"]
    inlines = [TenureInline, CitationInline]


@admin.register(Tenure)
class TenureAdmin(CitedAdmin):
    list_display = ["person", "post", "acting", "start", "end"]
    list_filter = ["acting"]
    # The post's own name reads its organ or partner organization.
    list_select_related = ["person", "post__organ", "post__partner"]
    search_fields = ["person__name", "post__title"]
    autocomplete_fields = ["person", "post"]
    date_hierarchy = "start_date"
