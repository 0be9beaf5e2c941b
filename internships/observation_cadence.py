"""The observation cadence of track VL, as plain functions (no database access).

Rule (seed 000, DOMAIN.md "Track VL rules"): the mentor observes the student at least twice in
every calendar month of the placement. Only signed-off observations count (a draft is not an
observation yet; a superseded version is replaced by its correction). School holidays do not
excuse a month, unless every school day of the month (within the placement) is free.
"""

from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

MIN_OBSERVATIONS_PER_MONTH = 2
# "Few school days left": the mentor is reminded when the current month still lacks
# observations and at most this many school days (today included) remain in it.
FEW_SCHOOL_DAYS_LEFT = 5

_ONE_DAY = timedelta(days=1)


class MonthStatus(models.TextChoices):
    MET = "met", _("Met")
    SHORT = "short", _("Short")
    IN_PROGRESS = "in_progress", _("In progress")
    EXCUSED = "excused", _("No school days")
    FUTURE = "future", _("To come")


@dataclass(frozen=True)
class MonthRow:
    """One calendar month of a placement and how it stands."""

    month: date  # the first day of the month
    count: int
    status: str
    school_days: int  # school days of the month within the placement
    school_days_left: int = 0  # the current month only: school days from today on

    @property
    def status_label(self) -> str:
        return str(MonthStatus(self.status).label)

    @property
    def missing(self) -> int:
        return max(0, MIN_OBSERVATIONS_PER_MONTH - self.count)

    @property
    def ends_short_soon(self) -> bool:
        """The current month lacks observations and few school days are left to make them."""
        return (
            self.status == MonthStatus.IN_PROGRESS and self.school_days_left <= FEW_SCHOOL_DAYS_LEFT
        )


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - _ONE_DAY


def months_between(first: date, last: date) -> list[date]:
    """The first day of every calendar month that [first, last] touches."""
    months = []
    month = month_start(first)
    while month <= last:
        months.append(month)
        month = month_end(month) + _ONE_DAY
    return months


def school_days_between(first: date, last: date, free_days: Collection[date]) -> list[date]:
    """Monday to Friday in [first, last] that are not free."""
    days = []
    day = first
    while day <= last:
        if day.weekday() < 5 and day not in free_days:
            days.append(day)
        day += _ONE_DAY
    return days


def month_rows(
    *,
    first: date,
    last: date,
    counts: Mapping[date, int],
    free_days: Collection[date],
    today: date,
) -> list[MonthRow]:
    """Every month of the placement [first, last] with its status on `today`.

    `counts` maps the first day of a month to the number of observations that count in it.
    """
    rows = []
    current = month_start(today)
    for month in months_between(first, last):
        days = school_days_between(max(month, first), min(month_end(month), last), free_days)
        count = counts.get(month, 0)
        left = sum(1 for day in days if day >= today) if month == current else 0
        rows.append(
            MonthRow(
                month=month,
                count=count,
                status=_status(
                    month=month, current=current, count=count, has_school_days=bool(days)
                ),
                school_days=len(days),
                school_days_left=left,
            )
        )
    return rows


def _status(*, month: date, current: date, count: int, has_school_days: bool) -> str:
    if month > current:
        return MonthStatus.FUTURE
    if count >= MIN_OBSERVATIONS_PER_MONTH:
        return MonthStatus.MET
    if not has_school_days:
        return MonthStatus.EXCUSED
    if month == current:
        return MonthStatus.IN_PROGRESS
    return MonthStatus.SHORT


def lacking_months(
    *,
    first: date,
    last: date,
    counts: Mapping[date, int],
    has_school_day: Callable[[date, date], bool],
) -> Iterator[date]:
    """The months of the placement [first, last] with fewer observations than the rule asks
    and a school day within the placement, in order (first days of the months): each is
    short once it has closed. `has_school_day(first, last)` answers for a span of days."""
    for month in months_between(first, last):
        if counts.get(month, 0) < MIN_OBSERVATIONS_PER_MONTH and has_school_day(
            max(month, first), min(month_end(month), last)
        ):
            yield month
