"""Bookings at the same moment: 8 threads × 50 rounds, one booking per slot or visit.

Needs real row locks, so it runs on PostgreSQL only (`make test-postgres`).
"""

from datetime import date, time, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from assessments.models import AssessorAssignment, LessonAssessment
from assessments.services import VisitData
from assessments.services.scheduling import lesson_assessment_propose, lesson_assessment_schedule
from internships.models import Role, TalkBooking
from internships.services.talks import talk_booking_create
from signoffs.models import SignOffEvent
from tests.conftest import build_world
from tests.factories import ProgrammeFactory, TalkSlotFactory

from .race import ROUNDS, race, winners
from .worlds import active_placements

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locking needs PostgreSQL"),
]

TODAY = date(2026, 11, 9)
VISIT = VisitData(
    date=date(2026, 11, 17),  # a Tuesday, one of the LIO days
    start_time=time(9, 0),
    end_time=time(10, 0),
    class_name="groep 7",
)


def test_eight_people_booking_one_orientation_talk_slot_make_one_booking() -> None:
    """DOMAIN.md, track VL: a slot of the *verkennend trajectgesprek* is never booked twice."""
    programme = ProgrammeFactory(institution__country="BE")
    start = timezone.now() + timedelta(days=3)
    slots = [
        TalkSlotFactory(
            programme=programme,
            starts_at=start + timedelta(hours=n),
            ends_at=start + timedelta(hours=n, minutes=30),
        )
        for n in range(ROUNDS)
    ]

    def book(round_: int, number: int) -> None:
        talk_booking_create(
            programme=programme,
            slot_id=slots[round_].pk,
            name=f"Persoon {number}",
            email=f"persoon{number}@example.org",
            question="",
            language="nl",
        )

    assert winners(race(book)) == [1] * ROUNDS
    for slot in slots:
        assert TalkBooking.objects.filter(slot=slot, cancelled_at__isnull=True).count() == 1


def test_the_coordinator_scheduling_and_the_student_proposing_make_one_visit() -> None:
    """DOMAIN.md, LIO assessment lesson: one open visit per LIO. Even threads are the
    coordinator scheduling it, odd threads the student proposing it, all at once."""
    world = build_world()
    placements = active_placements(world, ROUNDS)
    for placement in placements:
        AssessorAssignment.objects.create(
            student=placement.student, assessor=world.people[Role.ASSESSOR]
        )
    coordinator = world.people[Role.COORDINATOR]

    def plan(round_: int, number: int) -> None:
        placement = placements[round_]
        if number % 2:
            student = placement.student
            lesson_assessment_propose(
                student=student, data=VISIT, actor=student.person, today=TODAY
            )
        else:
            lesson_assessment_schedule(
                placement=placement, data=VISIT, actor=coordinator, today=TODAY
            )

    assert winners(race(plan)) == [1] * ROUNDS
    for placement in placements:
        visits = LessonAssessment.objects.filter(placement=placement)
        assert visits.count() == 1
        created = SignOffEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(LessonAssessment),
            object_id=visits.get().pk,
            action=SignOffEvent.Action.CREATED,
        )
        assert created.count() == 1
