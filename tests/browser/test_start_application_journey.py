"""Journey 1 (issues 4, 3 and 8): a Dutch student plans the LIO, fills in the start
application, the mentor, the school director and the study coach sign (two from the links in
their mails, one on a phone, one logged in), the coordinator confirms, and once the LIO has
started the student logs a day. Then the coordinator assigns the assessor and schedules the
assessment lesson, the assessor fills in the form, both assessors sign (the co-assessor from the
link in the mail), and the student sees the result and downloads the signed PDF. Run in Dutch,
and once in English (the student's pages; the staff read Dutch).
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

from assessments.models import REQUIREMENT_KEYS
from internships.demo_applications import seed_demo_applications
from internships.models import Person

from .conftest import OpenPage
from .support import (
    Logins,
    assert_accessible,
    download,
    log_in,
    screenshot,
    sign_from_mail,
    switch_language,
)

STUDENT = "anna.dijkstra@student.pabo-zuidwest.example"  # entry requirements met, no form yet
MENTOR = "r.dekker@destarter.example"  # no account: signs from the mail link
DIRECTOR = "directie@destarter.example"  # no account
STUDY_COACH = Logins.STUDY_COACH_NL  # has an account: signs logged in
ASSESSOR = "p.vandijk@pabo-zuidwest.example"  # assigned: Anna has not started her product
CO_ASSESSOR = "g.postma@destarter.example"  # qualified supervisor of De Starter, no account
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

TEXT = {
    "nl": {
        "planner": "Planner",
        "plan": "Plannen",
        "end": "dinsdag 13 april 2027",
        "fill_in": "Het aanvraagformulier invullen",
        "class": "Klas of groep",
        "start": "Geplande startdatum",
        "submit": "Indienen voor ondertekening",
        "submitted": "Ingediend: de ondertekenaars hebben een e-mail gekregen.",
        "confirm_box": "Ik heb het formulier hierboven gelezen",
        "sign": "Ondertekenen",
        "applications": "Aanvragen",
        "confirm": "Bevestigen: de LIO start",
        "confirmed": "Bevestigd: de LIO is gestart.",
        "pdf": "PDF downloaden",
        "code": "Verificatiecode",
        "days": "LIO-dagen",
        "days_menu": "Planning",
        "progress_0": "0 van 25 dagen",
        "progress_1": "1 van 25 dagen",
        "lesson_day": "Lesdag",
        "save": "Opslaan",
        "assessment": "Beoordelingsles",
        "work_menu": "Portfolio en beoordeling",
        "visit": "woensdag 10 februari 2027",
        "result": "Voldoende",
    },
    "en": {
        "planner": "Planner",
        "plan": "Plan",
        "end": "Tuesday 13 April 2027",
        "fill_in": "Fill in the start application",
        "class": "Class or group",
        "start": "Planned start date",
        "submit": "Submit for signatures",
        "submitted": "Submitted: the signers have been sent an e-mail.",
        "confirm_box": "I have read the form above",
        "sign": "Sign",
        "applications": "Applications",
        "confirm": "Confirm: the LIO starts",
        "confirmed": "Confirmed: the LIO has started.",
        "pdf": "Download PDF",
        "code": "Verification code",
        "days": "LIO days",
        "days_menu": "Planning",
        "progress_0": "0 of 25 days",
        "progress_1": "1 of 25 days",
        "lesson_day": "Lesson day",
        "save": "Save",
        "assessment": "Assessment lesson",
        "work_menu": "Portfolio and assessment",
        "visit": "Wednesday 10 February 2027",
        "result": "Pass",
    },
}


@pytest.fixture
def applications_demo(demo: None) -> None:
    """The demo's entry requirements and start applications (Anna meets every requirement)."""
    seed_demo_applications(today=timezone.localdate())


def _nav(page: Page, name: str, menu: str | None = None) -> None:
    navigation = page.get_by_role("navigation", name=re.compile("Hoofdnavigatie|Main navigation"))
    if menu is not None:
        navigation.get_by_role("button", name=menu, exact=True).click()
    navigation.get_by_role("link", name=name, exact=True).click()
    assert_accessible(page)


def _plan(page: Page, text: dict[str, str]) -> None:
    _nav(page, text["planner"], text["days_menu"])
    page.locator("#id_start").fill("2027-02-09")
    for day in ("1", "2", "3"):  # Tuesday, Wednesday, Thursday
        page.locator(f"input[name=weekdays][value='{day}']").check()
    page.get_by_role("button", name=text["plan"], exact=True).click()
    expect(page.locator(".plan-end")).to_have_text(text["end"])
    assert_accessible(page)


def _fill_in(page: Page, text: dict[str, str]) -> str:
    page.goto("/my-lio/")
    page.get_by_role("link", name=text["fill_in"]).click()
    assert_accessible(page)
    page.get_by_label(text["class"]).fill("groep 5")
    page.locator("input[name=grades][value=NL5]").check()
    for day in ("1", "2", "3"):
        page.locator(f"input[name=weekdays][value='{day}']").check()
    page.get_by_label(text["start"]).fill("2027-02-09")
    page.get_by_label(text["start"]).dispatch_event("change")
    expect(page.locator("[data-plan-preview-url]")).to_contain_text(text["end"])
    assert_accessible(page)
    page.get_by_role("button", name=text["submit"]).click()
    expect(page.get_by_text(text["submitted"])).to_be_visible()
    assert_accessible(page)
    screenshot(page, "start-application-submitted")
    return page.url


@pytest.mark.usefixtures("applications_demo")
@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_dutch_student_gets_the_lio_started(
    page: Page, phone_page: Page, open_page: OpenPage, language: str
) -> None:
    text = TEXT[language]
    page.goto("/accounts/login/")
    if language == "en":
        switch_language(page, "en")
    log_in(page, STUDENT)
    assert_accessible(page)
    _plan(page, text)
    application_url = _fill_in(page, text)

    # The signers read the mail and the form in their own language: Dutch.
    sign_from_mail(phone_page, MENTOR, phone_shot="signing-on-a-phone")
    director = open_page()
    sign_from_mail(director, DIRECTOR)

    coach = open_page()
    log_in(coach, STUDY_COACH)
    assert_accessible(coach)
    coach.goto(application_url)
    assert_accessible(coach)
    coach.get_by_label(re.compile(TEXT["nl"]["confirm_box"])).check()
    coach.get_by_role("button", name=TEXT["nl"]["sign"], exact=True).click()
    expect(coach.get_by_text("Dank je wel: je handtekening is vastgelegd.")).to_be_visible()
    assert_accessible(coach)

    coordinator = open_page()
    log_in(coordinator, Logins.COORDINATOR_NL)
    assert_accessible(coordinator)
    coordinator.goto("/start-applications/")
    assert_accessible(coordinator)
    coordinator.get_by_role("link", name="Anna Dijkstra").click()
    assert_accessible(coordinator)
    coordinator.get_by_role("button", name=TEXT["nl"]["confirm"]).click()
    expect(coordinator.get_by_text(TEXT["nl"]["confirmed"])).to_be_visible()
    assert_accessible(coordinator)

    page.goto(application_url)
    assert_accessible(page)
    name, content = download(page, page.get_by_role("link", name=text["pdf"]))
    assert name.endswith(".pdf")
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    for signer in ("Rik Dekker", "Wilma Meijer", "Jeroen Bakker"):
        assert signer in pdf_text
    assert re.search("Verificatiecode|Verification code", pdf_text)

    # Once the LIO has started (9 February 2027), the student logs the first day.
    started = datetime(2027, 2, 9, 16, 0, tzinfo=AMSTERDAM)
    with time_machine.travel(started, tick=True):
        page.context.clear_cookies()
        log_in(page, STUDENT)
        _nav(page, text["days"], text["days_menu"])
        expect(page.locator(".lio-progress-summary")).to_contain_text(text["progress_0"])
        page.locator("a[href$='/my-lio/days/2027-02-09/']").click()
        assert_accessible(page)
        page.get_by_label(text["lesson_day"], exact=True).check()
        page.get_by_role("button", name=text["save"], exact=True).click()
        expect(page.locator(".lio-progress-summary")).to_contain_text(text["progress_1"])
        assert_accessible(page)

        _schedule_assessment(coordinator)

    # The day of the visit: the assessors assess and sign, and the student sees the result.
    with time_machine.travel(datetime(2027, 2, 10, 15, 0, tzinfo=AMSTERDAM), tick=True):
        assessor = open_page()
        _assess(assessor)
        sign_from_mail(open_page(), CO_ASSESSOR)
        assessor.reload()
        assessor.get_by_label(re.compile(TEXT["nl"]["confirm_box"])).check()
        assessor.get_by_role("button", name=TEXT["nl"]["sign"], exact=True).click()
        expect(assessor.locator(".badge").first).to_have_text("Afgerond")
        assert_accessible(assessor)
        _see_the_result(page, text)


def _schedule_assessment(coordinator: Page) -> None:
    """The coordinator assigns the assessor (Anna has not started her professional product)
    and schedules the visit on her next LIO day."""
    coordinator.context.clear_cookies()
    log_in(coordinator, Logins.COORDINATOR_NL)
    assert_accessible(coordinator)
    navigation = coordinator.get_by_role("navigation", name="Hoofdnavigatie")
    navigation.get_by_role("button", name="Begeleiding").click()
    navigation.get_by_role("link", name="Beoordelingslessen").click()
    assert_accessible(coordinator)
    row = coordinator.get_by_role("row").filter(has_text="Anna Dijkstra")
    row.get_by_role("link", name="Inplannen").click()
    expect(coordinator.get_by_text("eerst een assessor aanwijzen")).to_be_visible()
    assert_accessible(coordinator)
    coordinator.get_by_role("link", name="Een assessor aanwijzen").click()
    assert_accessible(coordinator)
    coordinator.get_by_label("Assessor").select_option(label="Pieter van Dijk")
    coordinator.get_by_role("button", name="Aanwijzen").click()
    expect(coordinator.get_by_text("De assessor is aangewezen.")).to_be_visible()
    assert_accessible(coordinator)
    coordinator.locator("#id_date").fill("2027-02-10")
    coordinator.locator("#id_start_time").fill("09:00")
    coordinator.locator("#id_end_time").fill("10:00")
    coordinator.get_by_role("button", name="Inplannen en de afspraak versturen").click()
    expect(
        coordinator.get_by_text("Ingepland: alle betrokkenen krijgen de afspraak.")
    ).to_be_visible()
    assert_accessible(coordinator)
    screenshot(coordinator, "assessment-scheduled")


def _assess(assessor: Page) -> None:
    """The assessor fills in the form after the lesson and asks both for their signatures."""
    log_in(assessor, ASSESSOR)
    assert_accessible(assessor)
    assessor.goto("/assessments/")
    assert_accessible(assessor)
    assessor.get_by_role("link", name="Anna Dijkstra").click()
    assert_accessible(assessor)
    assessor.get_by_role("link", name="Formulier invullen").click()
    assert_accessible(assessor)
    for key in REQUIREMENT_KEYS:
        assessor.locator(f"input[name={key}_met][value=True]").check()
        assessor.locator(f"#id_{key}_note").fill("Goed zichtbaar in de les.")
    assessor.get_by_label("De mentor was tijdens de les niet in de klas.").check()
    assessor.get_by_label("Nagesprek van de assessoren").fill("Een sterke, rustige les.")
    assessor.get_by_label("Ja, de mentor schoof aan").check()
    assessor.locator("#id_student_talk_notes").fill("Keuzes goed uitgelegd.")
    assessor.get_by_label("Voldoende", exact=True).check()
    assessor.get_by_label("Motivering van het oordeel").fill("Alle vijf eisen zijn zichtbaar.")
    assert_accessible(assessor)
    assessor.get_by_role("button", name="Opslaan en beide assessoren laten ondertekenen").click()
    expect(
        assessor.get_by_text("Naar beide assessoren gestuurd om te ondertekenen.")
    ).to_be_visible()
    assert_accessible(assessor)


def _see_the_result(page: Page, text: dict[str, str]) -> None:
    """The student sees the result once both have signed, and downloads the signed form."""
    page.context.clear_cookies()
    log_in(page, STUDENT)
    _nav(page, text["assessment"], text["work_menu"])
    page.get_by_role("link", name=re.compile(text["visit"])).click()
    expect(page.get_by_text(text["result"], exact=True).first).to_be_visible()
    assert_accessible(page)
    lang = page.locator("html").get_attribute("lang")
    screenshot(page, f"assessment-result-{lang}", docs=lang == "nl")
    name, content = download(page, page.get_by_role("link", name=text["pdf"]))
    assert name.endswith(".pdf")
    pdf_text = " ".join(
        "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages).split()
    )
    record = _record_text()
    for expected in ("Anna Dijkstra", record["result"], "Pieter van Dijk", "Gert Postma"):
        assert expected in pdf_text, f"{expected!r} is missing from the PDF"
    assert record["code"] in pdf_text


def _record_text() -> dict[str, str]:
    """A signed PDF is the student's record, in the language of the student's record (not
    the language of the pages the student happens to read)."""
    return TEXT[Person.objects.get(email=STUDENT).language]
