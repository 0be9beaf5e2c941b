"""Journey 3 (issues 4, 5 and 6), in Dutch: a Flemish year-1 student (Jonas Lambrechts, whose
start application the school director sent back) corrects it, the admission conditions stop a
class with too few teaching periods, the mentor, the director and the study coach sign from the
links in their mails and the coordinator confirms. Through December the mentor records two
observations (the twice-a-month rule; the second on a phone) and the student acknowledges one.
A portfolio assignment goes to the study coach, comes back for a revision and is approved with
both versions readable, and the coach downloads the portfolio as a PDF.
"""

import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from internships.demo_applications import seed_demo_applications
from portfolio.demo import seed_portfolio
from portfolio.demo_files import tiny_pdf

from .conftest import OpenPage
from .support import (
    Logins,
    assert_accessible,
    assert_fits_phone,
    download,
    log_in,
    screenshot,
    sign_from_mail,
)

STUDENT = "jonas.lambrechts@student.kempenland.example"
MENTOR = Logins.MENTOR_VL  # Els Maes
DIRECTOR = "directie@dehorizon.example"
STUDY_COACH = "k.janssens@kempenland.example"
ASSIGNMENT = "Differentiëren in je klas"
BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.fixture
def vl_demo(demo: None) -> None:
    """The demo's start applications (Jonas's was sent back) and portfolio assignments."""
    seed_demo_applications(today=timezone.localdate())
    seed_portfolio()


def _nav(page: Page, name: str, menu: str | None = None) -> None:
    navigation = page.get_by_role("navigation", name="Hoofdnavigatie")
    if menu is not None:
        navigation.get_by_role("button", name=menu, exact=True).click()
    navigation.get_by_role("link", name=name, exact=True).click()
    assert_accessible(page)


def _apply(page: Page) -> None:
    """The student corrects the sent-back form; the admission conditions are checked."""
    log_in(page, STUDENT)
    _nav(page, "Mijn LIO")
    page.get_by_role("link", name="Formulier aanpassen").click()
    expect(page.get_by_text("De klas is 2A, niet 2B.")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_class_name").fill("2A")
    page.locator("#id_periods_per_week").fill("4")
    page.get_by_role("button", name="Indienen voor ondertekening").click()
    expect(
        page.get_by_text("Je hebt minstens 6 lesuren per week in dezelfde klas nodig.")
    ).to_be_visible()
    expect(page.locator("#id_class_name")).to_have_value("2A")
    assert_accessible(page)
    page.locator("#id_periods_per_week").fill("12")
    page.get_by_role("button", name="Indienen voor ondertekening").click()
    expect(
        page.get_by_text("Ingediend: de ondertekenaars hebben een e-mail gekregen.")
    ).to_be_visible()
    assert_accessible(page)


def _confirm(coordinator: Page) -> None:
    log_in(coordinator, Logins.COORDINATOR_VL)
    assert_accessible(coordinator)
    coordinator.goto("/start-applications/")
    assert_accessible(coordinator)
    coordinator.get_by_role("link", name="Jonas Lambrechts").click()
    assert_accessible(coordinator)
    coordinator.get_by_role("button", name="Bevestigen: de LIO start").click()
    expect(coordinator.get_by_text("Bevestigd: de LIO is gestart.")).to_be_visible()
    assert_accessible(coordinator)


def _observe(mentor: Page, subject: str) -> None:
    """From the list of the mentor's students: an observation of today, signed off."""
    mentor.get_by_role("link", name="Nieuwe observatie Jonas Lambrechts").click()
    assert_accessible(mentor)
    mentor.locator("#id_subject").fill(subject)
    mentor.locator("#id_focus").fill("Instructie aan de instructietafel.")
    mentor.locator("#id_went_well").fill("Rustige, duidelijke uitleg.")
    mentor.locator("#id_to_improve").fill("Meer tijd voor de zwakkere rekenaars.")
    mentor.get_by_role("button", name="Opslaan als concept").click()
    expect(mentor.get_by_text("De observatie is als concept opgeslagen.")).to_be_visible()
    assert_accessible(mentor)
    mentor.get_by_label(re.compile("Ik onderteken deze observatie")).check()
    mentor.get_by_role("button", name="Ondertekenen").click()
    expect(mentor.get_by_text("Ondertekend: de student is gevraagd ze te lezen.")).to_be_visible()
    assert_accessible(mentor)


def _acknowledge(page: Page) -> None:
    page.context.clear_cookies()
    log_in(page, STUDENT)
    _nav(page, "Observaties", "Begeleiding")
    expect(page.locator("[data-month='2026-12']")).to_contain_text("2 van 2")
    page.get_by_role("link", name="1 december 2026 · Rekenen: breuken").click()
    assert_accessible(page)
    page.get_by_label("Je reactie (optioneel)").fill("Ik plan verlengde instructie in.")
    page.get_by_label("Ik heb de observatie gelezen.").check()
    page.get_by_role("button", name="Bevestigen").click()
    expect(
        page.get_by_text("Dank je: je hebt bevestigd dat je de observatie gelezen hebt.")
    ).to_be_visible()
    assert_accessible(page)


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


def _submit_first_version(page: Page) -> str:
    """A file that is no PDF is refused; a real one is attached and the work submitted."""
    _nav(page, "Portfolio")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn opdrachtenportfolio")
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
    return page.url


def _portfolio(page: Page, coach: Page) -> None:
    """Submitted, sent back for a revision, revised, approved; both versions stay readable."""
    work_url = _submit_first_version(page)
    log_in(coach, STUDY_COACH)
    assert_accessible(coach)
    _give_feedback(coach, "Om een herziening vragen", "Hoe bepaalde je de niveaus?")

    page.goto(work_url)
    expect(page.get_by_text("Hoe bepaalde je de niveaus?").first).to_be_visible()
    assert_accessible(page)
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


def _portfolio_pdf(coach: Page) -> None:
    """From the coach's list of portfolios to the student's, downloaded as a PDF."""
    coach.get_by_role("link", name="Jonas Lambrechts", exact=True).click()
    expect(coach.get_by_role("heading", level=1)).to_contain_text("Jonas Lambrechts")
    assert_accessible(coach)
    name, data = download(coach, coach.get_by_role("link", name="Portfolio als PDF downloaden"))
    assert name.endswith(".pdf")
    text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    for expected in ("Jonas Lambrechts", ASSIGNMENT, "Versie 2: niveaus uit de toets"):
        assert expected in text, f"{expected!r} is missing from the portfolio PDF"


@pytest.mark.usefixtures("vl_demo")
def test_a_flemish_student_applies_is_observed_and_builds_the_portfolio(
    page: Page, phone_page: Page, open_page: OpenPage
) -> None:
    with time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=BRUSSELS), tick=True):
        _apply(page)
        for signer in (MENTOR, DIRECTOR, STUDY_COACH):
            sign_from_mail(open_page(), signer)
        _confirm(open_page())
        mentor = open_page()
        log_in(mentor, MENTOR)
        assert_accessible(mentor)
        _nav(mentor, "Observaties")
        _observe(mentor, "Rekenen: breuken")

    # Two weeks later the mentor observes again, from a phone in the classroom.
    with time_machine.travel(datetime(2026, 12, 15, 11, 0, tzinfo=BRUSSELS), tick=True):
        log_in(phone_page, MENTOR)
        assert_accessible(phone_page)
        phone_page.goto("/observations/")
        assert_accessible(phone_page)
        _observe(phone_page, "Taal: begrijpend lezen")
        assert_fits_phone(phone_page)
        screenshot(phone_page, "observation-signed-off-on-a-phone", docs=True)
        _acknowledge(page)
        coach = open_page()
        _portfolio(page, coach)
        _portfolio_pdf(coach)
