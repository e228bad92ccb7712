from rest_framework.routers import SimpleRouter

from organs.api.views import OrganViewSet, PartnerViewSet, PersonViewSet, PlaceViewSet, StateViewSet

router = SimpleRouter()
router.register("organs", OrganViewSet, basename="organ")
router.register("member-states", StateViewSet, basename="state")
router.register("people", PersonViewSet, basename="person")
router.register("partners", PartnerViewSet, basename="partner")
router.register("places", PlaceViewSet, basename="place")
urlpatterns = router.urls
