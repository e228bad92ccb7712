from rest_framework.routers import SimpleRouter

from operations.api.views import AssistanceRequestViewSet, MeetingViewSet, OperationViewSet

router = SimpleRouter()
router.register("operations", OperationViewSet, basename="operation")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("requests", AssistanceRequestViewSet, basename="assistancerequest")
urlpatterns = router.urls
