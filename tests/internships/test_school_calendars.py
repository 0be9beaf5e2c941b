"""A school's calendar: library holidays merged with the coordinator's overrides (DOMAIN.md)."""

from datetime import date

import pytest

from internships.calendars import library_free_days
from internships.models import CalendarOverride, Region
from internships.month_grid import DayStatus, month_grids
from internships.planning import plan_lio_period, plan_with_free_days
from internships.selectors_calendar import (
    FreeDay,
    plan_for_school,
    school_free_days,
    school_free_days_between,
)
from tests.conftest import World
from tests.factories import CalendarOverrideFactory, SchoolFactory

pytestmark = pytest.mark.django_db

FREE, SCHOOL = CalendarOverride.Kind.FREE_DAY, CalendarOverride.Kind.SCHOOL_DAY
AUTUMN_MONDAY = date(2026, 10, 19)  # Herfstvakantie in NL-midden


def _override(world: World, **kwargs: object) -> CalendarOverride:
    kwargs.setdefault("institution", world.institution)
    kwargs.setdefault("school_year", world.school_year)
    return CalendarOverrideFactory(**kwargs)


def test_without_overrides_the_calendar_is_the_library(world: World) -> None:
    free_days = school_free_days(school=world.school, school_year=world.school_year)

    library = library_free_days(Region.NL_MIDDEN, date(2026, 8, 1), date(2027, 7, 31))
    assert free_days == {day: FreeDay(reason, FreeDay.LIBRARY) for day, reason in library.items()}


def test_an_institution_wide_free_day_applies_to_every_school(world: World) -> None:
    other_school = SchoolFactory(institution=world.institution)
    _override(world, start_date=date(2026, 10, 7), end_date=date(2026, 10, 7), label="Studiedag")

    for school in (world.school, other_school):
        free_days = school_free_days(school=school, school_year=world.school_year)
        assert free_days[date(2026, 10, 7)] == FreeDay("Studiedag", FreeDay.OVERRIDE)


def test_a_school_free_day_applies_only_to_that_school(world: World) -> None:
    other_school = SchoolFactory(institution=world.institution)
    _override(world, school=world.school, start_date=date(2026, 10, 7), end_date=date(2026, 10, 9))

    mine = school_free_days(school=world.school, school_year=world.school_year)
    theirs = school_free_days(school=other_school, school_year=world.school_year)
    assert {date(2026, 10, 7), date(2026, 10, 8), date(2026, 10, 9)} <= set(mine)
    assert date(2026, 10, 7) not in theirs


def test_a_school_day_override_removes_a_library_holiday(world: World) -> None:
    _override(world, kind=SCHOOL, start_date=AUTUMN_MONDAY, end_date=AUTUMN_MONDAY, label="Open")

    free_days = school_free_days(school=world.school, school_year=world.school_year)

    assert AUTUMN_MONDAY not in free_days
    assert date(2026, 10, 20) in free_days


def test_the_school_override_wins_over_the_institution_wide_one(world: World) -> None:
    _override(
        world, school=world.school, kind=SCHOOL, start_date=AUTUMN_MONDAY, end_date=AUTUMN_MONDAY
    )
    _override(world, kind=FREE, start_date=AUTUMN_MONDAY, end_date=AUTUMN_MONDAY, label="Vrij")
    _override(
        world,
        school=world.school,
        start_date=date(2026, 11, 4),
        end_date=date(2026, 11, 4),
        label="School",
    )
    _override(world, kind=SCHOOL, start_date=date(2026, 11, 4), end_date=date(2026, 11, 4))

    free_days = school_free_days(school=world.school, school_year=world.school_year)

    assert AUTUMN_MONDAY not in free_days
    assert free_days[date(2026, 11, 4)] == FreeDay("School", FreeDay.OVERRIDE)


def test_of_two_overrides_for_the_same_school_the_later_wins(world: World) -> None:
    _override(world, start_date=date(2026, 11, 4), end_date=date(2026, 11, 4), label="Eerst")
    _override(world, kind=SCHOOL, start_date=date(2026, 11, 4), end_date=date(2026, 11, 4))

    assert date(2026, 11, 4) not in school_free_days(
        school=world.school, school_year=world.school_year
    )


def test_a_free_day_override_relabels_a_library_holiday(world: World) -> None:
    _override(world, start_date=AUTUMN_MONDAY, end_date=AUTUMN_MONDAY, label="Herfst (school)")

    free_days = school_free_days(school=world.school, school_year=world.school_year)

    assert free_days[AUTUMN_MONDAY] == FreeDay("Herfst (school)", FreeDay.OVERRIDE)


def test_weekend_days_of_a_free_range_are_not_listed(world: World) -> None:
    _override(world, start_date=date(2026, 11, 6), end_date=date(2026, 11, 9), label="Lang weekend")

    free_days = school_free_days(school=world.school, school_year=world.school_year)

    assert date(2026, 11, 7) not in free_days
    assert {date(2026, 11, 6), date(2026, 11, 9)} <= set(free_days)


def test_other_institutions_overrides_do_not_apply(world: World, other_world: World) -> None:
    CalendarOverrideFactory(
        institution=other_world.institution,
        school_year=other_world.school_year,
        start_date=date(2026, 10, 7),
        end_date=date(2026, 10, 7),
    )

    assert date(2026, 10, 7) not in school_free_days(
        school=world.school, school_year=world.school_year
    )


def test_the_calendar_costs_one_query(world: World, django_assert_num_queries: object) -> None:
    _override(world, start_date=date(2026, 10, 7), end_date=date(2026, 10, 7))
    _override(
        world, school=world.school, kind=SCHOOL, start_date=AUTUMN_MONDAY, end_date=AUTUMN_MONDAY
    )

    with django_assert_num_queries(1):  # type: ignore[operator]
        school_free_days(school=world.school, school_year=world.school_year)


def test_plan_for_school_uses_the_overrides(world: World) -> None:
    start, weekdays = date(2026, 10, 5), {0, 1, 2}
    _override(world, kind=SCHOOL, start_date=AUTUMN_MONDAY, end_date=AUTUMN_MONDAY, label="Open")
    _override(
        world,
        school=world.school,
        start_date=date(2026, 10, 7),
        end_date=date(2026, 10, 7),
        label="Verbouwing",
    )

    plan = plan_for_school(school=world.school, start=start, weekdays=weekdays)

    assert plan == plan_lio_period(
        start,
        weekdays,
        Region.NL_MIDDEN,
        extra_free_days={date(2026, 10, 7): "Verbouwing"},
        extra_school_days=[AUTUMN_MONDAY],
    )
    assert plan.skipped_days == {
        date(2026, 10, 7): "Verbouwing",
        date(2026, 10, 20): "Herfstvakantie",
        date(2026, 10, 21): "Herfstvakantie",
    }
    assert AUTUMN_MONDAY in plan.counted_days
    free_days = school_free_days(school=world.school, school_year=world.school_year)
    assert plan == plan_with_free_days(start, weekdays, {d: f.reason for d, f in free_days.items()})


def test_month_grids_mark_counted_skipped_and_free_days(world: World) -> None:
    plan = plan_for_school(school=world.school, start=date(2026, 10, 5), weekdays={0, 1, 2})
    free_days = school_free_days_between(
        school=world.school, first=date(2026, 10, 1), last=date(2026, 12, 31)
    )

    months = month_grids(
        first=date(2026, 10, 1),
        last=date(2026, 12, 31),
        free_days=free_days,
        plan=plan,
        today=date(2026, 10, 6),
    )

    assert [m.first for m in months] == [date(2026, 10, 1), date(2026, 11, 1), date(2026, 12, 1)]
    cells = {c.date: c for m in months for week in m.weeks for c in week if c}
    assert (cells[date(2026, 10, 5)].status, cells[date(2026, 10, 5)].number) == (
        DayStatus.COUNTED,
        1,
    )
    assert cells[date(2026, 10, 6)].today
    assert cells[date(2026, 10, 19)].status == DayStatus.SKIPPED
    assert cells[date(2026, 10, 19)].reason == "Herfstvakantie"
    assert cells[date(2026, 10, 22)].status == DayStatus.FREE
    assert cells[date(2026, 10, 10)].status == DayStatus.WEEKEND
    assert cells[date(2026, 10, 8)].status == DayStatus.SCHOOL
    assert cells[plan.end_date].number == 25
    assert sum(m.counted for m in months) == 25
    autumn = months[0].notes
    assert [(n.first, n.last, n.status, n.reason) for n in autumn] == [
        (date(2026, 10, 19), date(2026, 10, 23), DayStatus.SKIPPED, "Herfstvakantie")
    ]


def test_month_grids_of_a_school_year_list_the_free_ranges_with_their_source(world: World) -> None:
    _override(
        world,
        school=world.school,
        start_date=date(2026, 9, 9),
        end_date=date(2026, 9, 9),
        label="Studiedag",
    )
    free_days = school_free_days(school=world.school, school_year=world.school_year)

    months = month_grids(first=date(2026, 8, 1), last=date(2027, 7, 31), free_days=free_days)

    assert len(months) == 12
    september = months[1]
    assert [(n.first, n.reason, n.source) for n in september.notes] == [
        (date(2026, 9, 9), "Studiedag", FreeDay("x", FreeDay.OVERRIDE).source_label)
    ]
    weeks_of_august = months[0].weeks
    assert weeks_of_august[0][:5] == [None] * 5  # 1 August 2026 is a Saturday
