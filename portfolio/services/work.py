"""The student's work on an assignment (track VL) and the study coach's feedback.

Statuses: not started → draft → submitted → approved, or → revise → submitted again.
Every submission is kept as an append-only version with the attachments of that moment.
"""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import Person, StudentProfile

from ..models import Assignment, AssignmentWork, Attachment, WorkFeedback, WorkStatus, WorkVersion
from ..selectors import is_study_coach_of
from ._common import checked, delete_with_file, require_editable, save_with_file

MAX_ATTACHMENTS = 20


def _work_for_update(*, assignment: Assignment, student: StudentProfile) -> AssignmentWork:
    """The student's work on the assignment, created on first use and locked."""
    if assignment.programme_id != student.programme_id:
        raise ValidationError(_("This assignment is not part of your portfolio."))
    work, _created = AssignmentWork.objects.select_for_update().get_or_create(
        assignment=assignment, student=student
    )
    return work


def _locked(work: AssignmentWork) -> AssignmentWork:
    return (
        AssignmentWork.objects.select_for_update(of=("self",))
        .select_related("student")
        .get(pk=work.pk)
    )


def _start(work: AssignmentWork) -> None:
    if work.status == WorkStatus.NOT_STARTED:
        work.status = WorkStatus.DRAFT
        work.save(update_fields=["status", "updated_at"])


@transaction.atomic
def assignment_work_save(
    *, assignment: Assignment, student: StudentProfile, text: str
) -> AssignmentWork:
    """The student writes the reflection, while the work is a draft or to be revised."""
    work = _work_for_update(assignment=assignment, student=student)
    require_editable(work.status)
    work.text = text
    if work.status == WorkStatus.NOT_STARTED:
        work.status = WorkStatus.DRAFT
    work.save(update_fields=["text", "status", "updated_at"])
    return work


@transaction.atomic
def attachment_add(
    *, assignment: Assignment, student: StudentProfile, upload: File, actor: Person
) -> Attachment:
    """Add a lesson plan, photo or document; its type is checked by content."""
    checked_upload = checked(upload)
    work = _work_for_update(assignment=assignment, student=student)
    require_editable(work.status)
    if work.attachments.filter(removed_at=None).count() >= MAX_ATTACHMENTS:
        raise ValidationError(
            _("A piece of work can have at most %(max)s attachments."),
            params={"max": MAX_ATTACHMENTS},
        )
    attachment = Attachment(work=work, uploaded_by=actor)
    save_with_file(attachment, checked_upload)
    _start(work)
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment) -> None:
    """Take a file out of the draft; a file a submitted version refers to stays readable there."""
    work = _locked(attachment.work)
    require_editable(work.status)
    if attachment.versions.exists():
        attachment.removed_at = timezone.now()
        attachment.save(update_fields=["removed_at"])
    else:
        delete_with_file(attachment)


@transaction.atomic
def assignment_work_submit(
    *, assignment: Assignment, student: StudentProfile, text: str, actor: Person
) -> WorkVersion:
    """Submit the reflection (and the files of the draft) to the study coach, from not
    started, draft or revise, as a new version that is kept."""
    work = _work_for_update(assignment=assignment, student=student)
    require_editable(work.status)
    if not text.strip():
        raise ValidationError({"text": _("Write your reflection before you submit.")})
    now = timezone.now()
    number = (work.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = WorkVersion.objects.create(
        work=work, number=number, text=text, submitted_by=actor, submitted_at=now
    )
    version.attachments.set(work.attachments.filter(removed_at=None))
    work.text = text
    work.status = WorkStatus.SUBMITTED
    work.submitted_at = now
    work.save(update_fields=["text", "status", "submitted_at", "updated_at"])
    return version


def _review(*, work: AssignmentWork, coach: Person, feedback: str, decision: str) -> WorkFeedback:
    work = _locked(work)
    if work.status != WorkStatus.SUBMITTED:
        raise ValidationError(_("Only submitted work waits for feedback."))
    if not is_study_coach_of(person=coach, student=work.student):
        raise ValidationError(_("Only the student's study coach gives feedback on this work."))
    if not feedback.strip():
        raise ValidationError({"feedback": _("Write your feedback.")})
    version = work.versions.order_by("-number").first()
    result = WorkFeedback.objects.create(
        version=version, coach=coach, text=feedback.strip(), decision=decision
    )
    work.status = (
        WorkStatus.APPROVED if decision == WorkFeedback.Decision.APPROVED else WorkStatus.REVISE
    )
    work.save(update_fields=["status", "updated_at"])
    return result


@transaction.atomic
def assignment_work_approve(*, work: AssignmentWork, coach: Person, feedback: str) -> WorkFeedback:
    """The placement's study coach approves the submitted version, with written feedback."""
    return _review(
        work=work, coach=coach, feedback=feedback, decision=WorkFeedback.Decision.APPROVED
    )


@transaction.atomic
def assignment_work_request_revision(
    *, work: AssignmentWork, coach: Person, feedback: str
) -> WorkFeedback:
    """The placement's study coach sends the work back, saying what to revise."""
    return _review(work=work, coach=coach, feedback=feedback, decision=WorkFeedback.Decision.REVISE)
