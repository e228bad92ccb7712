"""A Python client generated from the OpenAPI schema (openapi-python-client) reads a treaty and an operation."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from django.core.wsgi import get_wsgi_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def csto_client(client, tmp_path):
    """The generated package, importable as ``csto_client``."""
    schema = tmp_path / "schema.json"
    schema.write_bytes(client.get("/api/v1/schema/", {"format": "json"}).content)
    bin_dir = Path(sys.executable).parent
    command = [bin_dir / "openapi-python-client", "generate", "--path", schema]
    generated = subprocess.run(
        [*command, "--output-path", "csto_client", "--meta", "none"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"},
    )
    assert generated.returncode == 0 and "Warning" not in generated.stdout, generated.stdout + generated.stderr
    sys.path.insert(0, str(tmp_path))
    yield importlib.import_module("csto_client")
    sys.path.remove(str(tmp_path))
    for name in [name for name in sys.modules if name.split(".")[0] == "csto_client"]:
        del sys.modules[name]


def test_generated_client_fetches_a_treaty_and_an_operation(csto_client, in_process_wsgi):
    api = csto_client.Client(
        base_url="http://testserver", httpx_args={"transport": httpx.WSGITransport(app=get_wsgi_application())}
    )
    retrieve_treaty = importlib.import_module("csto_client.api.treaties.treaties_retrieve")
    treaty = retrieve_treaty.sync(client=api, slug="collective-security-treaty")
    assert treaty.title == "Collective Security Treaty"
    assert {event.kind for event in treaty.events} >= {"signed", "registered_un"}

    retrieve_operation = importlib.import_module("csto_client.api.operations.operations_retrieve")
    operation = retrieve_operation.sync(client=api, slug="rubezh-2010")
    assert operation.start == "2010-04"
    assert [host.iso2 for host in operation.hosts] == ["TJ"]

    list_operations = importlib.import_module("csto_client.api.operations.operations_list")
    page = list_operations.sync(client=api, series="kanal")
    assert sorted(operation.slug for operation in page.results) == ["kanal-2003-2009", "kanal-2010"]
