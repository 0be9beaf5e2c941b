"""Free days per school region, as the `holidays` package gives them (school year 2026-2027)."""

from datetime import date, timedelta

import pytest

from internships.calendars import (
    REGIONS,
    _weekday_free_days,
    library_free_days,
    school_year_bounds,
)

NL_REGIONS = ("NL-noord", "NL-midden", "NL-zuid")
SCHOOL_YEAR_2026 = (date(2026, 8, 1), date(2027, 7, 31))


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def test_it_knows_the_four_regions() -> None:
    assert REGIONS == ("NL-noord", "NL-midden", "NL-zuid", "BE-VL")


@pytest.mark.parametrize(
    ("day", "bounds"),
    [
        (date(2026, 8, 1), SCHOOL_YEAR_2026),
        (date(2026, 12, 31), SCHOOL_YEAR_2026),
        (date(2027, 1, 1), SCHOOL_YEAR_2026),
        (date(2027, 7, 31), SCHOOL_YEAR_2026),
        (date(2026, 7, 31), (date(2025, 8, 1), date(2026, 7, 31))),
        (date(2027, 8, 1), (date(2027, 8, 1), date(2028, 7, 31))),
    ],
)
def test_school_year_runs_from_1_august_to_31_july(day: date, bounds: tuple[date, date]) -> None:
    assert school_year_bounds(day) == bounds


@pytest.mark.parametrize("region", REGIONS)
def test_it_returns_only_weekdays_inside_the_range(region: str) -> None:
    free_days = library_free_days(region, *SCHOOL_YEAR_2026)

    assert free_days
    assert all(day.weekday() < 5 for day in free_days)
    assert all(SCHOOL_YEAR_2026[0] <= day <= SCHOOL_YEAR_2026[1] for day in free_days)
    assert list(free_days) == sorted(free_days)


@pytest.mark.parametrize(
    ("region", "first", "last"),
    [
        ("NL-noord", date(2026, 10, 12), date(2026, 10, 16)),  # ISO week 42
        ("NL-midden", date(2026, 10, 19), date(2026, 10, 23)),  # ISO week 43
        ("NL-zuid", date(2026, 10, 19), date(2026, 10, 23)),  # ISO week 43
        ("BE-VL", date(2026, 11, 2), date(2026, 11, 6)),  # the week after All Saints' Day
    ],
)
def test_autumn_break_2026_depends_on_the_region(region: str, first: date, last: date) -> None:
    autumn = library_free_days(region, date(2026, 10, 1), date(2026, 11, 10))

    assert autumn == dict.fromkeys(_days(first, last), "Herfstvakantie")


def test_flanders_also_has_armistice_day() -> None:
    assert library_free_days("BE-VL", date(2026, 11, 9), date(2026, 11, 13)) == {
        date(2026, 11, 11): "Wapenstilstand"
    }


@pytest.mark.parametrize(
    ("region", "christmas", "new_year"),
    [
        *(
            (region, "Eerste kerstdag, Kerstvakantie", "Kerstvakantie, Nieuwjaarsdag")
            for region in NL_REGIONS
        ),
        ("BE-VL", "Kerstmis, Kerstvakantie", "Kerstvakantie, Nieuwjaar"),
    ],
)
def test_christmas_break_2026_with_dutch_names_joined(
    region: str, christmas: str, new_year: str
) -> None:
    free_days = library_free_days(region, date(2026, 12, 14), date(2027, 1, 8))

    weekdays = [day for day in _days(date(2026, 12, 21), date(2027, 1, 1)) if day.weekday() < 5]
    expected = dict.fromkeys(weekdays, "Kerstvakantie")
    expected[date(2026, 12, 25)] = christmas
    expected[date(2027, 1, 1)] = new_year
    assert free_days == expected


@pytest.mark.parametrize("region", NL_REGIONS)
def test_kings_day_2027_falls_in_the_may_break(region: str) -> None:
    free_days = library_free_days(region, date(2027, 4, 19), date(2027, 5, 7))

    assert free_days == {
        date(2027, 4, 26): "Meivakantie",
        date(2027, 4, 27): "Koningsdag, Meivakantie",
        date(2027, 4, 28): "Meivakantie",
        date(2027, 4, 29): "Meivakantie",
        date(2027, 4, 30): "Meivakantie",
        date(2027, 5, 6): "Hemelvaartsdag",
    }


def test_easter_2027_in_flanders_is_a_two_week_break() -> None:
    free_days = library_free_days("BE-VL", date(2027, 3, 22), date(2027, 4, 16))

    weekdays = [day for day in _days(date(2027, 3, 29), date(2027, 4, 9)) if day.weekday() < 5]
    assert free_days == {
        **dict.fromkeys(weekdays, "Paasvakantie"),
        date(2027, 3, 29): "Paasmaandag, Paasvakantie",
    }


def test_the_range_is_inclusive_on_both_ends() -> None:
    assert library_free_days("NL-noord", date(2026, 10, 13), date(2026, 10, 14)) == {
        date(2026, 10, 13): "Herfstvakantie",
        date(2026, 10, 14): "Herfstvakantie",
    }


def test_callers_may_change_the_result_without_touching_the_cache() -> None:
    first = library_free_days("NL-zuid", date(2026, 10, 19), date(2026, 10, 23))
    first.clear()

    assert len(library_free_days("NL-zuid", date(2026, 10, 19), date(2026, 10, 23))) == 5


def test_it_builds_each_region_and_year_once() -> None:
    assert _weekday_free_days("BE-VL", 2027) is _weekday_free_days("BE-VL", 2027)


def test_it_refuses_an_unknown_region() -> None:
    with pytest.raises(ValueError, match="NL-west"):
        library_free_days("NL-west", date(2026, 10, 1), date(2026, 10, 31))
