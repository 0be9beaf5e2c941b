"""Reads: observations, the month strip of a placement and the coordinator's short months."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from .membership import Membership
from .models import (
    CalendarOverride,
    Institution,
    Observation,
    Person,
    Placement,
    Role,
    School,
    Track,
)
from .observation_cadence import MonthRow, MonthStatus, month_rows
from .selectors import placement_queryset, placements_visible_to
from .selectors_calendar import merge_free_days, resolve_overrides, school_free_days_between

# Placements whose months are judged: the LIO has started (a planned one has not).
CADENCE_STATUSES = (Placement.Status.ACTIVE, Placement.Status.COMPLETED)
COUNTING = Q(status__in=[Observation.Status.SIGNED, Observation.Status.ACKNOWLEDGED]) & Q(
    superseded_at__isnull=True
)


def observation_queryset() -> QuerySet[Observation]:
    return Observation.objects.select_related(
        "observer",
        "placement__student__person",
        "placement__student__programme",
        "placement__school",
        "placement__school_year",
        "placement__mentor",
        "previous",
    )


def observations_of(*, placement: Placement) -> QuerySet[Observation]:
    """Every version of every observation of the placement, newest first."""
    return observation_queryset().filter(placement=placement)


def observations_visible_to(membership: Membership) -> QuerySet[Observation]:
    """Observations of the placements the member may open (404 for anything else)."""
    visible = placements_visible_to(membership).values("pk")
    return observation_queryset().filter(placement__in=visible)


def mentored_placements(*, person: object) -> QuerySet[Placement]:
    return (
        placement_queryset()
        .filter(mentor=person)
        .exclude(status=Placement.Status.CANCELLED)
        .order_by("student__person__last_name", "student__person__first_name")
    )


def has_cadence(placement: Placement) -> bool:
    """The twice-a-month rule applies to track-VL placements that have started."""
    return placement.student.programme.track == Track.VL and placement.status in CADENCE_STATUSES


def placement_period(placement: Placement) -> tuple[date, date]:
    """The placement's dates, or its school year when they are not set (track VL)."""
    first = placement.start_date or placement.school_year.start_date
    last = placement.end_date or placement.school_year.end_date
    return first, last


def observation_counts(
    placements: Iterable[Placement] | QuerySet[Placement],
) -> dict[int, dict[date, int]]:
    """Per placement, per month (first day): the observations that count. One query (a
    queryset of placements goes in as a subquery)."""
    chosen = (
        placements.order_by().values("pk")
        if isinstance(placements, QuerySet)
        else [placement.pk for placement in placements]
    )
    rows = (
        Observation.objects.filter(COUNTING, placement__in=chosen)
        .annotate(month=TruncMonth("observed_on"))
        .values("placement_id", "month")
        .annotate(n=Count("pk"))
    )
    counts: dict[int, dict[date, int]] = defaultdict(dict)
    for row in rows:
        counts[row["placement_id"]][row["month"]] = row["n"]
    return counts


def month_strip(*, placement: Placement, today: date) -> list[MonthRow] | None:
    """The months of a track-VL placement with their status; None where the rule does not
    apply. Two queries."""
    if not has_cadence(placement):
        return None
    first, last = placement_period(placement)
    free = school_free_days_between(school=placement.school, first=first, last=last)
    counts = observation_counts([placement]).get(placement.pk, {})
    return month_rows(first=first, last=last, counts=counts, free_days=free, today=today)


@dataclass(frozen=True)
class ShortMonth:
    placement: Placement
    row: MonthRow


def month_strips(*, placements: list[Placement], today: date) -> dict[int, list[MonthRow]]:
    """The month strip of each track-VL placement among `placements` (all of one
    institution). Two queries, whatever the number of placements."""
    placements = [p for p in placements if has_cadence(p)]
    if not placements:
        return {}
    counts = observation_counts(placements)
    periods = {p.pk: placement_period(p) for p in placements}
    free_by_school = _free_days_by_school(
        institution_id=placements[0].student.institution_id,
        schools={p.school for p in placements},
        first=min(first for first, _last in periods.values()),
        last=max(last for _first, last in periods.values()),
    )
    return {
        placement.pk: month_rows(
            first=periods[placement.pk][0],
            last=periods[placement.pk][1],
            counts=counts.get(placement.pk, {}),
            free_days=free_by_school[placement.school_id],
            today=today,
        )
        for placement in placements
    }


def cadence_placements(*, institution: Institution) -> QuerySet[Placement]:
    return placement_queryset().filter(
        student__institution=institution,
        student__programme__track=Track.VL,
        status__in=CADENCE_STATUSES,
    )


def short_observation_months(*, institution: Institution, today: date) -> list[ShortMonth]:
    """Closed months of track-VL placements with fewer than two observations. Three queries."""
    placements = list(cadence_placements(institution=institution))
    strips = month_strips(placements=placements, today=today)
    short = [
        ShortMonth(placement=placement, row=row)
        for placement in placements
        for row in strips.get(placement.pk, [])
        if row.status == MonthStatus.SHORT
    ]
    return sorted(
        short,
        key=lambda s: (-s.row.month.toordinal(), s.placement.student.person.last_name),
    )


def _free_days_by_school(
    *, institution_id: int, schools: set[School], first: date, last: date
) -> dict[int, set[date]]:
    """The free weekdays of several schools with one query for all their overrides."""
    overrides = list(
        CalendarOverride.objects.filter(
            institution=institution_id, start_date__lte=last, end_date__gte=first
        )
    )
    result = {}
    for school in schools:
        own = [o for o in overrides if o.school_id in (None, school.pk)]
        resolved = resolve_overrides(own, first=first, last=last)
        free = merge_free_days(region=school.region, first=first, last=last, overrides=resolved)
        result[school.pk] = set(free)
    return result


def coordinators_of(*, institution_id: int) -> QuerySet[Person]:
    return Person.objects.filter(
        institution=institution_id, role_assignments__role=Role.COORDINATOR
    ).distinct()
