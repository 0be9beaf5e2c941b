"""Every bad upload of the corpus, posted through each real upload form, is refused with a
message next to the file field and leaves nothing stored; downloads are attachments."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from assessments.models import AssessorAssignment, LessonPreparation
from internships.models import Placement, Role
from lio_portal import uploads
from portfolio.demo_files import tiny_pdf
from portfolio.models import Attachment, DeliverableVersion, SketchImage, SketchSection
from tests.conftest import World, build_world, client_for
from tests.factories import AssignmentFactory, ProfileSketchFactory, stage_follows

from .bad_uploads import CORPUS, BadUpload

pytestmark = pytest.mark.django_db


@dataclass
class Form:
    client: Client
    url: str
    extra: dict[str, str]
    stored: Callable[[], int]


def _attachment_form(_world: World) -> Form:
    world = build_world("BE")
    student = world.placement.student
    assignment = AssignmentFactory(programme=student.programme, lio_year=1)
    url = reverse("portfolio:attachment-upload", args=[assignment.pk])
    return Form(client_for(student.person), url, {}, Attachment.objects.count)


def _image_form(world: World) -> Form:
    sketch = ProfileSketchFactory(student=world.placement.student)
    section = SketchSection.objects.create(sketch=sketch, position=1, heading="Ik", text="")
    url = reverse("portfolio:image-upload", args=[section.pk])
    extra = {"alt_text": "Mijn klas", "caption": ""}
    return Form(client_for(world.people[Role.STUDENT]), url, extra, SketchImage.objects.count)


def _product_form(world: World) -> Form:
    from tests.portfolio.products import in_phase_1

    in_phase_1(world)
    url = reverse("portfolio:product-upload", args=[1])
    client = client_for(world.people[Role.STUDENT])
    return Form(client, url, {"note": ""}, DeliverableVersion.objects.count)


def _preparation_form(world: World) -> Form:
    from tests.assessments.conftest import schedule

    placement = world.placement
    placement.status = Placement.Status.ACTIVE
    placement.start_date, placement.end_date = date(2026, 11, 2), date(2026, 12, 16)
    placement.weekdays = [0, 1, 2]
    placement.save()
    stage_follows(placement)
    AssessorAssignment.objects.create(
        student=placement.student, assessor=world.people[Role.ASSESSOR]
    )
    assessment = schedule(world)
    url = reverse("assessments:preparation-upload", args=[assessment.pk])
    extra = {"lesson_sequence": "Les 3 van 5."}
    client = client_for(world.people[Role.STUDENT])
    return Form(client, url, extra, LessonPreparation.objects.count)


FORMS = {
    "portfolio-attachment": _attachment_form,
    "sketch-image": _image_form,
    "product-deliverable": _product_form,
    "lesson-preparation": _preparation_form,
}


@pytest.fixture
def form(request: Any, world: World, monkeypatch: pytest.MonkeyPatch) -> Form:
    monkeypatch.setattr(settings, "UPLOAD_MAX_BYTES", 1024 * 1024)
    monkeypatch.setattr(uploads, "MAX_UNCOMPRESSED_BYTES", 2 * 1024 * 1024)
    from tests.assessments.conftest import TODAY, travel

    with travel(TODAY):
        yield FORMS[request.param](world)


def _files_on_disk() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


@pytest.mark.parametrize("form", list(FORMS), indirect=True)
@pytest.mark.parametrize("bad", CORPUS, ids=[bad.key for bad in CORPUS])
def test_the_bad_upload_is_refused_next_to_the_field(form: Form, bad: BadUpload) -> None:
    before, files = form.stored(), _files_on_disk()
    upload = SimpleUploadedFile(bad.name, bad.data(), content_type="application/pdf")
    response = form.client.post(form.url, {"file": upload, **form.extra})
    assert response.status_code == 200, "a refused upload re-renders the page with the form"
    html = response.content.decode()
    assert 'id="error_1_id_file"' in html, "the message stands next to the file field"
    assert form.stored() == before
    assert _files_on_disk() == files


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 15


def test_a_traversal_name_is_stored_under_a_generated_name(world: World) -> None:
    sketch = ProfileSketchFactory(student=world.placement.student)
    section = SketchSection.objects.create(sketch=sketch, position=1, heading="Ik", text="")
    client = client_for(world.people[Role.STUDENT])
    upload = SimpleUploadedFile("../../x/klas.png", _png(), content_type="text/html")
    client.post(
        reverse("portfolio:image-upload", args=[section.pk]),
        {"file": upload, "alt_text": "Klas", "caption": ""},
    )
    image = SketchImage.objects.get()
    assert "klas" not in image.file.name and ".." not in image.file.name
    assert image.original_name == "klas.png"
    assert image.content_type == "image/png"


def test_downloads_are_attachments_and_never_sniffed(world: World) -> None:
    from tests.assessments.conftest import TODAY, travel

    with travel(TODAY):
        form = _preparation_form(world)
        upload = SimpleUploadedFile("les.pdf", tiny_pdf("Les"))
        assert form.client.post(form.url, {"file": upload, **form.extra}).status_code == 302
        assessment = LessonPreparation.objects.get().assessment_id
        response = form.client.get(reverse("assessments:preparation-download", args=[assessment]))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def _png() -> bytes:
    from portfolio.demo_files import tiny_png

    return tiny_png()


@pytest.mark.parametrize("name", ["plan\x00.pdf", "plan\u200b.pdf"])
def test_hidden_characters_are_stripped_before_the_check(world: World, name: str) -> None:
    form = _product_form(world)
    upload = SimpleUploadedFile(name, tiny_pdf("Plan"), content_type="application/pdf")
    assert form.client.post(form.url, {"file": upload, **form.extra}).status_code == 302
    version = DeliverableVersion.objects.get()
    assert version.original_name == "plan.pdf"
    assert "plan" not in version.file.name


@pytest.mark.parametrize(
    "name", ["plan\x00.pdf", "plan\u200b.pdf", "factuur\u202efdp.pdf", "a" * 201 + ".pdf"]
)
def test_check_upload_refuses_hidden_characters_and_long_names(name: str) -> None:
    with pytest.raises(ValidationError) as exc:
        uploads.check_upload(SimpleUploadedFile(name, tiny_pdf("Plan")))
    assert exc.value.error_list[0].code == "bad_name"


def test_a_real_pdf_and_image_still_pass() -> None:
    from portfolio.demo_files import tiny_png

    assert uploads.check_upload(SimpleUploadedFile("plan.pdf", tiny_pdf("Plan"))).size > 0
    image = uploads.check_upload(
        SimpleUploadedFile("klas.png", tiny_png()), allowed=uploads.IMAGE_TYPES
    )
    assert image.content_type == uploads.PNG
