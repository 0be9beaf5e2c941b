"""Reads: a placement's LIO day log with its progress (track NL)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Aggregate, OuterRef, QuerySet, Subquery

from .lio_days import (
    LioProgress,
    counted_days,
    not_counted_days,
    projected_plan,
    unlogged_past_days,
)
from .models import LioDay, Placement, StudentProfile, Track
from .planning import PlanningError
from .selectors import placement_queryset
from .selectors_calendar import FreeDay, school_free_days

LOGGABLE_STATUSES = (Placement.Status.ACTIVE, Placement.Status.COMPLETED)


def student_placement(*, student: StudentProfile) -> Placement | None:
    """The student's current placement: the latest one that is not cancelled."""
    return (
        placement_queryset()
        .filter(student=student)
        .exclude(status=Placement.Status.CANCELLED)
        .first()
    )


def has_day_log(placement: Placement | None) -> bool:
    """Only a planned track-NL placement that has started has a day log."""
    return bool(
        placement
        and placement.student.programme.track == Track.NL
        and placement.status in LOGGABLE_STATUSES
        and placement.start_date
        and placement.weekdays
    )


def lio_days_of(*, placement: Placement) -> QuerySet[LioDay]:
    return LioDay.objects.filter(placement=placement).select_related("confirmed_by")


@dataclass(frozen=True)
class DayRow:
    date: date
    day: LioDay | None
    counts: bool
    reason: str = ""  # why a logged day does not count
    loggable: bool = False  # the day has come: the student may log it


@dataclass(frozen=True)
class WeekRows:
    monday: date
    rows: list[DayRow]

    @property
    def friday(self) -> date:
        return self.monday + timedelta(days=4)

    @property
    def to_confirm(self) -> int:
        return sum(1 for row in self.rows if row.day and not row.day.is_confirmed)

    @property
    def confirmed(self) -> bool:
        logged = [row.day for row in self.rows if row.day]
        return bool(logged) and all(day.is_confirmed for day in logged)


@dataclass
class DayLog:
    placement: Placement
    days: list[LioDay]
    free_days: dict[date, FreeDay]
    progress: LioProgress
    weeks: list[WeekRows] = field(default_factory=list)


def day_log_for(*, placement: Placement, today: date) -> DayLog:
    """The log, the school calendar and the progress of one placement. Two queries."""
    days = list(lio_days_of(placement=placement))
    free_days = school_free_days(school=placement.school, school_year=placement.school_year)
    progress = lio_progress(placement=placement, days=days, free_days=free_days, today=today)
    return DayLog(
        placement=placement,
        days=days,
        free_days=free_days,
        progress=progress,
        weeks=_weeks(days, progress, today),
    )


def lio_progress(
    *, placement: Placement, days: list[LioDay], free_days: dict[date, FreeDay], today: date
) -> LioProgress:
    """Counted days so far, the projected end date and the planned days not logged yet."""
    logged = {day.date: day.kind for day in days}
    weekdays = placement.weekdays
    progress = {
        "counted": len(counted_days(logged, weekdays)),
        "confirmed": sum(1 for day in days if day.is_confirmed),
        "not_counted": not_counted_days(logged, weekdays),
    }
    try:
        plan = projected_plan(
            start=placement.start_date,
            weekdays=weekdays,
            free_days={day: free.reason for day, free in free_days.items()},
            logged=logged,
        )
    except PlanningError as exc:
        return LioProgress(**progress, problem=str(exc))
    return LioProgress(
        **progress,
        plan=plan,
        projected_end=plan.end_date,
        unlogged_past=unlogged_past_days(plan, logged, today),
    )


def _weeks(days: list[LioDay], progress: LioProgress, today: date) -> list[WeekRows]:
    """Logged days and planned days, grouped per calendar week (Monday first)."""
    by_date = {day.date: day for day in days}
    planned = set(progress.plan.counted_days) if progress.plan else set()
    weeks: dict[date, list[DayRow]] = {}
    for day in sorted(planned | set(by_date)):
        logged = by_date.get(day)
        reason = progress.not_counted.get(day, "")
        row = DayRow(day, logged, counts=not reason, reason=reason, loggable=day <= today)
        weeks.setdefault(day - timedelta(days=day.weekday()), []).append(row)
    return [WeekRows(monday, rows) for monday, rows in weeks.items()]


def days_per_placement(days: QuerySet[LioDay], aggregate: Aggregate) -> Subquery:
    """`aggregate` over `days` of the placement at hand, as a subquery on the placements."""
    return Subquery(
        days.filter(placement=OuterRef("pk"))
        .order_by()
        .values("placement")
        .annotate(value=aggregate)
        .values("value")
    )
