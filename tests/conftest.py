from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test runs against the real dataset, loaded once into the test database."""
    with django_db_blocker.unblock():
        call_command("load_csto", stdout=StringIO())


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test's writes are rolled back, and with them the data version; cached pages must not outlive them."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _no_api_throttling(monkeypatch):
    """Tests send many requests from one address; the throttle has a test of its own."""
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})


@pytest.fixture
def in_process_wsgi():
    """Lets a test call the WSGI application directly (schemathesis, httpx) inside its database transaction.

    Django closes the connection at the end of each request; the test client switches that off while it
    works, and so must any other in-process caller, or the test's transaction would be lost.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
