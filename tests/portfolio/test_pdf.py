"""The portfolio and the profile sketch as PDF: contents, texts, images inline, attachments."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from internships.models import Role
from portfolio.pdf import portfolio_pdf, profile_sketch_pdf
from portfolio.services import (
    assignment_work_save,
    attachment_add,
    sketch_image_add,
    sketch_section_add,
)
from tests.conftest import World, client_for
from tests.portfolio.conftest import pdf_upload, png_upload, student_of

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_the_portfolio_pdf_has_contents_texts_images_and_a_list_of_attachments(
    vl_world: World, assignment: object
) -> None:
    student = student_of(vl_world)
    assignment_work_save(assignment=assignment, student=student, text="Drie niveaus in rekenen.")
    for upload in (pdf_upload("lesplan.pdf"), png_upload("klasopstelling.png")):
        attachment_add(assignment=assignment, student=student, upload=upload, actor=None)

    document = portfolio_pdf(student=student)
    text, reader = _text(document.data)
    assert document.filename.startswith("portfolio-") and document.filename.endswith(".pdf")
    assert "Contents" in text or "Inhoud" in text
    assert text.count(assignment.title) >= 2  # in the contents and as a heading
    assert "Drie niveaus in rekenen." in text
    assert "lesplan.pdf" in text and "klasopstelling.png" in text
    assert sum(len(page.images) for page in reader.pages) >= 1


def test_the_profile_sketch_pdf_shows_the_sections_with_their_images(world: World) -> None:
    student = student_of(world)
    section = sketch_section_add(student=student, heading="Wie ben ik?", text="Ik breng rust.")
    sketch_image_add(
        section=section, upload=png_upload(), alt_text="Mijn klas", caption="Groep 7", actor=None
    )
    text, reader = _text(profile_sketch_pdf(sketch=section.sketch).data)
    assert "Wie ben ik?" in text
    assert "Ik breng rust." in text
    assert "Groep 7" in text
    assert sum(len(page.images) for page in reader.pages) >= 1


def test_the_pdf_is_served_as_a_download_in_the_users_language(
    vl_world: World, assignment: object
) -> None:
    client = client_for(vl_world.people[Role.STUDENT])
    response = client.get(reverse("portfolio:portfolio-pdf", args=[student_of(vl_world).pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    text, _reader = _text(response.content)
    assert "Opdrachtenportfolio" in text
