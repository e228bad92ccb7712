from django.urls import path

from treaties import views

app_name = "treaties"

urlpatterns = [
    path("treaties/", views.InstrumentListView.as_view(), name="instrument_list"),
    path("treaties/<slug:slug>/", views.InstrumentDetailView.as_view(), name="instrument_detail"),
]
