"""LIO assessment lessons for the scale seeder (`seed_demo --students N`, a bulk seeder).

Track NL (DOMAIN.md, "LIO assessment lesson"): a completed LIO was mostly assessed, signed by
the assessor and the co-assessor, with a result and (on a pass) the 9 ec; a few wait for a
signature or for the form. An active LIO near its end mostly has its visit scheduled or
proposed; the rest is for the coordinator to schedule. The assessor follows the rule: the
graduation supervisor of a started professional product, else an assessor the institution
assigned; the co-assessor is the school's teacher educator or qualified supervisor. Runs after
the professional products (portfolio registers its seeder first). Signatures hash the content
function the services use, so `verify_signatures` finds them intact.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from internships.demo_scale import ScaleBatch
from internships.models import Person, Placement, Role, Track
from portfolio.models import STARTED_STATUSES, ProfessionalProduct
from signoffs.hashing import content_hash
from signoffs.models import Signature, SignatureRequest, SignOffEvent

from .models import (
    AssessorAssignment,
    AssessorBasis,
    CoAssessorBasis,
    CreditAward,
    LessonAssessment,
)
from .services.form import lesson_assessment_content

_BATCH = 1000
_L = LessonAssessment.Status
_DUE_DAYS = 14  # as the "to schedule" action: the visit is due in the LIO's last two weeks
# (status, weight) per situation; the first placements of each take every status in turn.
_COMPLETED_LIO = [(_L.COMPLETED, 85), (_L.SIGNING, 7), (_L.ASSESSING, 4), (None, 4)]
_ENDING_LIO = [(_L.SCHEDULED, 55), (_L.PROPOSED, 15), (None, 30)]
_RUNNING_LIO = [(_L.SCHEDULED, 10), (_L.PROPOSED, 10), (None, 80)]
_FORM = {
    "lesson_sequence": "Les 4 van een reeks van 6 over breuken.",
    "self_designed_note": "Zelf ontworpen, met eigen materiaal.",
    "interactive_met": True,
    "interactive_note": "Leerlingen reageren via wisbordjes en in tweetallen.",
    "work_forms_met": True,
    "work_forms_note": "Instructie, denken-delen-uitwisselen en een coöperatief spel.",
    "differentiation_note": "Drie niveaus in de voorbereiding en in de les.",
    "sequence_met": True,
    "sequence_note": "Sluit aan op de vorige les van de reeks.",
    "mentor_absent": True,
    "assessors_talk_notes": "Rustige les; de keuzes waren goed onderbouwd.",
    "mentor_joined_talk": False,
    "student_talk_notes": "De student lichtte de keuze voor de werkvormen toe.",
}


@dataclass
class _Rows:
    assessments: list[LessonAssessment] = field(default_factory=list)
    assignments: list[AssessorAssignment] = field(default_factory=list)
    requests: list[SignatureRequest] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    events: list[SignOffEvent] = field(default_factory=list)


def seed_assessments_scale(batch: ScaleBatch) -> None:
    if batch.programme.track != Track.NL or not batch.assessors:
        return
    rng = Random(f"assessments-{batch.institution.pk}-{batch.first_number}")  # noqa: S311  # nosec B311
    rows = _Rows()
    supervisors = _supervisors(batch)
    seen: dict[str, int] = {}
    for placement in batch.placements:
        plan = getattr(placement, "_scale_plan", None)
        situation = _situation(placement, batch)
        if plan is None or situation is None:
            continue
        number = seen[situation] = seen.get(situation, -1) + 1
        status = _status(_SITUATIONS[situation], number, rng)
        if status is not None:
            assessor, basis = _assessor(placement, supervisors, batch, rng, rows)
            day = _visit_day(plan.counted_days, batch.reference, status)
            rows.assessments.append(_assessment(placement, status, day, assessor, basis, batch))
    AssessorAssignment.objects.bulk_create(rows.assignments, batch_size=_BATCH)
    LessonAssessment.objects.bulk_create(rows.assessments, batch_size=_BATCH)
    _sign_offs(rows)


_SITUATIONS = {"completed": _COMPLETED_LIO, "ending": _ENDING_LIO, "running": _RUNNING_LIO}


def _situation(placement: Placement, batch: ScaleBatch) -> str | None:
    if placement.status == Placement.Status.COMPLETED:
        return "completed"
    if placement.status != Placement.Status.ACTIVE or placement.end_date is None:
        return None
    ending = placement.end_date <= batch.reference + timedelta(days=_DUE_DAYS)
    return "ending" if ending else "running"


def _status(choices: list[tuple[str | None, int]], number: int, rng: Random) -> str | None:
    if number < len(choices):
        return choices[number][0]
    return rng.choices([s for s, _w in choices], [w for _s, w in choices])[0]


def _supervisors(batch: ScaleBatch) -> dict[int, tuple[str, int | None]]:
    """Per student: the product's status and graduation supervisor (no product: absent)."""
    rows = ProfessionalProduct.objects.filter(
        student__in=[p.student_id for p in batch.placements]
    ).values_list("student_id", "status", "graduation_supervisor_id")
    return {student: (status, supervisor) for student, status, supervisor in rows}


def _assessor(
    placement: Placement,
    supervisors: dict[int, tuple[str, int | None]],
    batch: ScaleBatch,
    rng: Random,
    rows: _Rows,
) -> tuple[Person, str]:
    """The rule of `assessments.rules.assessors_for`, over the batch's people."""
    status, supervisor = supervisors.get(placement.student_id, ("not_started", None))
    if status in STARTED_STATUSES:
        by_pk = {p.pk: p for p in batch.graduation_supervisors}
        return by_pk[supervisor], AssessorBasis.GRADUATION_SUPERVISOR  # type: ignore[index]
    assessor = rng.choice(batch.assessors)
    rows.assignments.append(
        AssessorAssignment(
            student=placement.student, assessor=assessor, assigned_by=batch.coordinator
        )
    )
    exempt = status == "exempt"
    return assessor, AssessorBasis.EXEMPT if exempt else AssessorBasis.NOT_STARTED


def _visit_day(days: list[date], reference: date, status: str) -> date:
    """A counted LIO day: in the last two weeks before the reference day for a visit that
    took place, else the first one after it."""
    if status in (_L.PROPOSED, _L.SCHEDULED):
        later = [d for d in days if d > reference]
        return later[0] if later else days[-1]
    earlier = [d for d in days if d < reference]
    return earlier[max(0, len(earlier) - 5)] if earlier else days[0]


def _moment(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _assessment(
    placement: Placement,
    status: str,
    day: date,
    assessor: Person,
    basis: str,
    batch: ScaleBatch,
) -> LessonAssessment:
    in_partnership = placement.school.in_partnership
    assessment = LessonAssessment(
        placement=placement,
        status=status,
        date=day,
        start_time=time(9, 0),
        end_time=time(10, 0),
        class_name=placement.class_name,
        assessor=assessor,
        assessor_basis=basis,
        co_assessor=batch.educators[placement.school_id],
        co_assessor_basis=(
            CoAssessorBasis.SCHOOL_TEACHER_EDUCATOR
            if in_partnership
            else CoAssessorBasis.QUALIFIED_SUPERVISOR
        ),
    )
    if status == _L.PROPOSED:
        assessment.proposed_by = placement.student.person
        return assessment
    assessment.scheduled_by = batch.coordinator
    assessment.scheduled_at = _moment(min(day, batch.reference) - timedelta(days=21), 10)
    if status in (_L.ASSESSING, _L.SIGNING, _L.COMPLETED):
        for name, value in _FORM.items():
            setattr(assessment, name, value)
    if status in (_L.SIGNING, _L.COMPLETED):
        _result(assessment, day, failed=placement.pk % 12 == 0)
    return assessment


def _result(assessment: LessonAssessment, day: date, *, failed: bool) -> None:
    """A pass with all five requirements met, or a fail with two unmet (no justification)."""
    assessment.self_designed_met = not failed
    assessment.differentiation_met = not failed
    result = LessonAssessment.Result
    assessment.result = result.FAIL if failed else result.PASS
    assessment.result_motivation = (
        "Differentiatie en eigen ontwerp waren onvoldoende zichtbaar."
        if failed
        else "Alle vijf eisen zijn zichtbaar en goed onderbouwd in het nagesprek."
    )
    if assessment.status == _L.COMPLETED:
        assessment.completed_at = _moment(day, 16)


def _sign_offs(rows: _Rows) -> None:
    """The history, signature requests and signatures; the credits of a pass."""
    kind = ContentType.objects.get_for_model(LessonAssessment)
    for assessment in rows.assessments:
        _history(assessment, kind, rows)
    SignatureRequest.objects.bulk_create(rows.requests, batch_size=_BATCH)
    Signature.objects.bulk_create(rows.signatures, batch_size=_BATCH)
    SignOffEvent.objects.bulk_create(rows.events, batch_size=_BATCH)
    CreditAward.objects.bulk_create(
        [
            CreditAward(
                student=a.placement.student,
                component=CreditAward.Component.LIO_INTERNSHIP,
                credits=CreditAward.CREDITS[CreditAward.Component.LIO_INTERNSHIP],
                awarded_on=a.date,
                assessment=a,
            )
            for a in rows.assessments
            if a.is_passed
        ],
        batch_size=_BATCH,
    )


def _history(assessment: LessonAssessment, kind: ContentType, rows: _Rows) -> None:
    def event(action: str, when: datetime, actor: Person | None = None) -> None:
        rows.events.append(
            SignOffEvent(
                content_type=kind,
                object_id=assessment.pk,
                action=action,
                actor=actor,
                created_at=when,
            )
        )

    actions = SignOffEvent.Action
    if assessment.status == _L.PROPOSED:
        event(actions.CREATED, _moment(assessment.date - timedelta(days=10), 14))
        return
    event(actions.CREATED, assessment.scheduled_at, assessment.scheduled_by)
    if assessment.status not in (_L.SIGNING, _L.COMPLETED):
        return
    event(actions.SUBMITTED, _moment(assessment.date, 13), assessment.assessor)
    digest = content_hash(lesson_assessment_content(assessment))
    signers = [
        (Role.ASSESSOR.value, assessment.assessor),
        (assessment.co_assessor_basis, assessment.co_assessor),
    ]
    for offset, (role, person) in enumerate(signers):
        signs = assessment.status == _L.COMPLETED or offset == 0
        when = _moment(assessment.date, 14 + offset)
        _request(assessment, kind, role, person, when if signs else None, digest, rows)
        if signs:
            event(actions.SIGNED, when, person)
    if assessment.status == _L.COMPLETED:
        event(actions.COMPLETED, assessment.completed_at)


def _request(
    assessment: LessonAssessment,
    kind: ContentType,
    role: str,
    person: Person,
    signed_at: datetime | None,
    digest: str,
    rows: _Rows,
) -> None:
    request = SignatureRequest(
        content_type=kind,
        object_id=assessment.pk,
        role=role,
        person=person,
        requested_at=_moment(assessment.date, 13),
    )
    rows.requests.append(request)
    if signed_at is None:
        return
    request.status, request.acted_at = SignatureRequest.Status.SIGNED, signed_at
    rows.signatures.append(
        Signature(
            content_type=kind,
            object_id=assessment.pk,
            request=request,
            role=role,
            signer=person,
            signer_name=person.full_name,
            method=Signature.Method.ACCOUNT if person.user_id else Signature.Method.LINK,
            signed_at=signed_at,
            content_hash=digest,
        )
    )
