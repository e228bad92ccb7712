from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import JsonResponse
from django.urls import include, path
from django.views.defaults import page_not_found

from csto_portal.site import views
from csto_portal.site.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("timeline/", views.timeline_view, name="timeline"),
    path("search/", views.search, name="search"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("csto_portal.site.api.urls")),
    path("", include("organs.urls")),
    path("", include("treaties.urls")),
    path("", include("operations.urls")),
]


def not_found(request, exception):
    """JSON for the API's scripts, the helpful page for readers."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": "There is no such API endpoint or record; see /api/v1/ for the list."}, status=404
        )
    return page_not_found(request, exception)


handler404 = not_found
