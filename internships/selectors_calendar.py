"""Reads: a school's calendar (library holidays merged with the coordinator's overrides).

Rule (DOMAIN.md "Calendars"): the `holidays` package gives the public and school holidays of
the school's region; the coordinator's overrides win. A school-specific override wins over one
for the whole institution; a later override wins over an earlier one of the same scope.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .calendars import library_free_days, school_year_bounds
from .models import CalendarOverride, Institution, School, SchoolYear
from .planning import LioPlan, plan_lio_period

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class FreeDay:
    """Why a day is free, and who said so: the holiday library or a coordinator's override."""

    reason: str
    source: str

    LIBRARY = "library"
    OVERRIDE = "override"

    @property
    def source_label(self) -> str:
        labels = {self.LIBRARY: _("holiday calendar"), self.OVERRIDE: _("set by the coordinator")}
        return str(labels[self.source])


@dataclass(frozen=True)
class OverrideDays:
    """The overrides of one school, resolved per day: extra free days and extra school days."""

    free_days: dict[date, str]
    school_days: set[date]


def overrides_for_school(*, school: School, first: date, last: date) -> QuerySet[CalendarOverride]:
    """Overrides that touch [first, last] and apply to `school` (its own or institution-wide)."""
    return CalendarOverride.objects.filter(
        Q(school=school) | Q(school__isnull=True),
        institution_id=school.institution_id,
        start_date__lte=last,
        end_date__gte=first,
    ).order_by("created_at", "pk")


def resolve_overrides(
    overrides: Iterable[CalendarOverride], *, first: date, last: date
) -> OverrideDays:
    """Per day in [first, last], the override that wins: school-specific, then the latest."""
    winners: dict[date, CalendarOverride] = {}
    # Institution-wide first, then the school's own, each in creation order: later ones win.
    for override in sorted(overrides, key=lambda o: (o.school_id is not None, o.created_at, o.pk)):
        day = max(override.start_date, first)
        while day <= min(override.end_date, last):
            winners[day] = override
            day += _ONE_DAY
    return OverrideDays(
        free_days={
            day: o.label for day, o in winners.items() if o.kind == CalendarOverride.Kind.FREE_DAY
        },
        school_days={
            day for day, o in winners.items() if o.kind == CalendarOverride.Kind.SCHOOL_DAY
        },
    )


def merge_free_days(
    *, region: str, first: date, last: date, overrides: OverrideDays
) -> dict[date, FreeDay]:
    """Library free days (Mon-Fri) in [first, last] with the resolved overrides applied."""
    merged = {
        day: FreeDay(reason, FreeDay.LIBRARY)
        for day, reason in library_free_days(region, first, last).items()
    }
    for day in overrides.school_days:
        merged.pop(day, None)
    for day, label in overrides.free_days.items():
        if day.weekday() < 5:
            merged[day] = FreeDay(label, FreeDay.OVERRIDE)
    return dict(sorted(merged.items()))


def school_free_days(*, school: School, school_year: SchoolYear) -> dict[date, FreeDay]:
    """The free weekdays of a school in a school year, with reason and source. One query."""
    return school_free_days_between(
        school=school, first=school_year.start_date, last=school_year.end_date
    )


def school_free_days_between(*, school: School, first: date, last: date) -> dict[date, FreeDay]:
    """The free weekdays of a school in [first, last], with reason and source. One query."""
    overrides = overrides_for_school(school=school, first=first, last=last)
    resolved = resolve_overrides(overrides, first=first, last=last)
    return merge_free_days(region=school.region, first=first, last=last, overrides=resolved)


def plan_for_school(*, school: School, start: date, weekdays: Iterable[int]) -> LioPlan:
    """Plan the 25 LIO days at a school: the planner with the school's overrides. One query.

    Raises `internships.planning.PlanningError` when a planning rule is broken.
    """
    first, last = school_year_bounds(start)
    overrides = resolve_overrides(
        overrides_for_school(school=school, first=first, last=last), first=first, last=last
    )
    return plan_lio_period(
        start,
        set(weekdays),
        school.region,
        extra_free_days=overrides.free_days,
        extra_school_days=overrides.school_days,
    )


def school_years_of(*, institution: Institution) -> QuerySet[SchoolYear]:
    return SchoolYear.objects.filter(institution=institution).order_by("-start_date")


def institution_overrides(
    *, institution: Institution, school_year: SchoolYear
) -> QuerySet[CalendarOverride]:
    """Every override of a school year, the institution-wide ones first."""
    return (
        CalendarOverride.objects.filter(institution=institution, school_year=school_year)
        .select_related("school", "changed_by")
        .order_by("school__name", "start_date", "pk")
    )


def schools_with_override_counts(
    *, institution: Institution, school_year: SchoolYear
) -> QuerySet[School]:
    """The institution's schools, each with the number of its own overrides in the year."""
    return (
        School.objects.filter(institution=institution)
        .annotate(
            override_count=Count(
                "calendar_overrides", filter=Q(calendar_overrides__school_year=school_year)
            )
        )
        .order_by("name")
    )
