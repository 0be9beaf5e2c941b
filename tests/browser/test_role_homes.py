"""Each role lands on its own home after logging in: the student, a mentor and a study coach."""

import pytest
from playwright.sync_api import Page, expect

from .support import Logins, assert_accessible, log_in, screenshot

pytestmark = pytest.mark.usefixtures("demo")


def test_student_lands_on_my_lio_with_the_placement(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen in het LIO-portaal")
    assert_accessible(page)
    screenshot(page, "login", docs=True)

    log_in(page, Logins.STUDENT_NL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn LIO")
    placement = page.get_by_role("region", name="Mijn stageplaats")
    expect(placement).to_contain_text("OBS De Regenboog, Rotterdam")
    expect(placement).to_contain_text("Ingrid Smit")
    expect(page.get_by_role("link", name="Mijn LIO")).to_have_attribute("aria-current", "page")
    assert_accessible(page)
    screenshot(page, "student-home", docs=True)


def test_mentor_sees_my_students_and_opens_a_placement(page: Page) -> None:
    log_in(page, Logins.MENTOR_NL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn studenten")
    students = page.get_by_role("table", name="Studenten die je begeleidt of beoordeelt")
    expect(students.locator("tbody tr")).to_have_count(3)
    for name in ("Emma de Boer", "Daan Vermeulen", "Milan Brouwer"):
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Daan Vermeulen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("LIO-stage van Daan Vermeulen")
    assert_accessible(page)


def test_flemish_mentor_sees_only_her_own_students(page: Page) -> None:
    log_in(page, Logins.MENTOR_VL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn studenten")
    students = page.get_by_role(
        "table", name="Studenten die je begeleidt of beoordeelt"
    ).get_by_role("link")
    expect(students).to_have_count(3)
    assert sorted(students.all_inner_texts()) == [
        "Jonas Lambrechts",
        "Lotte Vermeersch",
        "Nina Hermans",
    ]
    assert_accessible(page)
