from rest_framework.routers import SimpleRouter

from operations.api.views import MeetingViewSet, OperationViewSet

router = SimpleRouter()
router.register("operations", OperationViewSet, basename="operation")
router.register("meetings", MeetingViewSet, basename="meeting")
urlpatterns = router.urls
