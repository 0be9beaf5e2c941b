"""The language switch: Dutch unless chosen, English on request, kept while navigating."""

import pytest
from playwright.sync_api import Page, expect

from .support import Logins, assert_accessible, log_in, switch_language

pytestmark = pytest.mark.usefixtures("demo")


def test_the_login_page_switches_to_english(page: Page) -> None:
    page.goto("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert_accessible(page)

    switch_language(page, "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in to the LIO portal")
    expect(page.get_by_label("E-mail address")).to_be_visible()
    assert_accessible(page)


def test_english_survives_navigation_until_dutch_is_chosen_again(page: Page) -> None:
    log_in(page, Logins.COORDINATOR_NL)
    expect(page.get_by_role("heading", name="Studenten per fase")).to_be_visible()
    assert_accessible(page)

    switch_language(page, "en")
    expect(page.get_by_role("heading", name="Students per stage")).to_be_visible()
    nav = page.get_by_role("navigation", name="Main navigation")
    expect(nav.get_by_role("link", name="Overview")).to_have_attribute("aria-current", "page")
    assert_accessible(page)

    nav.get_by_role("button", name="School year").click()
    nav.get_by_role("link", name="Schools").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schools")
    expect(page.get_by_role("columnheader", name="Holiday region")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="CBS Het Kompas").click()
    expect(page.get_by_role("heading", name="School staff")).to_be_visible()
    assert_accessible(page)

    switch_language(page, "nl")
    expect(page.get_by_role("heading", name="Schoolteam")).to_be_visible()
    assert_accessible(page)
