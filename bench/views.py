from django.http import JsonResponse

FLOOR_BODY = {"status": "ok", "portal": "csto", "version": 1}


def floor(request):
    """The framework floor: a plain view with a fixed small JSON body, behind the portal's full middleware stack.

    Every portal request costs at least this much, so a page's requests/s divided by the floor's is a ratio that
    holds on a machine whose speed varies from run to run.
    """
    return JsonResponse(FLOOR_BODY)
