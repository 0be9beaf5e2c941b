"""Planned LIO days before today that are not logged, for long lists (track NL, seed 002).

`selectors_days.day_log_for` computes one placement's exact progress from its log and its
school's calendar, with two queries per placement. A dashboard over thousands of placements
cannot afford that; it uses two counters the day-log services keep on the placement (days
logged, and of those the days of a kind that counts) and the school's free days, with
arithmetic:

    S = the days of the weekly pattern from the start until yesterday (until today when
        today is logged) that are school days
    unlogged = max(0, min(S - logged, 25 - counted))

(the planned days so far are the pattern's school days minus the logged days that do not
count, and never more than 25 counting days). This is the exact number whenever the logged
days fall on the pattern's school days, as the day log lets them; a whole week of study days,
which does not count, is counted here, so the estimate can then be lower than the day log's.
The day from which the log is behind is kept on the placement (`log_behind_from`, see
`internships.services.action_dates`): the first planned school day that the logged days do
not cover. Days are missing exactly when that day has come, so the dashboard finds the
placements that are behind with a query, and does the arithmetic for the rows it shows.
Pure functions and two index objects; no database access.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from datetime import date, timedelta

from .calendars import school_year_bounds
from .models import CalendarOverride
from .planning import LIO_DAYS
from .selectors_calendar import merge_free_days, resolve_overrides

WORKDAYS = (0, 1, 2, 3, 4)


def weekday_count(first: date, last: date, weekday: int) -> int:
    """How many days with `weekday` (Monday 0) lie in [first, last]."""
    if last < first:
        return 0
    first_hit = first + timedelta(days=(weekday - first.weekday()) % 7)
    return 0 if first_hit > last else (last - first_hit).days // 7 + 1


def pattern_school_days(
    *, first: date, last: date, weekdays: Collection[int], free_days: list[date]
) -> int:
    """Days in [first, last] on the weekly pattern that are not free (`free_days` sorted)."""
    if last < first:
        return 0
    total = sum(weekday_count(first, last, weekday) for weekday in set(weekdays))
    window = free_days[bisect_left(free_days, first) : bisect_right(free_days, last)]
    return total - sum(1 for day in window if day.weekday() in weekdays)


def unlogged_days(*, planned_so_far: int, logged: int, counted: int) -> int:
    return max(0, min(planned_so_far - logged, LIO_DAYS - counted))


# A placement runs within one school year: its plan is followed for a year from its start.
_PLAN_HORIZON = timedelta(days=366)


def planned_school_days(
    *, first: date, weekdays: Collection[int], free_days: list[date]
) -> list[date]:
    """The days of the weekly pattern from `first` on that are not free, for a year, in
    order: the nth is the day by which n planned days have passed."""
    pattern, free = set(weekdays), set(free_days)
    days, day, last = [], first, first + _PLAN_HORIZON
    while day <= last:
        if day.weekday() in pattern and day not in free:
            days.append(day)
        day += timedelta(days=1)
    return days


def behind_from(*, planned: list[date], logged: int, counted: int) -> date | None:
    """The planned day from which the log is behind: with `logged` days logged, the first
    planned day they do not cover (`planned` from `planned_school_days`). None when every
    counting day is logged, as nothing is missing then.

    `unlogged_days` is above zero exactly when this day is at most the last day the plan
    runs to (yesterday, or today when today is logged)."""
    if counted >= LIO_DAYS or logged >= len(planned):
        return None
    return planned[logged]


class FreeDayIndex:
    """The free weekdays of each school of one institution, built once per list.

    Schools without overrides of their own share their region's list; the holiday library
    is cached per region and year (`internships.calendars`).
    """

    def __init__(self, overrides: Iterable[CalendarOverride]) -> None:
        self._institution_wide: list[CalendarOverride] = []
        self._own: dict[int, list[CalendarOverride]] = {}
        for override in overrides:
            if override.school_id is None:
                self._institution_wide.append(override)
            else:
                self._own.setdefault(override.school_id, []).append(override)
        self._cache: dict[tuple[object, ...], list[date]] = {}

    def calendar_key(self, *, school_id: int, region: str) -> object:
        """Schools with the same key have the same free days: the region, unless the school
        has overrides of its own."""
        return ("school", school_id) if school_id in self._own else region

    def free_days(self, *, school_id: int, region: str, day: date) -> list[date]:
        """The school's free weekdays, sorted, in the school year that contains `day`."""
        own = self._own.get(school_id, [])
        first, last = school_year_bounds(day)
        key = (region, first, tuple(override.pk for override in own))
        if key not in self._cache:
            resolved = resolve_overrides(self._institution_wide + own, first=first, last=last)
            merged = merge_free_days(region=region, first=first, last=last, overrides=resolved)
            self._cache[key] = sorted(merged)
        return self._cache[key]


class SchoolDays:
    """The planned school days of the placements of one institution, each calendar, start
    and pattern worked out once (thousands of placements share a few)."""

    def __init__(self, index: FreeDayIndex) -> None:
        self.index = index
        self._planned: dict[tuple[object, ...], list[date]] = {}
        self._any: dict[tuple[object, ...], bool] = {}

    def planned(
        self, *, school_id: int, region: str, first: date, weekdays: Collection[int]
    ) -> list[date]:
        """`planned_school_days` of a placement of this school starting on `first`."""
        calendar = self.index.calendar_key(school_id=school_id, region=region)
        key = (calendar, first, tuple(sorted(set(weekdays))))
        if key not in self._planned:
            free = self.index.free_days(school_id=school_id, region=region, day=first)
            self._planned[key] = planned_school_days(first=first, weekdays=weekdays, free_days=free)
        return self._planned[key]

    def so_far(
        self, *, school_id: int, region: str, first: date, last: date, weekdays: Collection[int]
    ) -> int:
        """`pattern_school_days` of a placement of this school: the planned days from its
        start `first` until `last` (arithmetic, without listing the days)."""
        free = self.index.free_days(school_id=school_id, region=region, day=first)
        return pattern_school_days(first=first, last=last, weekdays=weekdays, free_days=free)

    def any(self, *, school_id: int, region: str, first: date, last: date) -> bool:
        """Whether a weekday in [first, last] is a school day at this school."""
        key = (self.index.calendar_key(school_id=school_id, region=region), first, last)
        if key not in self._any:
            free = self.index.free_days(school_id=school_id, region=region, day=first)
            days = pattern_school_days(first=first, last=last, weekdays=WORKDAYS, free_days=free)
            self._any[key] = days > 0
        return self._any[key]
