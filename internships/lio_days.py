"""Counting the LIO days (track NL, seed 002). Pure functions, no database access.

Rules:
- a lesson day, a school trip (*schoolreis*) and a study day (*studiedag*) count;
- study days do not count when they form a whole week: every day of the student's weekly
  pattern in one calendar week was logged as a study day;
- an absence (ill or another reason) does not count; it pushes the end of the period out,
  which the planner recomputes by treating the day as a free day;
- planned days that are not logged yet are expected to count (they still have to be logged).
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext

from .calendars import school_year_bounds
from .models.lio_days import LioDay
from .planning import LIO_DAYS, LioPlan, PlanningError, plan_with_free_days, weekday_run

COUNTING_KINDS = frozenset({LioDay.Kind.LESSON, LioDay.Kind.SCHOOL_TRIP, LioDay.Kind.STUDY_DAY})
ABSENT_KINDS = frozenset({LioDay.Kind.ABSENT_ILL, LioDay.Kind.ABSENT_OTHER})
_ONE_DAY = timedelta(days=1)


def _week(day: date) -> tuple[int, int]:
    iso = day.isocalendar()
    return iso.year, iso.week


def whole_study_weeks(
    logged: Mapping[date, str], weekdays: Collection[int]
) -> set[tuple[int, int]]:
    """ISO weeks in which every weekday of the pattern was logged as a study day.

    Rule (seed 002): study days count "unless it is a week". A week shortened by a holiday,
    or with any other kind of day in it, is not a whole week of study days.
    """
    study_days: dict[tuple[int, int], set[int]] = {}
    for day, kind in logged.items():
        if kind == LioDay.Kind.STUDY_DAY:
            study_days.setdefault(_week(day), set()).add(day.weekday())
    return {week for week, days in study_days.items() if days >= set(weekdays)}


def not_counted_days(logged: Mapping[date, str], weekdays: Collection[int]) -> dict[date, str]:
    """Logged days that do not count, with the reason: absences and whole weeks of study days."""
    study_weeks = whole_study_weeks(logged, weekdays)
    labels = dict(LioDay.Kind.choices)
    reasons: dict[date, str] = {}
    for day, kind in sorted(logged.items()):
        if kind in ABSENT_KINDS:
            reasons[day] = str(labels[kind])
        elif kind == LioDay.Kind.STUDY_DAY and _week(day) in study_weeks:
            reasons[day] = gettext("Study day in a whole week of study days")
        elif kind not in COUNTING_KINDS:
            raise ValueError(f"Unknown kind of LIO day: {kind!r}")
    return reasons


def counted_days(logged: Mapping[date, str], weekdays: Collection[int]) -> list[date]:
    """The logged days that count toward the 25, in order."""
    not_counted = not_counted_days(logged, weekdays)
    return sorted(day for day in logged if day not in not_counted)


def projected_plan(
    *,
    start: date,
    weekdays: Collection[int],
    free_days: Mapping[date, str],
    logged: Mapping[date, str],
) -> LioPlan:
    """The planner's period with what has been logged: non-counting days become free days.

    `free_days` is the school's calendar (library and overrides). A counting logged day wins
    over the calendar (the student was there). The projection starts on the first day that
    can still count, so an absence on the very first day does not break the planner.
    Raises PlanningError when the remaining days no longer fit in the school year.
    """
    run = weekday_run(weekdays)
    not_counted = not_counted_days(logged, run)
    calendar = {**free_days, **not_counted}
    for day in counted_days(logged, run):
        calendar.pop(day, None)
    first = start
    while first.weekday() not in run or first in calendar:
        first += _ONE_DAY
        if first > school_year_bounds(start)[1]:
            raise PlanningError("past_school_year", days=LIO_DAYS, end=school_year_bounds(start)[1])
    plan = plan_with_free_days(first, run, calendar)
    skipped_before = {
        day: calendar[day]
        for day in sorted(calendar)
        if start <= day < first and day.weekday() in run
    }
    return LioPlan(
        start_date=start,
        end_date=plan.end_date,
        weekdays=run,
        counted_days=plan.counted_days,
        skipped_days={**skipped_before, **plan.skipped_days},
    )


def unlogged_past_days(plan: LioPlan, logged: Collection[date], today: date) -> list[date]:
    """Planned days before today that the student has not logged yet."""
    return [day for day in plan.counted_days if day < today and day not in logged]


@dataclass(frozen=True)
class LioProgress:
    """Where a student stands: counted days, the projected end and what is still to log."""

    counted: int
    confirmed: int
    required: int = LIO_DAYS
    plan: LioPlan | None = None
    projected_end: date | None = None
    unlogged_past: list[date] = field(default_factory=list)
    not_counted: dict[date, str] = field(default_factory=dict)
    problem: str = ""

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.counted / self.required))

    @property
    def complete(self) -> bool:
        return self.counted >= self.required
