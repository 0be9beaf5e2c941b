"""The action dates kept on a placement: the day its day log is behind from (track NL) and its
first month with too few observations (track VL), and the writes they follow."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from internships.day_log_estimate import behind_from, planned_school_days
from internships.models import CalendarOverride, Observation, Placement, Region, Role
from internships.observation_cadence import lacking_months
from internships.planning import LIO_DAYS
from internships.services.calendars import (
    OverrideData,
    calendar_override_create,
    calendar_override_delete,
)
from internships.services.imports import ImportKind, import_commit, import_preview
from internships.services.observations import (
    ObservationData,
    observation_create,
    observation_sign_off,
)
from signoffs.models import Signature
from signoffs.services import document_hash
from tests.conftest import World
from tests.factories import LioDayFactory, stage_follows

from .support_days import frozen_today
from .support_guidance import vl_world

pytestmark = pytest.mark.django_db

MONDAYS = [0]
OCT_5 = date(2026, 10, 5)  # a Monday; the next, 12 October, is in NL-noord's autumn break


def _mondays_from_oct_5(world: World) -> Placement:
    placement = world.placement
    placement.status = Placement.Status.ACTIVE
    placement.start_date = OCT_5
    placement.end_date = date(2027, 3, 1)
    placement.weekdays = MONDAYS
    placement.save()
    stage_follows(placement)
    return placement


def _behind_from(placement: Placement) -> date | None:
    placement.refresh_from_db(fields=["log_behind_from"])
    return placement.log_behind_from


# --- the arithmetic ---------------------------------------------------------------------------


def test_the_planned_days_skip_other_weekdays_and_free_days() -> None:
    free = [date(2026, 10, 12)]
    planned = planned_school_days(first=OCT_5, weekdays=MONDAYS, free_days=free)
    assert planned[:3] == [OCT_5, date(2026, 10, 19), date(2026, 10, 26)]


def test_the_log_is_behind_from_the_first_planned_day_the_logged_days_do_not_cover() -> None:
    planned = planned_school_days(first=OCT_5, weekdays=MONDAYS, free_days=[])
    assert behind_from(planned=planned, logged=0, counted=0) == OCT_5
    assert behind_from(planned=planned, logged=2, counted=1) == date(2026, 10, 19)


def test_with_every_counting_day_logged_the_log_is_never_behind() -> None:
    planned = planned_school_days(first=OCT_5, weekdays=MONDAYS, free_days=[])
    assert behind_from(planned=planned, logged=LIO_DAYS, counted=LIO_DAYS) is None


def test_a_month_lacks_observations_when_it_has_fewer_than_two_and_a_school_day() -> None:
    september, november = date(2026, 9, 1), date(2026, 11, 1)
    months = lacking_months(
        first=september,
        last=date(2026, 11, 30),
        counts={september: 2, november: 1},
        # October, without observations, is taken to have no school day: nothing to make up.
        has_school_day=lambda first, last: first.month != 10,
    )
    assert list(months) == [november]


# --- the writes they follow -------------------------------------------------------------------


def test_logging_a_day_moves_the_day_the_log_is_behind_from(world: World) -> None:
    placement = _mondays_from_oct_5(world)
    assert _behind_from(placement) == OCT_5
    LioDayFactory(placement=placement, date=OCT_5)
    assert _behind_from(placement) == date(2026, 10, 12)


def test_a_free_day_the_coordinator_adds_or_removes_moves_it(world: World) -> None:
    placement = _mondays_from_oct_5(world)
    LioDayFactory(placement=placement, date=OCT_5)
    data = OverrideData(
        school_year=world.school_year,
        school=None,
        kind=CalendarOverride.Kind.FREE_DAY,
        start_date=date(2026, 10, 12),
        end_date=date(2026, 10, 12),
        label="Studiedag",
    )
    override = calendar_override_create(
        institution=world.institution, data=data, by=world.people[Role.COORDINATOR]
    )
    # 19 October is in NL-midden's autumn break: the next planned Monday is the 26th.
    assert _behind_from(placement) == date(2026, 10, 26)
    calendar_override_delete(override=override, by=world.people[Role.COORDINATOR])
    assert _behind_from(placement) == date(2026, 10, 12)


def test_a_school_imported_with_another_region_moves_it(world: World) -> None:
    placement = _mondays_from_oct_5(world)
    LioDayFactory(placement=placement, date=OCT_5)
    assert world.school.region == Region.NL_MIDDEN
    school = world.school
    text = f"BRIN;Naam;Plaats;Regio\n{school.school_number};{school.name};Groningen;noord\n"
    upload = SimpleUploadedFile("schools.csv", text.encode(), content_type="text/csv")
    preview = import_preview(institution=world.institution, kind=ImportKind.SCHOOLS, upload=upload)
    import_commit(
        institution=world.institution,
        kind=preview.kind,
        fmt=preview.fmt,
        token=preview.token,  # type: ignore[arg-type]
        actor=world.people[Role.COORDINATOR],
    )
    # 12 October is in the autumn break in the north: the next Monday is the one missing.
    assert _behind_from(placement) == date(2026, 10, 19)


def test_observations_signed_off_move_the_first_short_month() -> None:
    with frozen_today(date(2026, 10, 20)):
        world = vl_world()
        placement, mentor = world.placement, world.people[Role.MENTOR]
        placement.refresh_from_db(fields=["first_short_month"])
        assert placement.first_short_month == date(2026, 9, 1)
        for day in (date(2026, 9, 8), date(2026, 9, 22)):
            data = ObservationData(
                observed_on=day,
                class_name="2A",
                subject="Wiskunde",
                focus="Instructie",
                went_well="Heldere uitleg.",
                to_improve="Differentiatie.",
            )
            draft = observation_create(
                placement=placement, mentor=mentor, data=data, today=date(2026, 10, 20)
            )
            observation_sign_off(
                observation=draft,
                mentor=mentor,
                method=Signature.Method.ACCOUNT,
                seen_hash=document_hash(draft),
            )
    assert Observation.objects.filter(placement=placement).count() == 2
    placement.refresh_from_db(fields=["first_short_month"])
    assert placement.first_short_month == date(2026, 10, 1)
