"""The assessment form: the assessor fills it in, both assessors sign, then it is locked.

Rules (DOMAIN.md, "LIO assessment lesson"; issue 8): each of the five requirements gets a
judgement and an observation; the assessor confirms the mentor was not in the classroom; the
post-lesson talks are noted; the result is pass or fail with a motivation, and a fail with all
five met or a pass with one unmet needs an explicit justification. A change after a signature
voids the signatures; after both signatures nothing changes, the student sees the result, and a
pass records the LIO's 9 ec.
"""

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import Person, Role
from internships.services.pipeline import placement_stage_refresh
from signoffs import services as signoffs
from signoffs.models import Signature, SignOffEvent

from ..models import REQUIREMENT_KEYS, CreditAward, LessonAssessment, LessonPreparation
from ..pdf import lesson_assessment_pdf_store
from ..rules import justification_required
from .notify import result_send, sent_back_send


@dataclass(frozen=True)
class AssessmentFormData:
    """What the assessor fills in."""

    self_designed_met: bool | None = None
    self_designed_note: str = ""
    interactive_met: bool | None = None
    interactive_note: str = ""
    work_forms_met: bool | None = None
    work_forms_note: str = ""
    differentiation_met: bool | None = None
    differentiation_note: str = ""
    sequence_met: bool | None = None
    sequence_note: str = ""
    mentor_absent: bool = False
    assessors_talk_notes: str = ""
    mentor_joined_talk: bool | None = None
    student_talk_notes: str = ""
    result: str = ""
    result_motivation: str = ""
    deviation_justification: str = ""


FORM_FIELDS = tuple(f.name for f in fields(AssessmentFormData))


def lesson_assessment_content(assessment: LessonAssessment) -> dict[str, Any]:
    """The canonical content both signatures cover."""
    placement = assessment.placement
    preparation = LessonPreparation.objects.filter(assessment=assessment).first()
    return {
        "student": {"id": placement.student_id, "name": placement.student.person.full_name},
        "school": {"id": placement.school_id, "name": placement.school.name},
        "date": assessment.date,
        "start_time": assessment.start_time,
        "end_time": assessment.end_time,
        "class_name": assessment.class_name,
        "assessor": _person(assessment.assessor, assessment.assessor_basis),
        "co_assessor": _person(assessment.co_assessor, assessment.co_assessor_basis),
        "preparation": (
            {"name": preparation.original_name, "size": preparation.size} if preparation else None
        ),
        "lesson_sequence": assessment.lesson_sequence,
        **{name: getattr(assessment, name) for name in FORM_FIELDS},
    }


def _person(person: Person | None, basis: str) -> dict[str, object] | None:
    return {"id": person.pk, "name": person.full_name, "basis": basis} if person else None


def form_problems(assessment: LessonAssessment) -> dict[str, list[str]]:
    """Everything missing before the form can go to the signatures, by form field."""
    problems: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        problems.setdefault(name, []).append(message)

    for key in REQUIREMENT_KEYS:
        if getattr(assessment, f"{key}_met") is None:
            add(f"{key}_met", _("Judge whether the lesson meets this requirement."))
        if not getattr(assessment, f"{key}_note").strip():
            add(f"{key}_note", _("Write down what you observed."))
    if not assessment.mentor_absent:
        add(
            "mentor_absent",
            _("Confirm that the mentor was not in the classroom; otherwise plan a new visit."),
        )
    if not assessment.assessors_talk_notes.strip():
        add("assessors_talk_notes", _("Write down the assessors' post-lesson talk."))
    if assessment.mentor_joined_talk is None:
        add("mentor_joined_talk", _("Say whether the mentor joined the talk."))
    if not assessment.student_talk_notes.strip():
        add("student_talk_notes", _("Write down the talk with the student."))
    if not assessment.result:
        add("result", _("Choose the result."))
    if not assessment.result_motivation.strip():
        add("result_motivation", _("Motivate the result."))
    justification = _justification_problem(assessment)
    if justification:
        add("deviation_justification", justification)
    return problems


def _justification_problem(assessment: LessonAssessment) -> str:
    judgements = [getattr(assessment, f"{key}_met") for key in REQUIREMENT_KEYS]
    needed = justification_required(judgements=judgements, result=assessment.result)
    if not needed or assessment.deviation_justification.strip():
        return ""
    if assessment.result == LessonAssessment.Result.FAIL:
        return _("A fail while all five requirements are met needs an explicit justification.")
    return _("A pass while a requirement is not met needs an explicit justification.")


def _locked(assessment: LessonAssessment) -> LessonAssessment:
    return (
        # Lock only the assessment row: PostgreSQL cannot lock the nullable side of a join.
        LessonAssessment.objects.select_for_update(of=("self",))
        .select_related(
            "placement__student__person",
            "placement__student__institution",
            "placement__school",
            "placement__mentor",
            "assessor",
            "co_assessor",
        )
        .get(pk=assessment.pk)
    )


def _require_fillable(assessment: LessonAssessment, today: date) -> None:
    if assessment.is_locked:
        raise ValidationError(_("Both assessors have signed: the form is locked."))
    if assessment.status not in (
        LessonAssessment.Status.SCHEDULED,
        LessonAssessment.Status.ASSESSING,
        LessonAssessment.Status.SIGNING,
    ):
        raise ValidationError(_("This visit is not scheduled."))
    if today < assessment.date:
        raise ValidationError(_("The form can be filled in from the day of the lesson."))


@transaction.atomic
def lesson_assessment_form_save(
    *,
    assessment: LessonAssessment,
    data: AssessmentFormData,
    actor: Person,
    today: date | None = None,
) -> LessonAssessment:
    """The assessor fills in the form; a change after a signature voids the signatures."""
    assessment = _locked(assessment)
    if assessment.assessor_id != actor.pk:
        raise PermissionDenied
    _require_fillable(assessment, today or timezone.localdate())
    before = signoffs.document_hash(assessment)
    for name in FORM_FIELDS:
        value = getattr(data, name)
        setattr(assessment, name, value.strip() if isinstance(value, str) else value)
    if assessment.status == LessonAssessment.Status.SIGNING:
        # Whatever is being signed stays complete.
        problems = form_problems(assessment)
        if problems:
            raise ValidationError(problems)
    if assessment.status == LessonAssessment.Status.SCHEDULED:
        assessment.status = LessonAssessment.Status.ASSESSING
    assessment.save()
    if before != signoffs.document_hash(assessment):
        _after_change(assessment, actor)
    return assessment


def _after_change(assessment: LessonAssessment, actor: Person) -> None:
    """Signatures on the earlier content are voided and, while signing, asked for again."""
    if assessment.status != LessonAssessment.Status.SIGNING and not _signed_by_anyone(assessment):
        return
    assessment.version += 1
    assessment.save(update_fields=["version", "updated_at"])
    signoffs.event_log(
        document=assessment,
        action=SignOffEvent.Action.EDITED,
        actor=actor,
        detail=_("version %(version)s") % {"version": assessment.version},
    )
    signoffs.signatures_void(
        document=assessment,
        reason=_("The form was changed after signing (version %(version)s).")
        % {"version": assessment.version},
        actor=actor,
    )
    if assessment.status == LessonAssessment.Status.SIGNING:
        signoffs.signature_requests_open(
            document=assessment, signers=signers_of(assessment), actor=actor
        )


def _signed_by_anyone(assessment: LessonAssessment) -> bool:
    return Signature.objects.filter(
        content_type=ContentType.objects.get_for_model(assessment),
        object_id=assessment.pk,
        voided_at__isnull=True,
    ).exists()


def signers_of(assessment: LessonAssessment) -> list[tuple[str, Person]]:
    """The assessor signs as assessor, the co-assessor in their school role."""
    assert assessment.assessor is not None and assessment.co_assessor is not None
    return [
        (Role.ASSESSOR.value, assessment.assessor),
        (assessment.co_assessor_basis, assessment.co_assessor),
    ]


@transaction.atomic
def lesson_assessment_submit(*, assessment: LessonAssessment, actor: Person) -> LessonAssessment:
    """The assessor sends the complete form to both assessors for their signatures."""
    assessment = _locked(assessment)
    if assessment.assessor_id != actor.pk:
        raise PermissionDenied
    if assessment.status != LessonAssessment.Status.ASSESSING:
        raise ValidationError(_("The form is not being filled in."))
    problems = form_problems(assessment)
    if problems:
        raise ValidationError(problems)
    assessment.status = LessonAssessment.Status.SIGNING
    assessment.return_comment = ""
    assessment.save(update_fields=["status", "return_comment", "updated_at"])
    signoffs.event_log(document=assessment, action=SignOffEvent.Action.SUBMITTED, actor=actor)
    signoffs.signature_requests_open(
        document=assessment, signers=signers_of(assessment), actor=actor
    )
    if signoffs.signature_requests_all_signed(document=assessment):
        _complete(assessment)
    return assessment


@transaction.atomic
def lesson_assessment_sign(
    *, document: LessonAssessment, request_id: int, signer: Person, method: str, seen_hash: str
) -> LessonAssessment:
    """One of the two signatures; the second one locks the form."""
    assessment = _locked(document)
    if assessment.status != LessonAssessment.Status.SIGNING:
        raise ValidationError(_("This form is not waiting for signatures."))
    signoffs.signature_record(
        document=assessment,
        request_id=request_id,
        signer=signer,
        method=method,
        seen_hash=seen_hash,
    )
    if signoffs.signature_requests_all_signed(document=assessment):
        _complete(assessment)
    return assessment


def _complete(assessment: LessonAssessment) -> None:
    """Lock the form, record the credits on a pass, store the PDF, tell the student."""
    assessment.status = LessonAssessment.Status.COMPLETED
    assessment.completed_at = timezone.now()
    assessment.save(update_fields=["status", "completed_at", "updated_at"])
    placement_stage_refresh(assessment.placement_id)
    signoffs.event_log(document=assessment, action=SignOffEvent.Action.COMPLETED)
    if assessment.result == LessonAssessment.Result.PASS:
        component = CreditAward.Component.LIO_INTERNSHIP
        CreditAward.objects.get_or_create(
            student=assessment.placement.student,
            component=component,
            defaults={
                "credits": CreditAward.CREDITS[component],
                "awarded_on": timezone.localdate(),
                "assessment": assessment,
            },
        )
    lesson_assessment_pdf_store(assessment)
    result_send(assessment=assessment)


@transaction.atomic
def lesson_assessment_send_back(
    *, document: LessonAssessment, request_id: int, signer: Person, comment: str
) -> LessonAssessment:
    """A signer does not agree: the form goes back to the assessor with the comment."""
    assessment = _locked(document)
    if assessment.status != LessonAssessment.Status.SIGNING:
        raise ValidationError(_("This form is not waiting for signatures."))
    signoffs.signature_request_send_back(
        document=assessment, request_id=request_id, signer=signer, comment=comment
    )
    signoffs.signature_requests_hold(document=assessment, actor=signer)
    assessment.status = LessonAssessment.Status.ASSESSING
    assessment.return_comment = comment.strip()
    assessment.save(update_fields=["status", "return_comment", "updated_at"])
    if assessment.assessor_id != signer.pk:
        sent_back_send(assessment=assessment, by=signer, comment=assessment.return_comment)
    return assessment
