"""Each page type in Chromium at phone and desktop width: it renders, links lead on, and axe finds no violation."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS

PAGE_TYPES = {
    "home": ("home", []),
    "organ-list": ("organs:organ_list", []),
    "organ-detail": ("organs:organ_detail", ["secretariat"]),
    "state-list": ("organs:state_list", []),
    "state-detail": ("organs:state_detail", ["uz"]),
    "partner-list": ("organs:partner_list", []),
    "partner-detail": ("organs:partner_detail", ["osce"]),
    "instrument-list": ("treaties:instrument_list", []),
    "instrument-detail": ("treaties:instrument_detail", ["collective-security-treaty"]),
    "operation-list": ("operations:operation_list", []),
    "operation-detail": ("operations:operation_detail", ["kanal-2003-2009"]),
    "meeting-list": ("operations:meeting_list", []),
    "meeting-detail": ("operations:meeting_detail", ["un-csto-joint-declaration-signing-2010-03-18"]),
    "timeline": ("timeline", []),
    "search": ("search", []),
}


@pytest.mark.django_db
def test_the_served_pages_read_the_tests_dataset(client):
    """Also what makes pytest-django build the test database when only the browser tests are collected."""
    name, args = PAGE_TYPES["operation-detail"]
    assert client.get(reverse(name, args=args)).status_code == 200


def check_page(page, name: str):
    """One h1, nothing wider than the screen, a screenshot, and no axe-core violation."""
    assert page.locator("h1").count() == 1
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {page.viewport_name} width"
    page.screenshot(path=SCREENSHOTS / f"{name}-{page.viewport_name}.png", full_page=True)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_page_type_renders_accessibly(page, site_url, name):
    url_name, args = PAGE_TYPES[name]
    query = "?q=Kanal" if name == "search" else ""
    response = page.goto(site_url + reverse(url_name, args=args) + query)
    assert response.status == 200
    check_page(page, name)


def test_unknown_address_gets_a_helpful_page(page, site_url):
    response = page.goto(site_url + "/operations/no-such-operation/")
    assert response.status == 404
    assert page.get_by_role("searchbox", name="Search the portal").count() >= 1
    check_page(page, "not-found")


@pytest.mark.parametrize(
    ("section", "record"),
    [
        ("Organs", "Joint Staff"),
        ("Member states", "Kazakhstan"),
        ("Treaties", "Collective Security Treaty"),
        ("Operations", "Rubezh-2010"),
        ("Meetings", "Signing of the joint declaration"),
        ("Partners", "Organization for Security and Co-operation in Europe"),
    ],
)
def test_reader_goes_from_home_to_a_record(page, site_url, section, record):
    page.goto(site_url + reverse("home"))
    page.get_by_role("navigation", name="Sections").get_by_role("link", name=section, exact=True).click()
    page.get_by_role("main").get_by_role("link", name=re.compile(f"^{re.escape(record)}")).first.click()
    expect(page.locator("h1")).to_contain_text(record)
    expect(page.get_by_role("heading", name="Sources")).to_have_count(1)


def test_reader_goes_from_the_timeline_to_a_treaty(page, site_url):
    page.goto(site_url + reverse("timeline"))
    page.get_by_role("link", name="Collective Security Treaty — signed", exact=True).click()
    expect(page.locator("h1")).to_contain_text(re.compile("^Collective Security Treaty"))


def test_reader_filters_operations_by_kind(page, site_url):
    page.goto(site_url + reverse("operations:operation_list"))
    page.get_by_label("Kind").select_option("exercise")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"kind=exercise"))
    main = page.get_by_role("main")
    expect(main.get_by_role("link", name="Rubezh-2010")).to_have_count(1)
    expect(main.get_by_role("link", name=re.compile("^Kanal"))).to_have_count(0)
    check_page(page, "operation-list-filtered")


def test_reader_searches_from_the_header(page, site_url):
    page.goto(site_url + reverse("home"))
    page.get_by_role("searchbox", name="Search the portal").fill("drugs")
    page.get_by_role("button", name="Search", exact=True).first.click()
    expect(page.get_by_role("heading", name=re.compile("^Operations and exercises"))).to_have_count(1)
    page.get_by_role("main").get_by_role("link", name=re.compile("^Kanal")).first.click()
    expect(page.locator("h1")).to_contain_text("Kanal")


def test_keyboard_user_can_skip_to_the_content(page, site_url):
    page.goto(site_url + reverse("home"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
