"""The LIO planner (track NL, seed 002): 25 counted days in one contiguous period.

Pure functions, no database access. The planner only skips free days: public holidays and
school holidays of the region (from `internships.calendars`), plus the coordinator's extra free
days, minus the coordinator's extra school days. School trips and study days count; whether a
week of study days breaks the rule is the day log's business, not the planner's.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from internships.calendars import REGIONS, library_free_days, school_year_bounds

LIO_DAYS = 25
MIN_WEEKDAYS = 3
MAX_WEEKDAYS = 5
_SCHOOL_WEEK = (0, 1, 2, 3, 4)  # Monday .. Friday, the cycle the weekday run wraps around.
_ONE_DAY = timedelta(days=1)

_MESSAGES: Mapping[str, Promise] = {
    "unknown_region": _("%(region)s is not a known school-holiday region."),
    "weekday_count": _("Choose between %(min)s and %(max)s school days a week."),
    "invalid_weekday": _("Only Monday to Friday can be chosen as school days."),
    "not_consecutive": _(
        "The school days must follow each other, counted over the weekend "
        "(Friday, Monday, Tuesday is fine; Monday, Wednesday, Friday is not)."
    ),
    "start_not_weekday": _("The start date %(start)s is not one of the chosen school days."),
    "start_free": _("The start date %(start)s is a day off (%(reason)s)."),
    "past_school_year": _("The %(days)s days do not fit in the school year: it ends on %(end)s."),
}


class PlanningError(ValueError):
    """A LIO period that breaks a planning rule.

    Mirrors django.core.exceptions.ValidationError (`message`, `code`, `params`) so a form can
    re-raise it on the right field: ValidationError(exc.message, code=exc.code, params=exc.params).
    """

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.message = _MESSAGES[code]
        self.params = params
        super().__init__(self.message, code, params)

    def __str__(self) -> str:
        return str(self.message) % self.params


@dataclass(frozen=True)
class LioPlan:
    """The planned LIO period: the counted days and the free days skipped on the way."""

    start_date: date
    end_date: date
    weekdays: tuple[int, ...]
    counted_days: list[date]
    skipped_days: dict[date, str]


def weekday_run(weekdays: Iterable[int]) -> tuple[int, ...]:
    """Validate the weekly school days and return them in the cyclic order of the run.

    Rule (seed 002): 3 to 5 consecutive school days a week, counted cyclically over the weekend:
    Mon-Tue-Wed and Fri-Mon-Tue are valid, Mon-Wed-Fri is not. Fri-Mon-Tue -> (4, 0, 1).
    """
    days = set(weekdays)
    if not MIN_WEEKDAYS <= len(days) <= MAX_WEEKDAYS:
        raise PlanningError("weekday_count", min=MIN_WEEKDAYS, max=MAX_WEEKDAYS)
    if not days <= set(_SCHOOL_WEEK):
        raise PlanningError("invalid_weekday")
    if len(days) == len(_SCHOOL_WEEK):
        return _SCHOOL_WEEK
    for first in sorted(days):
        run = tuple((first + offset) % len(_SCHOOL_WEEK) for offset in range(len(days)))
        if set(run) == days:
            return run
    raise PlanningError("not_consecutive")


def plan_lio_period(
    start: date,
    weekdays: Iterable[int],
    region: str,
    extra_free_days: Mapping[date, str] | Iterable[date] = (),
    extra_school_days: Iterable[date] = (),
) -> LioPlan:
    """Plan 25 counted LIO days from `start` on the chosen weekdays, skipping free days.

    Free days are the region's public and school holidays plus `extra_free_days` (dates, or a
    mapping date -> label), minus `extra_school_days`: the coordinator's overrides win, and a
    day given as both an extra free day and an extra school day counts as a school day.
    Raises PlanningError (see its `code`) when a rule is broken.
    """
    if region not in REGIONS:
        raise PlanningError("unknown_region", region=region)
    run = weekday_run(weekdays)
    free_days = library_free_days(region, start, school_year_bounds(start)[1])
    free_days.update(_labelled(extra_free_days))
    for day in extra_school_days:
        free_days.pop(day, None)
    return plan_with_free_days(start, run, free_days)


def plan_with_free_days(
    start: date, weekdays: Iterable[int], free_days: Mapping[date, str]
) -> LioPlan:
    """Plan 25 counted LIO days from `start`, skipping exactly the given free days.

    For callers that already merged the calendar themselves: a school's calendar with its
    overrides, or the day log's projection, where logged absences are free days too.
    """
    run = weekday_run(weekdays)
    return _plan(start, run, free_days, school_year_bounds(start)[1])


def _labelled(extra_free_days: Mapping[date, str] | Iterable[date]) -> dict[date, str]:
    """Extra free days as date -> reason; unlabelled days get the generic "day off"."""
    if not isinstance(extra_free_days, Mapping):
        extra_free_days = dict.fromkeys(extra_free_days, "")
    return {
        day: str(label) if label else gettext("day off") for day, label in extra_free_days.items()
    }


def _plan(
    start: date, run: tuple[int, ...], free_days: Mapping[date, str], school_year_end: date
) -> LioPlan:
    """Walk from `start` over the run's weekdays until 25 non-free days are counted.

    Rule (seed 002): one contiguous period within one school year, interrupted only by
    school holidays and public holidays, which do not count.
    """
    if start.weekday() not in run:
        raise PlanningError("start_not_weekday", start=start)
    if start in free_days:
        raise PlanningError("start_free", start=start, reason=free_days[start])
    # 25 = 3 x 8 + 1 = 4 x 6 + 1 = 5 x 5: with 3 or 4 days a week, 8 or 6 whole weeks leave one
    # day over, which falls 8 or 6 weeks after the start (same weekday) - the seed's "+ 1 day";
    # with 5 days the 25 days fill exactly 5 weeks. Each skipped free day adds one pattern day.
    counted: list[date] = []
    skipped: dict[date, str] = {}
    day = start
    while len(counted) < LIO_DAYS:
        if day > school_year_end:
            raise PlanningError("past_school_year", days=LIO_DAYS, end=school_year_end)
        if day.weekday() in run:
            if day in free_days:
                skipped[day] = free_days[day]
            else:
                counted.append(day)
        day += _ONE_DAY
    return LioPlan(
        start_date=start,
        end_date=counted[-1],
        weekdays=run,
        counted_days=counted,
        skipped_days=skipped,
    )
