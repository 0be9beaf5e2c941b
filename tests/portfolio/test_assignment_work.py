"""The assignment portfolio (track VL): statuses, versions and who may give feedback."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage

from internships.models import Role
from portfolio.models import AssignmentWork, Theme, WorkFeedback, WorkStatus
from portfolio.services import (
    assignment_work_approve,
    assignment_work_request_revision,
    assignment_work_save,
    assignment_work_submit,
    attachment_add,
    attachment_remove,
)
from tests.conftest import World
from tests.factories import (
    AssignmentFactory,
    PersonFactory,
    RoleAssignmentFactory,
    StudentProfileFactory,
)
from tests.portfolio.conftest import pdf_upload, png_upload, student_of

pytestmark = pytest.mark.django_db


def _submit(assignment: object, student: object, text: str = "Mijn reflectie.") -> object:
    return assignment_work_submit(
        assignment=assignment, student=student, text=text, actor=student.person
    )


def _work(assignment: object, student: object) -> AssignmentWork:
    return AssignmentWork.objects.get(assignment=assignment, student=student)


def test_saving_starts_a_draft(vl_world: World, assignment: object) -> None:
    work = assignment_work_save(assignment=assignment, student=student_of(vl_world), text="Begin")
    assert work.status == WorkStatus.DRAFT
    assert work.text == "Begin"


def test_the_full_cycle_keeps_every_submitted_version(vl_world: World, assignment: object) -> None:
    student = student_of(vl_world)
    coach = vl_world.people[Role.STUDY_COACH]
    attachment_add(
        assignment=assignment, student=student, upload=pdf_upload(), actor=student.person
    )
    first = _submit(assignment, student, "Eerste versie.")
    work = _work(assignment, student)
    assert work.status == WorkStatus.SUBMITTED
    assignment_work_request_revision(work=work, coach=coach, feedback="Leg je keuzes uit.")
    assert _work(assignment, student).status == WorkStatus.REVISE
    second = _submit(assignment, student, "Tweede versie, met uitleg.")
    assignment_work_approve(work=_work(assignment, student), coach=coach, feedback="Goed zo.")

    work = _work(assignment, student)
    assert work.status == WorkStatus.APPROVED
    versions = list(work.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert [v.text for v in versions] == ["Eerste versie.", "Tweede versie, met uitleg."]
    assert [v.feedback.decision for v in versions] == [
        WorkFeedback.Decision.REVISE,
        WorkFeedback.Decision.APPROVED,
    ]
    assert first.attachments.count() == second.attachments.count() == 1


@pytest.mark.parametrize("status", [WorkStatus.SUBMITTED, WorkStatus.APPROVED])
def test_submitted_or_approved_work_cannot_be_changed(
    vl_world: World, assignment: object, status: str
) -> None:
    student = student_of(vl_world)
    AssignmentWork.objects.create(assignment=assignment, student=student, status=status, text="x")
    with pytest.raises(ValidationError):
        assignment_work_save(assignment=assignment, student=student, text="changed")
    with pytest.raises(ValidationError):
        _submit(assignment, student)
    with pytest.raises(ValidationError):
        attachment_add(assignment=assignment, student=student, upload=png_upload(), actor=None)
    assert _work(assignment, student).text == "x"


def test_an_empty_reflection_cannot_be_submitted(vl_world: World, assignment: object) -> None:
    with pytest.raises(ValidationError):
        _submit(assignment, student_of(vl_world), text="   ")


@pytest.mark.parametrize("status", [WorkStatus.DRAFT, WorkStatus.REVISE, WorkStatus.APPROVED])
def test_only_submitted_work_gets_feedback(
    vl_world: World, assignment: object, status: str
) -> None:
    work = AssignmentWork.objects.create(
        assignment=assignment, student=student_of(vl_world), status=status, text="x"
    )
    for review in (assignment_work_approve, assignment_work_request_revision):
        with pytest.raises(ValidationError):
            review(work=work, coach=vl_world.people[Role.STUDY_COACH], feedback="Goed")


def test_only_the_placements_study_coach_gives_feedback(
    vl_world: World, assignment: object
) -> None:
    student = student_of(vl_world)
    _submit(assignment, student)
    other_coach = RoleAssignmentFactory(
        person=PersonFactory(institution=vl_world.institution), role=Role.STUDY_COACH
    ).person
    for person in (other_coach, vl_world.people[Role.COORDINATOR], vl_world.people[Role.MENTOR]):
        with pytest.raises(ValidationError):
            assignment_work_approve(work=_work(assignment, student), coach=person, feedback="ok")
    assert _work(assignment, student).status == WorkStatus.SUBMITTED


def test_feedback_must_be_written(vl_world: World, assignment: object) -> None:
    student = student_of(vl_world)
    _submit(assignment, student)
    with pytest.raises(ValidationError):
        assignment_work_request_revision(
            work=_work(assignment, student), coach=vl_world.people[Role.STUDY_COACH], feedback=" "
        )


def test_an_assignment_of_another_programme_is_refused(vl_world: World) -> None:
    other = AssignmentFactory()
    with pytest.raises(ValidationError):
        assignment_work_save(assignment=other, student=student_of(vl_world), text="x")


def test_a_removed_draft_file_is_deleted_after_commit(
    vl_world: World, assignment: object, django_capture_on_commit_callbacks: object
) -> None:
    student = student_of(vl_world)
    attachment = attachment_add(
        assignment=assignment, student=student, upload=pdf_upload(), actor=student.person
    )
    name = attachment.file.name
    assert default_storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        attachment_remove(attachment=attachment)
    assert not AssignmentWork.objects.get().attachments.exists()
    assert not default_storage.exists(name)


def test_a_file_of_a_submitted_version_stays_readable_after_removal(
    vl_world: World, assignment: object
) -> None:
    student = student_of(vl_world)
    coach = vl_world.people[Role.STUDY_COACH]
    attachment = attachment_add(
        assignment=assignment, student=student, upload=pdf_upload(), actor=student.person
    )
    version = _submit(assignment, student)
    assignment_work_request_revision(work=_work(assignment, student), coach=coach, feedback="Meer")
    attachment_remove(attachment=attachment)
    attachment.refresh_from_db()
    assert attachment.removed_at is not None
    assert list(version.attachments.all()) == [attachment]
    assert default_storage.exists(attachment.file.name)
    second = _submit(assignment, student, "Zonder bijlage.")
    assert second.attachments.count() == 0


def test_the_stored_name_is_generated_not_the_users(vl_world: World, assignment: object) -> None:
    student = student_of(vl_world)
    attachment = attachment_add(
        assignment=assignment,
        student=student,
        upload=pdf_upload("../../etc/passwd.pdf"),
        actor=student.person,
    )
    assert attachment.original_name == "passwd.pdf"
    assert "passwd" not in attachment.file.name
    assert attachment.file.name.startswith("portfolio/attachment/")
    assert attachment.content_type == "application/pdf"


def test_a_work_belongs_to_a_student_of_the_programme(vl_world: World) -> None:
    assignment = AssignmentFactory(
        programme=student_of(vl_world).programme, lio_year=2, theme=Theme.CARE_POLICY
    )
    stranger = StudentProfileFactory(institution=vl_world.institution)
    with pytest.raises(ValidationError):
        assignment_work_save(assignment=assignment, student=stranger, text="x")
