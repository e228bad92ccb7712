from django.urls import path

from organs import views

app_name = "organs"

urlpatterns = [
    path("organs/", views.OrganListView.as_view(), name="organ_list"),
    path("organs/<slug:slug>/", views.OrganDetailView.as_view(), name="organ_detail"),
    path("member-states/", views.StateListView.as_view(), name="state_list"),
    path("member-states/<str:iso2>/", views.StateDetailView.as_view(), name="state_detail"),
    path("partners/", views.PartnerListView.as_view(), name="partner_list"),
    path("partners/<slug:slug>/", views.PartnerDetailView.as_view(), name="partner_detail"),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("places/", views.PlaceListView.as_view(), name="place_list"),
    path("places/<slug:slug>/", views.PlaceDetailView.as_view(), name="place_detail"),
]
