"""The API's answers to errors DRF leaves to Django: records still in use, and rows the database refuses.

Kept apart from ``csto_portal.api.base``: DRF's views module reads the renderer setting, which names that module,
so importing the views from it made importing any serializer first (a script, a shell) fail halfway.
"""

from django.db import IntegrityError
from django.db.models import ProtectedError
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(error, context):
    """DRF's errors, plus JSON answers for records still in use and for rows the database refuses."""
    if isinstance(error, ProtectedError):
        used_by = sorted({str(obj._meta.verbose_name_plural) for obj in error.protected_objects})
        return Response(
            {"detail": f"This record is still referred to by {', '.join(used_by)}; change or remove those first."},
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(error, IntegrityError):
        return Response(
            {"detail": f"The database refused the change: {str(error).splitlines()[0]}"},
            status=status.HTTP_409_CONFLICT,
        )
    return drf_exception_handler(error, context)
