"""The demo's LIO day logs: partly logged, an absence, confirmed weeks; sensible on any date."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from internships.models import LioDay, Placement
from internships.selectors_days import day_log_for
from tests.internships.support_days import frozen_today

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _development_settings(settings: object) -> None:
    settings.DEBUG = True  # type: ignore[attr-defined]


def _seed(today: date) -> None:
    with frozen_today(today):
        call_command("seed_demo", stdout=StringIO())


def _emma() -> Placement:
    return Placement.objects.select_related("school", "school_year", "student__programme").get(
        student__student_number="NL-500101"
    )


def test_emma_has_a_partly_logged_lio_with_the_right_progress() -> None:
    _seed(date(2026, 11, 23))

    log = day_log_for(placement=_emma(), today=date(2026, 11, 23))

    kinds = {day.date: day.kind for day in log.days}
    assert len(kinds) == 7  # 2, 3, 4, 9, 10, 11 and 16 November
    assert kinds[date(2026, 11, 10)] == LioDay.Kind.ABSENT_ILL
    assert kinds[date(2026, 11, 11)] == LioDay.Kind.SCHOOL_TRIP
    assert log.progress.counted == 6
    assert log.progress.confirmed == 6  # the weeks of 2 and 9 November
    assert log.progress.unlogged_past == [date(2026, 11, 17), date(2026, 11, 18)]
    assert _emma().end_date == date(2027, 1, 11)
    assert log.progress.projected_end == date(2027, 1, 12)  # the absence pushes it out


def test_the_demo_days_are_idempotent() -> None:
    _seed(date(2026, 11, 23))
    before = list(LioDay.objects.order_by("pk").values("placement", "date", "kind", "confirmed_at"))

    _seed(date(2026, 11, 23))

    assert (
        list(LioDay.objects.order_by("pk").values("placement", "date", "kind", "confirmed_at"))
        == before
    )


def test_on_a_later_date_the_demo_is_still_partly_logged() -> None:
    _seed(date(2027, 3, 1))

    log = day_log_for(placement=_emma(), today=date(2027, 3, 1))

    assert log.progress.counted == 23
    assert len(log.progress.unlogged_past) == 2
    assert log.progress.projected_end == date(2027, 1, 12)


def test_before_the_start_nothing_is_logged() -> None:
    _seed(date(2026, 9, 1))

    assert not LioDay.objects.filter(placement=_emma()).exists()
