from django.urls import path

from bench.views import floor
from csto_portal.site.urls import handler404  # noqa: F401 (handler404 is read here)
from csto_portal.site.urls import urlpatterns as portal_urlpatterns

urlpatterns = [path("_bench/floor/", floor, name="bench_floor"), *portal_urlpatterns]
