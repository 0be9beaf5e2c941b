"""The 25-day LIO planner (track NL, seed 002)."""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from itertools import combinations

import pytest
from django.utils.translation import gettext
from hypothesis import given, settings
from hypothesis import strategies as st

from internships.calendars import REGIONS, library_free_days, school_year_bounds
from internships.planning import (
    LIO_DAYS,
    LioPlan,
    PlanningError,
    _plan,
    plan_lio_period,
    plan_with_free_days,
    weekday_run,
)

MON, TUE, WED, THU, FRI = range(5)
ONE_DAY = timedelta(days=1)

# Every valid weekly pattern, in the cyclic order of its run (Fri-Mon-Tue is (4, 0, 1)).
VALID_RUNS = [
    *(tuple((first + n) % 5 for n in range(length)) for length in (3, 4) for first in range(5)),
    (MON, TUE, WED, THU, FRI),
]
# The seed's table: days a week -> weeks (3 and 4 days: "+ 1 day").
TABLE_WEEKS = {3: 8, 4: 6, 5: 5}

runs = st.sampled_from(VALID_RUNS)
start_dates = st.dates(date(2024, 1, 1), date(2030, 12, 31))
regions = st.sampled_from(REGIONS)
PROPERTY_SETTINGS = settings(max_examples=300, deadline=None)


def _first_day_on(run: tuple[int, ...], day: date) -> date:
    while day.weekday() not in run:
        day += ONE_DAY
    return day


def _table_end(start: date, run: tuple[int, ...]) -> date:
    """End date per the seed's table when no day is free."""
    weeks = timedelta(weeks=TABLE_WEEKS[len(run)])
    if len(run) < 5:
        return start + weeks  # 8 or 6 whole weeks, then one more day: the start's weekday.
    end = start + weeks - ONE_DAY  # 25 school days fill exactly 5 weeks.
    while end.weekday() > FRI:
        end -= ONE_DAY
    return end


def _pattern_days(run: tuple[int, ...], first: date, last: date) -> list[date]:
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return [day for day in days if day.weekday() in run]


def _assert_consistent(plan: LioPlan, run: tuple[int, ...], free_days: Mapping[date, str]) -> None:
    """25 counted days on the run, none free, and every free run day in between skipped."""
    counted = plan.counted_days
    assert len(counted) == LIO_DAYS
    assert counted == sorted(set(counted))
    assert counted[0] == plan.start_date
    assert counted[-1] == plan.end_date
    assert all(day.weekday() in run and day not in free_days for day in counted)
    pattern_days = _pattern_days(run, plan.start_date, plan.end_date)
    expected_skipped = {day: free_days[day] for day in pattern_days if day in free_days}
    assert list(plan.skipped_days.items()) == list(expected_skipped.items())
    assert sorted([*counted, *plan.skipped_days]) == pattern_days


# --- weekly pattern -------------------------------------------------------------------------


def test_only_consecutive_runs_of_three_to_five_school_days_are_valid() -> None:
    for length in range(6):
        for days in combinations(range(5), length):
            expected = next((run for run in VALID_RUNS if set(run) == set(days)), None)
            if expected is None:
                with pytest.raises(PlanningError):
                    weekday_run(days)
            else:
                assert weekday_run(days) == expected


@pytest.mark.parametrize(
    ("weekdays", "run"),
    [
        ({MON, TUE, WED}, (MON, TUE, WED)),
        ([TUE, MON, FRI], (FRI, MON, TUE)),
        ({THU, FRI, MON, TUE}, (THU, FRI, MON, TUE)),
        ([FRI, THU, WED, TUE, MON], (MON, TUE, WED, THU, FRI)),
        ([WED, WED, THU, FRI], (WED, THU, FRI)),
    ],
)
def test_the_run_is_ordered_cyclically_over_the_weekend(
    weekdays: Iterable[int], run: tuple[int, ...]
) -> None:
    assert weekday_run(weekdays) == run


@pytest.mark.parametrize(
    ("weekdays", "code"),
    [
        ({MON, WED, FRI}, "not_consecutive"),
        ({MON, TUE, THU}, "not_consecutive"),
        ({MON, TUE}, "weekday_count"),
        (set(range(6)), "weekday_count"),
        ({FRI, 5, 6}, "invalid_weekday"),
        ({-1, MON, TUE}, "invalid_weekday"),
    ],
)
def test_it_refuses_an_invalid_weekly_pattern(weekdays: set[int], code: str) -> None:
    with pytest.raises(PlanningError) as exc_info:
        plan_lio_period(date(2026, 10, 5), weekdays, "NL-noord")

    assert exc_info.value.code == code


# --- the table, without free days -----------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "weekdays", "end"),
    [
        (date(2026, 9, 7), {MON, TUE, WED}, date(2026, 11, 2)),  # 8 weeks + 1 day: Monday, week 9
        (date(2026, 9, 9), {MON, TUE, WED}, date(2026, 11, 4)),  # starting on the run's last day
        (date(2026, 9, 7), {MON, TUE, WED, THU}, date(2026, 10, 19)),  # 6 weeks + 1 day
        (date(2026, 9, 7), set(range(5)), date(2026, 10, 9)),  # 5 weeks: Friday of week 5
        (date(2026, 9, 9), set(range(5)), date(2026, 10, 13)),  # Wednesday to Tuesday
        (date(2026, 9, 11), {FRI, MON, TUE}, date(2026, 11, 6)),
    ],
)
def test_without_free_days_the_end_date_follows_the_table(
    start: date, weekdays: set[int], end: date
) -> None:
    plan = _plan(start, weekday_run(weekdays), {}, school_year_bounds(start)[1])

    assert plan.end_date == end
    assert plan.skipped_days == {}


@PROPERTY_SETTINGS
@given(run=runs, day=start_dates)
def test_property_without_free_days_the_table_holds(run: tuple[int, ...], day: date) -> None:
    start = _first_day_on(run, day)
    school_year_end = school_year_bounds(start)[1]

    if _table_end(start, run) > school_year_end:
        with pytest.raises(PlanningError) as exc_info:
            _plan(start, run, {}, school_year_end)
        assert exc_info.value.code == "past_school_year"
    else:
        plan = _plan(start, run, {}, school_year_end)
        assert plan.end_date == _table_end(start, run)
        assert plan.weekdays == run
        _assert_consistent(plan, run, {})


@PROPERTY_SETTINGS
@given(run=runs, day=start_dates, offsets=st.sets(st.integers(1, 150), max_size=60))
def test_property_free_days_are_skipped_and_extend_the_period(
    run: tuple[int, ...], day: date, offsets: set[int]
) -> None:
    start = _first_day_on(run, day)
    free_days = {start + timedelta(days=n): f"vrij {n}" for n in sorted(offsets)}
    school_year_end = school_year_bounds(start)[1]
    available = [day for day in _pattern_days(run, start, school_year_end) if day not in free_days]

    if len(available) < LIO_DAYS:
        with pytest.raises(PlanningError) as exc_info:
            _plan(start, run, free_days, school_year_end)
        assert exc_info.value.code == "past_school_year"
    else:
        plan = _plan(start, run, free_days, school_year_end)
        assert plan.counted_days == available[:LIO_DAYS]
        assert plan.end_date >= _table_end(start, run)
        _assert_consistent(plan, run, free_days)


@PROPERTY_SETTINGS
@given(run=runs, day=start_dates, region=regions)
def test_property_public_planner_follows_the_table_when_all_holidays_are_school_days(
    run: tuple[int, ...], day: date, region: str
) -> None:
    start = _first_day_on(run, day)
    school_year_end = school_year_bounds(start)[1]
    holidays = library_free_days(region, start, school_year_end)

    if _table_end(start, run) > school_year_end:
        with pytest.raises(PlanningError):
            plan_lio_period(start, set(run), region, extra_school_days=holidays)
    else:
        plan = plan_lio_period(start, set(run), region, extra_school_days=holidays)
        assert plan.end_date == _table_end(start, run)
        _assert_consistent(plan, run, {})


@PROPERTY_SETTINGS
@given(run=runs, day=start_dates, region=regions)
def test_property_public_planner_skips_exactly_the_library_free_days(
    run: tuple[int, ...], day: date, region: str
) -> None:
    start = _first_day_on(run, day)
    free_days = library_free_days(region, start, school_year_bounds(start)[1])

    try:
        plan = plan_lio_period(start, reversed(run), region)
    except PlanningError as exc:
        assert exc.code in {"start_free", "past_school_year"}
        assert exc.code != "start_free" or start in free_days
    else:
        assert plan.weekdays == run
        _assert_consistent(plan, run, free_days)


# --- invalid starts and periods -------------------------------------------------------------


def test_it_refuses_a_start_on_a_day_that_is_not_in_the_pattern() -> None:
    with pytest.raises(PlanningError) as exc_info:
        plan_lio_period(date(2026, 10, 8), {MON, TUE, WED}, "NL-noord")  # a Thursday

    assert exc_info.value.code == "start_not_weekday"


def test_it_refuses_a_start_on_a_holiday() -> None:
    with pytest.raises(PlanningError) as exc_info:
        plan_lio_period(date(2026, 12, 21), {MON, TUE, WED}, "NL-noord")

    assert exc_info.value.code == "start_free"
    assert exc_info.value.params["reason"] == "Kerstvakantie"


def test_it_refuses_an_unknown_region() -> None:
    with pytest.raises(PlanningError) as exc_info:
        plan_lio_period(date(2026, 10, 5), {MON, TUE, WED}, "NL-west")

    assert exc_info.value.code == "unknown_region"


def test_a_period_may_end_on_the_last_school_day_before_summer() -> None:
    plan = plan_lio_period(date(2027, 6, 21), set(range(5)), "NL-zuid")

    assert plan.end_date == date(2027, 7, 23)  # the summer break in the south starts 24 July


def test_it_refuses_a_period_that_runs_into_the_summer_and_past_31_july() -> None:
    with pytest.raises(PlanningError) as exc_info:
        plan_lio_period(date(2027, 6, 22), set(range(5)), "NL-zuid")

    assert exc_info.value.code == "past_school_year"
    assert "2027-07-31" in str(exc_info.value)


def test_it_refuses_a_period_past_31_july_even_without_holidays() -> None:
    with pytest.raises(PlanningError) as exc_info:
        _plan(date(2027, 7, 1), (MON, TUE, WED, THU, FRI), {}, date(2027, 7, 31))

    assert exc_info.value.code == "past_school_year"


def test_the_error_message_names_the_start_date() -> None:
    with pytest.raises(PlanningError) as exc_info:
        plan_lio_period(date(2026, 10, 8), {MON, TUE, WED}, "NL-noord")

    assert "2026-10-08" in str(exc_info.value)


# --- worked examples on the holidays of 2026-2027 -------------------------------------------

AUTUMN_NOORD = dict.fromkeys(
    [date(2026, 10, 12), date(2026, 10, 13), date(2026, 10, 14)], "Herfstvakantie"
)
AUTUMN_MIDDEN_ZUID = dict.fromkeys(
    [date(2026, 10, 19), date(2026, 10, 20), date(2026, 10, 21)], "Herfstvakantie"
)


@pytest.mark.parametrize(
    ("region", "end", "skipped"),
    [
        ("NL-noord", date(2026, 12, 7), AUTUMN_NOORD),
        ("NL-midden", date(2026, 12, 7), AUTUMN_MIDDEN_ZUID),
        ("NL-zuid", date(2026, 12, 7), AUTUMN_MIDDEN_ZUID),
        (
            "BE-VL",
            date(2026, 12, 8),
            {
                date(2026, 11, 2): "Herfstvakantie",
                date(2026, 11, 3): "Herfstvakantie",
                date(2026, 11, 4): "Herfstvakantie",
                date(2026, 11, 11): "Wapenstilstand",
            },
        ),
    ],
)
def test_three_days_from_5_october_2026_skip_the_regional_autumn_break(
    region: str, end: date, skipped: dict[date, str]
) -> None:
    plan = plan_lio_period(date(2026, 10, 5), {MON, TUE, WED}, region)

    # Without free days: 30 November. Each NL region loses one autumn week, in a different week.
    assert plan.end_date == end
    assert plan.skipped_days == skipped


@pytest.mark.parametrize(
    ("region", "end"),
    [
        ("NL-noord", date(2026, 10, 23)),
        ("NL-midden", date(2026, 10, 16)),
        ("NL-zuid", date(2026, 10, 16)),
        ("BE-VL", date(2026, 10, 16)),
    ],
)
def test_five_days_from_14_september_2026_end_later_only_in_the_north(
    region: str, end: date
) -> None:
    plan = plan_lio_period(date(2026, 9, 14), set(range(5)), region)

    assert plan.end_date == end
    north_break = [date(2026, 10, day) for day in range(12, 17)]
    assert list(plan.skipped_days) == (north_break if region == "NL-noord" else [])


@pytest.mark.parametrize(
    ("region", "christmas", "new_year"),
    [
        ("NL-noord", "Eerste kerstdag, Kerstvakantie", "Kerstvakantie, Nieuwjaarsdag"),
        ("BE-VL", "Kerstmis, Kerstvakantie", "Kerstvakantie, Nieuwjaar"),
    ],
)
def test_four_days_across_christmas_2026_skip_two_weeks(
    region: str, christmas: str, new_year: str
) -> None:
    plan = plan_lio_period(date(2026, 12, 1), {TUE, WED, THU, FRI}, region)

    assert plan.end_date == date(2027, 1, 26)  # 12 January without the break, + 2 weeks
    assert plan.skipped_days == {
        date(2026, 12, 22): "Kerstvakantie",
        date(2026, 12, 23): "Kerstvakantie",
        date(2026, 12, 24): "Kerstvakantie",
        date(2026, 12, 25): christmas,
        date(2026, 12, 29): "Kerstvakantie",
        date(2026, 12, 30): "Kerstvakantie",
        date(2026, 12, 31): "Kerstvakantie",
        date(2027, 1, 1): new_year,
    }


def test_fri_mon_tue_across_easter_and_kings_day_2027() -> None:
    plan = plan_lio_period(date(2027, 3, 5), {FRI, MON, TUE}, "NL-midden")

    assert plan.weekdays == (FRI, MON, TUE)
    assert plan.end_date == date(2027, 5, 11)  # 30 April without free days
    assert plan.skipped_days == {
        date(2027, 3, 26): "Goede vrijdag",
        date(2027, 3, 29): "Tweede paasdag",
        date(2027, 4, 26): "Meivakantie",
        date(2027, 4, 27): "Koningsdag, Meivakantie",
        date(2027, 4, 30): "Meivakantie",
    }


def test_fri_mon_tue_across_the_flemish_easter_break_2027() -> None:
    plan = plan_lio_period(date(2027, 3, 5), {FRI, MON, TUE}, "BE-VL")

    assert plan.end_date == date(2027, 5, 18)
    assert plan.skipped_days == {
        date(2027, 3, 29): "Paasmaandag, Paasvakantie",
        date(2027, 3, 30): "Paasvakantie",
        date(2027, 4, 2): "Paasvakantie",
        date(2027, 4, 5): "Paasvakantie",
        date(2027, 4, 6): "Paasvakantie",
        date(2027, 4, 9): "Paasvakantie",
        date(2027, 5, 7): "Vrijdag na O. L. H. Hemelvaart",
        date(2027, 5, 17): "Pinkstermaandag",
    }


# --- coordinator overrides ------------------------------------------------------------------


def test_an_extra_school_day_makes_a_library_holiday_count() -> None:
    plan = plan_lio_period(
        date(2026, 10, 5), {MON, TUE, WED}, "NL-noord", extra_school_days=[date(2026, 10, 12)]
    )

    assert date(2026, 10, 12) in plan.counted_days
    assert list(plan.skipped_days) == [date(2026, 10, 13), date(2026, 10, 14)]
    assert plan.end_date == date(2026, 12, 2)


def test_an_extra_free_day_is_skipped_with_its_label() -> None:
    plan = plan_lio_period(
        date(2026, 10, 5),
        {MON, TUE, WED},
        "NL-noord",
        extra_free_days={date(2026, 10, 7): "Verbouwing school"},
    )

    assert plan.skipped_days == {date(2026, 10, 7): "Verbouwing school", **AUTUMN_NOORD}
    assert plan.end_date == date(2026, 12, 8)


def test_an_extra_free_day_without_label_is_a_day_off() -> None:
    plan = plan_lio_period(
        date(2026, 10, 5), {MON, TUE, WED}, "NL-noord", extra_free_days=[date(2026, 10, 7)]
    )

    assert plan.skipped_days[date(2026, 10, 7)] == gettext("day off")


def test_an_extra_free_day_relabels_a_library_holiday() -> None:
    plan = plan_lio_period(
        date(2026, 10, 5),
        {MON, TUE, WED},
        "NL-noord",
        extra_free_days={date(2026, 10, 12): "Herfstvakantie (school)"},
    )

    assert plan.skipped_days[date(2026, 10, 12)] == "Herfstvakantie (school)"
    assert plan.end_date == date(2026, 12, 7)


def test_an_extra_free_day_outside_the_pattern_changes_nothing() -> None:
    plan = plan_lio_period(
        date(2026, 10, 5), {MON, TUE, WED}, "NL-noord", extra_free_days=[date(2026, 10, 8)]
    )

    assert plan.skipped_days == AUTUMN_NOORD


# --- planning over a calendar the caller merged ----------------------------------------------


@PROPERTY_SETTINGS
@given(run=runs, day=start_dates, region=regions)
def test_property_planning_over_the_library_calendar_is_the_public_planner(
    run: tuple[int, ...], day: date, region: str
) -> None:
    start = _first_day_on(run, day)
    free_days = library_free_days(region, start, school_year_bounds(start)[1])

    try:
        expected = plan_lio_period(start, set(run), region)
    except PlanningError as exc:
        with pytest.raises(PlanningError) as exc_info:
            plan_with_free_days(start, run, free_days)
        assert exc_info.value.code == exc.code
    else:
        assert plan_with_free_days(start, run, free_days) == expected


def test_planning_over_a_merged_calendar_validates_the_weekdays() -> None:
    with pytest.raises(PlanningError) as exc_info:
        plan_with_free_days(date(2026, 10, 5), {MON, WED, FRI}, {})

    assert exc_info.value.code == "not_consecutive"
