"""Reads: intervision sessions (track VL) and orientation-talk slots."""

from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import (
    Attendance,
    Institution,
    IntervisionParticipant,
    IntervisionSession,
    Programme,
    StudentProfile,
    TalkBooking,
    TalkSlot,
    Track,
)


def vl_programmes_of(*, institution: Institution) -> QuerySet[Programme]:
    return Programme.objects.filter(institution=institution, track=Track.VL)


def intervision_sessions_of(*, institution: Institution) -> QuerySet[IntervisionSession]:
    """The institution's sessions with their numbers of invited, present and absent students."""
    return (
        IntervisionSession.objects.filter(programme__institution=institution)
        .select_related("programme", "assignment")
        .annotate(
            invited=Count("participants"),
            present=Count("participants", filter=Q(participants__attendance=Attendance.PRESENT)),
            absent=Count("participants", filter=Q(participants__attendance=Attendance.ABSENT)),
        )
    )


def session_participants(*, session: IntervisionSession) -> QuerySet[IntervisionParticipant]:
    return session.participants.select_related("student__person", "attendance_recorded_by")


def intervisions_of_student(*, student: StudentProfile) -> QuerySet[IntervisionParticipant]:
    return (
        IntervisionParticipant.objects.filter(student=student)
        .select_related("session__programme", "session__assignment")
        .order_by("-session__starts_at")
    )


def missed_intervisions(*, institution: Institution) -> QuerySet[IntervisionParticipant]:
    """Every invitation a student missed without an excuse, newest session first."""
    return (
        IntervisionParticipant.objects.filter(
            session__programme__institution=institution, attendance=Attendance.ABSENT
        )
        .select_related("student__person", "session__assignment", "session__programme")
        .order_by("-session__starts_at", "student__person__last_name")
    )


def talk_slots_of(*, institution: Institution, since: datetime) -> QuerySet[TalkSlot]:
    """Slots from `since` on, each with its active booking (`active_bookings`, 0 or 1)."""
    return (
        TalkSlot.objects.filter(programme__institution=institution, ends_at__gte=since)
        .select_related("programme")
        .prefetch_related(
            Prefetch(
                "bookings",
                queryset=TalkBooking.objects.filter(cancelled_at__isnull=True),
                to_attr="active_bookings",
            )
        )
    )


def cancelled_bookings_of(*, institution: Institution, since: datetime) -> QuerySet[TalkBooking]:
    return (
        TalkBooking.objects.filter(
            slot__programme__institution=institution,
            cancelled_at__isnull=False,
            slot__ends_at__gte=since,
        )
        .select_related("slot", "cancelled_by")
        .order_by("slot__starts_at")
    )


def free_talk_slots(*, programme: Programme, now: datetime) -> QuerySet[TalkSlot]:
    """Future slots of the programme that nobody has booked."""
    return (
        TalkSlot.objects.filter(programme=programme, starts_at__gt=now)
        .exclude(pk__in=TalkBooking.objects.filter(cancelled_at__isnull=True).values("slot_id"))
        .order_by("starts_at")
    )
