"""The profile sketch (track NL): sections with images, submitted for assessment."""

import pytest
from django.core.exceptions import ValidationError

from internships.models import Role
from portfolio.models import ProfileSketch, SketchAssessment, WorkStatus
from portfolio.services import (
    profile_sketch_assess,
    profile_sketch_submit,
    sketch_image_add,
    sketch_image_remove,
    sketch_section_add,
    sketch_section_update,
)
from tests.conftest import World
from tests.factories import PersonFactory, RoleAssignmentFactory
from tests.portfolio.conftest import (
    assign_graduation_supervisor,
    pdf_upload,
    png_upload,
    student_of,
)

pytestmark = pytest.mark.django_db
PASSED, NOT_PASSED = SketchAssessment.Result.PASSED, SketchAssessment.Result.NOT_PASSED


def _sketch_with_image(world: World) -> ProfileSketch:
    student = student_of(world)
    assign_graduation_supervisor(world)
    section = sketch_section_add(student=student, heading="Wie ben ik?", text="Rustig.")
    sketch_image_add(
        section=section, upload=png_upload(), alt_text="Mijn klas", caption="", actor=None
    )
    return section.sketch


def _assess(world: World, sketch: ProfileSketch, result: str, person: object = None) -> object:
    return profile_sketch_assess(
        sketch=sketch,
        assessor=person or world.people[Role.GRADUATION_SUPERVISOR],
        feedback="Helder beeld van jezelf.",
        result=result,
    )


def test_the_first_section_starts_a_draft(world: World) -> None:
    section = sketch_section_add(student=student_of(world), heading="Wie ben ik?", text="")
    assert section.sketch.status == WorkStatus.DRAFT


def test_a_flemish_student_has_no_profile_sketch(vl_world: World) -> None:
    with pytest.raises(ValidationError):
        sketch_section_add(student=student_of(vl_world), heading="x", text="y")


def test_an_image_needs_an_alt_text(world: World) -> None:
    section = sketch_section_add(student=student_of(world), heading="Wie ben ik?", text="")
    with pytest.raises(ValidationError) as exc:
        sketch_image_add(section=section, upload=png_upload(), alt_text=" ", caption="", actor=None)
    assert "alt_text" in exc.value.message_dict


def test_only_images_go_into_a_sketch(world: World) -> None:
    section = sketch_section_add(student=student_of(world), heading="Wie ben ik?", text="")
    with pytest.raises(ValidationError) as exc:
        sketch_image_add(
            section=section, upload=pdf_upload(), alt_text="Plan", caption="", actor=None
        )
    assert "file" in exc.value.message_dict


def test_submitting_keeps_the_content_as_it_was(world: World) -> None:
    sketch = _sketch_with_image(world)
    version = profile_sketch_submit(sketch=sketch, actor=student_of(world).person)
    sketch.refresh_from_db()
    assert sketch.status == WorkStatus.SUBMITTED
    assert version.number == 1
    [section] = version.content
    assert section["heading"] == "Wie ben ik?"
    assert section["images"][0]["alt_text"] == "Mijn klas"
    assert version.images.count() == 1


def test_a_submitted_sketch_cannot_be_changed(world: World) -> None:
    sketch = _sketch_with_image(world)
    profile_sketch_submit(sketch=sketch, actor=None)
    section = sketch.sections.get()
    with pytest.raises(ValidationError):
        sketch_section_update(section=section, heading="Anders", text="")
    with pytest.raises(ValidationError):
        sketch_section_add(student=student_of(world), heading="Nog een", text="")
    with pytest.raises(ValidationError):
        sketch_image_remove(image=sketch.images.get())


def test_an_empty_sketch_cannot_be_submitted(world: World) -> None:
    sketch = sketch_section_add(student=student_of(world), heading="Leeg", text="").sketch
    with pytest.raises(ValidationError):
        profile_sketch_submit(sketch=sketch, actor=None)


def test_passed_approves_and_not_passed_asks_for_a_revision(world: World) -> None:
    sketch = _sketch_with_image(world)
    profile_sketch_submit(sketch=sketch, actor=None)
    _assess(world, sketch, NOT_PASSED)
    sketch.refresh_from_db()
    assert sketch.status == WorkStatus.REVISE

    image = sketch.images.get()
    sketch_image_remove(image=image)
    image.refresh_from_db()
    assert image.removed_at is not None  # still part of version 1
    sketch_section_update(section=sketch.sections.get(), heading="Wie ben ik nu?", text="Gegroeid.")
    profile_sketch_submit(sketch=sketch, actor=None)
    _assess(world, sketch, PASSED)
    sketch.refresh_from_db()
    assert sketch.status == WorkStatus.APPROVED
    first, second = sketch.versions.order_by("number")
    assert first.content[0]["heading"] == "Wie ben ik?"
    assert list(first.images.all()) == [image]
    assert second.content[0]["heading"] == "Wie ben ik nu?"
    assert second.images.count() == 0
    assert [first.assessment.result, second.assessment.result] == [NOT_PASSED, PASSED]


def test_only_a_submitted_sketch_is_assessed(world: World) -> None:
    sketch = _sketch_with_image(world)
    with pytest.raises(ValidationError):
        _assess(world, sketch, PASSED)


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.STUDY_COACH, Role.ASSESSOR, Role.MENTOR])
def test_only_a_graduation_supervisor_assesses(world: World, role: str) -> None:
    sketch = _sketch_with_image(world)
    profile_sketch_submit(sketch=sketch, actor=None)
    with pytest.raises(ValidationError):
        _assess(world, sketch, PASSED, world.people[role])


def test_a_graduation_supervisor_of_another_institution_may_not_assess(
    world: World, other_world: World
) -> None:
    sketch = _sketch_with_image(world)
    profile_sketch_submit(sketch=sketch, actor=None)
    with pytest.raises(ValidationError):
        _assess(world, sketch, PASSED, other_world.people[Role.GRADUATION_SUPERVISOR])


def test_another_graduation_supervisor_of_the_institution_may_not_assess(world: World) -> None:
    """Only the graduation supervisor assigned on the student's professional product."""
    sketch = _sketch_with_image(world)
    profile_sketch_submit(sketch=sketch, actor=None)
    colleague = RoleAssignmentFactory(
        person=PersonFactory(institution=world.institution), role=Role.GRADUATION_SUPERVISOR
    ).person
    with pytest.raises(ValidationError):
        _assess(world, sketch, PASSED, colleague)


def test_the_students_own_graduation_supervisor_assesses(world: World) -> None:
    sketch = _sketch_with_image(world)
    profile_sketch_submit(sketch=sketch, actor=None)
    assert _assess(world, sketch, PASSED).result == PASSED
