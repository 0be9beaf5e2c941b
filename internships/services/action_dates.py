"""The dates from which a placement needs action, kept on the placement.

Rule: `Placement.log_behind_from` and `Placement.first_short_month` always equal what
`derived_action_dates()` works out from the placement's plan, its day-log counters, its
observations and its school's calendar. Every write of those calls
`placement_action_dates_refresh`: the day-log counters refresh (and so every write of LIO
days), signing off an observation, confirming a start application, changing the calendar
overrides, a school's region or a school year's dates, and the admin and the demo seeds.
The dashboard and the student list then find the placements that are behind with a query
(`internships.action_providers`, `internships.action_observations`).

- `log_behind_from` (seed 002, track NL): the first planned school day, from the start on
  the placement's weekdays, that its logged days do not cover; empty when every counting day
  is logged or there is no plan (`internships.day_log_estimate.behind_from`);
- `first_short_month` (seed 000, track VL): the first month of the placement's period (its
  dates, else its school year's) with a school day and fewer than two observations that
  count; empty when every month has them (`internships.observation_cadence.lacking_months`).

Both are worked out for every placement with the data they need, whatever its track: the
providers read them for their own track only.
"""

import json
from datetime import date

from django.db.models import CharField, ExpressionWrapper, F, QuerySet

from internships.day_log_estimate import FreeDayIndex, SchoolDays, behind_from
from internships.models import CalendarOverride, Placement
from internships.observation_cadence import lacking_months
from internships.selectors_observations import observation_counts

ActionDates = tuple[date | None, date | None]

_FIELDS = ["log_behind_from", "first_short_month"]
_BATCH = 500


def _rows(placements: QuerySet[Placement]) -> QuerySet[Placement]:
    return placements.order_by().values_list(
        "pk",
        "school_id",
        "school__region",
        "school__institution_id",
        # The JSON as text: a few patterns repeat over thousands of rows, each read once.
        ExpressionWrapper(F("weekdays"), output_field=CharField()),
        "start_date",
        "end_date",
        "school_year__start_date",
        "school_year__end_date",
        "days_logged",
        "days_counting",
        *_FIELDS,
    )


def _calendars(institutions: set[int]) -> dict[int, SchoolDays]:
    """The school days of each institution's schools, from one query of the overrides."""
    overrides: dict[int, list[CalendarOverride]] = {pk: [] for pk in institutions}
    for override in CalendarOverride.objects.filter(institution__in=institutions):
        overrides[override.institution_id].append(override)
    return {pk: SchoolDays(FreeDayIndex(found)) for pk, found in overrides.items()}


def _derive(rows: list[tuple], placements: QuerySet[Placement]) -> dict[int, ActionDates]:
    calendars = _calendars({row[3] for row in rows})
    counts = observation_counts(placements) if rows else {}
    derived = {}
    for pk, school, region, institution, weekdays, start, end, year_start, year_end, *rest in rows:
        logged, counted = rest[0], rest[1]
        school_days = calendars[institution]
        pattern = json.loads(weekdays) if weekdays else []
        behind = None
        if start is not None and pattern:
            planned = school_days.planned(
                school_id=school, region=region, first=start, weekdays=pattern
            )
            behind = behind_from(planned=planned, logged=logged, counted=counted)
        first, last = start or year_start, end or year_end
        months = lacking_months(
            first=first,
            last=last,
            counts=counts.get(pk, {}),
            has_school_day=lambda a, b, s=school, r=region, d=school_days: d.any(
                school_id=s, region=r, first=a, last=b
            ),
        )
        derived[pk] = (behind, next(months, None))
    return derived


def derived_action_dates(placements: QuerySet[Placement]) -> dict[int, ActionDates]:
    """(log_behind_from, first_short_month) of each of `placements`, worked out from their
    records. Three queries, whatever the number of placements."""
    return _derive(list(_rows(placements)), placements)


def placement_action_dates_refresh(*, placements: QuerySet[Placement]) -> int:
    """Work the action dates of `placements` out again and store those that changed.
    Returns the number of placements updated."""
    rows = list(_rows(placements))
    derived = _derive(rows, placements)
    changed = [
        Placement(
            pk=row[0], log_behind_from=derived[row[0]][0], first_short_month=derived[row[0]][1]
        )
        for row in rows
        if tuple(row[-2:]) != derived[row[0]]
    ]
    return Placement.objects.bulk_update(changed, _FIELDS, batch_size=_BATCH)


def placement_action_dates_refresh_one(placement_id: int) -> None:
    """The same for one placement."""
    placement_action_dates_refresh(placements=Placement.objects.filter(pk=placement_id))


def institution_action_dates_refresh(*, institution_id: int) -> int:
    """The same for every placement at the institution's schools (after a calendar change)."""
    return placement_action_dates_refresh(
        placements=Placement.objects.filter(school__institution_id=institution_id)
    )
