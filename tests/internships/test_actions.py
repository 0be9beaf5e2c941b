"""The "needs action" providers: what each finds, since when, for whom, and nothing more."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from internships.action_providers import CONFIRM_WITHIN_DAYS
from internships.actions import _PROVIDERS as PROVIDERS
from internships.actions import ActionItem, ActionScope, collect_actions, register_action_provider
from internships.models import LioDay, Placement, Role, StartApplication, StudentProfile, Track
from internships.selectors_days import day_log_for
from internships.services.lio_days import lio_days_confirm_week
from portfolio.models import WorkStatus
from tests.conftest import World
from tests.factories import (
    AssignmentWorkFactory,
    LioDayFactory,
    PlacementFactory,
    ProfileSketchFactory,
    ProgrammeFactory,
)

from .support_dashboard import application_for, days_ago, request_signature
from .support_days import activate, frozen_today

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 25)  # a Wednesday in Emma's LIO (from Monday 2 November, Mon-Tue-Wed)


def _items(world: World, kind: str, **scope: object) -> list[ActionItem]:
    actions = collect_actions(
        ActionScope(institution=world.institution, today=TODAY, **scope),  # type: ignore[arg-type]
        keys=[kind],
    )
    return [item for item in actions.items if item.kind == kind]


def test_a_signature_waiting_longer_than_the_setting_needs_action(
    world: World, settings: object
) -> None:
    settings.SIGNATURE_LATE_AFTER_DAYS = 7  # type: ignore[attr-defined]
    application = application_for(world.placement, StartApplication.Status.SUBMITTED)
    request_signature(application, Role.MENTOR, world.people[Role.MENTOR], days_ago(10))
    request_signature(application, Role.DIRECTOR, world.people[Role.DIRECTOR], days_ago(2))
    [item] = _items(world, "late_signatures")
    assert item.actor == Role.MENTOR
    assert item.student_id == world.placement.student_id
    assert item.url_args == (application.pk,)
    assert world.people[Role.MENTOR].full_name in item.text


def test_a_signed_request_is_not_late(world: World) -> None:
    application = application_for(world.placement, StartApplication.Status.SUBMITTED)
    request = request_signature(application, Role.MENTOR, world.people[Role.MENTOR], days_ago(30))
    request.status = request.Status.SIGNED
    request.save()
    assert _items(world, "late_signatures") == []


def test_a_signed_application_waits_for_the_coordinator(world: World) -> None:
    application_for(world.placement, StartApplication.Status.SIGNED)
    [item] = _items(world, "applications_to_confirm")
    assert item.actor == Role.COORDINATOR


def test_unlogged_days_match_the_day_log(world: World) -> None:
    """The estimate equals the day log's exact count when the logged days are planned days."""
    placement = activate(world.placement)
    log = day_log_for(placement=placement, today=TODAY)
    planned = [d for d in log.progress.plan.counted_days if d < TODAY]
    for day in planned[:4]:
        LioDayFactory(placement=placement, date=day)
    LioDayFactory(placement=placement, date=planned[4], kind=LioDay.Kind.ABSENT_ILL)
    with frozen_today(TODAY):
        exact = day_log_for(placement=placement, today=TODAY).progress.unlogged_past
        [item] = _items(world, "unlogged_lio_days")
    assert item.params == {"count": len(exact)}
    assert item.since == planned[5]  # the first planned day the logged days do not cover
    assert item.actor == Role.STUDENT


def test_a_fully_logged_lio_needs_no_action(world: World) -> None:
    placement = activate(world.placement)
    plan = day_log_for(placement=placement, today=TODAY).progress.plan
    for day in plan.counted_days:
        if day < TODAY:
            LioDayFactory(placement=placement, date=day)
    assert _items(world, "unlogged_lio_days") == []


def test_days_logged_more_than_a_week_ago_wait_for_the_mentor(world: World) -> None:
    placement = activate(world.placement)
    old = TODAY - timedelta(days=CONFIRM_WITHIN_DAYS + 2)
    LioDayFactory(placement=placement, date=old - timedelta(days=1))
    LioDayFactory(placement=placement, date=old)
    LioDayFactory(placement=placement, date=TODAY - timedelta(days=1))
    [item] = _items(world, "days_to_confirm")
    assert (item.params, item.since, item.actor) == (
        {"count": 2},
        old - timedelta(days=1),
        Role.MENTOR,
    )


def test_portfolio_work_and_sketches_wait_for_their_reader(world: World) -> None:
    student = world.placement.student
    AssignmentWorkFactory(student=student, status=WorkStatus.SUBMITTED, submitted_at=days_ago(3))
    AssignmentWorkFactory(student=student, status=WorkStatus.DRAFT)
    ProfileSketchFactory(student=student, status=WorkStatus.SUBMITTED, submitted_at=days_ago(1))
    [work] = _items(world, "portfolio_feedback")
    [sketch] = _items(world, "sketch_assessment")
    assert (work.actor, sketch.actor) == (Role.STUDY_COACH, Role.GRADUATION_SUPERVISOR)


def test_the_scope_keeps_other_students_out(world: World) -> None:
    application_for(world.placement, StartApplication.Status.SIGNED)
    others = StudentProfile.objects.exclude(pk=world.placement.student_id)
    assert _items(world, "applications_to_confirm", students=others) == []
    mine = StudentProfile.objects.filter(pk=world.placement.student_id)
    assert len(_items(world, "applications_to_confirm", students=mine)) == 1


def test_another_institution_never_sees_these_items(world: World, other_world: World) -> None:
    application_for(world.placement, StartApplication.Status.SIGNED)
    actions = collect_actions(ActionScope(institution=other_world.institution, today=TODAY))  # type: ignore[arg-type]
    assert actions.items == []


def test_the_list_is_oldest_first_and_counts_per_kind(world: World) -> None:
    application = application_for(world.placement, StartApplication.Status.SUBMITTED)
    request_signature(application, Role.MENTOR, world.people[Role.MENTOR], days_ago(20))
    AssignmentWorkFactory(
        student=world.placement.student, status=WorkStatus.SUBMITTED, submitted_at=days_ago(40)
    )
    actions = collect_actions(ActionScope(institution=world.institution, today=TODAY))  # type: ignore[arg-type]
    assert [item.kind for item in actions.items] == ["portfolio_feedback", "late_signatures"]
    counts = {provider.key: n for provider, n in actions.counts}
    assert counts["late_signatures"] == counts["portfolio_feedback"] == 1
    assert actions.student_ids == {world.placement.student_id}


def test_a_workflow_adds_its_items_with_one_registration(world: World) -> None:
    """The extension point for observations, evaluation forms and assessments."""

    def overdue(scope: ActionScope) -> list[ActionItem]:
        placements = scope.limit(Placement.objects.all(), "student")
        return [
            ActionItem(
                kind="test_overdue",
                what="Overdue",
                student_id=p.student_id,
                since=TODAY,
                actor=Role.ASSESSOR,
                url_name="internships:placement-detail",
                url_args=(p.pk,),
            )
            for p in placements
        ]

    register_action_provider(key="test_overdue", label="Overdue", items=overdue)
    try:
        assert len(_items(world, "test_overdue")) == 1
    finally:
        PROVIDERS.pop("test_overdue")


def test_days_the_mentor_confirmed_no_longer_wait(world: World) -> None:
    placement = activate(world.placement)
    old = TODAY - timedelta(days=CONFIRM_WITHIN_DAYS + 2)
    LioDayFactory(placement=placement, date=old)
    assert len(_items(world, "days_to_confirm")) == 1
    lio_days_confirm_week(
        placement=placement,
        mentor=world.people[Role.MENTOR],  # type: ignore[arg-type]
        monday=old,
        now=timezone.now(),
    )
    assert _items(world, "days_to_confirm") == []


def test_a_provider_of_one_track_lists_no_student_of_the_other(world: World) -> None:
    """In an institution with a Dutch and a Flemish programme, the Dutch day log's provider
    leaves the Flemish student out, with or without knowing the institution's tracks."""
    activate(world.placement)
    flemish = PlacementFactory(
        student__institution=world.institution,
        student__programme=ProgrammeFactory(institution=world.institution, track=Track.VL),
        school=world.school,
        school_year=world.school_year,
    )
    activate(flemish)
    for tracks in (None, frozenset({Track.NL, Track.VL})):
        students = {item.student_id for item in _items(world, "unlogged_lio_days", tracks=tracks)}
        assert students == {world.placement.student_id}


def test_knowing_the_tracks_of_a_one_track_institution_changes_nothing(world: World) -> None:
    activate(world.placement)
    assert _items(world, "unlogged_lio_days", tracks=frozenset({Track.NL})) == _items(
        world, "unlogged_lio_days"
    )
