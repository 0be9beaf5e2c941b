"""The navigation bar per role: short enough to fit, with groups as dropdowns."""

import pytest
from django.urls import reverse

from internships.models import Country, Role
from tests.conftest import build_world, client_for

pytestmark = pytest.mark.django_db


def _navigation(person) -> list[dict]:
    response = client_for(person).get(reverse("home"), follow=True)
    return response.context["nav_items"]


def _labels(items: list[dict]) -> list[str]:
    return [str(item["label"]) for item in items]


def test_a_dutch_student_sees_four_entries_with_the_rest_in_dropdowns() -> None:
    items = _navigation(build_world(Country.NL).people[Role.STUDENT])
    assert _labels(items) == ["Mijn LIO", "Planning", "Feedforward", "Portfolio en beoordeling"]
    planning, work = items[1], items[3]
    assert _labels(planning["children"]) == ["LIO-dagen", "Planner"]
    assert _labels(work["children"]) == ["Portfolio", "Beroepsproduct", "Beoordelingsles"]
    assert "children" not in items[2], "a group of one is a plain link"


def test_a_flemish_student_sees_observations_and_intervision_under_guidance() -> None:
    items = _navigation(build_world(Country.BE).people[Role.STUDENT])
    assert _labels(items) == ["Mijn LIO", "Begeleiding", "Portfolio"]
    assert _labels(items[1]["children"]) == ["Observaties", "Intervisie"]
    assert items[2]["url"] == reverse("portfolio:mine")


def test_the_open_page_marks_its_dropdown_active() -> None:
    student = build_world(Country.NL).people[Role.STUDENT]
    items = client_for(student).get(reverse("internships:planner")).context["nav_items"]
    planning = next(item for item in items if "children" in item and item["key"] == "days")
    assert planning["active"]
    assert [child["active"] for child in planning["children"]] == [False, True]
