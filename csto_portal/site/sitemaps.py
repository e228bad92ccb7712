"""sitemap.xml: every public record page, so search engines find the whole reference."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from operations.models import AssistanceRequest, Meeting, Operation
from organs.models import Organ, Partner, Person, Place, State
from treaties.models import Instrument


class RecordSitemap(Sitemap):
    def __init__(self, queryset):
        self.queryset = queryset

    def items(self):
        return self.queryset

    def lastmod(self, record):
        return record.updated


class SectionSitemap(Sitemap):
    def items(self):
        return [
            "home",
            "timeline",
            "organs:organ_list",
            "organs:state_list",
            "organs:partner_list",
            "treaties:instrument_list",
            "operations:operation_list",
            "operations:meeting_list",
            "operations:request_list",
            "operations:exercise_grid",
            "organs:place_list",
            "organs:person_list",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "sections": SectionSitemap(),
    "organs": RecordSitemap(Organ.objects.order_by("pk")),
    "states": RecordSitemap(State.objects.order_by("pk")),
    "partners": RecordSitemap(Partner.objects.order_by("pk")),
    "treaties": RecordSitemap(Instrument.objects.order_by("pk")),
    "operations": RecordSitemap(Operation.objects.order_by("pk")),
    "meetings": RecordSitemap(Meeting.objects.order_by("pk")),
    "requests": RecordSitemap(AssistanceRequest.objects.order_by("pk")),
    "places": RecordSitemap(Place.objects.order_by("pk")),
    "people": RecordSitemap(Person.objects.order_by("pk")),
}
