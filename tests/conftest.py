from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test runs against the real dataset, loaded once into the test database."""
    with django_db_blocker.unblock():
        call_command("load_csto", stdout=StringIO())
