"""The private iCalendar feed of a student's planned and logged LIO days."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from internships.models import LioDay, Role, StudentProfile
from internships.services.calendar_feed import calendar_feed_renew
from tests.conftest import World, client_for
from tests.factories import LioDayFactory
from tests.internships.support_days import activate, frozen_today

pytestmark = pytest.mark.django_db


@pytest.fixture
def lio(world: World) -> World:
    activate(world.placement)
    return world


def _feed_url(student: StudentProfile) -> str:
    return reverse("internships:lio-feed", args=[student.calendar_feed_token])


def _parse(body: bytes) -> list[dict[str, object]]:
    calendar = Calendar.from_ical(body)
    return [
        {
            "uid": str(event["uid"]),
            "start": event.decoded("dtstart"),
            "end": event.decoded("dtend"),
            "summary": str(event["summary"]),
        }
        for event in calendar.walk("VEVENT")
    ]


def test_the_feed_parses_back_with_an_all_day_event_per_planned_or_logged_day(lio: World) -> None:
    LioDayFactory(placement=lio.placement, date=date(2026, 11, 2), confirmed_at=timezone.now())
    LioDayFactory(placement=lio.placement, date=date(2026, 11, 3), kind=LioDay.Kind.ABSENT_ILL)
    student = lio.placement.student
    calendar_feed_renew(student=student)

    with frozen_today(date(2026, 11, 23)):
        response = Client().get(_feed_url(student))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = _parse(response.content)
    assert len(events) == 26  # 25 counted days (one more for the absence) and the absence
    first, absent = events[0], events[1]
    assert (first["start"], first["end"]) == (date(2026, 11, 2), date(2026, 11, 3))
    assert type(first["start"]) is date  # all-day: a DATE, not a DATE-TIME
    assert str(LioDay.Kind.LESSON.label) in first["summary"]  # type: ignore[operator]
    assert str(LioDay.Kind.ABSENT_ILL.label) in absent["summary"]  # type: ignore[operator]
    assert events[-1]["start"] == date(2027, 1, 12)
    assert len({event["uid"] for event in events}) == 26
    calendar = Calendar.from_ical(response.content)
    assert calendar["version"] == "2.0"
    assert "PRODID" in calendar


def test_the_feed_holds_no_notes_or_other_people(lio: World) -> None:
    LioDayFactory(
        placement=lio.placement, date=date(2026, 11, 2), note="Gesprek met ouders van Tim"
    )
    student = lio.placement.student
    calendar_feed_renew(student=student)

    body = Client().get(_feed_url(student)).content.decode()

    assert "Tim" not in body
    assert lio.people[Role.MENTOR].last_name not in body
    assert student.person.email not in body


@pytest.mark.parametrize(
    ("language", "planned"), [("nl", "LIO-dag (gepland)"), ("en", "LIO day (planned)")]
)
def test_the_feed_speaks_the_students_language(lio: World, language: str, planned: str) -> None:
    student = lio.placement.student
    student.person.language = language
    student.person.save()
    calendar_feed_renew(student=student)

    body = Client().get(_feed_url(student)).content.decode()

    assert planned in body


def test_the_student_makes_renews_and_switches_off_the_address(lio: World) -> None:
    client = client_for(lio.people[Role.STUDENT])
    student = lio.placement.student
    assert student.calendar_feed_token is None

    assert client.get(reverse("internships:feed-renew")).status_code == 405
    client.post(reverse("internships:feed-renew"))
    student.refresh_from_db()
    first = student.calendar_feed_token
    assert first and len(first) >= 40
    page = client.get(reverse("internships:day-log")).content.decode()
    assert _feed_url(student) in page

    client.post(reverse("internships:feed-renew"))
    student.refresh_from_db()
    assert student.calendar_feed_token != first
    assert Client().get(reverse("internships:lio-feed", args=[first])).status_code == 404
    assert Client().get(_feed_url(student)).status_code == 200

    old = _feed_url(student)
    client.post(reverse("internships:feed-revoke"))
    student.refresh_from_db()
    assert student.calendar_feed_token is None
    assert Client().get(old).status_code == 404


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.MENTOR])
def test_only_the_student_manages_the_address(lio: World, role: str) -> None:
    client = client_for(lio.people[role])

    assert client.post(reverse("internships:feed-renew")).status_code == 403
    assert client.post(reverse("internships:feed-revoke")).status_code == 403


def test_an_unknown_token_is_404_without_a_login(lio: World) -> None:
    response = Client().get(reverse("internships:lio-feed", args=["not-a-token"]))

    assert response.status_code == 404


def test_a_student_without_an_active_lio_has_no_feed(world: World) -> None:
    student = world.placement.student
    calendar_feed_renew(student=student)

    assert Client().get(_feed_url(student)).status_code == 404


def test_the_feed_shows_confirmed_days_as_confirmed(lio: World) -> None:
    LioDayFactory(placement=lio.placement, date=date(2026, 11, 2), confirmed_at=timezone.now())
    LioDayFactory(placement=lio.placement, date=date(2026, 11, 3))
    student = lio.placement.student
    student.person.language = "en"
    student.person.save()
    calendar_feed_renew(student=student)

    events = _parse(Client().get(_feed_url(student)).content)

    assert events[0]["summary"] == "LIO: Lesson day (confirmed)"
    assert events[1]["summary"] == "LIO: Lesson day"
    assert events[2]["summary"] == "LIO day (planned)"
    assert events[2]["start"] == date(2026, 11, 2) + timedelta(days=2)
