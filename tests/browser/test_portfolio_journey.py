"""The portfolio journeys of issue 6: a Flemish year-1 student's assignment goes to the study
coach, comes back for a revision and is approved with both versions readable; a Dutch student
submits a profile sketch whose image shows inline and in the PDF."""

import io
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from portfolio.demo import seed_portfolio
from portfolio.demo_files import tiny_pdf, tiny_png

from .conftest import OpenPage
from .support import Logins, assert_accessible, download, log_in, screenshot

STUDY_COACH_VL = "k.janssens@kempenland.example"
GRADUATION_SUPERVISOR_NL = "f.jansen@pabo-zuidwest.example"
ASSIGNMENT = "Differentiëren in je klas"


@pytest.fixture
def portfolio_demo(demo: None) -> None:
    seed_portfolio()


def _give_feedback(coach: Page, decision: str, feedback: str) -> None:
    coach.goto("/portfolio/feedback/")
    assert_accessible(coach)
    coach.get_by_role("link", name=ASSIGNMENT).click()
    expect(coach.get_by_role("heading", level=1)).to_have_text(ASSIGNMENT)
    assert_accessible(coach)
    coach.get_by_role("textbox", name=re.compile("^Feedback")).fill(feedback)
    coach.get_by_label(decision).check()
    coach.get_by_role("button", name="Feedback versturen").click()
    expect(coach.get_by_text("Je feedback is naar de student gestuurd.")).to_be_visible()
    assert_accessible(coach)


@pytest.mark.usefixtures("portfolio_demo")
def test_assignment_is_submitted_revised_and_approved(page: Page, open_page: OpenPage) -> None:
    log_in(page, Logins.STUDENT_VL)
    assert_accessible(page)
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role(
        "link", name="Portfolio"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn opdrachtenportfolio")
    assert_accessible(page)
    page.get_by_role("link", name=ASSIGNMENT).click()
    assert_accessible(page)

    fake = {"name": "lesplan.pdf", "mimeType": "application/pdf", "buffer": b"geen pdf\n" * 9}
    page.locator("#id_file").set_input_files(fake)
    page.get_by_role("button", name="Bestand toevoegen").click()
    expect(page.get_by_text(re.compile("De inhoud van lesplan.pdf is geen"))).to_be_visible()
    assert_accessible(page)
    real = {"name": "lesplan.pdf", "mimeType": "application/pdf", "buffer": tiny_pdf("Lesplan")}
    page.locator("#id_file").set_input_files(real)
    page.get_by_role("button", name="Bestand toevoegen").click()
    expect(page.get_by_role("link", name="lesplan.pdf")).to_be_visible()
    page.get_by_role("textbox", name="Je reflectie").fill("Versie 1: drie niveaus in de rekenles.")
    page.get_by_role("button", name="Indienen bij mijn studiecoach").click()
    expect(page.get_by_text("Ingediend bij je studiecoach.")).to_be_visible()
    assert_accessible(page)
    work_url = page.url

    coach = open_page()
    log_in(coach, STUDY_COACH_VL)
    assert_accessible(coach)
    _give_feedback(coach, "Om een herziening vragen", "Hoe bepaalde je de niveaus?")

    page.goto(work_url)
    expect(page.get_by_text("Hoe bepaalde je de niveaus?").first).to_be_visible()
    page.get_by_role("textbox", name="Je reflectie").fill(
        "Versie 2: niveaus uit de toets van vorige week."
    )
    page.get_by_role("button", name="Indienen bij mijn studiecoach").click()
    assert_accessible(page)

    _give_feedback(coach, "Goedkeuren", "Helder, goedgekeurd.")
    page.goto(work_url)
    expect(page.get_by_text("Je studiecoach heeft deze opdracht goedgekeurd.")).to_be_visible()
    page.locator("details:not([open]) summary").first.click()
    expect(page.get_by_text("Versie 1: drie niveaus in de rekenles.")).to_be_visible()
    expect(
        page.get_by_text("Versie 2: niveaus uit de toets van vorige week.").first
    ).to_be_visible()
    assert_accessible(page)
    screenshot(page, "portfolio-assignment-approved")


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
