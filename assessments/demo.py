"""Demo assessment lessons of the Dutch pabo (idempotent).

- Emma de Boer (product in phase I) has no visit yet: scheduling it picks her graduation
  supervisor Femke Jansen and the school-based teacher educator Lotte Hendriks.
- The coordinator assigned Pieter van Dijk (the demo's assessor) to the students who have not
  started the product or are exempt.
- Julia Koster (product under way, graduation supervisor Femke Jansen) has a scheduled visit
  and uploaded her lesson preparation.
- Lucas Prins (De Vlinder, outside the partnership) proposed a visit for the coordinator to
  confirm: the qualified supervisor Karin Bos advises.
- Milan Brouwer's assessment is completed and signed by both: a pass, 9 ec.

Rows are written directly instead of through the services so that seeding sends no e-mail;
signature hashes come from the same content function the services use.
"""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from internships.models import Institution, Person, Placement, Role, StudentProfile
from internships.selectors_calendar import school_free_days_between
from internships.services.pipeline import placement_stages_refresh
from portfolio.demo_files import tiny_pdf
from signoffs.hashing import content_hash
from signoffs.models import Signature, SignatureRequest, SignOffEvent
from signoffs.selectors import role_label

from .models import AssessorAssignment, CreditAward, LessonAssessment, LessonPreparation
from .selectors import assessor_choice_for
from .services.form import lesson_assessment_content

_INSTITUTION = "Pabo Zuid-West"
_ASSESSOR = "p.vandijk@pabo-zuidwest.example"
_COORDINATOR = "coordinator@pabo-zuidwest.example"
# Students whose assessor the coordinator assigned (not started or exempt).
_ASSIGNED = ("NL-500104", "NL-500105", "NL-500107")
_FORM = {
    "self_designed_met": True,
    "self_designed_note": "De les over breuken is zelf ontworpen, met eigen materiaal.",
    "interactive_met": True,
    "interactive_note": "Leerlingen reageren via wisbordjes en in tweetallen.",
    "work_forms_met": True,
    "work_forms_note": "Klassikale instructie, denken-delen-uitwisselen en een coöperatief spel.",
    "differentiation_met": True,
    "differentiation_note": "Drie niveaus in de voorbereiding; verlengde instructie aan de tafel.",
    "sequence_met": True,
    "sequence_note": "Les 4 van een reeks van 6 over breuken; sluit aan op de vorige les.",
    "mentor_absent": True,
    "assessors_talk_notes": "Sterke, rustige les. De differentiatie was goed zichtbaar.",
    "mentor_joined_talk": True,
    "student_talk_notes": "Milan lichtte de keuze voor het coöperatieve spel goed toe.",
    "result": LessonAssessment.Result.PASS,
    "result_motivation": "Alle vijf eisen zijn zichtbaar en goed onderbouwd in het nagesprek.",
}


def seed_demo_assessments(*, today: date) -> None:
    institution = Institution.objects.filter(name=_INSTITUTION).first()
    if institution is None:
        return
    assessor = Person.objects.get(institution=institution, email=_ASSESSOR)
    coordinator = Person.objects.get(institution=institution, email=_COORDINATOR)
    for number in _ASSIGNED:
        AssessorAssignment.objects.get_or_create(
            student=_student(institution, number),
            defaults={"assessor": assessor, "assigned_by": coordinator},
        )
    _seed(institution, "NL-500103", lambda p: _scheduled(p, coordinator, today))
    _seed(institution, "NL-500104", lambda p: _proposed(p, today))
    _seed(institution, "NL-500106", lambda p: _completed(p, coordinator))
    placement_stages_refresh(placements=Placement.objects.filter(school__institution=institution))


def _student(institution: Institution, number: str) -> StudentProfile:
    return StudentProfile.objects.get(institution=institution, student_number=number)


def _seed(institution: Institution, number: str, make: Callable[[Placement], None]) -> None:
    """Once per student, and only when the rule finds both assessors."""
    placement = (
        Placement.objects.filter(student__institution=institution, student__student_number=number)
        .select_related("student__person", "student__programme", "school", "mentor")
        .first()
    )
    if placement is None or placement.lesson_assessments.exists():
        return
    if assessor_choice_for(placement=placement).possible:
        make(placement)


def _visit_day(placement: Placement, *, not_before: date) -> date:
    """An LIO day of the period that is no day off, from `not_before` if there is one."""
    assert placement.start_date is not None and placement.end_date is not None
    free = school_free_days_between(
        school=placement.school, first=placement.start_date, last=placement.end_date
    )
    days = [
        placement.start_date + timedelta(days=n)
        for n in range((placement.end_date - placement.start_date).days + 1)
    ]
    lio_days = [d for d in days if d.weekday() in placement.weekdays and d not in free]
    later = [d for d in lio_days if d >= not_before]
    return later[0] if later else lio_days[-1]


def _moment(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _new(placement: Placement, status: str, day: date, **fields: object) -> LessonAssessment:
    choice = assessor_choice_for(placement=placement)
    return LessonAssessment.objects.create(
        placement=placement,
        status=status,
        date=day,
        start_time=time(9, 0),
        end_time=time(10, 0),
        class_name=placement.class_name,
        assessor=choice.assessor,
        assessor_basis=choice.assessor_basis,
        co_assessor=choice.co_assessor,
        co_assessor_basis=choice.co_assessor_basis,
        **fields,
    )


def _event(assessment: LessonAssessment, action: str, when: datetime, **extra: object) -> None:
    SignOffEvent.objects.create(
        content_type=ContentType.objects.get_for_model(LessonAssessment),
        object_id=assessment.pk,
        action=action,
        created_at=when,
        **extra,
    )


def _scheduled(placement: Placement, coordinator: Person, today: date) -> None:
    scheduled_at = _moment(today - timedelta(days=3), 10)
    day = _visit_day(placement, not_before=today + timedelta(days=7))
    assessment = _new(
        placement,
        LessonAssessment.Status.SCHEDULED,
        day,
        scheduled_by=coordinator,
        scheduled_at=scheduled_at,
        lesson_sequence="Les 3 van een reeks van 5 rekenlessen over breuken in groep 5.",
    )
    _event(assessment, SignOffEvent.Action.CREATED, scheduled_at, actor=coordinator)
    preparation = LessonPreparation(
        assessment=assessment,
        uploaded_by=placement.student.person,
        original_name="lesvoorbereiding-breuken.pdf",
        content_type="application/pdf",
    )
    data = tiny_pdf("Lesvoorbereiding: breuken (groep 5)")
    preparation.size = len(data)
    preparation.file.save("lesvoorbereiding.pdf", ContentFile(data), save=False)
    preparation.save()
    _event(
        assessment,
        SignOffEvent.Action.EDITED,
        scheduled_at + timedelta(days=1),
        actor=placement.student.person,
        detail="Lesvoorbereiding geüpload.",
    )


def _proposed(placement: Placement, today: date) -> None:
    day = _visit_day(placement, not_before=today + timedelta(days=10))
    assessment = _new(
        placement, LessonAssessment.Status.PROPOSED, day, proposed_by=placement.student.person
    )
    _event(
        assessment,
        SignOffEvent.Action.CREATED,
        _moment(today - timedelta(days=1), 14),
        actor=placement.student.person,
    )


def _completed(placement: Placement, coordinator: Person) -> None:
    assert placement.end_date is not None
    day = _visit_day(placement, not_before=placement.end_date - timedelta(days=14))
    done = _moment(day, 16)
    assessment = _new(
        placement,
        LessonAssessment.Status.COMPLETED,
        day,
        scheduled_by=coordinator,
        scheduled_at=_moment(day - timedelta(days=14), 10),
        lesson_sequence="Les 4 van een reeks van 6 over breuken.",
        completed_at=done,
        **_FORM,
    )
    _event(assessment, SignOffEvent.Action.CREATED, assessment.scheduled_at, actor=coordinator)
    _event(assessment, SignOffEvent.Action.SUBMITTED, _moment(day, 13), actor=assessment.assessor)
    assert assessment.assessor is not None and assessment.co_assessor is not None
    signers = [
        (Role.ASSESSOR.value, assessment.assessor),
        (assessment.co_assessor_basis, assessment.co_assessor),
    ]
    for offset, (role, person) in enumerate(signers):
        _sign(assessment, role, person, _moment(day, 14 + offset))
    _event(assessment, SignOffEvent.Action.COMPLETED, done)
    CreditAward.objects.create(
        student=placement.student,
        component=CreditAward.Component.LIO_INTERNSHIP,
        credits=CreditAward.CREDITS[CreditAward.Component.LIO_INTERNSHIP],
        awarded_on=day,
        assessment=assessment,
    )


def _sign(assessment: LessonAssessment, role: str, person: Person, when: datetime) -> None:
    kind = ContentType.objects.get_for_model(LessonAssessment)
    request = SignatureRequest.objects.create(
        content_type=kind,
        object_id=assessment.pk,
        role=role,
        person=person,
        requested_at=when - timedelta(hours=1),
        status=SignatureRequest.Status.SIGNED,
        acted_at=when,
    )
    Signature.objects.create(
        content_type=kind,
        object_id=assessment.pk,
        request=request,
        role=role,
        signer=person,
        signer_name=person.full_name,
        method=Signature.Method.ACCOUNT if person.user_id else Signature.Method.LINK,
        signed_at=when,
        content_hash=content_hash(lesson_assessment_content(assessment)),
    )
    _event(assessment, SignOffEvent.Action.SIGNED, when, actor=person, detail=role_label(role))
