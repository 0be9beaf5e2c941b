"""The feedforward visit (track NL) and intervision sessions (track VL)."""

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from internships.models import Attendance, FeedforwardVisit, IntervisionParticipant, Role
from internships.services.feedforward import feedforward_visit_record
from internships.services.intervision import (
    SessionData,
    intervision_attendance_record,
    intervision_reflection_save,
    intervision_session_schedule,
)
from tests.conftest import World, client_for
from tests.factories import AssignmentFactory, IntervisionSessionFactory, StudentProfileFactory
from tests.internships.support_guidance import vl_world

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


def _record(world: World, role: str, **changes: object) -> FeedforwardVisit:
    values = {"visited_on": date(2026, 11, 4), "feedback": "Goede start.", "today": TODAY}
    values.update(changes)
    return feedforward_visit_record(
        placement=world.placement,
        recorder=world.people[role],
        **values,  # type: ignore[arg-type]
    )


def test_the_school_teacher_educator_records_the_feedforward_visit(world: World) -> None:
    visit = _record(world, Role.SCHOOL_TEACHER_EDUCATOR)
    assert visit.recorded_by == world.people[Role.SCHOOL_TEACHER_EDUCATOR]
    _record(world, Role.SCHOOL_TEACHER_EDUCATOR, feedback="Gecorrigeerd.")
    assert FeedforwardVisit.objects.get().feedback == "Gecorrigeerd."


@pytest.mark.parametrize(
    "role", [Role.QUALIFIED_SUPERVISOR, Role.MENTOR, Role.COORDINATOR, Role.STUDENT, Role.DIRECTOR]
)
def test_in_the_partnership_nobody_else_records_it(world: World, role: str) -> None:
    with pytest.raises(PermissionDenied):
        _record(world, role)


def test_outside_the_partnership_the_qualified_supervisor_records_it(world: World) -> None:
    world.school.in_partnership = False
    world.school.save()
    _record(world, Role.QUALIFIED_SUPERVISOR)
    with pytest.raises(PermissionDenied):
        _record(world, Role.SCHOOL_TEACHER_EDUCATOR)


def test_the_visit_is_not_in_the_future_and_has_feedback(world: World) -> None:
    with pytest.raises(ValidationError, match="future"):
        _record(world, Role.SCHOOL_TEACHER_EDUCATOR, visited_on=TODAY + timedelta(days=1))
    with pytest.raises(ValidationError, match="feedback"):
        _record(world, Role.SCHOOL_TEACHER_EDUCATOR, feedback="  ")


def test_a_flemish_placement_has_no_feedforward_visit() -> None:
    vl = vl_world()
    client = client_for(vl.people[Role.STUDENT])
    assert client.get(reverse("internships:feedforward", args=[vl.placement.pk])).status_code == 404


def test_the_page_says_there_is_no_grade_and_the_visitor_records_it(world: World) -> None:
    url = reverse("internships:feedforward", args=[world.placement.pk])
    educator = client_for(world.people[Role.SCHOOL_TEACHER_EDUCATOR])
    response = educator.post(url, {"visited_on": "2026-11-04", "feedback": "Rustige start."})
    assert response.status_code == 302
    page = client_for(world.people[Role.STUDENT]).get(reverse("internships:my-feedforward"))
    text = page.content.decode()
    assert "Rustige start." in text
    assert "geen cijfer" in text or "no grade" in text
    mentor = client_for(world.people[Role.MENTOR])
    assert mentor.post(url, {"visited_on": "2026-11-04", "feedback": "x"}).status_code == 403


# --- intervision ----------------------------------------------------------------------------


@pytest.fixture
def vl() -> World:
    return vl_world()


def _schedule(vl: World, **changes: object) -> object:
    programme = vl.placement.student.programme
    start = timezone.now() - timedelta(hours=3)
    values = {
        "programme": programme,
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "place": "Lokaal B12",
        "students": [vl.placement.student],
        "assignment": AssignmentFactory(programme=programme),
    }
    values.update(changes)
    return intervision_session_schedule(
        data=SessionData(**values),  # type: ignore[arg-type]
        actor=vl.people[Role.STUDY_COACH],
    )


def test_staff_schedule_a_session_for_students_of_the_programme(vl: World) -> None:
    session = _schedule(vl)
    assert [p.student for p in session.participants.all()] == [vl.placement.student]  # type: ignore[attr-defined]
    stranger = StudentProfileFactory(institution=vl.institution)  # another programme
    with pytest.raises(ValidationError, match="this programme"):
        _schedule(vl, students=[stranger])
    with pytest.raises(ValidationError, match="end after"):
        _schedule(vl, ends_at=timezone.now() - timedelta(hours=4))
    with pytest.raises(ValidationError, match="topic"):
        _schedule(vl, assignment=None, topic="")


def test_a_dutch_programme_has_no_intervision(world: World) -> None:
    with pytest.raises(ValidationError, match="package"):
        _schedule(world, assignment=None, topic="x")


def test_attendance_is_recorded_after_the_start_and_missed_sessions_show(vl: World) -> None:
    session = _schedule(vl)
    participant = IntervisionParticipant.objects.get()
    intervision_attendance_record(
        session=session,
        attendance={participant.pk: Attendance.ABSENT},
        actor=vl.people[Role.COORDINATOR],
        now=timezone.now(),
    )
    page = client_for(vl.people[Role.COORDINATOR]).get(reverse("internships:intervision-missed"))
    assert vl.placement.student.person.full_name in page.content.decode()
    future = _schedule(
        vl,
        starts_at=timezone.now() + timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=1, hours=2),
    )
    with pytest.raises(ValidationError, match="zodra de sessie begonnen is"):
        intervision_attendance_record(
            session=future, attendance={}, actor=vl.people[Role.COORDINATOR], now=timezone.now()
        )


def test_the_student_reflects_on_their_own_session_only(vl: World) -> None:
    _schedule(vl)
    participant = IntervisionParticipant.objects.get()
    intervision_reflection_save(
        participant=participant,
        student=vl.people[Role.STUDENT],
        reflection="Veel geleerd.",
        now=timezone.now(),
    )
    participant.refresh_from_db()
    assert participant.reflection == "Veel geleerd."
    with pytest.raises(PermissionDenied):
        intervision_reflection_save(
            participant=participant,
            student=vl.people[Role.MENTOR],
            reflection="x",
            now=timezone.now(),
        )
    with pytest.raises(ValidationError, match="short"):
        intervision_reflection_save(
            participant=participant,
            student=vl.people[Role.STUDENT],
            reflection="x" * 1501,
            now=timezone.now(),
        )


def test_the_student_sees_their_sessions_and_posts_a_reflection(vl: World) -> None:
    _schedule(vl)
    participant = IntervisionParticipant.objects.get()
    client = client_for(vl.people[Role.STUDENT])
    assert "Lokaal B12" in client.get(reverse("internships:my-intervisions")).content.decode()
    url = reverse("internships:intervision-reflect", args=[participant.pk])
    response = client.post(url, {f"r{participant.pk}-reflection": "Mooi gesprek."})
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.reflection == "Mooi gesprek."
    assert client.get(url).status_code == 405


def test_staff_record_attendance_on_the_session_page(vl: World) -> None:
    session = _schedule(vl)
    participant = IntervisionParticipant.objects.get()
    client = client_for(vl.people[Role.STUDY_COACH])
    url = reverse("internships:intervision-detail", args=[session.pk])  # type: ignore[attr-defined]
    response = client.post(url, {f"attendance-{participant.pk}": Attendance.PRESENT})
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.attendance == Attendance.PRESENT
    assert participant.attendance_recorded_by == vl.people[Role.STUDY_COACH]


def test_another_institutions_session_is_404(vl: World) -> None:
    other = IntervisionSessionFactory()
    client = client_for(vl.people[Role.COORDINATOR])
    assert client.get(reverse("internships:intervision-detail", args=[other.pk])).status_code == 404


def test_the_session_list_has_a_fixed_number_of_queries(
    vl: World, django_assert_max_num_queries: object
) -> None:
    for _ in range(5):
        _schedule(vl)
    client = client_for(vl.people[Role.COORDINATOR])
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        client.get(reverse("internships:intervision-list"))
