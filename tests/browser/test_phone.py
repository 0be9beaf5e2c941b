"""Phone size (390 × 844): mentors use the portal in the classroom, without horizontal scrolling."""

import pytest
from playwright.sync_api import Page, expect

from .support import Logins, assert_accessible, assert_fits_phone, log_in, screenshot

pytestmark = pytest.mark.usefixtures("demo")


def test_mentor_pages_fit_a_phone(phone_page: Page) -> None:
    page = phone_page
    page.goto("/accounts/login/")
    assert_fits_phone(page)

    log_in(page, Logins.MENTOR_NL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn studenten")
    assert_fits_phone(page)
    assert_accessible(page)
    screenshot(page, "phone-my-students", docs=True)

    page.get_by_role("button", name="Menu openen of sluiten").click()
    expect(page.get_by_role("link", name="Mijn studenten", exact=True)).to_be_visible()
    assert_fits_phone(page)

    page.get_by_role("link", name="Emma de Boer", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("LIO-stage van Emma de Boer")
    assert_fits_phone(page)
    assert_accessible(page)
