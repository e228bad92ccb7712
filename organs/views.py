from django.views.generic import DetailView, ListView

from organs.models import Organ, Partner, State


class OrganListView(ListView):
    model = Organ


class OrganDetailView(DetailView):
    model = Organ


class StateListView(ListView):
    model = State


class StateDetailView(DetailView):
    model = State
    slug_field = "iso2"
    slug_url_kwarg = "iso2"


class PartnerListView(ListView):
    model = Partner


class PartnerDetailView(DetailView):
    model = Partner
