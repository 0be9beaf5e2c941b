"""The coordinator's student list: filters, sorting, pages, and exports of exactly those rows."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from internships.exports import safe_cell
from internships.models import Region, Role, StartApplication, Track
from tests.conftest import World, client_for
from tests.factories import (
    PersonFactory,
    ProgrammeFactory,
    RoleAssignmentFactory,
    SchoolFactory,
    StudentProfileFactory,
)

from .support_dashboard import application_for, placement_in_stage

pytestmark = pytest.mark.django_db


def _names(world: World, query: str = "") -> list[str]:
    client = client_for(world.people[Role.COORDINATOR])
    page = client.get(reverse("internships:student-list") + query)
    assert page.status_code == 200
    return [student.person.last_name for student in page.context["students"]]


def _student(world: World, last_name: str, stage: str | None = None, **kwargs: object) -> object:
    if stage is None:
        return StudentProfileFactory(institution=world.institution, person__last_name=last_name)
    placement = placement_in_stage(world, stage, student__person__last_name=last_name, **kwargs)
    return placement.student


def test_it_filters_on_stage_school_region_and_coach(world: World) -> None:
    south = SchoolFactory(institution=world.institution, region=Region.NL_ZUID)
    coach = RoleAssignmentFactory(
        person=PersonFactory(institution=world.institution), role=Role.STUDY_COACH
    ).person
    _student(world, "Actief", "active")
    _student(world, "Zuid", "confirmed", school=south, study_coach=coach)
    _student(world, "Zonder")
    assert _names(world, "?state=active") == ["Actief"]
    assert _names(world, "?state=none") == ["Zonder"]
    assert _names(world, f"?school={south.pk}") == ["Zuid"]
    assert _names(world, f"?region={Region.NL_ZUID}") == ["Zuid"]
    assert _names(world, f"?supervisor={coach.pk}") == ["Zuid"]


@pytest.mark.unaudited_writes
def test_it_filters_on_programme_track_name_and_needs_action(world: World) -> None:
    flemish = ProgrammeFactory(institution=world.institution, track=Track.VL)
    StudentProfileFactory(
        institution=world.institution, programme=flemish, person__last_name="Vlaams"
    )
    signed = _student(world, "Getekend", "signing")
    StartApplication.objects.filter(placement__student=signed).update(
        status=StartApplication.Status.SIGNED
    )
    assert _names(world, f"?programme={flemish.pk}") == ["Vlaams"]
    assert _names(world, f"?track={Track.VL}") == ["Vlaams"]
    assert _names(world, "?q=laam") == ["Vlaams"]
    assert _names(world, "?needs=any") == ["Getekend"]
    assert _names(world, "?needs=applications_to_confirm") == ["Getekend"]
    assert _names(world, "?needs=late_signatures") == []


def test_filtered_on_needs_action_it_names_what_each_student_needs(world: World) -> None:
    application_for(world.placement, StartApplication.Status.SIGNED)
    client = client_for(world.people[Role.COORDINATOR])
    with translation.override("nl"):
        expected = translation.gettext("Start applications to confirm")
    badge = f'badge text-bg-warning me-1">{expected}<'
    assert badge in client.get("/students/?needs=any").content.decode()
    assert badge not in client.get("/students/").content.decode()


def test_it_sorts_both_ways_and_marks_the_sorted_column(world: World) -> None:
    world.placement.student.person.last_name = "Midden"
    world.placement.student.person.save()
    _student(world, "Aa", "active")
    _student(world, "Zz")
    assert _names(world) == ["Aa", "Midden", "Zz"]
    assert _names(world, "?sort=-name") == ["Zz", "Midden", "Aa"]
    assert _names(world, "?sort=state") == ["Zz", "Midden", "Aa"]
    html = client_for(world.people[Role.COORDINATOR]).get("/students/?sort=-name").content
    assert b'aria-sort="descending"' in html


def test_invalid_filters_are_ignored(world: World, other_world: World) -> None:
    assert len(_names(world, f"?school={other_world.school.pk}&state=nonsense&sort=x")) == 1


def test_it_pages_by_fifty_and_keeps_the_filters(world: World) -> None:
    for n in range(55):
        StudentProfileFactory(institution=world.institution, person__last_name=f"Page{n:02d}")
    client = client_for(world.people[Role.COORDINATOR])
    first = client.get("/students/?q=Page")
    assert len(first.context["students"]) == 50
    assert "q=Page&amp;page=2" in first.content.decode()
    assert len(client.get("/students/?q=Page&page=2").context["students"]) == 5


def test_another_institution_sees_none_of_these_students(world: World, other_world: World) -> None:
    client = client_for(other_world.people[Role.COORDINATOR])
    names = [s.pk for s in client.get("/students/").context["students"]]
    assert world.placement.student_id not in names
    export = client.get(reverse("internships:student-export-csv"))
    assert world.placement.student.student_number not in b"".join(export.streaming_content).decode()


def _csv_rows(world: World, query: str) -> list[list[str]]:
    client = client_for(world.people[Role.COORDINATOR])
    response = client.get(reverse("internships:student-export-csv") + query)
    assert response["Content-Disposition"].startswith("attachment;")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_csv_export_has_exactly_the_filtered_rows(world: World) -> None:
    _student(world, "Actief", "active")
    _student(world, "Ook actief", "active")
    _student(world, "Zonder")
    header, *rows = _csv_rows(world, "?state=active&sort=-name")
    assert len(header) == 13
    assert [row[1] for row in rows] == ["Ook actief", "Actief"]


def test_the_excel_export_has_exactly_the_filtered_rows(world: World) -> None:
    _student(world, "Actief", "active")
    _student(world, "Zonder")
    client = client_for(world.people[Role.COORDINATOR])
    response = client.get(reverse("internships:student-export-xlsx") + "?state=none")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[1] for row in rows[1:]] == ["Zonder"]


def test_the_export_names_what_needs_action(world: World) -> None:
    application_for(world.placement, StartApplication.Status.SIGNED)
    StudentProfileFactory(institution=world.institution, person__last_name="Zonder")
    [_header, *rows] = _csv_rows(world, "")
    with translation.override("nl"):
        expected = translation.gettext("Start applications to confirm")
    assert {row[1]: row[-1] for row in rows} == {
        world.placement.student.person.last_name: expected,
        "Zonder": "",
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Jansen", "Jansen"),
        (3, 3),
        (None, ""),
    ],
)
def test_cells_that_could_be_formulas_are_quoted(value: object, expected: object) -> None:
    assert safe_cell(value) == expected


def test_a_formula_in_a_name_is_exported_as_text(world: World) -> None:
    _student(world, "=cmd|' /C calc'!A0", "active")
    [_header, *rows] = _csv_rows(world, "?state=active")
    assert rows[0][1] == "'=cmd|' /C calc'!A0"
    client = client_for(world.people[Role.COORDINATOR])
    response = client.get(reverse("internships:student-export-xlsx") + "?state=active")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=2)
    assert cell.data_type == "s" and cell.value == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.COORDINATOR])
@pytest.mark.parametrize(
    "url_name",
    [
        "internships:student-list",
        "internships:student-export-csv",
        "internships:student-export-xlsx",
    ],
)
def test_only_the_coordinator_lists_and_exports(world: World, role: str, url_name: str) -> None:
    assert client_for(world.people[role]).get(reverse(url_name)).status_code == 403
