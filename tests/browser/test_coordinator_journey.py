"""The coordinator's round: overview with real counts, the students of a stage, placements by
status, a school."""

import re

import pytest
from playwright.sync_api import Page, expect

from internships.models import Placement

from .support import Logins, assert_accessible, log_in, screenshot

pytestmark = pytest.mark.usefixtures("demo")


def _nl_placements() -> object:
    return Placement.objects.filter(student__institution__name="Pabo Zuid-West")


def test_coordinator_overview_placements_and_schools(page: Page) -> None:
    log_in(page, Logins.COORDINATOR_NL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Pabo Zuid-West")
    active = _nl_placements().filter(status=Placement.Status.ACTIVE).count()
    active_card = page.get_by_role("link", name=re.compile(r"^\d+ Actief$"))
    expect(active_card).to_have_accessible_name(f"{active} Actief")
    assert_accessible(page)
    screenshot(page, "coordinator-overview", docs=True)

    active_card.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Studenten")
    expect(page.get_by_label("Fase")).to_have_value("active")
    expect(page.locator("tbody tr")).to_have_count(active)
    assert_accessible(page)

    navigation = page.get_by_role("navigation", name="Hoofdnavigatie")
    navigation.get_by_role("button", name="Studenten").click()
    navigation.get_by_role("link", name="Stageplaatsen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stageplaatsen")
    assert_accessible(page)
    page.get_by_label("Status").select_option(Placement.Status.ACTIVE)
    page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stageplaatsen")
    expect(page.locator("tbody tr")).to_have_count(active)
    assert_accessible(page)
    screenshot(page, "placement-list", docs=True)

    planned = _nl_placements().filter(status=Placement.Status.PLANNED).count()
    page.get_by_label("Status").select_option(Placement.Status.PLANNED)
    page.get_by_role("button", name="Filteren").click()
    expect(page).to_have_url(re.compile(r"status=planned"))
    expect(page.locator("tbody tr")).to_have_count(planned)
    assert_accessible(page)

    page.get_by_role("link", name="Sem van der Berg", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("LIO-stage van Sem van der Berg")
    expect(page.get_by_text("Basisschool De Vlinder, Breda")).to_be_visible()
    assert_accessible(page)

    navigation.get_by_role("button", name="Schooljaar").click()
    navigation.get_by_role("link", name="Scholen").click()
    expect(page.locator("tbody tr")).to_have_count(4)
    assert_accessible(page)
    page.get_by_role("link", name="OBS De Regenboog", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("OBS De Regenboog")
    assert_accessible(page)

    page.get_by_role("link", name="Emma de Boer", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("LIO-stage van Emma de Boer")
    assert_accessible(page)
    screenshot(page, "placement-detail", docs=True)
