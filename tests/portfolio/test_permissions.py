"""Who may open which portfolio page: role × URL × expected status, and 404 for records of
someone else (another student, another coach's student, another institution)."""

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from internships.models import Country, Role
from portfolio.services import (
    assignment_work_submit,
    attachment_add,
    profile_sketch_submit,
    sketch_image_add,
    sketch_section_add,
)
from tests.conftest import World, build_world, client_for
from tests.factories import AssignmentFactory, PlacementFactory
from tests.internships.test_permissions import ALL_ROLES
from tests.portfolio.conftest import (
    assign_graduation_supervisor,
    pdf_upload,
    png_upload,
    student_of,
)

pytestmark = pytest.mark.django_db

READERS = {Role.STUDENT: 200, Role.STUDY_COACH: 200, Role.COORDINATOR: 200}
STAFF_READERS = {Role.STUDY_COACH: 200, Role.COORDINATOR: 200}
SKETCH_READERS = {Role.STUDENT: 200, Role.GRADUATION_SUPERVISOR: 200, Role.COORDINATOR: 200}


@dataclass
class Records:
    world: World
    objects: dict[str, object]


def _vl_records() -> Records:
    """A Flemish student with a submitted assignment and an attachment."""
    world = build_world(Country.BE)
    student = student_of(world)
    assignment = AssignmentFactory(programme=student.programme, lio_year=1)
    attachment = attachment_add(
        assignment=assignment, student=student, upload=pdf_upload(), actor=student.person
    )
    assignment_work_submit(assignment=assignment, student=student, text="x", actor=student.person)
    objects = {
        "assignment": assignment,
        "attachment": attachment,
        "work": attachment.work,
        "student": student,
    }
    return Records(world, objects)


def _nl_records() -> Records:
    """A Dutch student with a submitted profile sketch with an image."""
    world = build_world(Country.NL)
    assign_graduation_supervisor(world)
    section = sketch_section_add(student=student_of(world), heading="Wie ben ik?", text="x")
    image = sketch_image_add(
        section=section, upload=png_upload(), alt_text="Mijn klas", caption="", actor=None
    )
    profile_sketch_submit(sketch=section.sketch, actor=None)
    return Records(world, {"section": section, "image": image, "sketch": section.sketch})


# url name → (object it takes, {role: status}); roles not listed expect 403.
VL_MATRIX = {
    "portfolio:mine": (None, {Role.STUDENT: 200}),
    "portfolio:assignment-work": ("assignment", {Role.STUDENT: 200}),
    "portfolio:attachment-download": ("attachment", READERS),
    "portfolio:feedback-queue": (None, {Role.STUDY_COACH: 200}),
    "portfolio:work-detail": ("work", STAFF_READERS),
    "portfolio:student-portfolio": ("student", STAFF_READERS),
    "portfolio:portfolio-pdf": ("student", READERS),
    "portfolio:student-list": (None, {Role.COORDINATOR: 200}),
    "portfolio:assignment-list": (None, {Role.COORDINATOR: 200}),
    "portfolio:assignment-new": (None, {Role.COORDINATOR: 200}),
    "portfolio:assignment-edit": ("assignment", {Role.COORDINATOR: 200}),
    "portfolio:sketch-list": (None, {Role.GRADUATION_SUPERVISOR: 200, Role.COORDINATOR: 200}),
}
NL_MATRIX = {
    "portfolio:mine": (None, {Role.STUDENT: 200}),
    "portfolio:section-edit": ("section", {Role.STUDENT: 200}),
    "portfolio:sketch-image": ("image", SKETCH_READERS),
    "portfolio:sketch-pdf": ("sketch", SKETCH_READERS),
    "portfolio:sketch-detail": (
        "sketch",
        {Role.GRADUATION_SUPERVISOR: 200, Role.COORDINATOR: 200},
    ),
    "portfolio:sketch-list": (None, {Role.GRADUATION_SUPERVISOR: 200, Role.COORDINATOR: 200}),
}


def _url(records: Records, name: str, key: str | None) -> str:
    return reverse(name, args=[records.objects[key].pk] if key else [])  # type: ignore[attr-defined]


def _check(records: Records, matrix: dict[str, tuple[str | None, dict[str, int]]]) -> list[str]:
    wrong = []
    for role in ALL_ROLES:
        client = client_for(records.world.people[role])
        for name, (key, expected) in matrix.items():
            status = client.get(_url(records, name, key)).status_code
            if status != expected.get(role, 403):
                wrong.append(f"{role} {name}: {status}, expected {expected.get(role, 403)}")
    return wrong


def test_role_url_matrix_of_the_assignment_portfolio() -> None:
    assert _check(_vl_records(), VL_MATRIX) == []


def test_role_url_matrix_of_the_profile_sketch() -> None:
    assert _check(_nl_records(), NL_MATRIX) == []


def test_anonymous_is_sent_to_login() -> None:
    records = _vl_records()
    for name, (key, _expected) in VL_MATRIX.items():
        response = Client().get(_url(records, name, key))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("accounts:login"))


def _other_student_records(records: Records) -> Records:
    """Another student of the same institution and programme, with their own coach."""
    world = records.world
    placement = PlacementFactory(
        student__institution=world.institution,
        student__programme=student_of(world).programme,
        school=world.school,
        school_year=world.school_year,
    )
    student = placement.student
    assignment = records.objects["assignment"]
    attachment = attachment_add(
        assignment=assignment, student=student, upload=pdf_upload(), actor=student.person
    )
    assignment_work_submit(assignment=assignment, student=student, text="y", actor=student.person)
    return Records(world, {"attachment": attachment, "work": attachment.work, "student": student})


def test_another_students_file_url_gives_404() -> None:
    records = _vl_records()
    other = _other_student_records(records)
    student = client_for(records.world.people[Role.STUDENT])
    coach = client_for(records.world.people[Role.STUDY_COACH])
    for name in ("portfolio:attachment-download", "portfolio:portfolio-pdf"):
        key = "attachment" if "attachment" in name else "student"
        assert student.get(_url(other, name, key)).status_code == 404
        assert coach.get(_url(other, name, key)).status_code == 404
    assert coach.get(_url(other, "portfolio:work-detail", "work")).status_code == 404
    remove = reverse("portfolio:attachment-delete", args=[other.objects["attachment"].pk])
    assert student.post(remove).status_code == 404
    coordinator = client_for(records.world.people[Role.COORDINATOR])
    assert (
        coordinator.get(_url(other, "portfolio:attachment-download", "attachment")).status_code
        == 200
    )


def test_another_students_sketch_image_gives_404() -> None:
    records = _nl_records()
    world = records.world
    other_student = PlacementFactory(
        student__institution=world.institution, school=world.school, school_year=world.school_year
    ).student
    section = sketch_section_add(student=other_student, heading="Ik", text="x")
    image = sketch_image_add(
        section=section, upload=png_upload(), alt_text="a", caption="", actor=None
    )
    client = client_for(world.people[Role.STUDENT])
    assert client.get(reverse("portfolio:sketch-image", args=[image.pk])).status_code == 404
    assert client.get(reverse("portfolio:section-edit", args=[section.pk])).status_code == 404
    assert client.get(reverse("portfolio:sketch-pdf", args=[section.sketch.pk])).status_code == 404


def test_another_institutions_records_give_404() -> None:
    vl, nl = _vl_records(), _nl_records()
    checks = [
        (vl.world.people[Role.COORDINATOR], nl, "portfolio:sketch-detail", "sketch"),
        (vl.world.people[Role.COORDINATOR], nl, "portfolio:sketch-image", "image"),
        (vl.world.people[Role.GRADUATION_SUPERVISOR], nl, "portfolio:sketch-pdf", "sketch"),
        (nl.world.people[Role.COORDINATOR], vl, "portfolio:attachment-download", "attachment"),
        (nl.world.people[Role.COORDINATOR], vl, "portfolio:work-detail", "work"),
        (nl.world.people[Role.COORDINATOR], vl, "portfolio:student-portfolio", "student"),
        (nl.world.people[Role.COORDINATOR], vl, "portfolio:assignment-edit", "assignment"),
        (nl.world.people[Role.STUDENT], vl, "portfolio:assignment-work", "assignment"),
    ]
    for person, records, name, key in checks:
        assert client_for(person).get(_url(records, name, key)).status_code == 404, name


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("portfolio:attachment-upload", "assignment"),
        ("portfolio:attachment-delete", "attachment"),
        ("portfolio:work-review", "work"),
        ("portfolio:assignment-delete", "assignment"),
    ],
)
def test_state_changes_refuse_get(name: str, key: str) -> None:
    records = _vl_records()
    role = {
        "portfolio:work-review": Role.STUDY_COACH,
        "portfolio:assignment-delete": Role.COORDINATOR,
    }
    client = client_for(records.world.people[role.get(name, Role.STUDENT)])
    assert client.get(_url(records, name, key)).status_code == 405


@pytest.mark.parametrize("name", ["portfolio:sketch-submit", "portfolio:section-add"])
def test_sketch_state_changes_refuse_get(name: str) -> None:
    records = _nl_records()
    client = client_for(records.world.people[Role.STUDENT])
    assert client.get(reverse(name)).status_code == 405
