"""The coordinator manages the assignments per programme and LIO year, on DOMAIN.md's themes."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from internships.models import Role, Track
from portfolio.models import THEMES_BY_YEAR, Assignment, Theme
from portfolio.services import assignment_create, assignment_delete
from tests.conftest import World, client_for
from tests.factories import AssignmentWorkFactory, ProgrammeFactory
from tests.portfolio.conftest import student_of

pytestmark = pytest.mark.django_db


def _create(world: World, programme: object, year: int, theme: str) -> Assignment:
    return assignment_create(
        institution=world.institution, programme=programme, lio_year=year, theme=theme, title="T"
    )


@pytest.mark.parametrize("year", [1, 2])
def test_every_theme_of_the_year_is_accepted_and_no_other(vl_world: World, year: int) -> None:
    programme = student_of(vl_world).programme
    for theme in Theme.values:
        if theme in THEMES_BY_YEAR[year]:
            assert _create(vl_world, programme, year, theme).theme == theme
            Assignment.objects.all().delete()
        else:
            with pytest.raises(ValidationError):
                _create(vl_world, programme, year, theme)


def test_year_themes_follow_domain_md() -> None:
    assert THEMES_BY_YEAR[1] == (
        Theme.LEARNING_ENVIRONMENT,
        Theme.TEAMWORK,
        Theme.SCHOOL_COLLABORATION,
    )
    assert THEMES_BY_YEAR[2] == (
        Theme.LEARNING_ENVIRONMENT,
        Theme.CARE_POLICY,
        Theme.PUPIL_MONITORING,
        Theme.EXTERNAL_PARTNERS,
    )


def test_a_dutch_programme_has_no_assignments(world: World) -> None:
    with pytest.raises(ValidationError):
        _create(world, student_of(world).programme, 1, Theme.TEAMWORK)


def test_another_institutions_programme_is_refused(vl_world: World, other_world: World) -> None:
    foreign = ProgrammeFactory(institution=other_world.institution, track=Track.VL)
    with pytest.raises(ValidationError):
        _create(vl_world, foreign, 1, Theme.TEAMWORK)


def test_an_assignment_students_worked_on_cannot_be_deleted(
    vl_world: World, assignment: Assignment
) -> None:
    AssignmentWorkFactory(assignment=assignment, student=student_of(vl_world))
    with pytest.raises(ValidationError):
        assignment_delete(assignment=assignment)
    assert Assignment.objects.filter(pk=assignment.pk).exists()


def test_the_coordinator_adds_edits_and_deletes_through_the_pages(
    vl_world: World, other_world: World
) -> None:
    client = client_for(vl_world.people[Role.COORDINATOR])
    programme = student_of(vl_world).programme
    form = client.get(reverse("portfolio:assignment-new")).context["form"]
    assert list(form.fields["programme"].queryset) == [programme]
    data = {
        "programme": programme.pk,
        "lio_year": 1,
        "theme": Theme.TEAMWORK,
        "title": "Jouw rol in het team",
        "description": "Beschrijf.",
        "deadline": "2027-01-15",
    }
    assert client.post(reverse("portfolio:assignment-new"), data).status_code == 302
    assignment = Assignment.objects.get()

    other_programme = student_of(other_world).programme
    edit = {**data, "title": "Nieuw", "lio_year": 2, "programme": other_programme.pk}
    url = reverse("portfolio:assignment-edit", args=[assignment.pk])
    assert client.post(url, edit).status_code == 302
    assignment.refresh_from_db()
    assert (assignment.title, assignment.lio_year, assignment.programme) == ("Nieuw", 1, programme)

    wrong_theme = {**data, "title": "Zorg", "theme": Theme.CARE_POLICY}
    response = client.post(reverse("portfolio:assignment-new"), wrong_theme)
    assert response.status_code == 200
    assert response.context["form"].errors

    client.post(reverse("portfolio:assignment-delete", args=[assignment.pk]))
    assert not Assignment.objects.exists()
