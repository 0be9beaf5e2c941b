"""Demo start applications and entry requirements at every stage (idempotent).

Rows are written directly instead of through the services so that seeding sends no e-mail;
signature hashes come from the same content function the services use.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from signoffs.hashing import content_hash
from signoffs.models import Signature, SignatureRequest, SignOffEvent
from signoffs.selectors import role_label

from .models import EntryRequirement, Placement, Role, StartApplication, Track
from .services.pipeline import placement_stages_refresh
from .services.start_applications import SIGNER_ROLES, start_application_content

# Students (by student number) whose entry requirements are not all met.
_MISSING_REQUIREMENTS = {
    "NL-500110": {EntryRequirement.Kind.MAIN_PHASE},
    "NL-500111": {EntryRequirement.Kind.MAIN_PHASE, EntryRequirement.Kind.INCLUSIVE_EDUCATION},
    "NL-500112": set(EntryRequirement.Kind) - {EntryRequirement.Kind.PROPAEDEUTIC},
}
_VL_ANSWERS = {
    "appointment": StartApplication.Appointment.PRIMARY,
    "appointment_for_school_year": True,
    "appointment_start": date(2026, 9, 1),
    "periods_per_week": 12,
    "learning_areas": "Nederlands, wiskunde, wereldoriëntatie",
    "school_confirms_conditions": True,
}


def seed_demo_applications(*, today: date) -> None:
    for placement in Placement.objects.select_related(
        "student__programme", "student__person", "school", "school_year"
    ):
        student = placement.student
        if student.programme.track == Track.NL:
            _requirements(student, _MISSING_REQUIREMENTS.get(student.student_number, set()))
        if hasattr(placement, "start_application"):
            continue
        if placement.status in (Placement.Status.ACTIVE, Placement.Status.COMPLETED):
            _confirmed(placement)
        elif student.student_number == "NL-500108":
            _waiting(placement, today=today)
        elif student.student_number == "r0811204":
            _returned(placement, today=today)
    placement_stages_refresh(placements=Placement.objects.all())


def _requirements(student: object, missing: set[str]) -> None:
    for kind in EntryRequirement.Kind:
        if kind not in missing:
            EntryRequirement.objects.get_or_create(
                student=student, kind=kind, defaults={"met_on": date(2026, 6, 30)}
            )


def _application(placement: Placement, status: str) -> StartApplication:
    extra = _VL_ANSWERS if placement.student.programme.track == Track.VL else {}
    return StartApplication.objects.create(
        placement=placement,
        status=status,
        school=placement.school,
        class_name=placement.class_name or "groep 6",
        grades=placement.grades,
        mentor=placement.mentor,
        director=placement.director,
        study_coach=placement.study_coach,
        weekdays=placement.weekdays,
        start_date=placement.start_date,
        end_date=placement.end_date,
        **extra,
    )


def _moment(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _sign(application: StartApplication, role: str, when: datetime) -> None:
    person = getattr(application, role)
    kind = ContentType.objects.get_for_model(StartApplication)
    request, _ = SignatureRequest.objects.get_or_create(
        content_type=kind,
        object_id=application.pk,
        role=role,
        defaults={"person": person, "requested_at": when - timedelta(days=2)},
    )
    request.status, request.acted_at = SignatureRequest.Status.SIGNED, when
    request.save()
    Signature.objects.create(
        content_type=kind,
        object_id=application.pk,
        request=request,
        role=role,
        signer=person,
        signer_name=person.full_name,
        method=Signature.Method.ACCOUNT if person.user_id else Signature.Method.LINK,
        signed_at=when,
        content_hash=content_hash(start_application_content(application)),
    )
    SignOffEvent.objects.create(
        content_type=kind,
        object_id=application.pk,
        action=SignOffEvent.Action.SIGNED,
        actor=person,
        detail=role_label(role),
        created_at=when,
    )


def _event(application: StartApplication, action: str, when: datetime, **extra: object) -> None:
    SignOffEvent.objects.create(
        content_type=ContentType.objects.get_for_model(StartApplication),
        object_id=application.pk,
        action=action,
        created_at=when,
        **extra,
    )


def _confirmed(placement: Placement) -> None:
    application = _application(placement, StartApplication.Status.CONFIRMED)
    first_day = placement.start_date or placement.school_year.start_date
    submitted = _moment(first_day - timedelta(days=21), 10)
    application.submitted_at = submitted
    _event(application, SignOffEvent.Action.SUBMITTED, submitted, actor=placement.student.person)
    for offset, role in enumerate(SIGNER_ROLES, start=1):
        if getattr(application, role) is not None:
            _sign(application, role, submitted + timedelta(days=offset))
    coordinator = (
        placement.student.institution.people.filter(role_assignments__role=Role.COORDINATOR)
        .order_by("pk")
        .first()
    )
    application.confirmed_at = submitted + timedelta(days=5)
    application.confirmed_by = coordinator
    application.save()
    _event(application, SignOffEvent.Action.CONFIRMED, application.confirmed_at, actor=coordinator)


def _waiting(placement: Placement, *, today: date) -> None:
    """Submitted five days ago; the mentor has signed, director and study coach have not."""
    application = _application(placement, StartApplication.Status.SUBMITTED)
    submitted = _moment(today - timedelta(days=5), 9)
    application.submitted_at = submitted
    application.save()
    _event(application, SignOffEvent.Action.SUBMITTED, submitted, actor=placement.student.person)
    kind = ContentType.objects.get_for_model(StartApplication)
    for role in SIGNER_ROLES:
        person = getattr(application, role)
        if person is not None:
            SignatureRequest.objects.create(
                content_type=kind,
                object_id=application.pk,
                role=role,
                person=person,
                requested_at=submitted,
            )
    _sign(application, Role.MENTOR, submitted + timedelta(days=2))


def _returned(placement: Placement, *, today: date) -> None:
    """Sent back by the school director with a comment."""
    application = _application(placement, StartApplication.Status.RETURNED)
    application.return_comment = "De klas is 2A, niet 2B. Pas dat aan en dien opnieuw in."
    application.submitted_at = _moment(today - timedelta(days=8), 11)
    application.save()
    kind = ContentType.objects.get_for_model(StartApplication)
    SignatureRequest.objects.create(
        content_type=kind,
        object_id=application.pk,
        role=Role.DIRECTOR,
        person=application.director,
        requested_at=application.submitted_at,
        status=SignatureRequest.Status.RETURNED,
        acted_at=application.submitted_at + timedelta(days=1),
        comment=application.return_comment,
    )
    _event(
        application,
        SignOffEvent.Action.RETURNED,
        application.submitted_at + timedelta(days=1),
        actor=application.director,
        detail=application.return_comment,
    )
