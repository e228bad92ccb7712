from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from csto_portal.site.api import views
from operations.api.urls import urlpatterns as operations_urls
from organs.api.urls import urlpatterns as organs_urls
from treaties.api.urls import urlpatterns as treaties_urls

app_name = "api"

urlpatterns = [
    path("", views.RootView.as_view(), name="root"),
    *organs_urls,
    *treaties_urls,
    *operations_urls,
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
