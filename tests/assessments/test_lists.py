"""The lists cost the same number of queries for one row as for many (no N+1)."""

from datetime import date, time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import AssessorAssignment, LessonAssessment
from internships.models import Placement, Role
from tests.conftest import World, client_for
from tests.factories import (
    LessonAssessmentFactory,
    PersonFactory,
    PlacementFactory,
    RoleAssignmentFactory,
)

pytestmark = pytest.mark.django_db


def _visit(world: World, **placement_fields: object) -> LessonAssessment:
    placement = PlacementFactory(
        student__institution=world.institution,
        school=world.school,
        school_year=world.school_year,
        status=Placement.Status.ACTIVE,
        start_date=date(2026, 11, 2),
        end_date=date(2026, 12, 16),
        mentor=world.people[Role.MENTOR],
        **placement_fields,
    )
    return LessonAssessmentFactory(  # type: ignore[no-any-return]
        placement=placement,
        assessor=PersonFactory(institution=world.institution),
        co_assessor=world.people[Role.SCHOOL_TEACHER_EDUCATOR],
        status="completed",
        result="pass",
        start_time=time(9),
    )


def _to_schedule(world: World) -> None:
    """An active LIO without a visit, with an assigned assessor."""
    placement = PlacementFactory(
        student__institution=world.institution,
        school=world.school,
        school_year=world.school_year,
        status=Placement.Status.ACTIVE,
        start_date=date(2026, 11, 2),
        end_date=date(2026, 12, 16),
    )
    assessor = RoleAssignmentFactory(
        person=PersonFactory(institution=world.institution), role=Role.ASSESSOR
    ).person
    AssessorAssignment.objects.create(student=placement.student, assessor=assessor)


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.MENTOR])
def test_the_list_costs_the_same_for_many_visits(
    world: World, role: str, django_assert_num_queries: object
) -> None:
    client = client_for(world.people[role])
    url = reverse("assessments:list")
    visits = [_visit(world)]
    _to_schedule(world)
    baseline = _queries(client, url)
    for _ in range(4):
        visits.append(_visit(world))
        _to_schedule(world)
    with django_assert_num_queries(baseline):  # type: ignore[operator]
        page = client.get(url).content.decode()
    for visit in visits:
        assert reverse("assessments:detail", args=[visit.pk]) in page


def test_the_students_page_costs_the_same_for_several_visits(
    world: World, django_assert_num_queries: object
) -> None:
    client = client_for(world.people[Role.STUDENT])
    url = reverse("assessments:mine")

    def add() -> None:
        LessonAssessmentFactory(
            placement=world.placement,
            assessor=world.people[Role.ASSESSOR],
            co_assessor=world.people[Role.SCHOOL_TEACHER_EDUCATOR],
            status="cancelled",
        )

    add()
    baseline = _queries(client, url)
    for _ in range(3):
        add()
    with django_assert_num_queries(baseline):  # type: ignore[operator]
        client.get(url)
