"""The profile sketch (track NL, LUK *Beschouwing op jezelf als startbekwaam leerkracht*):
sections of text and images, submitted to a graduation supervisor for feedback and a result.

Statuses as for assignments: draft → submitted → approved (passed) or revise (not passed yet)
→ submitted again. Every submission is an append-only version with its images.
"""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import Person, StudentProfile, Track
from lio_portal.uploads import IMAGE_TYPES

from ..models import (
    ProfessionalProduct,
    ProfileSketch,
    SketchAssessment,
    SketchImage,
    SketchSection,
    SketchVersion,
    WorkStatus,
)
from ._common import checked, delete_with_file, require_editable, save_with_file

MAX_IMAGES_PER_SECTION = 10


def _sketch_for_update(student: StudentProfile) -> ProfileSketch:
    if student.programme.track != Track.NL:
        raise ValidationError(_("Only students of the Dutch track write a profile sketch."))
    sketch, _created = ProfileSketch.objects.select_for_update().get_or_create(student=student)
    return sketch


def _locked(sketch: ProfileSketch) -> ProfileSketch:
    return (
        ProfileSketch.objects.select_for_update(of=("self",))
        .select_related("student")
        .get(pk=sketch.pk)
    )


def _start(sketch: ProfileSketch) -> None:
    if sketch.status == WorkStatus.NOT_STARTED:
        sketch.status = WorkStatus.DRAFT
        sketch.save(update_fields=["status", "updated_at"])


@transaction.atomic
def sketch_section_add(*, student: StudentProfile, heading: str, text: str) -> SketchSection:
    """Add a section to the student's profile sketch while it is a draft or to be revised."""
    sketch = _sketch_for_update(student)
    require_editable(sketch.status)
    last = sketch.sections.aggregate(last=Max("position"))["last"] or 0
    section = SketchSection(sketch=sketch, position=last + 1, heading=heading.strip(), text=text)
    section.full_clean()
    section.save()
    _start(sketch)
    return section


@transaction.atomic
def sketch_section_update(*, section: SketchSection, heading: str, text: str) -> SketchSection:
    require_editable(_locked(section.sketch).status)
    section.heading = heading.strip()
    section.text = text
    section.full_clean()
    section.save(update_fields=["heading", "text"])
    return section


def _take_out(image: SketchImage) -> None:
    """An image a version refers to stays readable there; any other image is deleted."""
    if image.versions.exists():
        image.removed_at = timezone.now()
        image.section = None
        image.save(update_fields=["removed_at", "section"])
    else:
        delete_with_file(image)


@transaction.atomic
def sketch_section_delete(*, section: SketchSection) -> None:
    require_editable(_locked(section.sketch).status)
    for image in section.images.filter(removed_at=None):
        _take_out(image)
    section.delete()


@transaction.atomic
def sketch_image_add(
    *, section: SketchSection, upload: File, alt_text: str, caption: str, actor: Person
) -> SketchImage:
    """Add an image to a section; only images (checked by content), always with an alt text."""
    checked_upload = checked(upload, allowed=IMAGE_TYPES)
    sketch = _locked(section.sketch)
    require_editable(sketch.status)
    if not alt_text.strip():
        raise ValidationError({"alt_text": _("Describe what the image shows.")})
    if section.images.filter(removed_at=None).count() >= MAX_IMAGES_PER_SECTION:
        raise ValidationError(
            _("A section can have at most %(max)s images."),
            params={"max": MAX_IMAGES_PER_SECTION},
        )
    image = SketchImage(
        sketch=sketch,
        section=section,
        alt_text=alt_text.strip(),
        caption=caption.strip(),
        uploaded_by=actor,
    )
    save_with_file(image, checked_upload)
    return image


@transaction.atomic
def sketch_image_remove(*, image: SketchImage) -> None:
    require_editable(_locked(image.sketch).status)
    if image.removed_at is None:
        _take_out(image)


def _snapshot(sketch: ProfileSketch) -> tuple[list[dict[str, object]], list[SketchImage]]:
    sections, images = [], []
    for section in sketch.sections.prefetch_related("images"):
        current = [image for image in section.images.all() if image.removed_at is None]
        images += current
        sections.append(
            {
                "heading": section.heading,
                "text": section.text,
                "images": [
                    {"id": image.pk, "alt_text": image.alt_text, "caption": image.caption}
                    for image in current
                ],
            }
        )
    return sections, images


@transaction.atomic
def profile_sketch_submit(*, sketch: ProfileSketch, actor: Person) -> SketchVersion:
    """Submit the sketch for assessment as a new version that is kept."""
    sketch = _locked(sketch)
    if sketch.status not in {WorkStatus.DRAFT, WorkStatus.REVISE}:
        raise ValidationError(
            _("Only a draft or a sketch sent back for revision can be submitted.")
        )
    sections, images = _snapshot(sketch)
    if not any(str(section["text"]).strip() or section["images"] for section in sections):
        raise ValidationError(_("Write at least one section before you submit."))
    now = timezone.now()
    number = (sketch.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = SketchVersion.objects.create(
        sketch=sketch, number=number, content=sections, submitted_by=actor, submitted_at=now
    )
    version.images.set(images)
    sketch.status = WorkStatus.SUBMITTED
    sketch.submitted_at = now
    sketch.save(update_fields=["status", "submitted_at", "updated_at"])
    return version


@transaction.atomic
def profile_sketch_assess(
    *, sketch: ProfileSketch, assessor: Person, feedback: str, result: str
) -> SketchAssessment:
    """The student's graduation supervisor (assigned on the professional product) gives feedback
    and a result on the submitted version: passed approves the sketch, not passed sends it
    back for revision."""
    sketch = _locked(sketch)
    if sketch.status != WorkStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted profile sketch can be assessed."))
    supervises = ProfessionalProduct.objects.filter(
        student=sketch.student, graduation_supervisor=assessor
    ).exists()
    if not supervises:
        raise ValidationError(_("Only the student's graduation supervisor assesses this."))
    if not feedback.strip():
        raise ValidationError({"feedback": _("Write your feedback.")})
    if result not in SketchAssessment.Result.values:
        raise ValidationError({"result": _("Choose a result.")})
    version = sketch.versions.order_by("-number").first()
    assessment = SketchAssessment.objects.create(
        version=version, assessor=assessor, feedback=feedback.strip(), result=result
    )
    passed = result == SketchAssessment.Result.PASSED
    sketch.status = WorkStatus.APPROVED if passed else WorkStatus.REVISE
    sketch.save(update_fields=["status", "updated_at"])
    return assessment
