""" "My students": the table lists every student a member follows, also where a workflow,
not the placement, names them (the graduation and practice supervisor of a professional
product, the assessors of a LIO assessment lesson), with what they follow them for; never a
student they do not follow, never one of another institution."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from assessments.models import AssessorAssignment
from internships.membership import Membership
from internships.models import Person, Placement, Role
from internships.selectors_staff import StaffStudentRow, staff_students
from tests.conftest import World, client_for
from tests.factories import (
    LessonAssessmentFactory,
    PersonFactory,
    PlacementFactory,
    ProfessionalProductFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english() -> object:
    with translation.override("en"):
        yield


def _membership(world: World, role: str, person: object | None = None) -> Membership:
    return Membership(
        person=person or world.people[role],  # type: ignore[arg-type]
        roles=frozenset({role}),
    )


def _rows(world: World, role: str, person: object | None = None) -> list[StaffStudentRow]:
    return staff_students(membership=_membership(world, role, person))


def _product(world: World, placement: Placement | None = None) -> object:
    """A started product of the world's student, with both supervisors of the world."""
    return ProfessionalProductFactory(
        student=(placement or world.placement).student,
        status="phase_1",
        approved_on="2026-09-01",
        graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR],
        practice_supervisor=world.people[Role.PRACTICE_SUPERVISOR],
    )


def _assessment(world: World) -> object:
    return LessonAssessmentFactory(
        placement=world.placement,
        assessor=world.people[Role.ASSESSOR],
        co_assessor=world.people[Role.SCHOOL_TEACHER_EDUCATOR],
    )


@pytest.mark.parametrize("role", [Role.GRADUATION_SUPERVISOR, Role.PRACTICE_SUPERVISOR])
def test_the_supervisors_of_a_product_see_its_student(world: World, role: str) -> None:
    _product(world)
    (row,) = _rows(world, role)
    assert row.student == world.placement.student
    assert row.placement == world.placement
    assert row.reasons == ["Professional product"]
    assert not row.can_open  # the placement's pages are not theirs


def test_the_assessors_see_the_student_of_the_lesson(world: World) -> None:
    _assessment(world)
    (row,) = _rows(world, Role.ASSESSOR)
    assert row.student == world.placement.student
    assert row.reasons == ["LIO assessment lesson"]
    (row,) = _rows(world, Role.SCHOOL_TEACHER_EDUCATOR)  # the school's: its placements too
    assert row.can_open
    assert row.reasons == ["School-based teacher educator", "LIO assessment lesson"]


def test_an_assigned_assessor_sees_the_student_before_a_lesson_exists(
    world: World, other_world: World
) -> None:
    assessor = world.people[Role.ASSESSOR]
    AssessorAssignment.objects.create(student=world.placement.student, assessor=assessor)
    (row,) = _rows(world, Role.ASSESSOR)
    assert row.student == world.placement.student
    assert row.reasons == ["LIO assessment lesson"]
    assert _rows(world, Role.ASSESSOR, PersonFactory(institution=world.institution)) == []
    # An assignment that (against the services) names them for another institution's student.
    AssessorAssignment.objects.create(student=other_world.placement.student, assessor=assessor)
    assert [row.student for row in _rows(world, Role.ASSESSOR)] == [world.placement.student]


def test_the_mentor_sees_what_they_follow_the_student_for(world: World) -> None:
    _product(world)
    _assessment(world)
    (row,) = _rows(world, Role.MENTOR)
    assert row.can_open
    assert row.reasons == ["Mentor", "Professional product", "LIO assessment lesson"]


def test_nobody_sees_a_student_they_do_not_follow(world: World) -> None:
    _product(world)
    _assessment(world)
    for role in (Role.GRADUATION_SUPERVISOR, Role.PRACTICE_SUPERVISOR, Role.ASSESSOR):
        stranger = PersonFactory(institution=world.institution)
        assert _rows(world, role, stranger) == []
    assert _rows(world, Role.DIRECTOR, PersonFactory(institution=world.institution)) == []


def test_another_institution_is_never_shown(world: World, other_world: World) -> None:
    """Even a record of another institution that names the member (which the services never
    write) does not put its student in the table."""
    ProfessionalProductFactory(
        student=other_world.placement.student,
        status="phase_1",
        approved_on="2026-09-01",
        graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR],
    )
    LessonAssessmentFactory(
        placement=other_world.placement,
        assessor=world.people[Role.ASSESSOR],
        co_assessor=other_world.people[Role.SCHOOL_TEACHER_EDUCATOR],
    )
    assert _rows(world, Role.GRADUATION_SUPERVISOR) == []
    assert _rows(world, Role.ASSESSOR) == []


def test_a_student_without_placement_is_listed_by_the_workflow(world: World) -> None:
    student = PlacementFactory(
        student__institution=world.institution,
        school=world.school,
        school_year=world.school_year,
        status="cancelled",
    ).student
    ProfessionalProductFactory(
        student=student, graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR]
    )
    (row,) = _rows(world, Role.GRADUATION_SUPERVISOR)
    assert row.student == student and row.placement is None


def test_the_page_shows_the_students_and_their_part(world: World) -> None:
    _product(world)
    response = client_for(world.people[Role.GRADUATION_SUPERVISOR]).get(
        reverse("internships:my-students")
    )
    html = response.content.decode()
    assert world.placement.student.person.full_name in html
    assert "Beroepsproduct" in html  # the page speaks Dutch by default
    assert reverse("internships:placement-detail", args=[world.placement.pk]) not in html
    mentor_html = client_for(world.people[Role.MENTOR]).get(reverse("internships:my-students"))
    assert reverse("internships:placement-detail", args=[world.placement.pk]) in (
        mentor_html.content.decode()
    )


def _more_students(world: World, supervisor: Person, count: int) -> None:
    for _n in range(count):
        placement = PlacementFactory(
            student__institution=world.institution,
            school=world.school,
            school_year=world.school_year,
        )
        ProfessionalProductFactory(
            student=placement.student,
            status="phase_1",
            approved_on="2026-09-01",
            graduation_supervisor=supervisor,
        )
        LessonAssessmentFactory(
            placement=placement, assessor=supervisor, co_assessor=world.people[Role.ASSESSOR]
        )


def test_the_page_runs_a_fixed_number_of_queries(
    world: World, django_assert_num_queries: object
) -> None:
    supervisor = world.people[Role.GRADUATION_SUPERVISOR]
    client = client_for(supervisor)
    _more_students(world, supervisor, 1)  # type: ignore[arg-type]
    client.get(reverse("internships:my-students"))  # warm
    with CaptureQueriesContext(connection) as one:
        response = client.get(reverse("internships:my-students"))
    assert len(response.context["rows"]) == 1
    _more_students(world, supervisor, 6)  # type: ignore[arg-type]
    with django_assert_num_queries(len(one)):  # type: ignore[operator]
        response = client.get(reverse("internships:my-students"))
    assert len(response.context["rows"]) == 7
