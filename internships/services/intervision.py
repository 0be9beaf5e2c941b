"""Intervision (track VL): group sessions at the institution that explain the assignments.

Rule (seed 000, DOMAIN.md "Two tracks"): the institution supports the student with intervision
sessions (explanation of the assignments, interaction, reflection). Staff (coordinator, study
coach) schedule them for a group of students and record attendance; each student may add a
short reflection.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from portfolio.models import Assignment

from ..models import (
    Attendance,
    IntervisionParticipant,
    IntervisionSession,
    Person,
    Programme,
    StudentProfile,
    Track,
)

REFLECTION_MAX_LENGTH = 1500


@dataclass(frozen=True)
class SessionData:
    programme: Programme
    starts_at: datetime
    ends_at: datetime
    place: str
    students: Sequence[StudentProfile]
    assignment: Assignment | None = None
    topic: str = ""


def _check(data: SessionData, actor: Person) -> None:
    if data.programme.institution_id != actor.institution_id:
        raise PermissionDenied
    if data.programme.track != Track.VL:
        raise ValidationError(_("Intervision sessions belong to the LIO internship package."))
    if data.ends_at <= data.starts_at:
        raise ValidationError({"ends_at": _("The session must end after it starts.")})
    if data.assignment and data.assignment.programme_id != data.programme.pk:
        raise ValidationError({"assignment": _("Choose an assignment of this programme.")})
    if not data.assignment and not data.topic.strip():
        raise ValidationError(_("Choose the assignment the session explains, or give a topic."))
    if not data.students:
        raise ValidationError({"students": _("Invite at least one student.")})
    if any(student.programme_id != data.programme.pk for student in data.students):
        raise ValidationError({"students": _("Invite students of this programme only.")})


@transaction.atomic
def intervision_session_schedule(*, data: SessionData, actor: Person) -> IntervisionSession:
    """Schedule a session for a group of students of one track-VL programme."""
    _check(data, actor)
    session = IntervisionSession.objects.create(
        programme=data.programme,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        place=data.place.strip(),
        assignment=data.assignment,
        topic=data.topic.strip(),
        created_by=actor,
    )
    bulk_create_with_history(
        [IntervisionParticipant(session=session, student=student) for student in data.students],
        IntervisionParticipant,
        default_user=actor.user,
        custom_historical_attrs={"history_person": actor},
    )
    return session


@transaction.atomic
def intervision_attendance_record(
    *, session: IntervisionSession, attendance: Mapping[int, str], actor: Person, now: datetime
) -> int:
    """Record who was present, absent or excused (by participant id) once the session began."""
    if session.programme.institution_id != actor.institution_id:
        raise PermissionDenied
    if session.starts_at > now:
        raise ValidationError(_("Attendance can be recorded once the session has started."))
    participants = {
        p.pk: p for p in IntervisionParticipant.objects.select_for_update().filter(session=session)
    }
    changed = 0
    for participant_id, value in attendance.items():
        participant = participants.get(participant_id)
        if participant is None or value not in Attendance.values:
            raise ValidationError(_("Choose an attendance for the invited students only."))
        if participant.attendance != value:
            participant.attendance = value
            participant.attendance_recorded_by = actor
            participant.attendance_recorded_at = now
            participant.save(
                update_fields=["attendance", "attendance_recorded_by", "attendance_recorded_at"]
            )
            changed += 1
    return changed


@transaction.atomic
def intervision_reflection_save(
    *, participant: IntervisionParticipant, student: Person, reflection: str, now: datetime
) -> IntervisionParticipant:
    """The student's short reflection on a session they were invited to, once it began."""
    participant = (
        IntervisionParticipant.objects.select_for_update()
        .select_related("session", "student")
        .get(pk=participant.pk)
    )
    if participant.student.person_id != student.pk:
        raise PermissionDenied
    if participant.session.starts_at > now:
        raise ValidationError(_("You can reflect on a session once it has taken place."))
    text = reflection.strip()
    if len(text) > REFLECTION_MAX_LENGTH:
        raise ValidationError(
            _("Keep the reflection short: at most %(max)s characters.")
            % {"max": REFLECTION_MAX_LENGTH}
        )
    participant.reflection = text
    participant.reflection_at = now if text else None
    participant.save(update_fields=["reflection", "reflection_at"])
    return participant
