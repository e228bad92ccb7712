"""The editors' admin in Chromium: sign in, preview a draft, change an operation, read the change in its history and
restore the first version."""

import pytest
import reversion
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from django.urls import reverse
from reversion.models import Version

from operations.models import Operation
from tests.browser.conftest import SCREENSHOTS

PASSWORD = "a-browser-test-password"


@pytest.fixture
def draft(site_url, django_db_blocker):
    """A reviewer's account and a draft operation, committed so that the served portal sees them; removed after."""
    with django_db_blocker.unblock():
        user = User.objects.create_superuser("browser-reviewer", password=PASSWORD)
        with reversion.create_revision():
            operation = Operation.all_objects.create(
                slug="browser-exercise",
                name="Browser exercise",
                kind="exercise",
                summary="A first summary.",
                draft=True,
            )
        yield operation
        Version.objects.get_for_object(operation).delete()
        Operation.all_objects.filter(pk=operation.pk).delete()
        user.delete()


def _sign_in(page, site_url):
    page.goto(site_url + reverse("admin:login"))
    page.get_by_label("Username").fill("browser-reviewer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site_url}/admin/")


def test_an_editor_changes_a_draft_previews_it_and_reads_the_change_in_its_history(page, site_url, draft):
    _sign_in(page, site_url)
    page.goto(site_url + reverse("admin:operations_operation_change", args=[draft.pk]))
    page.get_by_label("Summary").fill("A rewritten summary.")
    page.get_by_label("Start").fill("June 2012")
    # A new date needs its source, in the same form.
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()
    assert page.get_by_text("add a citation below").count() == 1
    page.locator("#csto_portal-citation-content_type-object_id-group .add-row a").click()
    # The source is picked as an editor does, from the look-up box (select2).
    page.locator("select[name$='-0-source'] + .select2").click()
    page.locator(".select2-dropdown .select2-search__field").fill("Collective")
    page.locator(".select2-results__option").first.click()
    page.locator("input[name$='-0-locator']").fill("Section 4")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()
    assert page.get_by_text("was changed successfully").count() == 1
    page.screenshot(path=SCREENSHOTS / f"admin-operation-change-{page.viewport_name}.png", full_page=True)

    with page.expect_navigation():
        page.get_by_role("link", name="History").click()
    changes = page.locator("#change-history")
    assert "A first summary." in changes.inner_text() and "A rewritten summary." in changes.inner_text()
    page.screenshot(path=SCREENSHOTS / f"admin-history-{page.viewport_name}.png", full_page=True)

    preview = page.context.new_page()
    preview.goto(site_url + draft.get_absolute_url())
    assert preview.get_by_role("status").inner_text().startswith("Draft.")
    preview.screenshot(path=SCREENSHOTS / f"draft-preview-{page.viewport_name}.png", full_page=True)
    assert Axe().run(preview).violations_count == 0
    preview.close()

    # Restoring the first version brings back its summary and removes the date and the citation added since.
    with page.expect_navigation():
        page.locator("#change-history > tbody > tr").last.locator("th a").click()
    assert page.get_by_role("button", name="Restore this version").count() == 1
    assert "A rewritten summary." in page.locator("#content-main").inner_text()
    page.screenshot(path=SCREENSHOTS / f"admin-restore-preview-{page.viewport_name}.png", full_page=True)
    audit = Axe().run(page)
    assert audit.violations_count == 0, audit.generate_report()
    with page.expect_navigation():
        page.get_by_role("button", name="Restore this version").click()
    assert page.get_by_text("Restored the version of").count() == 1
    assert page.get_by_label("Summary").input_value() == "A first summary."
