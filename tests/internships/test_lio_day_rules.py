"""Counting LIO days (track NL, seed 002): what counts, and the projected end date."""

from datetime import date, timedelta

import pytest

from internships.calendars import library_free_days
from internships.lio_days import (
    LioProgress,
    counted_days,
    not_counted_days,
    projected_plan,
    unlogged_past_days,
    whole_study_weeks,
)
from internships.models import LioDay
from internships.planning import LioPlan, PlanningError, plan_lio_period

K = LioDay.Kind
MON_TUE_WED = (0, 1, 2)
START = date(2026, 11, 2)  # Monday; without absences the 25th day is Monday 11 January 2027
FREE_MIDDEN = library_free_days("NL-midden", date(2026, 8, 1), date(2027, 7, 31))


def _project(logged: dict[date, str], free_days: dict[date, str] | None = None) -> LioPlan:
    return projected_plan(
        start=START,
        weekdays=MON_TUE_WED,
        free_days=FREE_MIDDEN if free_days is None else free_days,
        logged=logged,
    )


def test_the_projection_without_logged_days_is_the_plan() -> None:
    plan = _project({})

    assert plan == plan_lio_period(START, set(MON_TUE_WED), "NL-midden")
    assert plan.end_date == date(2027, 1, 11)


def test_lesson_days_school_trips_and_study_days_count() -> None:
    logged = {date(2026, 11, 2): K.LESSON, date(2026, 11, 3): K.SCHOOL_TRIP}
    logged[date(2026, 11, 4)] = K.STUDY_DAY

    assert counted_days(logged, MON_TUE_WED) == sorted(logged)
    assert not_counted_days(logged, MON_TUE_WED) == {}
    assert _project(logged).end_date == date(2027, 1, 11)


@pytest.mark.parametrize("kind", [K.ABSENT_ILL, K.ABSENT_OTHER])
def test_an_absence_does_not_count_and_pushes_the_end_out(kind: str) -> None:
    logged = {date(2026, 11, 9): K.LESSON, date(2026, 11, 10): kind}

    plan = _project(logged)

    assert counted_days(logged, MON_TUE_WED) == [date(2026, 11, 9)]
    assert plan.end_date == date(2027, 1, 12)  # one pattern day later
    assert plan.skipped_days[date(2026, 11, 10)] == str(K(kind).label)
    assert date(2026, 11, 10) not in plan.counted_days


def test_an_absence_on_the_first_day_keeps_the_start_and_moves_the_end() -> None:
    plan = _project({START: K.ABSENT_ILL})

    assert plan.start_date == START
    assert plan.counted_days[0] == date(2026, 11, 3)
    assert next(iter(plan.skipped_days)) == START
    assert plan.end_date == date(2027, 1, 12)


def test_study_days_filling_a_whole_week_do_not_count() -> None:
    week = {date(2026, 11, 9) + timedelta(days=n): K.STUDY_DAY for n in range(3)}

    assert whole_study_weeks(week, MON_TUE_WED) == {(2026, 46)}
    assert counted_days(week, MON_TUE_WED) == []
    assert set(not_counted_days(week, MON_TUE_WED)) == set(week)
    assert _project(week).end_date == date(2027, 1, 18)  # three pattern days later


def test_study_days_short_of_a_week_count() -> None:
    logged = {date(2026, 11, 9): K.STUDY_DAY, date(2026, 11, 10): K.STUDY_DAY}
    logged[date(2026, 11, 11)] = K.LESSON

    assert whole_study_weeks(logged, MON_TUE_WED) == set()
    assert counted_days(logged, MON_TUE_WED) == sorted(logged)


def test_a_week_shortened_by_a_holiday_is_not_a_whole_week_of_study_days() -> None:
    # Monday is a holiday; Tuesday and Wednesday are study days: two study days, not a week.
    logged = {date(2027, 3, 30): K.STUDY_DAY, date(2027, 3, 31): K.STUDY_DAY}

    assert whole_study_weeks(logged, MON_TUE_WED) == set()


def test_the_whole_week_is_the_calendar_week_also_for_fri_mon_tue() -> None:
    fri_mon_tue = (4, 0, 1)
    same_week = {date(2026, 11, 9): K.STUDY_DAY, date(2026, 11, 10): K.STUDY_DAY}
    same_week[date(2026, 11, 13)] = K.STUDY_DAY
    across_weekend = {date(2026, 11, 6): K.STUDY_DAY, date(2026, 11, 9): K.STUDY_DAY}
    across_weekend[date(2026, 11, 10)] = K.STUDY_DAY

    assert whole_study_weeks(same_week, fri_mon_tue) == {(2026, 46)}
    assert whole_study_weeks(across_weekend, fri_mon_tue) == set()


def test_a_counting_day_logged_on_a_calendar_day_off_counts() -> None:
    free_days = {**FREE_MIDDEN, date(2026, 11, 4): "Studiedag team"}

    assert _project({}, free_days).end_date == date(2027, 1, 12)
    plan = _project({date(2026, 11, 4): K.LESSON}, free_days)
    assert date(2026, 11, 4) in plan.counted_days
    assert plan.end_date == date(2027, 1, 11)


def test_a_projection_past_the_school_year_is_refused() -> None:
    start = date(2027, 6, 14)
    absences = {start + timedelta(days=n): K.ABSENT_ILL for n in range(0, 21) if n % 7 < 5}

    with pytest.raises(PlanningError) as exc_info:
        projected_plan(start=start, weekdays=range(5), free_days={}, logged=absences)
    assert exc_info.value.code == "past_school_year"


def test_planned_days_before_today_that_are_not_logged() -> None:
    plan = _project({})
    logged = {date(2026, 11, 2), date(2026, 11, 4)}

    assert unlogged_past_days(plan, logged, today=date(2026, 11, 10)) == [
        date(2026, 11, 3),
        date(2026, 11, 9),
    ]


def test_an_unknown_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="holiday"):
        counted_days({START: "holiday"}, MON_TUE_WED)


def test_progress_percentage_and_completion() -> None:
    assert LioProgress(counted=17, confirmed=0).percent == 68
    assert not LioProgress(counted=24, confirmed=0).complete
    assert LioProgress(counted=25, confirmed=0).complete
