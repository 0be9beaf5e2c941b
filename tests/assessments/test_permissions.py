"""Who may open which assessment page: role × URL × expected status; other institutions 404;
state changes POST-only."""

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from assessments.models import LessonAssessment, LessonPreparation
from internships.models import Role
from portfolio.demo_files import tiny_pdf
from tests.conftest import World, client_for
from tests.factories import LessonAssessmentFactory, StudentProfileFactory

pytestmark = pytest.mark.django_db

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
# The world's assessment: assessed by the ASSESSOR with the SCHOOL_TEACHER_EDUCATOR; the
# GRADUATION_SUPERVISOR and QUALIFIED_SUPERVISOR hold a role that uses the page, but not here.
NOT_THEIRS = {Role.GRADUATION_SUPERVISOR: 404, Role.QUALIFIED_SUPERVISOR: 404}
EVERYONE_INVOLVED = {
    Role.COORDINATOR: 200,
    Role.STUDENT: 200,
    Role.ASSESSOR: 200,
    Role.SCHOOL_TEACHER_EDUCATOR: 200,
    Role.MENTOR: 200,
    **NOT_THEIRS,
}
NOT_THE_MENTOR = {**EVERYONE_INVOLVED, Role.MENTOR: 403}

# url name → (argument, {role: status}); roles not listed expect 403.
MATRIX = {
    "assessments:list": (
        None,
        {
            Role.COORDINATOR: 200,
            Role.GRADUATION_SUPERVISOR: 200,
            Role.ASSESSOR: 200,
            Role.SCHOOL_TEACHER_EDUCATOR: 200,
            Role.QUALIFIED_SUPERVISOR: 200,
            Role.MENTOR: 200,
        },
    ),
    "assessments:mine": (None, {Role.STUDENT: 200}),
    "assessments:schedule": ("placement", COORDINATOR_ONLY),
    "assessments:assessor-assign": ("placement", COORDINATOR_ONLY),
    "assessments:detail": ("open", EVERYONE_INVOLVED),
    "assessments:schedule-edit": ("open", COORDINATOR_ONLY),
    "assessments:form": ("open", {Role.ASSESSOR: 200, Role.GRADUATION_SUPERVISOR: 404}),
    "assessments:preparation-download": ("open", NOT_THE_MENTOR),
    "assessments:ics": ("open", EVERYONE_INVOLVED),
    "assessments:pdf": ("done", NOT_THE_MENTOR),
}


@dataclass
class Setup:
    world: World
    open: LessonAssessment
    done: LessonAssessment


def _assessment(world: World, **kwargs: object) -> LessonAssessment:
    return LessonAssessmentFactory(  # type: ignore[no-any-return]
        placement=world.placement,
        assessor=world.people[Role.ASSESSOR],
        co_assessor=world.people[Role.SCHOOL_TEACHER_EDUCATOR],
        **kwargs,
    )


@pytest.fixture
def setup(world: World) -> Setup:
    done = _assessment(world, status="completed", result="pass", result_motivation="Goed.")
    open_visit = _assessment(world)
    preparation = LessonPreparation(assessment=open_visit, original_name="les.pdf")
    preparation.content_type, preparation.size = "application/pdf", 100
    preparation.file.save("les.pdf", ContentFile(tiny_pdf("Les")), save=False)
    preparation.save()
    return Setup(world, open_visit, done)


def _url(setup: Setup, name: str, arg: str | None) -> str:
    objects = {"placement": setup.world.placement, "open": setup.open, "done": setup.done}
    return reverse(name, args=[objects[arg].pk] if arg else [])


@pytest.mark.parametrize("url_name", sorted(MATRIX))
@pytest.mark.parametrize("role", ALL_ROLES)
def test_role_url_matrix(setup: Setup, url_name: str, role: str) -> None:
    arg, expected = MATRIX[url_name]
    response = client_for(setup.world.people[role]).get(_url(setup, url_name, arg))
    assert response.status_code == expected.get(role, 403)


@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_anonymous_is_sent_to_login(setup: Setup, url_name: str) -> None:
    arg, _expected = MATRIX[url_name]
    response = Client().get(_url(setup, url_name, arg))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("url_name", sorted(name for name, (arg, _) in MATRIX.items() if arg))
@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ASSESSOR])
def test_another_institution_gets_404(
    setup: Setup, other_world: World, url_name: str, role: str
) -> None:
    arg, expected = MATRIX[url_name]
    response = client_for(other_world.people[role]).get(_url(setup, url_name, arg))
    assert response.status_code == (404 if expected.get(role) else 403)


@pytest.mark.parametrize("url_name", ["assessments:cancel", "assessments:preparation-upload"])
def test_state_changes_are_post_only(setup: Setup, url_name: str) -> None:
    role = Role.COORDINATOR if url_name == "assessments:cancel" else Role.STUDENT
    response = client_for(setup.world.people[role]).get(reverse(url_name, args=[setup.open.pk]))
    assert response.status_code == 405


@pytest.mark.parametrize("role", [r for r in ALL_ROLES if r != Role.COORDINATOR])
def test_only_the_coordinator_cancels(setup: Setup, role: str) -> None:
    response = client_for(setup.world.people[role]).post(
        reverse("assessments:cancel", args=[setup.open.pk]), {"reason": "Weg."}
    )
    assert response.status_code == 403
    setup.open.refresh_from_db()
    assert setup.open.status == LessonAssessment.Status.SCHEDULED


@pytest.mark.parametrize("role", [r for r in ALL_ROLES if r != Role.STUDENT])
def test_only_the_student_uploads_the_preparation(setup: Setup, role: str) -> None:
    response = client_for(setup.world.people[role]).post(
        reverse("assessments:preparation-upload", args=[setup.open.pk]),
        {"lesson_sequence": "Reeks."},
    )
    assert response.status_code == 403


def test_another_student_gets_404(setup: Setup) -> None:
    other = StudentProfileFactory(institution=setup.world.institution)
    client = client_for(other.person)
    assert client.get(reverse("assessments:detail", args=[setup.open.pk])).status_code == 404
    upload = client.post(
        reverse("assessments:preparation-upload", args=[setup.open.pk]),
        {"lesson_sequence": "Reeks."},
    )
    assert upload.status_code == 404


def test_the_coordinator_of_another_institution_cannot_cancel(
    setup: Setup, other_world: World
) -> None:
    response = client_for(other_world.people[Role.COORDINATOR]).post(
        reverse("assessments:cancel", args=[setup.open.pk]), {"reason": "Weg."}
    )
    assert response.status_code == 404
