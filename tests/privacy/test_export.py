"""The personal-data export: the zip's structure and content, permissions, query count."""

import io
import json
import zipfile

import pytest
from django.urls import reverse
from django.utils.html import escape

from internships.models import Role
from privacy.export import personal_data_collect, safe_file_name
from privacy.models import DataExport
from privacy.registry import sections
from tests.conftest import client_for
from tests.factories import RoleAssignmentFactory, SchoolFactory, StudentProfileFactory

from .records import student_with_records

pytestmark = pytest.mark.django_db

# A student holds no school role and receives no personal links (people without an account do).
STAFF_ONLY = {"roles", "personal_links"}


def _export(world, person) -> zipfile.ZipFile:
    client = client_for(world.people[Role.COORDINATOR])
    response = client.post(reverse("privacy:person-export", args=[person.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_holds_every_section_every_file_and_a_readme(world) -> None:
    records = student_with_records(world, student=world.placement.student)
    archive = _export(world, records.student.person)
    names = set(archive.namelist())
    assert {f"{section.name}.json" for section in sections()} <= names
    assert "README.txt" in names
    empty = set()
    for section in sections():
        document = json.loads(archive.read(f"{section.name}.json"))
        assert document["section"] == section.name and document["format"] == 1
        assert document["count"] == len(document["records"])
        if not document["records"]:
            empty.add(section.name)
    assert empty == STAFF_ONLY
    files = sorted(name for name in names if name.startswith("files/"))
    # start application, assessment lesson and evaluation form PDFs, lesson preparation,
    # portfolio attachment, sketch image, product deliverable
    assert len(files) == 7
    assert all(".." not in name.split("/") for name in files)
    assert archive.read(files[0]).startswith((b"%PDF", b"\x89PNG"))
    readme = archive.read("README.txt").decode()
    assert "observations.json" in readme and "files/" in readme


def test_records_carry_iso_dates_and_names_not_secrets(world) -> None:
    records = student_with_records(world, student=world.placement.student)
    archive = _export(world, records.student.person)
    days = json.loads(archive.read("lio_days.json"))["records"]
    assert days[0]["date"] == "2016-02-01"
    placements = json.loads(archive.read("placements.json"))["records"]
    assert placements[-1]["mentor_full_name"] == world.people[Role.MENTOR].full_name
    links = json.loads(archive.read("personal_links.json"))
    assert all("token_hash" not in link for link in links["records"])
    preparation = json.loads(archive.read("lesson_preparations.json"))["records"][0]
    assert preparation["file"].startswith("files/lesson_preparations/")
    assert preparation["file"] in archive.namelist()


def test_no_data_of_another_student_is_inside(world) -> None:
    records = student_with_records(world, student=world.placement.student)
    other = StudentProfileFactory(
        institution=world.institution, programme=records.student.programme
    )
    student_with_records(world, student=other)
    archive = _export(world, records.student.person)
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert records.student.person.last_name.encode() in everything
    assert other.person.last_name.encode() not in everything
    assert other.person.email.encode() not in everything


def test_the_export_is_logged_for_coordinators(world) -> None:
    person = world.people[Role.MENTOR]
    _export(world, person)
    export = DataExport.objects.get(person=person)
    assert export.exported_by == world.people[Role.COORDINATOR]
    client = client_for(world.people[Role.COORDINATOR])
    page = client.get(reverse("privacy:export-log")).content.decode()
    assert escape(person.full_name) in page
    assert escape(world.people[Role.COORDINATOR].full_name) in page


def test_a_staff_person_gets_their_roles_and_what_they_wrote(world) -> None:
    student_with_records(world, student=world.placement.student)
    data = personal_data_collect(person=world.people[Role.MENTOR])
    assert data.records["roles"][0]["role"] == Role.MENTOR
    assert len(data.records["observations"]) == 1
    assert len(data.records["signatures"]) == 1
    assert len(data.records["personal_links"]) == 1
    assert data.records["student"] == []
    assert data.records["intervisions"] == []


@pytest.mark.parametrize("copies", [1, 2])
def test_the_query_count_does_not_grow_with_the_records(
    world, copies: int, django_assert_num_queries
) -> None:
    records = student_with_records(world, student=world.placement.student, copies=copies)
    personal_data_collect(person=records.student.person)  # content types cached
    with django_assert_num_queries(len(sections())):
        personal_data_collect(person=records.student.person)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("a\x00b.pdf", "ab.pdf"),
        (".hidden", "hidden"),
        ("x" * 300 + ".pdf", "x" * 96 + ".pdf"),
        ("", "file"),
        ("..", "file"),
    ],
)
def test_file_names_in_the_zip_are_made_safe(name: str, expected: str) -> None:
    assert safe_file_name(name) == expected


@pytest.mark.parametrize(
    ("role", "status"),
    [(role, 403) for role in Role if role != Role.COORDINATOR] + [(Role.COORDINATOR, 200)],
)
def test_only_the_coordinator_may_export(world, role: str, status: int) -> None:
    client = client_for(world.people[role])
    person = world.people[Role.STUDENT]
    assert client.get(reverse("privacy:people")).status_code == status
    assert client.get(reverse("privacy:person", args=[person.pk])).status_code == status
    assert client.get(reverse("privacy:export-log")).status_code == status
    response = client.post(reverse("privacy:person-export", args=[person.pk]))
    assert response.status_code == status
    assert DataExport.objects.exists() == (status == 200)


def test_another_institutions_person_is_not_found(world, other_world) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    person = other_world.people[Role.STUDENT]
    assert client.get(reverse("privacy:person", args=[person.pk])).status_code == 404
    assert client.post(reverse("privacy:person-export", args=[person.pk])).status_code == 404
    assert not DataExport.objects.exists()


def test_the_download_is_post_only(world) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    url = reverse("privacy:person-export", args=[world.people[Role.STUDENT].pk])
    assert client.get(url).status_code == 405


def test_anonymous_users_are_sent_to_the_login(client, world) -> None:
    response = client.get(reverse("privacy:people"))
    assert response.status_code == 302


def test_the_people_list_names_a_role_held_at_two_schools_once(world) -> None:
    mentor = world.people[Role.MENTOR]
    RoleAssignmentFactory(
        person=mentor, role=Role.MENTOR, school=SchoolFactory(institution=world.institution)
    )
    client = client_for(world.people[Role.COORDINATOR])
    page = client.get(reverse("privacy:people"), {"q": mentor.email}).content.decode()
    assert page.count("Mentor") == 1
