"""Scheduling the visit: the student proposes, the coordinator schedules, confirms, reschedules
or cancels. Everyone involved gets the appointment by e-mail with an .ics.

Rules (DOMAIN.md, "LIO assessment lesson"; issue 8): the visit is during the active LIO period,
on one of the student's LIO days that is no day off at the school; it cannot be scheduled
without both assessor and co-assessor, who are picked by the assessor rule (`rules.py`).
"""

from dataclasses import dataclass
from datetime import date, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from internships.models import Person, Placement, Role, StudentProfile, Track
from internships.selectors_calendar import school_free_days_between
from signoffs.models import SignOffEvent
from signoffs.services import event_log

from ..ics import CANCEL, REQUEST, appointment_people
from ..models import AssessorAssignment, LessonAssessment
from ..rules import AssessorChoice
from ..selectors import assessor_choice_for, is_passed
from .notify import appointment_send, proposal_declined_send, proposal_send


@dataclass(frozen=True)
class VisitData:
    """When and where the lesson is given; `co_assessor` when the school has several."""

    date: date
    start_time: time
    end_time: time
    class_name: str
    co_assessor: Person | None = None


def visit_problems(
    *, placement: Placement, data: VisitData, today: date | None = None
) -> dict[str, list[str]]:
    """Everything wrong with the proposed moment, by form field ("__all__": the whole form)."""
    problems: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        problems.setdefault(name, []).append(message)

    if placement.student.programme.track != Track.NL:
        add("__all__", _("Only a LIO of the Dutch track has an assessment lesson."))
    if placement.status != Placement.Status.ACTIVE or not placement.start_date:
        add("__all__", _("The student has no active LIO period."))
        return problems
    if data.end_time <= data.start_time:
        add("end_time", _("The lesson must end after it starts."))
    if not data.class_name.strip():
        add("class_name", _("Fill in the class or group."))
    day_problem = _day_problem(placement, data.date, today or timezone.localdate())
    if day_problem:
        add("date", day_problem)
    return problems


def _day_problem(placement: Placement, day: date, today: date) -> str:
    end = placement.end_date or placement.start_date
    if not placement.start_date <= day <= end:  # type: ignore[operator]
        return _("Choose a day within the active LIO period (%(start)s – %(end)s).") % {
            "start": formats.date_format(placement.start_date),
            "end": formats.date_format(end),
        }
    if day < today:
        return _("Choose a day from today onwards.")
    if day.weekday() not in placement.weekdays:
        days = ", ".join(str(WEEKDAYS[d]) for d in sorted(placement.weekdays))
        return _("Choose one of the student's LIO days of the week (%(days)s).") % {"days": days}
    free = school_free_days_between(school=placement.school, first=day, last=day).get(day)
    if free is not None:
        return _("%(day)s is a day off at the school: %(reason)s.") % {
            "day": formats.date_format(day),
            "reason": free.reason,
        }
    return ""


def _raise_problems(problems: dict[str, list[str]]) -> None:
    if problems:
        raise ValidationError(problems)


def _require_assessors(choice: AssessorChoice) -> None:
    """A visit cannot be scheduled without both assessor and co-assessor."""
    if not choice.possible:
        raise ValidationError(list(choice.problems))


def _require_no_other(placement: Placement, exclude_pk: int | None = None) -> None:
    others = LessonAssessment.objects.filter(placement=placement).exclude(pk=exclude_pk)
    if others.filter(is_passed).exists():
        raise ValidationError(_("This student has already passed the LIO assessment lesson."))
    if others.filter(status__in=LessonAssessment.OPEN_STATUSES).exists():
        raise ValidationError(_("An assessment lesson is already planned for this LIO."))


def _apply(assessment: LessonAssessment, data: VisitData, choice: AssessorChoice) -> None:
    assessment.date = data.date
    assessment.start_time = data.start_time
    assessment.end_time = data.end_time
    assessment.class_name = data.class_name.strip()
    assessment.assessor = choice.assessor
    assessment.assessor_basis = choice.assessor_basis
    assessment.co_assessor = choice.co_assessor
    assessment.co_assessor_basis = choice.co_assessor_basis


def _when(assessment: LessonAssessment) -> str:
    return _("%(day)s, %(start)s–%(end)s") % {
        "day": formats.date_format(assessment.date),
        "start": assessment.start_time.strftime("%H:%M"),
        "end": assessment.end_time.strftime("%H:%M"),
    }


def _locked_placement(placement_id: int) -> Placement:
    return (
        Placement.objects.select_for_update(of=("self",))
        .select_related("student__person", "student__programme", "school", "mentor")
        .get(pk=placement_id)
    )


def _locked(assessment: LessonAssessment) -> LessonAssessment:
    return (
        # Lock only the assessment row: PostgreSQL cannot lock the nullable side of a join.
        LessonAssessment.objects.select_for_update(of=("self",))
        .select_related(
            "placement__student__person",
            "placement__student__programme",
            "placement__school",
            "placement__mentor",
            "assessor",
            "co_assessor",
        )
        .get(pk=assessment.pk)
    )


def _require_coordinator(actor: Person, placement: Placement) -> None:
    if actor.institution_id != placement.student.institution_id:
        raise PermissionDenied
    if not actor.role_assignments.filter(role=Role.COORDINATOR).exists():
        raise PermissionDenied


@transaction.atomic
def lesson_assessment_propose(
    *, student: StudentProfile, data: VisitData, actor: Person, today: date | None = None
) -> LessonAssessment:
    """The student proposes the visit; the coordinator confirms it. The assessors the rule
    picks are shown already, but only the coordinator's confirmation needs both."""
    placement = Placement.objects.filter(student=student, status=Placement.Status.ACTIVE).first()
    if placement is None:
        raise ValidationError(_("You have no active LIO period."))
    placement = _locked_placement(placement.pk)
    _require_no_other(placement)
    _raise_problems(visit_problems(placement=placement, data=data, today=today))
    assessment = LessonAssessment(
        placement=placement, status=LessonAssessment.Status.PROPOSED, proposed_by=actor
    )
    _apply(assessment, data, assessor_choice_for(placement=placement))
    assessment.save()
    event_log(
        document=assessment,
        action=SignOffEvent.Action.CREATED,
        actor=actor,
        detail=_("Proposed by the student for %(when)s.") % {"when": _when(assessment)},
    )
    proposal_send(assessment=assessment)
    return assessment


@transaction.atomic
def lesson_assessment_schedule(
    *, placement: Placement, data: VisitData, actor: Person, today: date | None = None
) -> LessonAssessment:
    """The coordinator schedules the visit and everyone involved gets the appointment."""
    placement = _locked_placement(placement.pk)
    _require_coordinator(actor, placement)
    _require_no_other(placement)
    _raise_problems(visit_problems(placement=placement, data=data, today=today))
    choice = assessor_choice_for(placement=placement, preferred_co_assessor=data.co_assessor)
    _require_assessors(choice)
    assessment = LessonAssessment(
        placement=placement,
        status=LessonAssessment.Status.SCHEDULED,
        scheduled_by=actor,
        scheduled_at=timezone.now(),
    )
    _apply(assessment, data, choice)
    assessment.save()
    event_log(
        document=assessment,
        action=SignOffEvent.Action.CREATED,
        actor=actor,
        detail=_("Scheduled for %(when)s.") % {"when": _when(assessment)},
    )
    appointment_send(assessment=assessment, method=REQUEST, change="new")
    return assessment


@transaction.atomic
def lesson_assessment_confirm(
    *, assessment: LessonAssessment, data: VisitData, actor: Person, today: date | None = None
) -> LessonAssessment:
    """The coordinator confirms (possibly changes) the student's proposal."""
    assessment = _locked(assessment)
    _require_coordinator(actor, assessment.placement)
    if assessment.status != LessonAssessment.Status.PROPOSED:
        raise ValidationError(_("Only a proposed visit can be confirmed."))
    _raise_problems(visit_problems(placement=assessment.placement, data=data, today=today))
    choice = assessor_choice_for(
        placement=assessment.placement, preferred_co_assessor=data.co_assessor
    )
    _require_assessors(choice)
    _apply(assessment, data, choice)
    assessment.status = LessonAssessment.Status.SCHEDULED
    assessment.scheduled_by = actor
    assessment.scheduled_at = timezone.now()
    assessment.save()
    event_log(
        document=assessment,
        action=SignOffEvent.Action.CONFIRMED,
        actor=actor,
        detail=_("Scheduled for %(when)s.") % {"when": _when(assessment)},
    )
    appointment_send(assessment=assessment, method=REQUEST, change="new")
    return assessment


@transaction.atomic
def lesson_assessment_reschedule(
    *, assessment: LessonAssessment, data: VisitData, actor: Person, today: date | None = None
) -> LessonAssessment:
    """Move the visit (the rule picks the assessors again): an update with the same UID and a
    higher SEQUENCE to everyone, a cancellation to whoever no longer takes part."""
    assessment = _locked(assessment)
    _require_coordinator(actor, assessment.placement)
    if assessment.status != LessonAssessment.Status.SCHEDULED:
        raise ValidationError(_("Only a scheduled visit whose form is not started can be moved."))
    _raise_problems(visit_problems(placement=assessment.placement, data=data, today=today))
    choice = assessor_choice_for(
        placement=assessment.placement, preferred_co_assessor=data.co_assessor
    )
    _require_assessors(choice)
    before = _snapshot(assessment)
    people_before = [person for person, _part in appointment_people(assessment)]
    _apply(assessment, data, choice)
    if _snapshot(assessment) == before:
        return assessment
    assessment.ics_sequence += 1
    assessment.save()
    event_log(
        document=assessment,
        action=SignOffEvent.Action.EDITED,
        actor=actor,
        detail=_("Moved to %(when)s.") % {"when": _when(assessment)},
    )
    current = {person.pk for person, _part in appointment_people(assessment)}
    removed = [person for person in people_before if person.pk not in current]
    if removed:
        appointment_send(assessment=assessment, method=CANCEL, change="cancelled", people=removed)
    appointment_send(assessment=assessment, method=REQUEST, change="changed")
    return assessment


def _snapshot(assessment: LessonAssessment) -> tuple[object, ...]:
    return (
        assessment.date,
        assessment.start_time,
        assessment.end_time,
        assessment.class_name,
        assessment.assessor_id,
        assessment.co_assessor_id,
    )


@transaction.atomic
def lesson_assessment_cancel(
    *, assessment: LessonAssessment, reason: str, actor: Person
) -> LessonAssessment:
    """Call the visit off (or decline the proposal) before the form goes to the signatures,
    e.g. when the mentor stayed in the classroom and a new visit is needed."""
    assessment = _locked(assessment)
    _require_coordinator(actor, assessment.placement)
    if assessment.status not in (
        LessonAssessment.Status.PROPOSED,
        LessonAssessment.Status.SCHEDULED,
        LessonAssessment.Status.ASSESSING,
    ):
        raise ValidationError(_("A visit whose form is being signed cannot be cancelled."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the visit is cancelled.")})
    was_scheduled = assessment.status != LessonAssessment.Status.PROPOSED
    assessment.status = LessonAssessment.Status.CANCELLED
    assessment.cancel_reason = reason.strip()
    if was_scheduled:
        assessment.ics_sequence += 1
    assessment.save()
    event_log(
        document=assessment,
        action=SignOffEvent.Action.EDITED,
        actor=actor,
        detail=_("Cancelled: %(reason)s") % {"reason": assessment.cancel_reason},
    )
    if was_scheduled:
        appointment_send(assessment=assessment, method=CANCEL, change="cancelled")
    else:
        proposal_declined_send(assessment=assessment)
    return assessment


@transaction.atomic
def assessor_assign(
    *, student: StudentProfile, assessor: Person, actor: Person
) -> AssessorAssignment:
    """The coordinator assigns the assessor for a student who is exempt from the professional
    product or has not started it; only a person holding the assessor role qualifies."""
    if actor.institution_id != student.institution_id:
        raise PermissionDenied
    if student.programme.track != Track.NL:
        raise ValidationError(_("Only students of the Dutch track have an assessment lesson."))
    qualifies = assessor.institution_id == student.institution_id and (
        assessor.role_assignments.filter(role=Role.ASSESSOR).exists()
    )
    if not qualifies:
        raise ValidationError({"assessor": _("Choose a person with the assessor role.")})
    assignment, _created = AssessorAssignment.objects.update_or_create(
        student=student, defaults={"assessor": assessor, "assigned_by": actor}
    )
    return assignment
