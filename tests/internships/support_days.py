"""Helpers for the calendar and day-log tests: an active track-NL LIO and a frozen "today"."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import time_machine
from django.conf import settings

from internships.models import Placement
from internships.planning import plan_lio_period
from tests.factories import stage_follows

EMMA_START = date(2026, 11, 2)  # a Monday; Mon-Tue-Wed at a NL-midden school: ends 11 Jan 2027
MON_TUE_WED = [0, 1, 2]


def activate(
    placement: Placement, start: date = EMMA_START, weekdays: list[int] | None = None
) -> Placement:
    """Make the placement an active LIO planned by the planner (as the start application does)."""
    weekdays = weekdays or MON_TUE_WED
    plan = plan_lio_period(start, set(weekdays), placement.school.region)
    placement.status = Placement.Status.ACTIVE
    placement.start_date = plan.start_date
    placement.end_date = plan.end_date
    placement.weekdays = weekdays
    placement.save()
    stage_follows(placement)
    return placement


@contextmanager
def frozen_today(day: date) -> Iterator[None]:
    """Freeze the clock at noon of `day` in the portal's time zone."""
    moment = datetime.combine(day, time(12, 0), tzinfo=ZoneInfo(settings.TIME_ZONE))
    with time_machine.travel(moment, tick=False):
        yield
