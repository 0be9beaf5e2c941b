"""The planned LIO period of a start application (track NL), with the school's calendar."""

from collections.abc import Iterable
from datetime import date

from .models import CalendarOverride, School, SchoolYear, StartApplication, Track
from .planning import LioPlan, plan_lio_period


def calendar_overrides(
    *, school: School, school_year: SchoolYear
) -> tuple[dict[date, str], set[date]]:
    """The coordinator's extra free days (with labels) and extra school days for one school."""
    free: dict[date, str] = {}
    school_days: set[date] = set()
    overrides = CalendarOverride.objects.filter(
        school_year=school_year, institution=school.institution_id
    ).filter(school__isnull=True) | CalendarOverride.objects.filter(
        school_year=school_year, school=school
    )
    # Institution-wide first, so a school's own override wins for the same day.
    for override in sorted(overrides, key=lambda o: o.school_id is not None):
        day = override.start_date
        while day <= override.end_date:
            if override.kind == CalendarOverride.Kind.FREE_DAY:
                free[day] = override.label
                school_days.discard(day)
            else:
                school_days.add(day)
                free.pop(day, None)
            day = date.fromordinal(day.toordinal() + 1)
    return free, school_days


def plan_for_application(application: StartApplication) -> LioPlan | None:
    """The 25-day plan of a track-NL application; None while start date or days are missing."""
    placement = application.placement
    if placement.student.programme.track != Track.NL:
        return None
    if not application.start_date or not application.weekdays:
        return None
    return plan_at_school(
        school=application.school,
        school_year=placement.school_year,
        start=application.start_date,
        weekdays=application.weekdays,
    )


def plan_at_school(
    *, school: School, school_year: SchoolYear, start: date, weekdays: Iterable[int]
) -> LioPlan:
    """The planner with the school's region and the coordinator's calendar changes."""
    free, school_days = calendar_overrides(school=school, school_year=school_year)
    return plan_lio_period(
        start, set(weekdays), school.region, extra_free_days=free, extra_school_days=school_days
    )
