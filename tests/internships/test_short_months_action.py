"""Short observation months (track VL) in "needs action": the same months as the month strip
(`short_observation_months`), for the scope's students only, with a fixed number of queries."""

from collections import Counter
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from internships.actions import ActionItem, ActionScope, collect_actions, summarize_actions
from internships.models import Placement, Role, StudentProfile
from internships.selectors_dashboard import institution_tracks
from internships.selectors_observations import short_observation_months
from tests.conftest import World
from tests.factories import CalendarOverrideFactory, PlacementFactory
from tests.internships.support_guidance import signed, vl_world

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 20)
KEY = "short_observation_months"


@pytest.fixture
def vl() -> World:
    return vl_world()


def _items(world: World, today: date = TODAY, **scope: object) -> list[ActionItem]:
    actions = collect_actions(
        ActionScope(institution=world.institution, today=today, **scope),  # type: ignore[arg-type]
        keys=[KEY],
    )
    return actions.items


def test_a_closed_month_with_fewer_than_two_observations_needs_the_mentor(vl: World) -> None:
    signed(vl.placement, date(2026, 9, 8))
    signed(vl.placement, date(2026, 9, 22))
    signed(vl.placement, date(2026, 10, 6))
    [item] = _items(vl)
    assert (item.actor, item.params, item.since, item.url_args) == (
        Role.MENTOR,
        {"count": 1},
        date(2026, 11, 1),
        (vl.placement.pk,),
    )


def test_the_second_observation_ends_it(vl: World) -> None:
    for day in (8, 22):
        signed(vl.placement, date(2026, 9, day))
        signed(vl.placement, date(2026, 10, day - 2))
    assert _items(vl) == []


def test_the_month_in_progress_is_not_short_yet(vl: World) -> None:
    for day in (8, 22):
        signed(vl.placement, date(2026, 9, day))
    assert _items(vl, today=date(2026, 10, 30)) == []


def test_a_month_without_school_days_is_excused(vl: World) -> None:
    CalendarOverrideFactory(
        institution=vl.institution,
        school_year=vl.school_year,
        start_date=date(2026, 10, 1),
        end_date=date(2026, 10, 31),
    )
    for day in (8, 22):
        signed(vl.placement, date(2026, 9, day))
    assert _items(vl) == []


def test_the_counts_match_the_month_strips(vl: World) -> None:
    """The provider's months are the month strips' short months, placement by placement."""
    others = [
        PlacementFactory(
            student__institution=vl.institution,
            student__programme=vl.placement.student.programme,
            school=vl.school,
            school_year=vl.school_year,
            status=Placement.Status.ACTIVE,
            start_date=start,
            end_date=date(2027, 6, 30),
        )
        for start in (date(2026, 9, 1), date(2026, 10, 20), date(2026, 11, 2))
    ]
    signed(others[0], date(2026, 9, 3))
    signed(others[0], date(2026, 9, 4))
    signed(vl.placement, date(2026, 10, 6))
    strips = Counter(
        s.placement.pk for s in short_observation_months(institution=vl.institution, today=TODAY)
    )
    listed = {item.url_args[0]: item.params["count"] for item in _items(vl)}  # type: ignore[index]
    assert listed == dict(strips)
    assert listed == {vl.placement.pk: 2, others[0].pk: 1, others[1].pk: 1}


def test_only_the_scopes_students_and_never_another_institution(vl: World) -> None:
    other_institution = vl_world()
    others = StudentProfile.objects.exclude(pk=vl.placement.student_id)
    assert _items(vl, students=others) == []
    mine = StudentProfile.objects.filter(pk=vl.placement.student_id)
    assert len(_items(vl, students=mine)) == 1
    assert {i.student_id for i in _items(other_institution)} == {
        other_institution.placement.student_id
    }


def test_a_dutch_institution_does_not_ask_for_observation_months(world: World) -> None:
    tracks = institution_tracks(institution=world.institution)  # type: ignore[arg-type]
    scope = ActionScope(institution=world.institution, today=TODAY, tracks=tracks)  # type: ignore[arg-type]
    assert KEY not in {p.key for p, _n in summarize_actions(scope, limit=20).counts}


def _summary(world: World) -> tuple[int, int]:
    scope = ActionScope(institution=world.institution, today=TODAY, school_year=world.school_year)  # type: ignore[arg-type]
    with CaptureQueriesContext(connection) as queries:
        actions = summarize_actions(scope, limit=20)
    return len(queries), {p.key: n for p, n in actions.counts}[KEY]


def _add_placements(world: World, count: int) -> None:
    for n in range(count):
        PlacementFactory(
            student__institution=world.institution,
            student__programme=world.placement.student.programme,
            school_year=world.school_year,
            status=Placement.Status.ACTIVE,
            start_date=date(2026, 9, 1) + timedelta(days=n),
            end_date=date(2027, 6, 30),
        )


def test_the_queries_do_not_grow_with_the_placements(vl: World) -> None:
    _summary(vl)  # warm: the content types are cached after the first use
    few, one = _summary(vl)
    _add_placements(vl, 5)
    many, six = _summary(vl)
    assert (one, six) == (1, 6)
    assert few == many
