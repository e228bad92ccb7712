from django.shortcuts import render
from django.utils import timezone
from django.views.generic import TemplateView

from operations.models import Operation
from organs.models import Membership, Organ
from treaties.models import Instrument, InstrumentEvent

FOUNDING_EVENTS = {
    "treaty_signed": ("collective-security-treaty", "signed"),
    "charter_signed": ("csto-charter", "signed"),
    "charter_in_force": ("csto-charter", "in_force"),
}


def home(request):
    """What the CSTO is, when it was founded, who belongs to it today, and how much the portal records."""
    events = InstrumentEvent.objects.filter(
        state__isnull=True,
        instrument__slug__in={slug for slug, _ in FOUNDING_EVENTS.values()},
        kind__in={kind for _, kind in FOUNDING_EVENTS.values()},
    ).select_related("instrument")
    by_key = {(event.instrument.slug, event.kind): event for event in events}
    founding = {name: by_key.get(key) for name, key in FOUNDING_EVENTS.items()}
    members = Membership.objects.members_on(timezone.localdate()).select_related("state").order_by("state__name")
    context = {
        "founding": founding,
        "members": members,
        "counts": {
            "organs": Organ.objects.count(),
            "instruments": Instrument.objects.count(),
            "operations": Operation.objects.count(),
        },
    }
    return render(request, "home.html", context)


class TimelineView(TemplateView):
    template_name = "csto_portal/timeline.html"


def search(request):
    return render(request, "csto_portal/search.html")
