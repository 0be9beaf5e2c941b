"""Forms work with the keyboard alone: log in, skip to the content, filter the placements."""

import re

import pytest
from playwright.sync_api import Page, expect

from internships.demo import DEMO_PASSWORD
from internships.models import Placement

from .support import Logins, assert_accessible, tab_to

pytestmark = pytest.mark.usefixtures("demo")


def test_log_in_and_filter_placements_with_the_keyboard_only(page: Page) -> None:
    page.goto("/accounts/login/")
    assert_accessible(page)
    expect(page.get_by_label("E-mailadres")).to_be_focused()
    page.keyboard.type(Logins.COORDINATOR_NL)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Wachtwoord")).to_be_focused()
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pabo Zuid-West")
    assert_accessible(page)

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Ga naar de inhoud")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    tab_to(page, page.get_by_role("link", name=re.compile(r"Actief$")))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Studenten")
    expect(page).to_have_url(re.compile(r"state=active"))
    assert_accessible(page)

    # The placement list, opened from the navigation's "Studenten" menu with the keyboard.
    navigation = page.get_by_role("navigation", name="Hoofdnavigatie")
    tab_to(page, navigation.get_by_role("button", name="Studenten"))
    page.keyboard.press("Enter")
    tab_to(page, navigation.get_by_role("link", name="Stageplaatsen"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stageplaatsen")
    assert_accessible(page)

    tab_to(page, page.get_by_label("Status"))
    page.keyboard.type("Gepland")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Filteren")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"status=planned"))
    planned = Placement.objects.filter(
        student__institution__name="Pabo Zuid-West", status=Placement.Status.PLANNED
    ).count()
    expect(page.locator("tbody tr")).to_have_count(planned)
    assert_accessible(page)
