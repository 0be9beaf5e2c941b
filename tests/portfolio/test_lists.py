"""The coach's queue, the overview per theme, the coordinator's lists: order, scope and a
fixed number of queries however many students there are."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from internships.models import Placement, Role
from portfolio.models import AssignmentWork, ProductStatus, Theme, WorkStatus
from portfolio.services import assignment_work_submit, sketch_section_add
from tests.conftest import World, client_for
from tests.factories import (
    AssignmentFactory,
    AssignmentWorkFactory,
    AttachmentFactory,
    PlacementFactory,
    ProfessionalProductFactory,
    ProfileSketchFactory,
)
from tests.portfolio.conftest import student_of

pytestmark = pytest.mark.django_db


def _coached_student(world: World, **placement: object) -> object:
    """Another student of the programme whose placement names the world's study coach."""
    fields = {"study_coach": world.people[Role.STUDY_COACH], **placement}
    return PlacementFactory(
        student__institution=world.institution,
        student__programme=student_of(world).programme,
        school=world.school,
        school_year=world.school_year,
        **fields,
    ).student


def _submitted(assignment: object, student: object, days_ago: int) -> AssignmentWork:
    work = AssignmentWorkFactory(
        assignment=assignment,
        student=student,
        status=WorkStatus.SUBMITTED,
        submitted_at=timezone.now() - timedelta(days=days_ago),
    )
    return work


def test_the_queue_lists_submissions_of_the_coachs_students_oldest_first(
    vl_world: World, assignment: object
) -> None:
    newest = _submitted(assignment, student_of(vl_world), days_ago=1)
    oldest = _submitted(assignment, _coached_student(vl_world), days_ago=9)
    middle = _submitted(assignment, _coached_student(vl_world), days_ago=4)
    AssignmentWorkFactory(assignment=assignment, student=_coached_student(vl_world))  # a draft
    not_mine = _submitted(assignment, _coached_student(vl_world, study_coach=None), days_ago=20)
    cancelled = _coached_student(vl_world, status=Placement.Status.CANCELLED)
    _submitted(assignment, cancelled, days_ago=30)

    response = client_for(vl_world.people[Role.STUDY_COACH]).get(
        reverse("portfolio:feedback-queue")
    )
    assert [work.pk for work in response.context["queue"]] == [oldest.pk, middle.pk, newest.pk]
    assert not_mine.student.person.full_name not in response.content.decode()


def test_the_overview_groups_the_years_assignments_by_theme_with_progress(
    vl_world: World,
) -> None:
    student = student_of(vl_world)
    approved = AssignmentFactory(programme=student.programme, theme=Theme.TEAMWORK)
    AssignmentFactory(programme=student.programme, theme=Theme.TEAMWORK)
    AssignmentFactory(programme=student.programme, lio_year=2, theme=Theme.CARE_POLICY)
    AssignmentWorkFactory(assignment=approved, student=student, status=WorkStatus.APPROVED)
    response = client_for(vl_world.people[Role.STUDENT]).get(reverse("portfolio:mine"))
    themes = response.context["themes"]
    assert [progress.theme for progress in themes] == [
        Theme.LEARNING_ENVIRONMENT,
        Theme.TEAMWORK,
        Theme.SCHOOL_COLLABORATION,
    ]
    teamwork = themes[1]
    assert (teamwork.approved, len(teamwork.rows), teamwork.percent) == (1, 2, 50)
    year_two = client_for(vl_world.people[Role.STUDENT]).get(reverse("portfolio:mine") + "?year=2")
    assert [p.theme for p in year_two.context["themes"]][1:] == [
        Theme.CARE_POLICY,
        Theme.PUPIL_MONITORING,
        Theme.EXTERNAL_PARTNERS,
    ]


def _fill(world: World, assignment: object, students: int) -> None:
    for _ in range(students):
        student = _coached_student(world)
        work = _submitted(assignment, student, days_ago=2)
        AttachmentFactory(work=work)
        ProfileSketchFactory(student__institution=world.institution)


@pytest.mark.parametrize(
    ("role", "url_name", "queries"),
    [
        (Role.STUDY_COACH, "portfolio:feedback-queue", 6),
        (Role.COORDINATOR, "portfolio:student-list", 6),
        (Role.COORDINATOR, "portfolio:assignment-list", 6),
        (Role.STUDENT, "portfolio:mine", 7),
    ],
)
def test_list_pages_use_a_fixed_number_of_queries(
    vl_world: World,
    assignment: object,
    django_assert_num_queries: object,
    role: str,
    url_name: str,
    queries: int,
) -> None:
    _fill(vl_world, assignment, students=4)
    client = client_for(vl_world.people[role])
    with django_assert_num_queries(queries):  # type: ignore[operator]
        assert client.get(reverse(url_name)).status_code == 200
    _fill(vl_world, assignment, students=3)
    with django_assert_num_queries(queries):  # type: ignore[operator]
        client.get(reverse(url_name))


def test_the_sketch_list_uses_a_fixed_number_of_queries(
    world: World, django_assert_num_queries: object
) -> None:
    supervisor = world.people[Role.GRADUATION_SUPERVISOR]
    for _ in range(3):
        sketch = ProfileSketchFactory(
            student__institution=world.institution, status=WorkStatus.SUBMITTED
        )
        ProfessionalProductFactory(
            student=sketch.student,
            status=ProductStatus.PHASE_1,
            approved_on=timezone.localdate(),
            graduation_supervisor=supervisor,
        )
    client = client_for(supervisor)
    with django_assert_num_queries(6):  # type: ignore[operator]
        assert client.get(reverse("portfolio:sketch-list")).status_code == 200


@pytest.mark.parametrize(
    ("role", "url"),
    [
        (Role.STUDENT, "portfolio:mine"),
        (Role.STUDY_COACH, "portfolio:feedback-queue"),
        (Role.COORDINATOR, "portfolio:student-list"),
        (Role.COORDINATOR, "portfolio:assignment-list"),
        (Role.COORDINATOR, "portfolio:assignment-new"),
        (Role.COORDINATOR, "portfolio:sketch-list"),
    ],
)
def test_every_page_has_exactly_one_h1(vl_world: World, role: str, url: str) -> None:
    page = client_for(vl_world.people[role]).get(reverse(url)).content.decode()
    assert len(re.findall(r"<h1[\s>]", page)) == 1


def test_the_dutch_students_pages_have_exactly_one_h1(world: World) -> None:
    section = sketch_section_add(student=student_of(world), heading="Ik", text="x")
    client = client_for(world.people[Role.STUDENT])
    for url in (reverse("portfolio:mine"), reverse("portfolio:section-edit", args=[section.pk])):
        assert len(re.findall(r"<h1[\s>]", client.get(url).content.decode())) == 1


def test_the_work_detail_has_one_h1(vl_world: World, assignment: object) -> None:
    student = student_of(vl_world)
    assignment_work_submit(assignment=assignment, student=student, text="x", actor=None)
    work = AssignmentWork.objects.get()
    page = client_for(vl_world.people[Role.STUDY_COACH]).get(
        reverse("portfolio:work-detail", args=[work.pk])
    )
    assert len(re.findall(r"<h1[\s>]", page.content.decode())) == 1
    assert page.context["form"] is not None
