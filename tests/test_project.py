from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse


@pytest.mark.django_db
def test_migrations_match_the_models():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


@pytest.mark.django_db
def test_home_page_names_the_organization(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "Collective Security Treaty Organization" in response.text
