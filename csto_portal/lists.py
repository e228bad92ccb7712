"""The one way every public list page filters and paginates."""

from django.views.generic import ListView

from csto_portal.paginators import CountOncePaginator


class FilteredListView(ListView):
    """A list narrowed by a django-filter FilterSet (the same one the API uses).

    Invalid filter values do not raise: the page is answered with status 400,
    no results, and the form showing what to correct.
    """

    filterset_class = None
    paginate_by = 25
    paginator_class = CountOncePaginator

    def get_queryset(self):
        self.filterset = self.filterset_class(self.request.GET, queryset=super().get_queryset(), request=self.request)
        if not self.filterset.is_valid():
            return self.filterset.queryset.none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.filterset
        context["filtered"] = any(
            value not in ("", None)
            for name, value in self.filterset.data.items()
            if name not in {self.page_kwarg, "ordering"}
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.filterset.errors:
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)
