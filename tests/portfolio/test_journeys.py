"""The issue's journeys through the views, and what a posted form may not change."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from internships.models import Role
from portfolio.models import AssignmentWork, ProfileSketch, WorkStatus
from tests.conftest import World, client_for
from tests.factories import StudentProfileFactory
from tests.portfolio.conftest import (
    assign_graduation_supervisor,
    pdf_upload,
    png_upload,
    student_of,
)

pytestmark = pytest.mark.django_db


def _post_work(client: object, assignment: object, **data: object) -> object:
    return client.post(reverse("portfolio:assignment-work", args=[assignment.pk]), data)  # type: ignore[attr-defined]


def _review(client: object, work: AssignmentWork, decision: str, feedback: str) -> object:
    url = reverse("portfolio:work-review", args=[work.pk])
    return client.post(url, {"decision": decision, "feedback": feedback})  # type: ignore[attr-defined]


def test_submit_revise_resubmit_approve_with_both_versions_readable(
    vl_world: World, assignment: object
) -> None:
    student = client_for(vl_world.people[Role.STUDENT])
    coach = client_for(vl_world.people[Role.STUDY_COACH])
    upload_url = reverse("portfolio:attachment-upload", args=[assignment.pk])
    assert student.post(upload_url, {"file": pdf_upload("lesplan.pdf")}).status_code == 302
    response = _post_work(student, assignment, text="Eerste versie.", action="submit")
    assert response.status_code == 302
    work = AssignmentWork.objects.get()
    assert work.status == WorkStatus.SUBMITTED

    queue = coach.get(reverse("portfolio:feedback-queue")).content.decode()
    assert assignment.title in queue
    assert _review(coach, work, "revise", "Leg je keuzes uit.").status_code == 302
    _post_work(student, assignment, text="Tweede versie.", action="submit")
    assert _review(coach, work, "approved", "Goedgekeurd.").status_code == 302
    work.refresh_from_db()
    assert work.status == WorkStatus.APPROVED

    for client, url in (
        (student, reverse("portfolio:assignment-work", args=[assignment.pk])),
        (coach, reverse("portfolio:work-detail", args=[work.pk])),
    ):
        page = client.get(url).content.decode()
        assert "Eerste versie." in page
        assert "Tweede versie." in page
        assert "Leg je keuzes uit." in page
        assert page.count("lesplan.pdf") >= 2


def test_a_refused_upload_shows_a_clear_error_and_keeps_nothing(
    vl_world: World, assignment: object
) -> None:
    client = client_for(vl_world.people[Role.STUDENT])
    fake = SimpleUploadedFile("plan.pdf", b"geen pdf\n" * 50, "application/pdf")
    response = client.post(
        reverse("portfolio:attachment-upload", args=[assignment.pk]), {"file": fake}
    )
    assert response.status_code == 200
    assert "plan.pdf" in response.context["upload_form"].errors["file"][0]
    assert not AssignmentWork.objects.filter(attachments__isnull=False).exists()


def test_posting_status_student_or_dates_changes_nothing_else(
    vl_world: World, assignment: object
) -> None:
    client = client_for(vl_world.people[Role.STUDENT])
    other = StudentProfileFactory(institution=vl_world.institution, programme=assignment.programme)
    _post_work(
        client,
        assignment,
        text="Mijn tekst",
        action="save",
        status="approved",
        student=other.pk,
        submitted_at="2020-01-01T00:00",
        created_at="2020-01-01T00:00",
    )
    work = AssignmentWork.objects.get()
    assert work.student == student_of(vl_world)
    assert work.status == WorkStatus.DRAFT
    assert work.submitted_at is None
    assert work.text == "Mijn tekst"


def test_the_coach_cannot_set_a_status_by_posting_it(vl_world: World, assignment: object) -> None:
    student = client_for(vl_world.people[Role.STUDENT])
    _post_work(student, assignment, text="Tekst", action="submit")
    work = AssignmentWork.objects.get()
    coach = client_for(vl_world.people[Role.STUDY_COACH])
    url = reverse("portfolio:work-review", args=[work.pk])
    response = coach.post(url, {"status": "approved", "feedback": ""})
    assert response.status_code == 200
    work.refresh_from_db()
    assert work.status == WorkStatus.SUBMITTED


def test_a_dutch_student_submits_a_sketch_whose_image_shows_inline_and_in_the_pdf(
    world: World,
) -> None:
    client = client_for(world.people[Role.STUDENT])
    client.post(reverse("portfolio:section-add"), {"heading": "Mijn klas", "text": "Hoeken."})
    sketch = ProfileSketch.objects.get()
    section = sketch.sections.get()
    image_url = reverse("portfolio:image-upload", args=[section.pk])
    form = {"file": png_upload(), "alt_text": "Klas met hoeken", "caption": "Groep 7"}
    assert client.post(image_url, form).status_code == 302
    assert client.post(reverse("portfolio:sketch-submit")).status_code == 302
    sketch.refresh_from_db()
    assert sketch.status == WorkStatus.SUBMITTED

    image = sketch.images.get()
    src = reverse("portfolio:sketch-image", args=[image.pk])
    page = client.get(reverse("portfolio:mine")).content.decode()
    assert f'src="{src}" alt="Klas met hoeken"' in page
    response = client.get(src)
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    # Reading the stream to its end closes the file the way the test client expects; calling
    # response.close() directly would fire request_finished and close the test's connection.
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")

    pdf = client.get(reverse("portfolio:sketch-pdf", args=[sketch.pk]))
    reader = PdfReader(io.BytesIO(pdf.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Mijn klas" in text
    assert "Klas met hoeken" in text  # in the list of images
    assert any(page.images for page in reader.pages)


def test_an_image_without_alt_text_is_refused(world: World) -> None:
    client = client_for(world.people[Role.STUDENT])
    client.post(reverse("portfolio:section-add"), {"heading": "Mijn klas", "text": ""})
    section = ProfileSketch.objects.get().sections.get()
    response = client.post(
        reverse("portfolio:image-upload", args=[section.pk]), {"file": png_upload()}
    )
    assert response.status_code == 200
    assert "alt_text" in response.context["image_form"].errors
    assert not section.images.exists()


def test_the_graduation_supervisor_assesses_through_the_page(world: World) -> None:
    assign_graduation_supervisor(world)
    student = client_for(world.people[Role.STUDENT])
    student.post(reverse("portfolio:section-add"), {"heading": "Wie ben ik?", "text": "Rustig."})
    student.post(reverse("portfolio:sketch-submit"))
    sketch = ProfileSketch.objects.get()
    supervisor = client_for(world.people[Role.GRADUATION_SUPERVISOR])
    listing = supervisor.get(reverse("portfolio:sketch-list")).content.decode()
    assert reverse("portfolio:sketch-detail", args=[sketch.pk]) in listing
    response = supervisor.post(
        reverse("portfolio:sketch-assess", args=[sketch.pk]),
        {"feedback": "Sterk.", "result": "passed", "status": "draft"},
    )
    assert response.status_code == 302
    sketch.refresh_from_db()
    assert sketch.status == WorkStatus.APPROVED
    coordinator = client_for(world.people[Role.COORDINATOR])
    response = coordinator.post(
        reverse("portfolio:sketch-assess", args=[sketch.pk]),
        {"feedback": "x", "result": "not_passed"},
    )
    assert response.status_code == 403
