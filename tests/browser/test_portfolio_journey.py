"""The profile sketch of issue 6: a Dutch student submits a profile sketch whose image shows
inline and in the PDF, and the graduation supervisor assesses it. (The Flemish assignment
portfolio is part of journey 3, `test_vl_student_journey.py`.)"""

import io
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from portfolio.demo import seed_portfolio
from portfolio.demo_files import tiny_png

from .conftest import OpenPage
from .support import Logins, assert_accessible, download, log_in, screenshot

GRADUATION_SUPERVISOR_NL = "f.jansen@pabo-zuidwest.example"


@pytest.fixture
def portfolio_demo(demo: None) -> None:
    seed_portfolio()


@pytest.mark.usefixtures("portfolio_demo")
def test_profile_sketch_with_an_image_inline_and_in_the_pdf(
    page: Page, open_page: OpenPage
) -> None:
    log_in(page, Logins.STUDENT_NL)
    assert_accessible(page)
    page.goto("/portfolio/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn profielschets")
    assert_accessible(page)
    page.get_by_label("Kop").fill("Mijn klas in beeld")
    page.get_by_label("Tekst").fill("Hoeken, een instructietafel en veel daglicht.")
    page.get_by_role("button", name="Onderdeel toevoegen").click()
    assert_accessible(page)
    page.get_by_role("link", name="Tekst en afbeeldingen bewerken van Mijn klas in beeld").click()
    assert_accessible(page)
    image = {"name": "klas.png", "mimeType": "image/png", "buffer": tiny_png()}
    page.locator("#id_file").set_input_files(image)
    page.get_by_label("Alternatieve tekst").fill("Klaslokaal met hoeken")
    page.get_by_role("button", name="Afbeelding toevoegen").click()
    expect(page.get_by_text("De afbeelding is toegevoegd.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Terug naar mijn profielschets").click()
    page.get_by_role("button", name="Indienen ter beoordeling").click()
    expect(page.get_by_text("Je profielschets is ingediend ter beoordeling.")).to_be_visible()
    shown = page.get_by_role("img", name="Klaslokaal met hoeken").first
    expect(shown).to_be_visible()
    assert shown.evaluate("img => img.naturalWidth") > 0
    assert_accessible(page)
    screenshot(page, "profile-sketch-submitted")

    name, data = download(page, page.get_by_role("link", name="Profielschets als PDF downloaden"))
    assert name.endswith(".pdf")
    reader = PdfReader(io.BytesIO(data))
    assert "Mijn klas in beeld" in "".join(p.extract_text() for p in reader.pages)
    assert any(p.images for p in reader.pages)

    supervisor = open_page()
    log_in(supervisor, GRADUATION_SUPERVISOR_NL)
    assert_accessible(supervisor)
    supervisor.goto("/portfolio/sketches/")
    assert_accessible(supervisor)
    supervisor.get_by_role("link", name="Emma de Boer").first.click()
    assert_accessible(supervisor)
    supervisor.get_by_role("textbox", name=re.compile("^Feedback")).fill(
        "Een sterk beeld van jezelf."
    )
    supervisor.get_by_label("Behaald", exact=True).check()
    supervisor.get_by_role("button", name="Beoordeling opslaan").click()
    expect(supervisor.get_by_text("Je beoordeling is opgeslagen.")).to_be_visible()
    assert_accessible(supervisor)
