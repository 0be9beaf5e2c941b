"""The day-log counters on the placement (days logged, days of a counting kind, the last
day, the oldest day not confirmed): every write path keeps them equal to a recount of the
log."""

import importlib
from datetime import date
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.admin.sites import site
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from internships.lio_days import COUNTING_KINDS
from internships.models import LioDay, Placement, Role
from internships.services.lio_days import lio_day_record, lio_days_confirm_week
from tests.conftest import World

from .support_days import activate

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)
K = LioDay.Kind


Counters = tuple[int, int, date | None, date | None]


def _recount(placement: Placement) -> Counters:
    days = list(LioDay.objects.filter(placement=placement))
    counting = sum(1 for day in days if day.kind in COUNTING_KINDS)
    last = max((day.date for day in days), default=None)
    first_open = min((day.date for day in days if day.confirmed_at is None), default=None)
    return len(days), counting, last, first_open


def _counters(placement: Placement) -> Counters:
    placement.refresh_from_db()
    return (
        placement.days_logged,
        placement.days_counting,
        placement.last_logged_day,
        placement.first_open_day,
    )


def _record(world: World, day: date, kind: str = K.LESSON) -> None:
    lio_day_record(
        placement=world.placement,
        student=world.placement.student,
        day=day,
        kind=kind,
        today=TODAY,
    )


@pytest.fixture
def lio(world: World) -> World:
    activate(world.placement)
    return world


def test_logging_a_day_counts_it(lio: World) -> None:
    assert _counters(lio.placement) == (0, 0, None, None)
    _record(lio, date(2026, 11, 2))
    _record(lio, date(2026, 11, 4), K.ABSENT_ILL)
    _record(lio, date(2026, 11, 3), K.SCHOOL_TRIP)
    assert _counters(lio.placement) == _recount(lio.placement)
    assert _counters(lio.placement) == (3, 2, date(2026, 11, 4), date(2026, 11, 2))


def test_changing_the_kind_of_a_day_recounts_it(lio: World) -> None:
    _record(lio, date(2026, 11, 2))
    _record(lio, date(2026, 11, 2), K.ABSENT_OTHER)
    assert _counters(lio.placement) == _recount(lio.placement)
    assert _counters(lio.placement) == (1, 0, date(2026, 11, 2), date(2026, 11, 2))


def test_the_mentors_confirmation_leaves_the_counts_and_closes_the_days(lio: World) -> None:
    _record(lio, date(2026, 11, 2))
    _record(lio, date(2026, 11, 3))
    lio_days_confirm_week(
        placement=lio.placement,
        mentor=lio.people[Role.MENTOR],  # type: ignore[arg-type]
        monday=date(2026, 11, 2),
        now=timezone.now(),
    )
    assert _counters(lio.placement) == _recount(lio.placement) == (2, 2, date(2026, 11, 3), None)


def test_the_admin_keeps_the_counts(lio: World, admin_user: object) -> None:
    _record(lio, date(2026, 11, 2))
    model_admin = site._registry[LioDay]
    request = RequestFactory().post("/")
    request.user = admin_user  # type: ignore[attr-defined]
    day = LioDay.objects.get()
    day.kind = K.STUDY_DAY
    model_admin.save_model(request, day, form=None, change=True)
    new = LioDay(placement=lio.placement, date=date(2026, 11, 9), kind=K.ABSENT_ILL)
    model_admin.save_model(request, new, form=None, change=False)
    assert _counters(lio.placement) == _recount(lio.placement)
    assert _counters(lio.placement) == (2, 1, date(2026, 11, 9), date(2026, 11, 2))
    model_admin.delete_model(request, new)
    assert _counters(lio.placement) == _recount(lio.placement)
    assert _counters(lio.placement) == (1, 1, date(2026, 11, 2), date(2026, 11, 2))
    model_admin.delete_queryset(request, LioDay.objects.all())
    assert _counters(lio.placement) == _recount(lio.placement) == (0, 0, None, None)


def test_the_demo_seeds_keep_the_counts(settings: object) -> None:
    settings.DEBUG = True  # type: ignore[attr-defined]
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", "--students", "20", stdout=StringIO())
    placements = Placement.objects.all()
    assert any(p.days_logged for p in placements)
    for placement in placements:
        assert _counters(placement) == _recount(placement), placement.pk


def test_the_migration_counts_the_days_logged_before_it(lio: World) -> None:
    _record(lio, date(2026, 11, 2))
    _record(lio, date(2026, 11, 3), K.ABSENT_ILL)
    Placement.objects.update(
        days_logged=0, days_counting=0, last_logged_day=None, first_open_day=None
    )
    importlib.import_module("internships.migrations.0005_day_log_counters").count_logged_days(
        apps, None
    )
    importlib.import_module("internships.migrations.0008_first_open_day").count_open_days(
        apps, None
    )
    assert _counters(lio.placement) == _recount(lio.placement)
    assert _counters(lio.placement) == (2, 1, date(2026, 11, 3), date(2026, 11, 2))
