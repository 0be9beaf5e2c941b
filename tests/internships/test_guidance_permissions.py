"""Who may open the guidance pages: role × URL × expected status; another institution → 404."""

import pytest
from django.test import Client
from django.urls import reverse

from internships.models import Observation, Role
from tests.conftest import World, client_for
from tests.factories import IntervisionSessionFactory, ObservationFactory, stage_follows
from tests.internships.support_guidance import vl_world
from tests.internships.test_permissions import ALL_ROLES

pytestmark = pytest.mark.django_db

LINKED = {
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
}
STAFF = {Role.COORDINATOR: 200, Role.STUDY_COACH: 200}

# url name → (object from the world, {role: status}); roles not listed expect 403.
VL_MATRIX = {
    "internships:placement-observations": ("placement", LINKED),
    "internships:observation-detail": ("draft", LINKED),
    "internships:observation-new": ("placement", {Role.MENTOR: 200}),
    "internships:observation-edit": ("draft", {Role.MENTOR: 200}),
    "internships:observation-correct": ("signed", {Role.MENTOR: 200}),
    "internships:my-observations": (None, {Role.STUDENT: 200}),
    "internships:mentor-observations": (None, {Role.MENTOR: 200}),
    "internships:short-months": (None, {Role.COORDINATOR: 200}),
    "internships:intervision-list": (None, STAFF),
    "internships:intervision-new": (None, STAFF),
    "internships:intervision-detail": ("session", STAFF),
    "internships:intervision-missed": (None, {Role.COORDINATOR: 200}),
    "internships:my-intervisions": (None, {Role.STUDENT: 200}),
    "internships:talk-slots": (None, STAFF),
}
NL_MATRIX = {
    "internships:feedforward": ("placement", LINKED),
    "internships:my-feedforward": (None, {Role.STUDENT: 200}),
}


@pytest.fixture
def vl() -> World:
    return vl_world()


def _objects(world: World) -> dict[str, object]:
    placement = world.placement
    return {
        "placement": placement,
        "draft": ObservationFactory(placement=placement, observed_on=placement.start_date),
        "signed": ObservationFactory(
            placement=placement, observed_on=placement.start_date, status=Observation.Status.SIGNED
        ),
        "session": IntervisionSessionFactory(programme=placement.student.programme),
    }


def _url(objects: dict[str, object], name: str, arg: str | None) -> str:
    return reverse(name, args=[objects[arg].pk] if arg else [])  # type: ignore[attr-defined]


@pytest.mark.parametrize("url_name", sorted(VL_MATRIX))
@pytest.mark.parametrize("role", ALL_ROLES)
def test_vl_role_url_matrix(vl: World, url_name: str, role: str) -> None:
    arg, expected = VL_MATRIX[url_name]
    response = client_for(vl.people[role]).get(_url(_objects(vl), url_name, arg))
    assert response.status_code == expected.get(role, 403)


@pytest.mark.parametrize("url_name", sorted(NL_MATRIX))
@pytest.mark.parametrize("role", ALL_ROLES)
def test_nl_role_url_matrix(world: World, url_name: str, role: str) -> None:
    world.placement.status = "active"
    world.placement.save()
    stage_follows(world.placement)
    arg, expected = NL_MATRIX[url_name]
    response = client_for(world.people[role]).get(
        _url({"placement": world.placement}, url_name, arg)
    )
    assert response.status_code == expected.get(role, 403)


@pytest.mark.parametrize("url_name", sorted(VL_MATRIX | NL_MATRIX))
def test_anonymous_is_sent_to_login(vl: World, url_name: str) -> None:
    arg, _expected = (VL_MATRIX | NL_MATRIX)[url_name]
    response = Client().get(_url(_objects(vl), url_name, arg))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("url_name", "arg"),
    [(name, arg) for name, (arg, _e) in VL_MATRIX.items() if arg],
)
def test_another_institutions_records_are_404(vl: World, url_name: str, arg: str) -> None:
    other = vl_world()
    url = _url(_objects(other), url_name, arg)
    for role in (Role.COORDINATOR, Role.MENTOR, Role.STUDY_COACH):
        status = client_for(vl.people[role]).get(url).status_code
        assert status in (403, 404)
        if VL_MATRIX[url_name][1].get(role) == 200:
            assert status == 404


def test_the_public_booking_page_needs_no_login(vl: World) -> None:
    url = reverse("internships:talk-book", args=[vl.placement.student.programme.pk])
    assert Client().get(url).status_code == 200
