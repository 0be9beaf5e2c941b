"""Free days (public and school holidays) per school region, from the `holidays` package.

No database access: the coordinator's per-school overrides are applied by the caller
(see `internships.planning.plan_lio_period`).
"""

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from types import MappingProxyType

import holidays
from holidays.constants import PUBLIC, SCHOOL

REGIONS: tuple[str, ...] = ("NL-noord", "NL-midden", "NL-zuid", "BE-VL")

# Our region code -> (country, subdivision) as the `holidays` package names them: the three
# Dutch school-holiday regions and the Flemish Community (which sets Flemish school holidays).
_LIBRARY_SUBDIVISIONS: Mapping[str, tuple[str, str]] = {
    "NL-noord": ("NL", "Noord"),
    "NL-midden": ("NL", "Midden"),
    "NL-zuid": ("NL", "Zuid"),
    "BE-VL": ("BE", "Flemish"),
}

_FRIDAY = 4
_NAME_SEPARATOR = ", "


def school_year_bounds(day: date) -> tuple[date, date]:
    """Return the school year (1 August - 31 July) that contains `day`."""
    first_year = day.year if day.month >= 8 else day.year - 1
    return date(first_year, 8, 1), date(first_year + 1, 7, 31)


@lru_cache(maxsize=64)
def _weekday_free_days(region: str, year: int) -> Mapping[date, str]:
    """Public and school holidays on Mon-Fri of one calendar year, with Dutch names.

    Cached per (region, year): building the holiday object is the expensive part.
    """
    country, subdivision = _LIBRARY_SUBDIVISIONS[region]
    calendar = holidays.country_holidays(
        country,
        subdiv=subdivision,
        years=year,
        categories=(PUBLIC, SCHOOL),
        language="nl",
        expand=False,
    )
    free_days = {
        day: _NAME_SEPARATOR.join(dict.fromkeys(calendar.get_list(day)))
        for day in sorted(calendar)
        # A break spilling over New Year is also populated by the next year's object.
        if day.year == year and day.weekday() <= _FRIDAY
    }
    return MappingProxyType(free_days)


def library_free_days(region: str, start: date, end: date) -> dict[date, str]:
    """Weekdays between `start` and `end` (inclusive) that are public or school holidays.

    The value is the holiday's Dutch name; several names on one day are joined with ", ".
    Raises ValueError for a region not in REGIONS.
    """
    if region not in _LIBRARY_SUBDIVISIONS:
        raise ValueError(f"Unknown region {region!r}; expected one of {REGIONS}")
    free_days: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        year_days = _weekday_free_days(region, year)
        free_days.update((day, name) for day, name in year_days.items() if start <= day <= end)
    return free_days
