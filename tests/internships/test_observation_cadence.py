"""The twice-a-month rule of track VL (DOMAIN.md "Track VL rules"): met, short, excused."""

from datetime import date

import pytest
import time_machine

from internships.models import CalendarOverride, Country, Observation, Placement
from internships.observation_cadence import (
    FEW_SCHOOL_DAYS_LEFT,
    MonthStatus,
    month_rows,
    months_between,
)
from internships.selectors_observations import month_strip, short_observation_months
from tests.conftest import World, build_world
from tests.factories import (
    CalendarOverrideFactory,
    ObservationFactory,
    PlacementFactory,
    action_dates_follow,
    stage_follows,
)
from tests.internships.support_guidance import signed, vl_world

pytestmark = pytest.mark.django_db

NOV, OCT, SEP = date(2026, 11, 1), date(2026, 10, 1), date(2026, 9, 1)


@pytest.fixture
def vl() -> World:
    return vl_world()


def _statuses(rows: list) -> dict[date, str]:
    return {row.month: row.status for row in rows}


def test_months_between_covers_every_calendar_month_touched() -> None:
    assert months_between(date(2026, 9, 15), date(2026, 12, 1)) == [
        SEP,
        OCT,
        NOV,
        date(2026, 12, 1),
    ]


def test_a_closed_month_with_one_observation_is_short_and_with_two_is_met() -> None:
    rows = month_rows(
        first=SEP,
        last=date(2026, 10, 31),
        counts={SEP: 1, OCT: 2},
        free_days=set(),
        today=date(2026, 11, 5),
    )
    assert _statuses(rows) == {SEP: MonthStatus.SHORT, OCT: MonthStatus.MET}


def test_the_current_month_is_in_progress_until_it_has_two() -> None:
    common = {"first": SEP, "last": date(2026, 12, 31), "free_days": set()}
    rows = month_rows(**common, counts={NOV: 1}, today=date(2026, 11, 20))
    assert _statuses(rows)[NOV] == MonthStatus.IN_PROGRESS
    assert _statuses(rows)[date(2026, 12, 1)] == MonthStatus.FUTURE
    rows = month_rows(**common, counts={NOV: 2}, today=date(2026, 11, 20))
    assert _statuses(rows)[NOV] == MonthStatus.MET


def test_a_month_whose_every_school_day_is_free_is_excused() -> None:
    july = {date(2027, 7, d) for d in range(1, 32)}
    rows = month_rows(
        first=date(2027, 6, 1),
        last=date(2027, 7, 31),
        counts={},
        free_days=july,
        today=date(2027, 8, 15),
    )
    assert _statuses(rows) == {
        date(2027, 6, 1): MonthStatus.SHORT,
        date(2027, 7, 1): MonthStatus.EXCUSED,
    }


def test_a_month_with_holidays_but_some_school_days_is_not_excused() -> None:
    all_but_one = {date(2027, 7, d) for d in range(1, 31)}  # 30 July free, 31 July is a Saturday
    all_but_one.discard(date(2027, 7, 30))
    rows = month_rows(
        first=date(2027, 7, 1),
        last=date(2027, 7, 31),
        counts={},
        free_days=all_but_one,
        today=date(2027, 8, 15),
    )
    assert rows[0].status == MonthStatus.SHORT
    assert rows[0].school_days == 1


def test_school_days_left_count_from_today_and_mark_a_month_ending_short() -> None:
    rows = month_rows(
        first=SEP,
        last=date(2026, 11, 30),
        counts={NOV: 1},
        free_days=set(),
        today=date(2026, 11, 24),
    )
    november = rows[-1]
    assert november.school_days_left == 5  # Tue 24 – Mon 30 November
    assert november.school_days_left <= FEW_SCHOOL_DAYS_LEFT
    assert november.ends_short_soon
    earlier = month_rows(
        first=SEP,
        last=date(2026, 11, 30),
        counts={NOV: 1},
        free_days=set(),
        today=date(2026, 11, 16),
    )
    assert not earlier[-1].ends_short_soon


@time_machine.travel("2026-11-20 10:00 +0100", tick=False)
def test_the_strip_uses_the_flemish_calendar_and_counts_only_signed_off_observations(
    vl: World,
) -> None:
    placement = vl.placement
    signed(placement, date(2026, 9, 8))
    signed(placement, date(2026, 9, 22))
    signed(placement, date(2026, 10, 6))
    ObservationFactory(placement=placement, observed_on=date(2026, 10, 20))  # a draft
    signed(placement, date(2026, 11, 12))
    strip = month_strip(placement=placement, today=date(2026, 11, 20))
    assert _statuses(strip)[SEP] == MonthStatus.MET
    assert _statuses(strip)[OCT] == MonthStatus.SHORT
    assert _statuses(strip)[NOV] == MonthStatus.IN_PROGRESS
    assert _statuses(strip)[date(2027, 6, 1)] == MonthStatus.FUTURE


@pytest.mark.unaudited_writes
def test_a_superseded_version_does_not_count_twice(vl: World) -> None:
    placement = vl.placement
    old = signed(placement, date(2026, 9, 8))
    ObservationFactory(
        placement=placement,
        observed_on=date(2026, 9, 9),
        status=Observation.Status.SIGNED,
        previous=old,
        version=2,
    )
    Observation.objects.filter(pk=old.pk).update(superseded_at="2026-09-10T10:00:00Z")
    action_dates_follow(Placement.objects.filter(pk=placement.pk))
    strip = month_strip(placement=placement, today=date(2026, 11, 20))
    assert strip[0].count == 1


@pytest.mark.unaudited_writes
def test_summer_months_of_a_placement_without_dates_are_excused(vl: World) -> None:
    placement = vl.placement
    Placement.objects.filter(pk=placement.pk).update(start_date=None, end_date=None)
    placement.refresh_from_db()
    strip = month_strip(placement=placement, today=date(2027, 8, 20))
    statuses = _statuses(strip)
    assert statuses[date(2026, 8, 1)] == MonthStatus.EXCUSED
    assert statuses[date(2027, 7, 1)] == MonthStatus.EXCUSED
    assert statuses[NOV] == MonthStatus.SHORT  # autumn break and 11 November: not a free month


def test_a_coordinator_override_can_make_a_month_free(vl: World) -> None:
    CalendarOverrideFactory(
        institution=vl.institution,
        school_year=vl.school_year,
        school=vl.school,
        kind=CalendarOverride.Kind.FREE_DAY,
        start_date=date(2026, 9, 1),
        end_date=date(2026, 9, 30),
        label="Renovatie",
    )
    strip = month_strip(placement=vl.placement, today=date(2026, 11, 20))
    assert strip[0].status == MonthStatus.EXCUSED


def test_track_nl_placements_have_no_strip(world: World) -> None:
    placement = world.placement
    placement.status = Placement.Status.ACTIVE
    placement.save()
    stage_follows(placement)
    assert month_strip(placement=placement, today=date(2026, 11, 20)) is None


def test_short_months_of_the_institution_with_constant_queries(
    vl: World, django_assert_num_queries: object
) -> None:
    signed(vl.placement, date(2026, 9, 8))
    signed(vl.placement, date(2026, 9, 22))
    signed(vl.placement, date(2026, 10, 6))
    for _ in range(3):
        other = build_world(Country.BE).placement  # another institution: never listed
        other.status = Placement.Status.ACTIVE
        other.save()
        stage_follows(other)
    for _ in range(3):
        PlacementFactory(
            student__institution=vl.institution,
            student__programme=vl.placement.student.programme,
            school_year=vl.school_year,
            status=Placement.Status.ACTIVE,
            start_date=date(2026, 9, 1),
            end_date=date(2027, 6, 30),
        )
    with django_assert_num_queries(3):
        short = short_observation_months(institution=vl.institution, today=date(2026, 11, 20))
    ours = [s for s in short if s.placement.pk == vl.placement.pk]
    assert [s.row.month for s in ours] == [OCT]
    assert len(short) == 1 + 3 * 2  # the three others: September and October
    assert all(s.placement.student.institution_id == vl.institution.pk for s in short)
