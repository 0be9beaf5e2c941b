"""Institutions never see each other's records: other institution → 404, also by guessing URLs."""

import pytest
from django.urls import reverse

from internships.models import Role
from tests.conftest import World, client_for


def _record_urls(world: World) -> list[str]:
    return [
        reverse("internships:placement-detail", args=[world.placement.pk]),
        reverse("internships:student-detail", args=[world.placement.student.pk]),
        reverse("internships:school-detail", args=[world.school.pk]),
    ]


@pytest.mark.django_db
def test_coordinator_gets_404_on_every_record_of_another_institution(
    world: World, other_world: World
) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    for url in _record_urls(other_world):
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_coordinator_opens_every_record_of_own_institution(world: World) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    for url in _record_urls(world):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name",
    ["internships:placement-list", "internships:student-list", "internships:school-list"],
)
def test_lists_show_only_own_institution(world: World, other_world: World, url_name: str) -> None:
    response = client_for(world.people[Role.COORDINATOR]).get(reverse(url_name))
    content = response.content.decode()
    assert response.status_code == 200
    assert world.placement.student.person.last_name in content or world.school.name in content
    assert other_world.school.name not in content
    assert other_world.placement.student.student_number not in content


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.STUDENT, Role.MENTOR, Role.DIRECTOR, Role.STUDY_COACH])
def test_linked_people_get_404_on_another_institutions_placement(
    world: World, other_world: World, role: str
) -> None:
    client = client_for(world.people[role])
    url = reverse("internships:placement-detail", args=[other_world.placement.pk])
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_person_of_two_institutions_sees_only_the_active_one(
    world: World, other_world: World
) -> None:
    mentor = world.people[Role.MENTOR]
    other_mentor = other_world.people[Role.MENTOR]
    other_mentor.user = mentor.user
    other_mentor.save()
    client = client_for(mentor)
    own_url = reverse("internships:placement-detail", args=[world.placement.pk])
    other_url = reverse("internships:placement-detail", args=[other_world.placement.pk])
    assert client.get(own_url).status_code == 200
    assert client.get(other_url).status_code == 404

    response = client.post(
        reverse("internships:institution-switch"), {"institution": other_world.institution.pk}
    )
    assert response.status_code == 302
    assert client.get(other_url).status_code == 200
    assert client.get(own_url).status_code == 404


@pytest.mark.django_db
def test_switching_to_an_institution_you_do_not_belong_to_is_404(
    world: World, other_world: World
) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    response = client.post(
        reverse("internships:institution-switch"), {"institution": other_world.institution.pk}
    )
    assert response.status_code == 404
