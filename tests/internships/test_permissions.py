"""Who may open which page: role × URL × expected status."""

import pytest
from django.test import Client
from django.urls import reverse

from internships.models import Role
from tests.conftest import World, client_for
from tests.factories import PlacementFactory

ALL_ROLES = [
    Role.STUDENT,
    Role.COORDINATOR,
    Role.STUDY_COACH,
    Role.GRADUATION_SUPERVISOR,
    Role.ASSESSOR,
    Role.MENTOR,
    Role.DIRECTOR,
    Role.SCHOOL_TEACHER_EDUCATOR,
    Role.PRACTICE_SUPERVISOR,
    Role.QUALIFIED_SUPERVISOR,
]
COORDINATOR_ONLY = {Role.COORDINATOR: 200}
STAFF = {role: 200 for role in ALL_ROLES if role not in (Role.STUDENT, Role.COORDINATOR)}

# url name → (args from the world, {role: status}); roles not listed expect 403.
MATRIX = {
    "internships:overview": (None, COORDINATOR_ONLY),
    "internships:placement-list": (None, COORDINATOR_ONLY),
    "internships:student-list": (None, COORDINATOR_ONLY),
    "internships:school-list": (None, COORDINATOR_ONLY),
    "internships:student-detail": ("student", COORDINATOR_ONLY),
    "internships:school-detail": ("school", COORDINATOR_ONLY),
    "internships:my-lio": (None, {Role.STUDENT: 200}),
    "internships:my-students": (None, STAFF),
    # Linked to the placement: student, mentor, director, study coach, school teacher educator
    # and qualified supervisor of the school, coordinator. Others of the institution: 404.
    "internships:placement-detail": (
        "placement",
        {
            Role.STUDENT: 200,
            Role.COORDINATOR: 200,
            Role.MENTOR: 200,
            Role.DIRECTOR: 200,
            Role.STUDY_COACH: 200,
            Role.SCHOOL_TEACHER_EDUCATOR: 200,
            Role.QUALIFIED_SUPERVISOR: 200,
            Role.GRADUATION_SUPERVISOR: 404,
            Role.ASSESSOR: 404,
            Role.PRACTICE_SUPERVISOR: 404,
        },
    ),
}


def _url(world: World, name: str, arg: str | None) -> str:
    objects = {
        "placement": world.placement,
        "student": world.placement.student,
        "school": world.school,
    }
    return reverse(name, args=[objects[arg].pk] if arg else [])


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(MATRIX))
@pytest.mark.parametrize("role", ALL_ROLES)
def test_role_url_matrix(world: World, url_name: str, role: str) -> None:
    arg, expected = MATRIX[url_name]
    response = client_for(world.people[role]).get(_url(world, url_name, arg))
    assert response.status_code == expected.get(role, 403)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_anonymous_is_sent_to_login(world: World, url_name: str) -> None:
    arg, _ = MATRIX[url_name]
    response = Client().get(_url(world, url_name, arg))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_a_mentor_of_another_student_gets_404(world: World) -> None:
    other = PlacementFactory(
        student__institution=world.institution, school=world.school, school_year=world.school_year
    )
    client = client_for(world.people[Role.MENTOR])
    assert client.get(reverse("internships:placement-detail", args=[other.pk])).status_code == 404
