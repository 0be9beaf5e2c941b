"""No lost writes on a counter: eight LIO days of one placement logged at the same moment
all count (8 threads × 50 rounds, one placement a round).

Needs real row locks, so it runs on PostgreSQL only (`make test-postgres`).
"""

from datetime import date, timedelta

import pytest
from django.db import connection

from internships.models import LioDay, Placement
from internships.services.lio_days import lio_day_record
from tests.conftest import build_world
from tests.internships.support_days import activate

from .race import ROUNDS, THREADS, race, winners
from .worlds import students

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locking needs PostgreSQL"),
]

TODAY = date(2026, 12, 1)
# The first eight Mondays, Tuesdays and Wednesdays from 2 November 2026 (no holidays).
DAYS = [d for d in (date(2026, 11, 2) + timedelta(days=n) for n in range(21)) if d.weekday() < 3]


def test_eight_days_logged_at_once_are_all_counted() -> None:
    """Rule: `days_logged` and `last_logged_day` always equal the placement's day log."""
    world = build_world()
    placements = [activate(Placement.objects.get(student=s)) for s in students(world, ROUNDS)]

    def log(round_: int, number: int) -> None:
        placement = placements[round_]
        lio_day_record(
            placement=placement,
            student=placement.student,
            day=DAYS[number],
            kind=LioDay.Kind.LESSON,
            today=TODAY,
        )

    assert winners(race(log)) == [THREADS] * ROUNDS
    for placement in placements:
        placement.refresh_from_db()
        assert placement.lio_days.count() == THREADS
        assert (placement.days_logged, placement.days_counting) == (THREADS, THREADS)
        assert placement.last_logged_day == DAYS[THREADS - 1]
