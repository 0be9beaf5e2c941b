"""Month grids for the calendar partial `internships/_month_grid.html`. No database access.

One builder serves the school calendar (free days with reason and source) and a LIO plan
(counted days numbered 1-25, skipped days with the reason they were skipped).
"""

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.translation import gettext_lazy

from .planning import LioPlan
from .selectors_calendar import FreeDay

_ONE_DAY = timedelta(days=1)


class DayStatus:
    """What a cell shows; the value is also the CSS modifier `cal-day--<status>`."""

    COUNTED = "counted"
    SKIPPED = "skipped"
    FREE = "free"
    SCHOOL = "school"
    WEEKEND = "weekend"

    LABELS: Mapping[str, object] = {
        COUNTED: gettext_lazy("LIO day"),
        SKIPPED: gettext_lazy("skipped: day off"),
        FREE: gettext_lazy("day off"),
        SCHOOL: gettext_lazy("school day"),
        WEEKEND: gettext_lazy("weekend"),
    }


@dataclass(frozen=True)
class GridDay:
    date: date
    status: str
    reason: str = ""
    source: str = ""
    number: int | None = None  # the n-th counted LIO day
    today: bool = False

    @property
    def status_label(self) -> str:
        return str(DayStatus.LABELS[self.status])


@dataclass(frozen=True)
class GridNote:
    """Consecutive free or skipped weekdays with the same reason, listed under the month."""

    first: date
    last: date
    status: str
    reason: str
    source: str


@dataclass
class MonthGrid:
    first: date
    weeks: list[list[GridDay | None]] = field(default_factory=list)
    notes: list[GridNote] = field(default_factory=list)
    counted: int = 0


def month_grids(
    *,
    first: date,
    last: date,
    free_days: Mapping[date, FreeDay],
    plan: LioPlan | None = None,
    today: date | None = None,
) -> list[MonthGrid]:
    """Whole months from `first` to `last`; with a plan, its counted and skipped days marked."""
    numbers = {day: n for n, day in enumerate(plan.counted_days, start=1)} if plan else {}
    skipped = plan.skipped_days if plan else {}
    months = []
    month_start = first.replace(day=1)
    while month_start <= last:
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(
            month_start.year, month_start.month
        )
        grid = MonthGrid(first=month_start)
        for week in weeks:
            row: list[GridDay | None] = []
            for day in week:
                if day.month != month_start.month:
                    row.append(None)
                    continue
                cell = _cell(day, free_days, numbers, skipped, today)
                row.append(cell)
            grid.weeks.append(row)
        grid.notes = _notes([c for row in grid.weeks for c in row if c and c.reason])
        grid.counted = sum(1 for row in grid.weeks for c in row if c and c.number)
        months.append(grid)
        month_start = (month_start + timedelta(days=32)).replace(day=1)
    return months


def _cell(
    day: date,
    free_days: Mapping[date, FreeDay],
    numbers: Mapping[date, int],
    skipped: Mapping[date, str],
    today: date | None,
) -> GridDay:
    free = free_days.get(day)
    is_today = day == today
    if day in numbers:
        return GridDay(day, DayStatus.COUNTED, number=numbers[day], today=is_today)
    if day in skipped:
        source = free.source_label if free and free.reason == skipped[day] else ""
        return GridDay(day, DayStatus.SKIPPED, skipped[day], source, today=is_today)
    if free is not None:
        return GridDay(day, DayStatus.FREE, free.reason, free.source_label, today=is_today)
    if day.weekday() >= 5:
        return GridDay(day, DayStatus.WEEKEND, today=is_today)
    return GridDay(day, DayStatus.SCHOOL, today=is_today)


def _notes(cells: list[GridDay]) -> list[GridNote]:
    """Group days into ranges: the next weekday (over a weekend) with the same reason joins.

    A range with a skipped LIO day in it is marked skipped.
    """
    notes: list[GridNote] = []
    for cell in cells:
        previous = notes[-1] if notes else None
        if (
            previous
            and (previous.reason, previous.source) == (cell.reason, cell.source)
            and _next_weekday(previous.last) == cell.date
        ):
            status = (
                DayStatus.SKIPPED
                if DayStatus.SKIPPED in (previous.status, cell.status)
                else cell.status
            )
            notes[-1] = GridNote(previous.first, cell.date, status, cell.reason, cell.source)
        else:
            notes.append(GridNote(cell.date, cell.date, cell.status, cell.reason, cell.source))
    return notes


def _next_weekday(day: date) -> date:
    day += _ONE_DAY
    while day.weekday() >= 5:
        day += _ONE_DAY
    return day
