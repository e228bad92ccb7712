from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from csto_portal import views
from csto_portal.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("timeline/", views.timeline_view, name="timeline"),
    path("search/", views.search, name="search"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("", include("organs.urls")),
    path("", include("treaties.urls")),
    path("", include("operations.urls")),
]
