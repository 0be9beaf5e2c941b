"""Demo guidance (idempotent): observations with one short month, a feedforward visit, an
intervision session with attendance and reflections, published talk slots with one booking.

Everything is placed relative to today. Rows are written directly instead of through the
services so that seeding sends no e-mail; signature hashes come from the services' content
function.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from portfolio.models import Assignment
from signoffs.models import Signature, SignatureRequest, SignOffEvent
from signoffs.services import document_hash

from .models import (
    Attendance,
    FeedforwardVisit,
    IntervisionParticipant,
    IntervisionSession,
    Observation,
    Person,
    Placement,
    Programme,
    Role,
    StudentProfile,
    TalkBooking,
    TalkSlot,
    Track,
)
from .observation_cadence import month_end, months_between, school_days_between
from .selectors_calendar import school_free_days_between
from .selectors_observations import placement_period
from .services.action_dates import placement_action_dates_refresh_one

# Student number → the month (counted back from the current one) left with one observation.
_OBSERVED = {
    "r0811201": 1,
    "r0811202": None,
    "r0811203": None,
    "r0811205": None,
    "r0811206": None,
}
_TEXTS = [
    (
        "Wiskunde: breuken",
        "Instructie in kleine stappen",
        "Heldere uitleg met materiaal.",
        "Meer differentiatie voor snelle rekenaars.",
        "Volgende keer werken met niveaugroepen.",
    ),
    (
        "Taal: begrijpend lezen",
        "Vraagstelling",
        "Goede open vragen, rustige klas.",
        "Langere wachttijd na een vraag.",
        "Wachttijd bewust tellen.",
    ),
]


def seed_demo_guidance(*, today: date) -> None:
    for number, short_back in _OBSERVED.items():
        placement = Placement.objects.filter(student__student_number=number).first()
        if placement and placement.mentor and placement.status == Placement.Status.ACTIVE:
            _observations(placement, today=today, short_back=short_back)
            placement_action_dates_refresh_one(placement.pk)
    _feedforward(today)
    programme = Programme.objects.filter(track=Track.VL, institution__name="Hogeschool Kempenland")
    if programme.exists():
        _intervision(programme.get(), today)
        _talks(programme.get(), today)


def _observations(placement: Placement, *, today: date, short_back: int | None) -> None:
    first, last = placement_period(placement)
    free = school_free_days_between(school=placement.school, first=first, last=last)
    months = months_between(first, min(last, today))
    for back, month in enumerate(reversed(months)):
        days = school_days_between(
            max(month, first), min(month_end(month), today - timedelta(1)), free
        )
        wanted = 1 if back in (0, short_back) else 2
        for index, day in enumerate(days[3::8][:wanted]):
            _observation(placement, day, _TEXTS[index % 2], acknowledged=back != 0)


def _of(document: object) -> dict[str, object]:
    return {"content_type": ContentType.objects.get_for_model(document), "object_id": document.pk}  # type: ignore[attr-defined]


def _observation(placement: Placement, day: date, texts: tuple, *, acknowledged: bool) -> None:
    subject, focus, went_well, to_improve, agreements = texts
    observation, created = Observation.objects.get_or_create(
        placement=placement,
        observed_on=day,
        version=1,
        defaults={
            "observer": placement.mentor,
            "class_name": placement.class_name or "2A",
            "subject": subject,
            "focus": focus,
            "went_well": went_well,
            "to_improve": to_improve,
            "agreements": agreements,
        },
    )
    if not created:
        return
    moment = timezone.make_aware(datetime.combine(day, time(16)))
    signers = [(Role.MENTOR, placement.mentor, moment)]
    if acknowledged:
        observation.student_response = "Bedankt, ik ga ermee aan de slag."
        signers.append((Role.STUDENT, placement.student.person, moment + timedelta(days=1)))
    else:
        SignatureRequest.objects.create(
            **_of(observation),
            role=Role.STUDENT,
            person=placement.student.person,
            requested_at=moment,
        )
    for role, person, when in signers:
        request = SignatureRequest.objects.create(
            **_of(observation),
            role=role,
            person=person,
            requested_at=moment,
            status=SignatureRequest.Status.SIGNED,
            acted_at=when,
        )
        Signature.objects.create(
            **_of(observation),
            request=request,
            role=role,
            signer=person,
            signer_name=person.full_name,
            method=Signature.Method.ACCOUNT,
            signed_at=when,
            content_hash=document_hash(observation, role),
        )
        SignOffEvent.objects.create(
            **_of(observation),
            action=SignOffEvent.Action.SIGNED,
            actor=person,
            detail=role,
            created_at=when,
        )
    observation.status = (
        Observation.Status.ACKNOWLEDGED if acknowledged else Observation.Status.SIGNED
    )
    observation.signed_at = moment
    observation.acknowledged_at = moment + timedelta(days=1) if acknowledged else None
    observation.save()


def _feedforward(today: date) -> None:
    """Emma de Boer's school teacher educator visited her in her first week."""
    placement = Placement.objects.filter(student__student_number="NL-500101").first()
    educator = Person.objects.filter(email="l.hendriks@deregenboog.example").first()
    if placement is None or educator is None or not placement.start_date:
        return
    visited_on = placement.start_date + timedelta(days=2)
    if visited_on > today:
        return
    FeedforwardVisit.objects.get_or_create(
        placement=placement,
        defaults={
            "visited_on": visited_on,
            "recorded_by": educator,
            "feedback": (
                "Je opent de dag rustig en de kinderen weten wat er van hen verwacht wordt. "
                "Let bij de instructie op de kinderen achterin de klas: betrek ze met "
                "wisbordjes. Plan vooruit: zet de weekplanning van groep 7a samen met je mentor "
                "op papier."
            ),
        },
    )


def _moment(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _intervision(programme: Programme, today: date) -> None:
    students = list(
        StudentProfile.objects.filter(programme=programme, lio_year=1).select_related("person")
    )
    assignment = (
        Assignment.objects.filter(programme=programme, lio_year=1).order_by("title").first()
    )
    sessions = [
        ("Intervisie 1: opdrachten krachtige leeromgeving", today - timedelta(days=13)),
        ("Intervisie 2: teamwerking", today + timedelta(days=15)),
    ]
    for index, (topic, day) in enumerate(sessions):
        session, _created = IntervisionSession.objects.update_or_create(
            programme=programme,
            topic=topic,
            defaults={
                "starts_at": _moment(day, 18),
                "ends_at": _moment(day, 20),
                "place": "Campus Diepenbeek, lokaal B12",
                "assignment": assignment if index == 0 else None,
            },
        )
        for position, student in enumerate(students):
            participant, _created = IntervisionParticipant.objects.get_or_create(
                session=session, student=student
            )
            if index == 0 and participant.attendance == Attendance.UNRECORDED:
                participant.attendance = Attendance.ABSENT if position == 2 else Attendance.PRESENT
                participant.attendance_recorded_at = session.ends_at
                if position == 0:
                    participant.reflection = (
                        "Het voorbeeld van een hoekenwerk gaf me ideeën voor mijn klas; "
                        "ik probeer volgende week een leeshoek."
                    )
                    participant.reflection_at = session.ends_at + timedelta(days=1)
                participant.save()


_SLOTS = [
    ("Campus Diepenbeek, lokaal B14", 6, 17, 0),
    ("Online (Teams): de link volgt per e-mail", 6, 17, 45),
    ("Campus Diepenbeek, lokaal B15", 13, 17, 0),
    ("Online (Teams), de link volgt per e-mail", 20, 18, 0),
]


def _talks(programme: Programme, today: date) -> None:
    for index, (place, days, hour, minute) in enumerate(_SLOTS):
        start = _moment(today + timedelta(days=days), hour, minute)
        slot, _created = TalkSlot.objects.update_or_create(
            programme=programme,
            place=place,
            defaults={"starts_at": start, "ends_at": start + timedelta(minutes=30)},
        )
        if index == 0 and not slot.bookings.filter(cancelled_at__isnull=True).exists():
            person, _ = Person.objects.get_or_create(
                institution=programme.institution,
                email="pieter.claes@example.org",
                defaults={"first_name": "Pieter", "last_name": "Claes"},
            )
            TalkBooking.objects.create(
                slot=slot,
                person=person,
                name="Pieter Claes",
                email=person.email,
                question=(
                    "Ik geef les in het derde leerjaar zonder lerarendiploma. "
                    "Kan ik in februari starten?"
                ),
                language="nl",
            )
