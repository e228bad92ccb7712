from django.views.generic import DetailView, ListView

from operations.models import Meeting, Operation


class OperationListView(ListView):
    model = Operation


class OperationDetailView(DetailView):
    model = Operation


class MeetingListView(ListView):
    model = Meeting


class MeetingDetailView(DetailView):
    model = Meeting
