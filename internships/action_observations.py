"""The "needs action" provider of the observation cadence (track VL): short months.

Rule (seed 000, DOMAIN.md "Track VL rules"; `internships.observation_cadence`): the mentor
observes the student at least twice in every calendar month of the placement; a closed month
with fewer signed-off observations is short, unless none of its days within the placement is
a school day. The month strip of one placement (`selectors_observations.month_strip`) walks
its days; for a whole institution this provider reads one row per placement with the number
of observations of each closed month (one query), and asks the school calendars only about
the months that lack observations, once per calendar and period.
"""

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, F, FilteredRelation, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import ngettext_lazy

from .actions import ActionItem, ActionScope
from .day_log_estimate import FreeDayIndex, pattern_school_days
from .models import (
    INSTITUTION_ROLES,
    SCHOOL_ROLES,
    CalendarOverride,
    Observation,
    Placement,
    Role,
    School,
    SchoolYear,
    Track,
)
from .observation_cadence import MIN_OBSERVATIONS_PER_MONTH, month_end, month_start
from .selectors_observations import CADENCE_STATUSES

_SHORT = ngettext_lazy(
    "%(count)s month with fewer than two observations",
    "%(count)s months with fewer than two observations",
    "count",
)
_READERS = frozenset(INSTITUTION_ROLES | SCHOOL_ROLES)
_WEEKDAYS = (0, 1, 2, 3, 4)
# Without a school year in the scope (a mentor's students): the closed months of the last year.
_MONTHS_BACK = 12


def closed_months(*, since: date, today: date) -> list[date]:
    """The first day of every month from `since` up to, not including, today's month."""
    months, month = [], month_start(since)
    while month < month_start(today):
        months.append(month)
        month = month_end(month) + timedelta(days=1)
    return months


def _counted(months: list[date]) -> FilteredRelation:
    """A placement's observations that count (signed off, not superseded) in `months`: only
    those are joined."""
    return FilteredRelation(
        "observations",
        condition=Q(
            observations__status__in=[Observation.Status.SIGNED, Observation.Status.ACKNOWLEDGED],
            observations__superseded_at__isnull=True,
            observations__observed_on__range=(months[0], month_end(months[-1])),
        ),
    )


def _period_end(field: str, year: SchoolYear | None) -> Coalesce:
    """The placement's start or end date (`field`), else its school year's: the scope's year
    as a value when it has one, so that the rows group on the placement alone."""
    default = Value(getattr(year, field)) if year else F(f"school_year__{field}")
    return Coalesce(field, default)


# The school's region (its calendar), read for the rows returned only.
_region = School.objects.filter(pk=OuterRef("school_id")).order_by().values("region")


def _cadence_rows(scope: ActionScope, months: list[date]) -> QuerySet[Any]:
    """Per track-VL placement that has started: its period, school, student and the number
    of observations that count in each of `months` (columns m0, m1, …)."""
    year = scope.school_year
    placements = Placement.objects.filter(
        scope.in_track(Track.VL, "student"), status__in=CADENCE_STATUSES
    )
    if year is None:  # the school year that is running
        placements = placements.filter(
            school_year__start_date__lte=scope.today, school_year__end_date__gte=scope.today
        )
    counts = {
        f"m{n}": Count("counted", filter=Q(counted__observed_on__range=(m, month_end(m))))
        for n, m in enumerate(months)
    }
    # Only placements with a month of their period that lacks observations (the calendar
    # decides whether that month had a school day).
    lacking = Q()
    for name, month in zip(counts, months, strict=True):
        lacking |= Q(
            **{f"{name}__lt": MIN_OBSERVATIONS_PER_MONTH},
            first__lte=month_end(month),
            last__gte=month,
        )
    return (
        scope.limit(placements, "student", placement_path="")
        .annotate(counted=_counted(months))
        .annotate(first=_period_end("start_date", year), last=_period_end("end_date", year))
        .annotate(**counts, region=Subquery(_region))
        .filter(lacking)
        .values_list("pk", "student_id", "school_id", "region", "first", "last", *counts)
        .order_by()
    )


class _SchoolDays:
    """Whether a span of a school's calendar holds a school day, asked once per calendar."""

    def __init__(self, scope: ActionScope) -> None:
        self.index = FreeDayIndex(CalendarOverride.objects.filter(institution=scope.institution))
        self.known: dict[tuple[object, ...], bool] = {}

    def any(self, *, school_id: int, region: str, first: date, last: date) -> bool:
        key = (self.index.calendar_key(school_id=school_id, region=region), first, last)
        if key not in self.known:
            free = self.index.free_days(school_id=school_id, region=region, day=first)
            days = pattern_school_days(first=first, last=last, weekdays=_WEEKDAYS, free_days=free)
            self.known[key] = days > 0
        return self.known[key]


def short_observation_month_items(scope: ActionScope) -> Iterator[ActionItem]:
    """Track-VL placements with closed months of fewer than two observations that count,
    since the end of the first such month. Two queries (placements, calendar overrides)."""
    year = scope.school_year
    since = year.start_date if year else scope.today - timedelta(days=31 * _MONTHS_BACK)
    months = closed_months(since=since, today=scope.today)[-_MONTHS_BACK:]
    if not months:
        return
    school_days = _SchoolDays(scope)
    spans = [(month, month_end(month)) for month in months]
    for pk, student, school, region, first, last, *counts in _cadence_rows(scope, months):
        short = [
            end
            for (month, end), count in zip(spans, counts, strict=True)
            if count < MIN_OBSERVATIONS_PER_MONTH
            and month <= last
            and end >= first
            and school_days.any(
                school_id=school, region=region, first=max(month, first), last=min(end, last)
            )
        ]
        if short:
            yield ActionItem(
                kind="short_observation_months",
                what=_SHORT,
                params={"count": len(short)},
                student_id=student,
                since=short[0] + timedelta(days=1),
                actor=Role.MENTOR,
                url_name="internships:placement-observations",
                url_args=(pk,),
                link_roles=_READERS,
            )
