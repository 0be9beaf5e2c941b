"""The coordinator's pages run as many queries for 30 students as for 5 (bench/dashboard.py
measures the same on PostgreSQL with 1,000 and 10,000)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.writes import unaudited_writes
from internships.models import Placement, Programme, Role, StartApplication, Track
from portfolio.models import WorkStatus
from tests.conftest import World, client_for
from tests.factories import (
    AssignmentWorkFactory,
    EvaluationFormFactory,
    LessonAssessmentFactory,
    LioDayFactory,
    PlacementFactory,
    ProfessionalProductFactory,
    ProfileSketchFactory,
    stage_follows,
)

from .support_dashboard import days_ago, placement_in_stage, request_signature
from .support_days import activate, frozen_today

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 25)
_STAGES = ["application", "signing", "confirmed", "active", "completed"]
COORDINATOR_PAGES = [
    "/overview/",
    "/students/",
    "/students/?state=active&sort=-school&page=1",
    "/students/?needs=any",
]


def _add_students(world: World, count: int) -> None:
    """Students in every stage, each with something that needs action; a Flemish programme
    beside the Dutch one, so that the providers of both tracks are asked."""
    for n in range(count):
        stage = _STAGES[n % len(_STAGES)]
        placement = placement_in_stage(world, stage, mentor=world.people[Role.MENTOR])
        student = placement.student
        if stage == "signing":
            request_signature(
                placement.start_application, Role.MENTOR, world.people[Role.MENTOR], days_ago(9)
            )
        elif stage == "active":
            activate(placement)
            placement.end_date = TODAY + timedelta(days=7)  # the assessment lesson is due
            placement.save()
            stage_follows(placement)
            LioDayFactory(placement=placement, date=date(2026, 11, 2))
        elif stage == "completed":
            LessonAssessmentFactory(  # the visit was on 17 November, not signed yet
                placement=placement,
                assessor=world.people[Role.ASSESSOR],
                co_assessor=world.people[Role.SCHOOL_TEACHER_EDUCATOR],
            )
        elif stage == "application":
            with unaudited_writes():  # a stage set up directly, not a change to audit
                StartApplication.objects.filter(placement=placement).update(
                    status=StartApplication.Status.SIGNED
                )
            stage_follows(placement)
        AssignmentWorkFactory(
            student=student, status=WorkStatus.SUBMITTED, submitted_at=days_ago(2)
        )
        ProfileSketchFactory(student=student, status=WorkStatus.SUBMITTED, submitted_at=days_ago(1))
        EvaluationFormFactory(
            product=ProfessionalProductFactory(student=student),
            practice_supervisor=world.people[Role.PRACTICE_SUPERVISOR],
        )
        _flemish_student(world)


def _flemish_student(world: World) -> None:
    """A track-VL LIO since September without observations: its months are short."""
    programme, _new = Programme.objects.get_or_create(
        institution=world.institution, name="Educatieve bachelor (LIO)", track=Track.VL
    )
    PlacementFactory(
        student__institution=world.institution,
        student__programme=programme,
        school=world.school,
        school_year=world.school_year,
        mentor=world.people[Role.MENTOR],
        status=Placement.Status.ACTIVE,
        start_date=date(2026, 9, 1),
    )


def _count(client: object, url: str) -> int:
    client.get(url)  # type: ignore[attr-defined]  # warm: sessions, content types
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200  # type: ignore[attr-defined]
    return len(queries)


def test_the_coordinators_pages_run_the_same_queries_for_5_and_30_students(
    world: World, django_assert_num_queries: object
) -> None:
    with frozen_today(TODAY):
        client = client_for(world.people[Role.COORDINATOR])
        _add_students(world, 5)
        budgets = {url: _count(client, url) for url in COORDINATOR_PAGES}
        _add_students(world, 25)
        for url, budget in budgets.items():
            with django_assert_num_queries(budget):  # type: ignore[operator]
                client.get(url)
    assert budgets["/overview/"] <= 30


def test_the_mentors_home_runs_the_same_queries_for_5_and_30_students(
    world: World, django_assert_num_queries: object
) -> None:
    with frozen_today(TODAY):
        client = client_for(world.people[Role.MENTOR])
        _add_students(world, 5)
        budget = _count(client, "/my-students/")
        _add_students(world, 25)
        with django_assert_num_queries(budget):  # type: ignore[operator]
            client.get("/my-students/")


def test_the_exports_run_the_same_queries_for_5_and_30_students(world: World) -> None:
    with frozen_today(TODAY):
        client = client_for(world.people[Role.COORDINATOR])
        _add_students(world, 5)
        few = _count(client, "/students/export.xlsx")
        _add_students(world, 25)
        assert _count(client, "/students/export.xlsx") == few


def test_every_kind_of_item_is_on_the_measured_dashboard(world: World) -> None:
    """The budgets above cover every provider: each has items in the measured data."""
    with frozen_today(TODAY):
        _add_students(world, 10)
        client = client_for(world.people[Role.COORDINATOR])
        html = client.get("/overview/").content.decode()
    for key in (
        "late_signatures",
        "applications_to_confirm",
        "unlogged_lio_days",
        "days_to_confirm",
        "portfolio_feedback",
        "sketch_assessment",
        "short_observation_months",
        "evaluation_forms",
        "assessments_to_schedule",
        "assessments_unsigned",
    ):
        assert f"needs={key}" in html, key
