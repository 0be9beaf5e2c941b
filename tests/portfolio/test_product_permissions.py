"""Who may open which page of the professional product: role × URL × status, 404 for another
student's records and another institution's, 403 for a page a role never uses, POST only for
state changes."""

import pytest
from django.test import Client
from django.urls import reverse

from internships.models import Role
from lio_portal.uploads import check_upload
from portfolio.models import DeliverableVersion, ExpertiseArea, Phase, ProfessionalProduct
from tests.conftest import World, build_world, client_for
from tests.factories import (
    ExpertiseAreaFactory,
    PersonFactory,
    PlacementFactory,
    ProfessionalProductFactory,
    RoleAssignmentFactory,
)
from tests.internships.test_permissions import ALL_ROLES
from tests.portfolio.conftest import student_of
from tests.portfolio.products import accept, in_phase_2, report, sign_evaluation, upload

pytestmark = pytest.mark.django_db

FOLLOWERS = {
    Role.COORDINATOR: 200,
    Role.GRADUATION_SUPERVISOR: 200,
    Role.PRACTICE_SUPERVISOR: 200,
    Role.MENTOR: 200,
}
EVALUATION_READERS = {
    Role.STUDENT: 200,
    Role.COORDINATOR: 200,
    Role.GRADUATION_SUPERVISOR: 200,
    Role.PRACTICE_SUPERVISOR: 200,
}


def _records() -> tuple[World, ProfessionalProduct, DeliverableVersion, ExpertiseArea]:
    """A Dutch student whose final report is accepted and whose evaluation form is signed."""
    world = build_world()
    product = in_phase_2(world)
    version = upload(world, product, Phase.DESIGN)
    accept(world, version)
    sign_evaluation(world, product)
    return world, product, version, ExpertiseAreaFactory(institution=world.institution)


def _matrix(
    product: ProfessionalProduct, version: DeliverableVersion, area: ExpertiseArea
) -> dict[str, dict[str, int]]:
    """URL → {role: status}; roles not listed expect 403."""
    student = product.student_id
    return {
        reverse("portfolio:product-mine"): {Role.STUDENT: 200},
        reverse("portfolio:product-start"): {Role.STUDENT: 302},  # approved: back to the page
        reverse("portfolio:product-list"): FOLLOWERS,
        reverse("portfolio:product-detail", args=[student]): FOLLOWERS,
        reverse("portfolio:product-version", args=[version.pk]): {Role.STUDENT: 200} | FOLLOWERS,
        reverse("portfolio:product-evaluation", args=[student]): EVALUATION_READERS,
        reverse("portfolio:product-evaluation-pdf", args=[student]): EVALUATION_READERS,
        reverse("portfolio:product-setup"): {Role.COORDINATOR: 200},
        reverse("portfolio:product-entry-edit", args=["areas", area.pk]): {Role.COORDINATOR: 200},
    }


def test_role_url_matrix_of_the_professional_product() -> None:
    world, product, version, area = _records()
    wrong = []
    for role in ALL_ROLES:
        client = client_for(world.people[role])
        for url, expected in _matrix(product, version, area).items():
            status = client.get(url).status_code
            if status != expected.get(role, 403):
                wrong.append(f"{role} {url}: {status}, expected {expected.get(role, 403)}")
    assert wrong == []


def test_anonymous_is_sent_to_login() -> None:
    _world, product, version, area = _records()
    for url in _matrix(product, version, area):
        assert Client().get(url).status_code == 302, url


def test_another_students_product_and_files_give_404() -> None:
    """IDOR: the student, a mentor, a practice supervisor and a graduation supervisor who are
    not involved with the other student get 404 for that student's records."""
    world, _product, _version, _area = _records()
    other = PlacementFactory(
        student__institution=world.institution, school=world.school, school_year=world.school_year
    ).student
    other_product = ProfessionalProductFactory(student=other)
    other_version = DeliverableVersion(product=other_product, phase=1, number=1)
    other_version.store(check_upload(report()))
    other_version.save()
    for role in (
        Role.STUDENT,
        Role.MENTOR,
        Role.PRACTICE_SUPERVISOR,
        Role.GRADUATION_SUPERVISOR,
    ):
        client = client_for(world.people[role])
        assert (
            client.get(reverse("portfolio:product-version", args=[other_version.pk])).status_code
            == 404
        ), role
        if role != Role.STUDENT:
            url = reverse("portfolio:product-detail", args=[other.pk])
            assert client.get(url).status_code == 404, role


def test_another_graduation_supervisor_of_the_institution_gets_404() -> None:
    world, product, version, _area = _records()
    colleague = RoleAssignmentFactory(
        person=PersonFactory(institution=world.institution), role=Role.GRADUATION_SUPERVISOR
    ).person
    client = client_for(colleague)
    assert (
        client.get(reverse("portfolio:product-detail", args=[product.student_id])).status_code
        == 404
    )
    assert client.get(reverse("portfolio:product-version", args=[version.pk])).status_code == 404


def test_another_institutions_records_give_404() -> None:
    _world, product, version, area = _records()
    other = build_world()
    coordinator = client_for(other.people[Role.COORDINATOR])
    for url in (
        reverse("portfolio:product-detail", args=[product.student_id]),
        reverse("portfolio:product-version", args=[version.pk]),
        reverse("portfolio:product-evaluation", args=[product.student_id]),
        reverse("portfolio:product-evaluation-pdf", args=[product.student_id]),
        reverse("portfolio:product-entry-edit", args=["areas", area.pk]),
    ):
        assert coordinator.get(url).status_code == 404, url
    response = coordinator.post(
        reverse("portfolio:product-exemption", args=[product.student_id]), {"reason": "x"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "args", "role"),
    [
        ("portfolio:product-upload", [1], Role.STUDENT),
        ("portfolio:product-approve", ["student"], Role.COORDINATOR),
        ("portfolio:product-return", ["student"], Role.COORDINATOR),
        ("portfolio:product-exemption", ["student"], Role.COORDINATOR),
        ("portfolio:product-exemption-withdraw", ["student"], Role.COORDINATOR),
        ("portfolio:product-assess", ["student", 1], Role.GRADUATION_SUPERVISOR),
        ("portfolio:product-review", ["version"], Role.GRADUATION_SUPERVISOR),
        ("portfolio:product-evaluation-resend", ["student"], Role.COORDINATOR),
        ("portfolio:product-lists-seed", [], Role.COORDINATOR),
        ("portfolio:product-entry-add", ["areas"], Role.COORDINATOR),
        ("portfolio:product-entry-toggle", ["areas", "area"], Role.COORDINATOR),
        ("portfolio:product-programme-settings", ["programme"], Role.COORDINATOR),
    ],
)
def test_state_changes_refuse_get(name: str, args: list[object], role: str) -> None:
    world, product, version, area = _records()
    values = {
        "student": product.student_id,
        "version": version.pk,
        "area": area.pk,
        "programme": student_of(world).programme_id,
    }
    url = reverse(name, args=[values.get(arg, arg) for arg in args])  # type: ignore[call-overload]
    assert client_for(world.people[role]).get(url).status_code == 405


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("portfolio:product-approve", Role.GRADUATION_SUPERVISOR),
        ("portfolio:product-exemption", Role.STUDENT),
        ("portfolio:product-assess", Role.COORDINATOR),
    ],
)
def test_a_role_that_never_does_it_gets_403(name: str, role: str) -> None:
    world, product, _version, _area = _records()
    args = [product.student_id] + ([1] if name == "portfolio:product-assess" else [])
    assert client_for(world.people[role]).post(reverse(name, args=args), {}).status_code == 403
