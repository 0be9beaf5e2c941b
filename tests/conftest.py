"""Personas as fixtures: one institution with every role, plus an outsider institution."""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client

from audit.writes import unaudited_writes
from internships.models import Country, Placement, Role
from tests import audit_guard, pipeline_guard
from tests.factories import (
    TEST_PASSWORD,
    InstitutionFactory,
    PersonFactory,
    PlacementFactory,
    RoleAssignmentFactory,
    SchoolFactory,
    SchoolYearFactory,
    StudentProfileFactory,
)


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings: pytest.FixtureRequest) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _login_lockout_off(settings: object) -> None:
    """`Client.login()` authenticates without a request, which django-axes refuses; the lockout
    tests (tests/accounts/test_lockout.py) switch it back on."""
    settings.AXES_ENABLED = False  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _private_files_in_tmp(settings: object, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Uploads go to a temporary folder, never into the project's private-files/."""
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "private-files"  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _audited_writes_guard(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Services never use .update() or bulk writes on audited models (tests/audit_guard.py);
    `@pytest.mark.unaudited_writes` marks a test that does so on purpose."""
    audit_guard.install(monkeypatch)
    if request.node.get_closest_marker("unaudited_writes") is None:
        yield
        return
    with unaudited_writes():
        yield


@pytest.fixture(autouse=True)
def _pipeline_stages_kept(request: pytest.FixtureRequest) -> Iterator[None]:
    """At the end of every test with the database: no placement has a stale pipeline stage
    or stale action dates (tests/pipeline_guard.py)."""
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if marker is None and not names & {"db", "transactional_db"}:
        yield
        return
    transactional = "transactional_db" in names or bool(marker and marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    yield
    if connection.closed_in_transaction:  # the test closed the connection (the scheduler does)
        return
    stale = pipeline_guard.stale_stages()
    assert not stale, f"pipeline stage not refreshed (placement, stored, derived): {stale}"
    stale = pipeline_guard.stale_action_dates()
    assert not stale, f"action dates not refreshed (placement, stored, derived): {stale}"


@dataclass
class World:
    """An institution with a school, a placement and a person in every role."""

    institution: object
    school: object
    school_year: object
    placement: Placement
    people: dict[str, object]


def build_world(country: str = Country.NL) -> World:
    institution = InstitutionFactory(country=country)
    school = SchoolFactory(institution=institution)
    school_year = SchoolYearFactory(institution=institution)
    people = {}
    for role in (Role.COORDINATOR, Role.STUDY_COACH, Role.GRADUATION_SUPERVISOR, Role.ASSESSOR):
        people[role] = RoleAssignmentFactory(
            person=PersonFactory(institution=institution), role=role
        ).person
    for role in (
        Role.MENTOR,
        Role.DIRECTOR,
        Role.SCHOOL_TEACHER_EDUCATOR,
        Role.PRACTICE_SUPERVISOR,
        Role.QUALIFIED_SUPERVISOR,
    ):
        people[role] = RoleAssignmentFactory(
            person=PersonFactory(institution=institution), role=role, school=school
        ).person
    student = StudentProfileFactory(institution=institution)
    people[Role.STUDENT] = student.person
    placement = PlacementFactory(
        student=student,
        school=school,
        school_year=school_year,
        mentor=people[Role.MENTOR],
        director=people[Role.DIRECTOR],
        study_coach=people[Role.STUDY_COACH],
    )
    return World(institution, school, school_year, placement, people)


@pytest.fixture
def world(db: None) -> World:
    return build_world()


@pytest.fixture
def other_world(db: None) -> World:
    """Another institution (Flemish), whose records must stay invisible."""
    return build_world(Country.BE)


def client_for(person: object) -> Client:
    client = Client()
    assert client.login(username=person.user.email, password=TEST_PASSWORD)  # type: ignore[attr-defined]
    return client
