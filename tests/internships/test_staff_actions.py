""" "My students": mentors and supervisors get the coordinator's "needs action" list, limited
to the students they work with, also where the workflow, not the placement, names them
(issue 9): the graduation and the practice supervisor of a professional product, the
assessors of a LIO assessment lesson."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from internships.membership import Membership
from internships.models import Role, StartApplication
from internships.selectors_dashboard import actions_for_staff
from tests.conftest import World
from tests.factories import (
    EvaluationFormFactory,
    LessonAssessmentFactory,
    PersonFactory,
    PlacementFactory,
    ProfessionalProductFactory,
    RoleAssignmentFactory,
)

from .support_dashboard import application_for

pytestmark = pytest.mark.django_db


def _kinds(world: World, role: str, person: object | None = None) -> set[str]:
    membership = Membership(
        person=person or world.people[role],  # type: ignore[arg-type]
        roles=frozenset({role}),
    )
    actions = actions_for_staff(membership=membership, today=timezone.localdate())
    return {item.kind for item in actions.items}


def _open_evaluation_form(world: World, **product: object) -> None:
    EvaluationFormFactory(
        product=ProfessionalProductFactory(student=world.placement.student, **product),
        practice_supervisor=world.people[Role.PRACTICE_SUPERVISOR],
    )


def test_the_supervisors_of_a_product_see_its_evaluation_form(world: World) -> None:
    _open_evaluation_form(
        world,
        graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR],
        practice_supervisor=world.people[Role.PRACTICE_SUPERVISOR],
    )
    assert "evaluation_forms" in _kinds(world, Role.GRADUATION_SUPERVISOR)
    assert "evaluation_forms" in _kinds(world, Role.PRACTICE_SUPERVISOR)
    assert "evaluation_forms" in _kinds(world, Role.MENTOR)  # the placement's mentor


def test_a_supervisor_of_another_product_sees_nothing_of_it(world: World) -> None:
    _open_evaluation_form(world)
    stranger = PersonFactory(institution=world.institution)
    RoleAssignmentFactory(person=stranger, role=Role.GRADUATION_SUPERVISOR)
    assert _kinds(world, Role.GRADUATION_SUPERVISOR, stranger) == set()


def test_the_assessors_see_the_visit_that_waits_for_their_signatures(world: World) -> None:
    LessonAssessmentFactory(
        placement=world.placement,
        date=date(2026, 1, 5),
        assessor=world.people[Role.ASSESSOR],
        co_assessor=world.people[Role.SCHOOL_TEACHER_EDUCATOR],
    )
    assert "assessments_unsigned" in _kinds(world, Role.ASSESSOR)
    other_assessor = PersonFactory(institution=world.institution)
    assert _kinds(world, Role.ASSESSOR, other_assessor) == set()


def test_a_mentor_sees_only_their_own_students(world: World) -> None:
    other = PlacementFactory(
        student__institution=world.institution,
        school=world.school,
        school_year=world.school_year,
        mentor=world.people[Role.DIRECTOR],
    )
    EvaluationFormFactory(
        product=ProfessionalProductFactory(student=other.student),
        practice_supervisor=world.people[Role.PRACTICE_SUPERVISOR],
    )
    assert _kinds(world, Role.MENTOR) == set()


def test_a_product_supervisor_sees_only_the_products_items(world: World) -> None:
    """Items of pages the supervisor cannot open (the placement's day log, its start
    application) stay with the people named on the placement."""
    _open_evaluation_form(world, graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR])
    application_for(world.placement, StartApplication.Status.SIGNED)
    assert "applications_to_confirm" in _kinds(world, Role.MENTOR)
    assert _kinds(world, Role.GRADUATION_SUPERVISOR) == {"evaluation_forms"}


def test_the_list_runs_a_fixed_number_of_queries(world: World) -> None:
    _open_evaluation_form(world, graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR])
    membership = Membership(
        person=world.people[Role.GRADUATION_SUPERVISOR],  # type: ignore[arg-type]
        roles=frozenset({Role.GRADUATION_SUPERVISOR}),
    )
    actions_for_staff(membership=membership, today=timezone.localdate())  # warm
    with CaptureQueriesContext(connection) as few:
        actions_for_staff(membership=membership, today=timezone.localdate())
    for _n in range(4):
        student = PlacementFactory(
            student__institution=world.institution,
            school=world.school,
            school_year=world.school_year,
        ).student
        EvaluationFormFactory(
            product=ProfessionalProductFactory(
                student=student, graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR]
            ),
            practice_supervisor=world.people[Role.PRACTICE_SUPERVISOR],
        )
    with CaptureQueriesContext(connection) as many:
        actions = actions_for_staff(membership=membership, today=timezone.localdate())
    assert len(actions.items) == 5
    assert len(few) == len(many)
