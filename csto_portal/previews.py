"""A record's public page, which is also where an editor previews a draft."""

from django.utils.cache import patch_cache_control
from django.views.generic import DetailView

from csto_portal.publishing import visible_to


class PreviewableDetailView(DetailView):
    """A record's public page. Editors see drafts there too, marked as such: the admin's "view on site" preview."""

    def get_queryset(self):
        return visible_to(self.request.user, self.model).for_display()

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.object.draft:
            # A preview is for the editor who asked; no shared cache may keep it.
            patch_cache_control(response, private=True, no_store=True)
        return response
