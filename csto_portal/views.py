from django.shortcuts import render
from django.utils import timezone

from operations.models import Operation
from organs.models import Membership, Organ
from treaties.models import Instrument


def home(request):
    """What the CSTO is, who belongs to it today, and how much the portal records."""
    members = Membership.objects.members_on(timezone.localdate()).select_related("state").order_by("state__name")
    context = {
        "members": members,
        "counts": {
            "organs": Organ.objects.count(),
            "instruments": Instrument.objects.count(),
            "operations": Operation.objects.count(),
        },
    }
    return render(request, "home.html", context)
