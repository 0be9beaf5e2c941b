"""The "needs action" provider of the observation cadence (track VL): short months.

Rule (seed 000, DOMAIN.md "Track VL rules"; `internships.observation_cadence`): the mentor
observes the student at least twice in every calendar month of the placement; a closed month
with fewer signed-off observations is short, unless none of its days within the placement is
a school day. The month strip of one placement (`selectors_observations.month_strip`) walks
its days; for a whole institution this provider reads the placements whose first month that
lacks observations has closed (kept on the placement, see `internships.services.action_dates`)
with one query, and counts the short months of the rows read only.
"""

from datetime import date, timedelta
from typing import Any

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import ngettext_lazy

from .actions import ActionItem, ActionScope
from .day_log_estimate import FreeDayIndex, SchoolDays
from .models import (
    INSTITUTION_ROLES,
    SCHOOL_ROLES,
    CalendarOverride,
    Placement,
    Role,
    School,
    Track,
)
from .observation_cadence import lacking_months, month_end, month_start
from .selectors_observations import CADENCE_STATUSES, observation_counts

_SHORT = ngettext_lazy(
    "%(count)s month with fewer than two observations",
    "%(count)s months with fewer than two observations",
    "count",
)
_READERS = frozenset(INSTITUTION_ROLES | SCHOOL_ROLES)
# Without a school year in the scope (a mentor's students): the closed months of the last year.
_MONTHS_BACK = 12

# The school's region (its calendar), read for the rows returned only.
school_region = School.objects.filter(pk=OuterRef("school_id")).order_by().values("region")


def _first_month(scope: ActionScope) -> date:
    """The first month whose shortness counts: the school year's first, else a year back."""
    year = scope.school_year
    since = year.start_date if year else scope.today - timedelta(days=31 * _MONTHS_BACK)
    return month_start(since)


def short_month_rows(scope: ActionScope) -> QuerySet[Any]:
    """Track-VL placements that have started whose first month lacking observations has
    closed (and lies in the scope's school year, or the last year without one)."""
    year = scope.school_year
    placements = Placement.objects.filter(
        scope.in_track(Track.VL, "student"),
        status__in=CADENCE_STATUSES,
        first_short_month__lt=month_start(scope.today),
        first_short_month__gte=_first_month(scope),
    )
    if year is None:  # the school year that is running
        placements = placements.filter(
            school_year__start_date__lte=scope.today, school_year__end_date__gte=scope.today
        )
    return (
        scope.limit(placements, "student", placement_path="")
        .annotate(
            action_since=F("first_short_month"),
            action_student=F("student_id"),
            region=Subquery(school_region),
            first=Coalesce("start_date", "school_year__start_date"),
            last=Coalesce("end_date", "school_year__end_date"),
        )
        .values("pk", "action_since", "action_student", "school_id", "region", "first", "last")
    )


def short_month_items(scope: ActionScope, rows: list[dict[str, Any]]) -> list[ActionItem]:
    """The number of short months of each of `rows`, since the end of the first: two queries
    (their observations, the calendar overrides)."""
    if not rows:
        return []
    this_month = month_start(scope.today)
    counts = observation_counts(Placement.objects.filter(pk__in=[row["pk"] for row in rows]))
    school_days = SchoolDays(
        FreeDayIndex(CalendarOverride.objects.filter(institution=scope.institution))
    )
    items = []
    for row in rows:
        school, region = row["school_id"], row["region"]
        short = sum(
            1
            for _month in lacking_months(
                first=max(row["first"], row["action_since"]),
                last=min(row["last"], this_month - timedelta(days=1)),
                counts=counts.get(row["pk"], {}),
                has_school_day=lambda first, last, s=school, r=region: school_days.any(
                    school_id=s, region=r, first=first, last=last
                ),
            )
        )
        items.append(
            ActionItem(
                kind="short_observation_months",
                what=_SHORT,
                params={"count": short},
                student_id=row["action_student"],
                since=month_end(row["action_since"]) + timedelta(days=1),
                actor=Role.MENTOR,
                url_name="internships:placement-observations",
                url_args=(row["pk"],),
                link_roles=_READERS,
            )
        )
    return items
