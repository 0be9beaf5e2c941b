"""What each part sees: the student no result before both signatures, the mentor the
appointment only; the lesson preparation; the PDF and the .ics download."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from assessments.models import LessonAssessment, LessonPreparation
from internships.models import Role
from portfolio.demo_files import tiny_pdf, tiny_png
from signoffs.selectors import signoff_status
from signoffs.services import document_hash
from tests.assessments.conftest import (
    VISIT_DAY,
    Capture,
    filled_in,
    schedule,
    sign_by_link,
    sign_links,
    sign_logged_in,
    travel,
)
from tests.conftest import World, client_for

pytestmark = pytest.mark.django_db

NOTES = "De assessoren bespraken de les."


def _completed(world: World, capture: Capture) -> LessonAssessment:
    with capture(execute=True):
        assessment = filled_in(world)
    with travel(VISIT_DAY, 15):
        sign_logged_in(client_for(world.people[Role.ASSESSOR]), assessment, capture)
        sign_by_link(sign_links()[world.people[Role.SCHOOL_TEACHER_EDUCATOR].email], capture)
    return LessonAssessment.objects.get(pk=assessment.pk)


def _page(world: World, role: str, assessment: LessonAssessment) -> str:
    with travel(VISIT_DAY, 17):
        response = client_for(world.people[role]).get(
            reverse("assessments:detail", args=[assessment.pk])
        )
    assert response.status_code == 200
    return response.content.decode()


def test_before_both_signatures_the_student_sees_no_result_or_notes(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assessment = filled_in(lio)
    with travel(VISIT_DAY, 15):
        sign_logged_in(
            client_for(lio.people[Role.ASSESSOR]), assessment, django_capture_on_commit_callbacks
        )
    page = _page(lio, Role.STUDENT, assessment)
    assert "Being assessed" in page
    assert NOTES not in page
    assert "Alle eisen zichtbaar." not in page
    assert "Waiting for signatures" not in page
    assert "Pass" not in page
    assert reverse("assessments:pdf", args=[assessment.pk]) not in page
    with travel(VISIT_DAY, 17):
        pdf = client_for(lio.people[Role.STUDENT]).get(
            reverse("assessments:pdf", args=[assessment.pk])
        )
    assert pdf.status_code == 404


def test_a_scheduled_visit_shows_scheduled_to_the_student(lio: World) -> None:
    assessment = schedule(lio)
    page = _page(lio, Role.STUDENT, assessment)
    assert "Scheduled" in page
    assert lio.people[Role.ASSESSOR].full_name in page


def test_after_both_signatures_the_student_sees_the_result_and_credits(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    assessment = _completed(lio, django_capture_on_commit_callbacks)
    page = _page(lio, Role.STUDENT, assessment)
    assert NOTES in page
    assert "Pass" in page
    assert "the 9 ec of the LIO internship were recorded" in page
    assert reverse("assessments:pdf", args=[assessment.pk]) in page
    with travel(VISIT_DAY, 17):
        mine = client_for(lio.people[Role.STUDENT]).get(reverse("assessments:mine"))
        home = client_for(lio.people[Role.STUDENT]).get(reverse("internships:my-lio"))
    assert "9 ec recorded on 17 November 2026" in mine.content.decode()
    assert "LIO internship: 9 ec" in home.content.decode()


def test_the_mentor_sees_the_appointment_only(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    assessment = _completed(lio, django_capture_on_commit_callbacks)
    page = _page(lio, Role.MENTOR, assessment)
    assert lio.people[Role.ASSESSOR].full_name in page
    assert NOTES not in page
    assert "Lesson preparation" not in page
    assert ">Pass</span>" not in page  # the result badge; a random name may contain "Pass"
    with travel(VISIT_DAY, 17):
        client = client_for(lio.people[Role.MENTOR])
        assert client.get(reverse("assessments:pdf", args=[assessment.pk])).status_code == 403
        ics = client.get(reverse("assessments:ics", args=[assessment.pk]))
    assert ics.status_code == 200


def test_the_co_assessors_link_shows_the_form_to_sign(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        filled_in(lio)
    link = sign_links()[lio.people[Role.SCHOOL_TEACHER_EDUCATOR].email]
    with travel(VISIT_DAY, 15):
        page = Client().get(link).content.decode()
    assert NOTES in page
    assert "Most of the lesson is self-designed." in page
    assert 'name="content_hash"' in page


def test_the_pdf_has_both_signatures_and_the_verification_code(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    assessment = _completed(lio, django_capture_on_commit_callbacks)
    url = reverse("assessments:pdf", args=[assessment.pk])
    with travel(VISIT_DAY, 17):
        first = client_for(lio.people[Role.STUDENT]).get(url)
        second = client_for(lio.people[Role.COORDINATOR]).get(url)
    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert first.content == second.content
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(first.content)).pages)
    code = signoff_status(assessment).verification_code(document_hash(assessment))
    assert code in text
    assert code in first["Content-Disposition"]
    for role in (Role.STUDENT, Role.ASSESSOR, Role.SCHOOL_TEACHER_EDUCATOR):
        assert lio.people[role].full_name in text
    assert NOTES in text
    assert "9 ec" in text


def test_the_student_uploads_the_preparation_before_the_visit(lio: World) -> None:
    assessment = schedule(lio)
    client = client_for(lio.people[Role.STUDENT])
    response = client.post(
        reverse("assessments:preparation-upload", args=[assessment.pk]),
        {
            "file": SimpleUploadedFile("les.pdf", tiny_pdf("Les"), "application/pdf"),
            "lesson_sequence": "Les 3 van 5 over breuken.",
        },
    )
    assert response.status_code == 302
    preparation = LessonPreparation.objects.get()
    assert preparation.original_name == "les.pdf"
    assessment.refresh_from_db()
    assert assessment.lesson_sequence == "Les 3 van 5 over breuken."
    download = client_for(lio.people[Role.ASSESSOR]).get(
        reverse("assessments:preparation-download", args=[assessment.pk])
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert download["X-Content-Type-Options"] == "nosniff"


def test_a_replaced_preparation_is_the_only_one(lio: World) -> None:
    assessment = schedule(lio)
    client = client_for(lio.people[Role.STUDENT])
    url = reverse("assessments:preparation-upload", args=[assessment.pk])
    for name in ("eerste.pdf", "tweede.pdf"):
        client.post(
            url,
            {
                "file": SimpleUploadedFile(name, tiny_pdf(name), "application/pdf"),
                "lesson_sequence": "Reeks.",
            },
        )
    assert list(LessonPreparation.objects.values_list("original_name", flat=True)) == ["tweede.pdf"]


@pytest.mark.parametrize(
    ("name", "data", "sequence", "message"),
    [
        ("les.pdf", tiny_png(), "Reeks.", "does not match its content"),
        ("les.pdf", tiny_pdf("Les"), "", "This field is required."),
        (None, None, "Reeks.", "Upload your lesson preparation."),
    ],
    ids=["disguised", "no-sequence", "no-file"],
)
def test_a_bad_preparation_is_refused_on_the_page(
    lio: World, name: str | None, data: bytes | None, sequence: str, message: str
) -> None:
    assessment = schedule(lio)
    post = {"lesson_sequence": sequence}
    if name:
        post["file"] = SimpleUploadedFile(name, data, "application/pdf")  # type: ignore[assignment]
    response = client_for(lio.people[Role.STUDENT]).post(
        reverse("assessments:preparation-upload", args=[assessment.pk]), post
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LessonPreparation.objects.exists()


def test_the_preparation_is_closed_once_the_form_is_started(lio: World) -> None:
    assessment = filled_in(lio)
    with travel(VISIT_DAY, 17):
        response = client_for(lio.people[Role.STUDENT]).post(
            reverse("assessments:preparation-upload", args=[assessment.pk]),
            {
                "file": SimpleUploadedFile("les.pdf", tiny_pdf("Les"), "application/pdf"),
                "lesson_sequence": "Reeks.",
            },
        )
    assert response.status_code == 200
    assert not LessonPreparation.objects.exists()


def test_the_appointment_can_be_downloaded_again(lio: World) -> None:
    assessment = schedule(lio)
    response = client_for(lio.people[Role.STUDENT]).get(
        reverse("assessments:ics", args=[assessment.pk])
    )
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event.decoded("DTSTART").date() == VISIT_DAY


@pytest.mark.parametrize(
    ("role", "url_name", "arg"),
    [
        (Role.COORDINATOR, "assessments:list", None),
        (Role.COORDINATOR, "assessments:schedule", "placement"),
        (Role.COORDINATOR, "assessments:assessor-assign", "placement"),
        (Role.COORDINATOR, "assessments:detail", "assessment"),
        (Role.COORDINATOR, "assessments:schedule-edit", "assessment"),
        (Role.ASSESSOR, "assessments:form", "assessment"),
        (Role.STUDENT, "assessments:mine", None),
        (Role.STUDENT, "assessments:detail", "assessment"),
        (Role.MENTOR, "assessments:detail", "assessment"),
    ],
)
def test_every_page_has_one_h1(lio: World, role: str, url_name: str, arg: str | None) -> None:
    assessment = schedule(lio)
    args = {"placement": [lio.placement.pk], "assessment": [assessment.pk], None: []}[arg]
    page = client_for(lio.people[role]).get(reverse(url_name, args=args)).content.decode()
    assert page.count("<h1") == 1
