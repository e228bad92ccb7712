import itertools
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.helpers import LATER_RECORDS, TEST_DATASET


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test runs against the tests' dataset (tests/dataset/), loaded once by the real loader."""
    from django.db import connection

    # pytest-django makes the test database only when a collected test is marked django_db; without one, the load
    # would go to the real database.
    named = connection.settings_dict["TEST"].get("NAME")
    name = connection.settings_dict["NAME"]
    if name != named if named else not name.startswith("test_"):
        pytest.fail("No test database was made: run these tests together with one marked django_db.")
    with django_db_blocker.unblock():
        call_command("load_csto", path=TEST_DATASET, stdout=StringIO())


@pytest.fixture(scope="module")
def later_records(django_db_setup, django_db_blocker):
    """The records of tests/later_records/ (the 2022 Kazakhstan request and deployment, two sessions, two exercises
    and a plan) added to the tests' dataset for one module, in a transaction rolled back at the module's end.

    Kept apart so that the modules that list the tests' dataset's operations and meetings by name need not list these.
    """
    from django.db import transaction

    from csto_portal.site.loader import Loader

    with django_db_blocker.unblock(), transaction.atomic():
        Loader(LATER_RECORDS, addition=True).load()
        yield
        transaction.set_rollback(True)


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


@pytest.fixture
def api():
    """An API client without credentials, as any reader or other site calls the API."""
    return APIClient()


def _staff_in(group: str) -> User:
    user = User.objects.create_user(group.lower().rstrip("s"), password="not-used", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    """A staff member of the Editors group, as the portal's roles set it up."""
    return _staff_in("Editors")


@pytest.fixture
def reviewer(db):
    """A staff member of the Reviewers group, who may also publish drafts."""
    return _staff_in("Reviewers")


@pytest.fixture
def token_client(db):
    """Makes an API client sending a token: the given user's, or a new user's who holds just the given permissions.

    A permission is looked up by its codename alone, so that a mistyped one fails here instead of leaving the user
    silently without it.
    """
    users = itertools.count()

    def make(*codenames: str, user: User | None = None) -> APIClient:
        if user is None:
            user = User.objects.create_user(f"api-user-{next(users)}")
            user.user_permissions.add(*(Permission.objects.get(codename=codename) for codename in codenames))
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
        return client

    return make


@pytest.fixture
def editor_api(editor, token_client):
    """The API as an editor uses it, with the token of the ``editor`` user."""
    return token_client(user=editor)
