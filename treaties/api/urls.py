from rest_framework.routers import SimpleRouter

from treaties.api.views import InstrumentViewSet

router = SimpleRouter()
router.register("treaties", InstrumentViewSet, basename="instrument")
urlpatterns = router.urls
