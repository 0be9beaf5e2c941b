"""The LIO day log (track NL): the student logs days, the mentor confirms a week, days lock."""

import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from internships.models import CalendarOverride, LioDay, Placement, Responsibility, Role
from internships.services.lio_days import lio_day_record, lio_days_confirm_week
from tests.conftest import World, client_for
from tests.factories import (
    CalendarOverrideFactory,
    LioDayFactory,
    PlacementFactory,
    RoleAssignmentFactory,
    stage_follows,
)
from tests.internships.support_days import EMMA_START, activate, frozen_today

pytestmark = pytest.mark.django_db

K = LioDay.Kind
TODAY = date(2026, 11, 23)  # Monday of Emma's fourth week (start Monday 2 November)


@pytest.fixture
def lio(world: World) -> World:
    activate(world.placement)
    return world


def _record(world: World, day: date, kind: str = K.LESSON, **kwargs: object) -> LioDay:
    return lio_day_record(
        placement=world.placement,
        student=world.placement.student,
        day=day,
        kind=kind,
        today=kwargs.pop("today", TODAY),  # type: ignore[arg-type]
        **kwargs,  # type: ignore[arg-type]
    )


# --- the service: what may be logged --------------------------------------------------------


def test_the_student_logs_a_day_with_responsibilities(lio: World) -> None:
    day = _record(
        lio,
        date(2026, 11, 3),
        responsibilities=[Responsibility.PARENT_MEETING, Responsibility.STAFF_MEETING],
        note="  Tienminutengesprekken  ",
    )

    assert (day.kind, day.note) == (K.LESSON, "Tienminutengesprekken")
    assert day.responsibilities == ["parent_meeting", "staff_meeting"]
    assert day.get_responsibilities_display() == ", ".join(
        str(r.label) for r in (Responsibility.PARENT_MEETING, Responsibility.STAFF_MEETING)
    )


def test_logging_again_changes_the_same_day(lio: World) -> None:
    _record(lio, date(2026, 11, 3))
    _record(lio, date(2026, 11, 3), K.ABSENT_ILL)

    assert list(LioDay.objects.values_list("kind", flat=True)) == [K.ABSENT_ILL]


@pytest.mark.parametrize(
    ("day", "code_or_text"),
    [
        (date(2026, 11, 24), "future"),
        (date(2026, 10, 28), "before the start"),
        (date(2026, 11, 5), "not one of your LIO days"),  # a Thursday
        (date(2026, 11, 30), "future"),
    ],
)
def test_days_outside_the_plan_are_refused(lio: World, day: date, code_or_text: str) -> None:
    with pytest.raises(ValidationError) as exc_info, translation.override("en"):
        _record(lio, day)

    assert code_or_text in (exc_info.value.code or "") + " ".join(exc_info.value.messages)
    assert not LioDay.objects.exists()


def test_a_free_day_of_the_school_calendar_cannot_be_logged(lio: World) -> None:
    CalendarOverrideFactory(
        institution=lio.institution,
        school_year=lio.school_year,
        school=lio.school,
        kind=CalendarOverride.Kind.FREE_DAY,
        start_date=date(2026, 11, 11),
        end_date=date(2026, 11, 11),
        label="Studiedag bestuur",
    )

    with pytest.raises(ValidationError) as exc_info:
        _record(lio, date(2026, 11, 11))

    assert exc_info.value.code == "free_day"
    assert "Studiedag bestuur" in exc_info.value.messages[0]


def test_a_day_after_the_projected_end_cannot_be_logged(lio: World) -> None:
    with pytest.raises(ValidationError) as exc_info:
        _record(lio, date(2027, 1, 12), today=date(2027, 2, 1))

    assert exc_info.value.code == "after_end"
    _record(lio, date(2026, 11, 2), K.ABSENT_ILL, today=date(2027, 2, 1))
    assert _record(lio, date(2027, 1, 12), today=date(2027, 2, 1)).date == date(2027, 1, 12)


def test_a_placement_that_is_not_active_has_no_day_log(lio: World) -> None:
    lio.placement.status = Placement.Status.COMPLETED
    lio.placement.save()
    stage_follows(lio.placement)

    with pytest.raises(ValidationError):
        _record(lio, date(2026, 11, 2))


def test_only_the_placements_own_student_logs_days(lio: World) -> None:
    other = PlacementFactory(
        student__institution=lio.institution, school=lio.school, school_year=lio.school_year
    )

    with pytest.raises(PermissionDenied):
        lio_day_record(
            placement=lio.placement,
            student=other.student,
            day=date(2026, 11, 2),
            kind=K.LESSON,
            today=TODAY,
        )


def test_responsibilities_must_come_from_the_list(lio: World) -> None:
    with pytest.raises(ValidationError):
        _record(lio, date(2026, 11, 2), responsibilities=["cooking"])


# --- the mentor confirms a week; confirmed days are locked ----------------------------------


def test_the_mentor_confirms_a_whole_week_at_once(lio: World) -> None:
    for day in (date(2026, 11, 9), date(2026, 11, 10), date(2026, 11, 16)):
        _record(lio, day)
    mentor = lio.people[Role.MENTOR]

    count = lio_days_confirm_week(
        placement=lio.placement, mentor=mentor, monday=date(2026, 11, 11), now=timezone.now()
    )

    assert count == 2
    confirmed = LioDay.objects.filter(confirmed_at__isnull=False)
    assert sorted(confirmed.values_list("date", flat=True)) == [
        date(2026, 11, 9),
        date(2026, 11, 10),
    ]
    assert {day.confirmed_by for day in confirmed} == {mentor}
    with pytest.raises(ValidationError):
        lio_days_confirm_week(
            placement=lio.placement, mentor=mentor, monday=date(2026, 11, 9), now=timezone.now()
        )


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.DIRECTOR, Role.STUDY_COACH, Role.STUDENT])
def test_only_the_placements_mentor_confirms(lio: World, role: str) -> None:
    _record(lio, date(2026, 11, 9))

    with pytest.raises(PermissionDenied):
        lio_days_confirm_week(
            placement=lio.placement,
            mentor=lio.people[role],
            monday=date(2026, 11, 9),
            now=timezone.now(),
        )
    assert not LioDay.objects.filter(confirmed_at__isnull=False).exists()


def test_a_confirmed_day_is_locked_for_the_student(lio: World) -> None:
    _record(lio, date(2026, 11, 9), note="eerst")
    lio_days_confirm_week(
        placement=lio.placement,
        mentor=lio.people[Role.MENTOR],
        monday=date(2026, 11, 9),
        now=timezone.now(),
    )

    with pytest.raises(ValidationError) as exc_info:
        _record(lio, date(2026, 11, 9), K.ABSENT_ILL, note="later")

    assert exc_info.value.code == "locked"
    day = LioDay.objects.get()
    assert (day.kind, day.note) == (K.LESSON, "eerst")


# --- pages ----------------------------------------------------------------------------------


def _days_url(world: World) -> str:
    return reverse("internships:placement-days", args=[world.placement.pk])


def _confirm(world: World, client: Client, week: str = "2026-11-09") -> object:
    url = reverse("internships:placement-days-confirm", args=[world.placement.pk])
    return client.post(url, {"week": week})


ROLE_STATUS = {
    # Linked to the placement: 200; others of the institution: 404; the student uses their own page.
    Role.STUDENT: 403,
    Role.COORDINATOR: 200,
    Role.MENTOR: 200,
    Role.DIRECTOR: 200,
    Role.STUDY_COACH: 200,
    Role.SCHOOL_TEACHER_EDUCATOR: 200,
    Role.QUALIFIED_SUPERVISOR: 200,
    Role.GRADUATION_SUPERVISOR: 404,
    Role.ASSESSOR: 404,
    Role.PRACTICE_SUPERVISOR: 404,
}


@pytest.mark.parametrize(("role", "status"), ROLE_STATUS.items())
def test_who_sees_a_placements_day_log(lio: World, role: str, status: int) -> None:
    with frozen_today(TODAY):
        response = client_for(lio.people[role]).get(_days_url(lio))

    assert response.status_code == status
    if status == 200:
        assert len(re.findall(r"<h1[\s>]", response.content.decode())) == 1
        assert ("Bevestig week" in response.content.decode()) is False


def test_the_day_log_of_another_institution_is_404(lio: World, other_world: World) -> None:
    response = client_for(other_world.people[Role.COORDINATOR]).get(_days_url(lio))

    assert response.status_code == 404


def test_the_mentor_confirms_a_week_from_the_day_log(lio: World) -> None:
    _record(lio, date(2026, 11, 9))
    mentor = client_for(lio.people[Role.MENTOR])

    with frozen_today(TODAY):
        page = mentor.get(_days_url(lio)).content.decode()
        response = _confirm(lio, mentor)

    assert 'name="week" value="2026-11-09"' in page
    assert response["Location"] == _days_url(lio)  # type: ignore[index]
    assert LioDay.objects.get().confirmed_by == lio.people[Role.MENTOR]


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.COORDINATOR, 403), (Role.STUDENT, 403), (Role.DIRECTOR, 403), (Role.STUDY_COACH, 403)],
)
def test_others_cannot_confirm(lio: World, role: str, status: int) -> None:
    _record(lio, date(2026, 11, 9))

    assert _confirm(lio, client_for(lio.people[role])).status_code == status  # type: ignore[attr-defined]
    assert not LioDay.objects.get().is_confirmed


def test_a_mentor_of_another_placement_gets_404_and_get_is_refused(lio: World) -> None:
    _record(lio, date(2026, 11, 9))
    other = PlacementFactory(
        student__institution=lio.institution, school=lio.school, school_year=lio.school_year
    )
    mentor_elsewhere = other.mentor
    RoleAssignmentFactory(person=mentor_elsewhere, role=Role.MENTOR, school=lio.school)

    assert _confirm(lio, client_for(mentor_elsewhere)).status_code == 404  # type: ignore[attr-defined]
    url = reverse("internships:placement-days-confirm", args=[lio.placement.pk])
    assert client_for(lio.people[Role.MENTOR]).get(url).status_code == 405
    assert not LioDay.objects.get().is_confirmed


def test_the_student_logs_a_day_on_the_page(lio: World) -> None:
    student = client_for(lio.people[Role.STUDENT])
    url = reverse("internships:day-edit", args=["2026-11-03"])

    with frozen_today(TODAY):
        form_page = student.get(url)
        response = student.post(
            url, {"kind": K.SCHOOL_TRIP, "responsibilities": ["pupil_tracking"], "note": "Uitje"}
        )

    assert form_page.status_code == 200
    assert response["Location"] == reverse("internships:day-log")
    day = LioDay.objects.get()
    assert (day.date, day.kind, day.responsibilities) == (
        date(2026, 11, 3),
        K.SCHOOL_TRIP,
        ["pupil_tracking"],
    )


def test_a_refused_day_shows_the_reason_and_keeps_the_input(lio: World) -> None:
    student = client_for(lio.people[Role.STUDENT])
    student.cookies["django_language"] = "en"

    with frozen_today(TODAY):
        response = student.post(
            reverse("internships:day-edit", args=["2026-11-25"]),
            {"kind": K.LESSON, "note": "Later"},
        )

    assert response.status_code == 200
    assert "future" in response.content.decode()
    assert "Later</textarea>" in response.content.decode()
    assert not LioDay.objects.exists()


def test_a_confirmed_day_shows_read_only_and_cannot_be_posted(lio: World) -> None:
    LioDayFactory(placement=lio.placement, date=date(2026, 11, 2), confirmed_at=timezone.now())
    student = client_for(lio.people[Role.STUDENT])
    url = reverse("internships:day-edit", args=["2026-11-02"])

    with frozen_today(TODAY):
        page = student.get(url)
        student.post(url, {"kind": K.ABSENT_ILL})

    assert '<form method="post" novalidate>' not in page.content.decode()
    assert LioDay.objects.get().kind == K.LESSON


@pytest.mark.parametrize("day", ["2026-13-01", "yesterday"])
def test_a_bad_date_in_the_address_is_404(lio: World, day: str) -> None:
    response = client_for(lio.people[Role.STUDENT]).get(reverse("internships:day-edit", args=[day]))

    assert response.status_code == 404


def test_a_student_without_an_active_lio_sees_no_log(world: World) -> None:
    client = client_for(world.people[Role.STUDENT])

    assert client.get(reverse("internships:day-log")).status_code == 200
    assert client.get(reverse("internships:day-edit", args=["2026-11-02"])).status_code == 404


def test_the_students_log_shows_progress_and_days_not_logged_yet(lio: World) -> None:
    _record(lio, date(2026, 11, 2))
    _record(lio, date(2026, 11, 3), K.ABSENT_ILL)
    _record(lio, date(2026, 11, 4), K.STUDY_DAY)
    client = client_for(lio.people[Role.STUDENT])
    client.cookies["django_language"] = "en"

    with frozen_today(TODAY):
        response = client.get(reverse("internships:day-log"))

    progress = response.context["progress"]
    assert progress.counted == 2
    assert progress.projected_end == date(2027, 1, 12)
    assert progress.unlogged_past == [
        date(2026, 11, 9) + timedelta(days=n) for n in (0, 1, 2, 7, 8, 9)
    ]
    html = response.content.decode()
    assert "2 of 25 days" in html
    assert "Tuesday 12 January 2027" in html
    assert reverse("internships:day-edit", args=["2026-11-09"]) in html


def test_the_student_home_shows_the_progress(lio: World) -> None:
    for day in (date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)):
        _record(lio, day)
    client = client_for(lio.people[Role.STUDENT])

    with frozen_today(TODAY):
        html = client.get(reverse("internships:my-lio")).content.decode()

    assert "3 van 25 dagen" in html
    assert "maandag 11 januari 2027" in html
    assert "maandag 9 november" in html  # planned, in the past, not logged


def _log_weeks(world: World, weeks: range) -> None:
    for week in weeks:
        for n in range(3):
            LioDayFactory(
                placement=world.placement, date=EMMA_START + timedelta(weeks=week, days=n)
            )


def test_the_day_log_pages_cost_a_fixed_number_of_queries(
    lio: World, django_assert_num_queries: object
) -> None:
    _log_weeks(lio, range(3))
    student = client_for(lio.people[Role.STUDENT])
    mentor = client_for(lio.people[Role.MENTOR])
    pages = [(student, reverse("internships:day-log")), (mentor, _days_url(lio))]

    with frozen_today(TODAY):
        for client, url in pages:
            client.get(url)
            # session, user, person, roles, placement, days, calendar overrides
            with django_assert_num_queries(7):  # type: ignore[operator]
                assert client.get(url).status_code == 200


def test_the_progress_on_the_home_pages_does_not_grow_with_the_days(lio: World) -> None:
    student = client_for(lio.people[Role.STUDENT])
    mentor = client_for(lio.people[Role.MENTOR])
    pages = [(student, reverse("internships:my-lio")), (mentor, reverse("internships:my-students"))]

    def count(client: Client, url: str) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    with frozen_today(TODAY):
        _log_weeks(lio, range(1))
        few = [count(client, url) for client, url in pages]
        _log_weeks(lio, range(1, 3))
        many = [count(client, url) for client, url in pages]

    # Caught up, the mentor's list has no days to count, and needs no calendar for them.
    assert all(m <= f for m, f in zip(many, few, strict=True)), (few, many)


@pytest.mark.parametrize(("name", "args"), [("day-log", []), ("day-edit", ["2026-11-02"])])
def test_the_students_day_pages_have_one_h1(lio: World, name: str, args: list[str]) -> None:
    url = reverse(f"internships:{name}", args=args)

    with frozen_today(TODAY):
        html = client_for(lio.people[Role.STUDENT]).get(url).content.decode()

    assert len(re.findall(r"<h1[\s>]", html)) == 1
