from django.urls import path

from operations import views

app_name = "operations"

urlpatterns = [
    path("operations/", views.OperationListView.as_view(), name="operation_list"),
    path("operations/<slug:slug>/", views.OperationDetailView.as_view(), name="operation_detail"),
    path("exercises/", views.ExerciseGridView.as_view(), name="exercise_grid"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting_list"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("requests/", views.AssistanceRequestListView.as_view(), name="request_list"),
    path("requests/<slug:slug>/", views.AssistanceRequestDetailView.as_view(), name="request_detail"),
]
