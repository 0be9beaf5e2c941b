"""Bulk import: a preview of every row before anything is written, then all rows or none;
the same file again changes nothing."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from accounts.models import User
from internships.models import Person, Region, Role, RoleAssignment, School, StudentProfile
from internships.services.imports import (
    COLUMNS,
    ImportKind,
    ImportRejected,
    RowStatus,
    import_commit,
    import_preview,
)
from tests.conftest import World, client_for
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

SCHOOLS = """BRIN;Naam;Plaats;Regio;Opleidingsschool
{number};{name};Utrecht;midden;ja
77GH;De Nieuwe School;Zwolle;noord;nee
"""


def _csv(text: str, name: str = "file.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def _statuses(preview: object) -> list[str]:
    return [row.status for row in preview.rows]  # type: ignore[attr-defined]


def _preview(world: World, kind: str, text: str) -> object:
    return import_preview(institution=world.institution, kind=kind, upload=_csv(text))  # type: ignore[arg-type]


def _commit(world: World, preview: object) -> object:
    return import_commit(
        institution=world.institution,  # type: ignore[arg-type]
        kind=preview.kind,  # type: ignore[attr-defined]
        fmt=preview.fmt,  # type: ignore[attr-defined]
        token=preview.token,  # type: ignore[attr-defined]
        actor=world.people[Role.COORDINATOR],
    )


def test_the_preview_says_new_changed_unchanged_and_writes_nothing(world: World) -> None:
    text = SCHOOLS.format(number=world.school.school_number, name="Andere naam")
    preview = _preview(world, ImportKind.SCHOOLS, text)
    assert _statuses(preview) == [RowStatus.CHANGED, RowStatus.NEW]
    [change] = preview.rows[0].changes  # type: ignore[attr-defined]
    assert (change.old, change.new) == (world.school.name, "Andere naam")
    world.school.refresh_from_db()
    assert world.school.name != "Andere naam"
    assert not School.objects.filter(school_number="77GH").exists()


def test_confirming_writes_every_row_and_the_same_file_again_changes_nothing(
    world: World,
) -> None:
    text = SCHOOLS.format(number=world.school.school_number, name="Andere naam")
    _commit(world, _preview(world, ImportKind.SCHOOLS, text))
    world.school.refresh_from_db()
    new = School.objects.get(institution=world.institution, school_number="77GH")
    assert (world.school.name, new.region, new.country) == ("Andere naam", Region.NL_NOORD, "NL")
    again = _preview(world, ImportKind.SCHOOLS, text)
    assert _statuses(again) == [RowStatus.UNCHANGED, RowStatus.UNCHANGED]
    assert not again.has_writes  # type: ignore[attr-defined]


def test_one_bad_row_writes_nothing_until_the_file_is_fixed(world: World) -> None:
    bad = SCHOOLS.format(number="88HJ", name="Goed") + "99JK;Fout;Utrecht;maan;ja\n"
    preview = _preview(world, ImportKind.SCHOOLS, bad)
    assert _statuses(preview) == [RowStatus.NEW, RowStatus.NEW, RowStatus.ERROR]
    assert "maan" in preview.rows[2].errors[0]  # type: ignore[attr-defined]
    with pytest.raises(ImportRejected):
        _commit(world, preview)
    assert not School.objects.filter(school_number__in=["88HJ", "77GH"]).exists()
    fixed = _preview(world, ImportKind.SCHOOLS, bad.replace("maan", "zuid"))
    _commit(world, fixed)
    assert School.objects.filter(school_number__in=["88HJ", "77GH", "99JK"]).count() == 3


def test_a_row_that_breaks_a_rule_of_the_model_is_an_error(world: World) -> None:
    long_name = "x" * 201
    preview = _preview(world, ImportKind.SCHOOLS, SCHOOLS.format(number="12QQ", name=long_name))
    assert preview.rows[0].status == RowStatus.ERROR  # type: ignore[attr-defined]
    assert "200" in preview.rows[0].errors[0]  # type: ignore[attr-defined]


def test_a_key_twice_in_the_file_is_an_error(world: World) -> None:
    text = SCHOOLS.format(number="77GH", name="Dubbel")
    assert _statuses(_preview(world, ImportKind.SCHOOLS, text)) == [
        RowStatus.NEW,
        RowStatus.ERROR,
    ]


def test_missing_columns_are_named(world: World) -> None:
    with pytest.raises(Exception, match="city"):
        _preview(world, ImportKind.SCHOOLS, "BRIN;Naam;Regio\n12AB;X;midden\n")


STUDENTS = """Studentnummer;Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Opleiding
N-1;Fleur;de;Smit;Fleur.Smit@example.org;{programme}
{existing};{first};;{last};{email};{programme}
"""


def _students(world: World, **changes: str) -> str:
    student = world.placement.student
    values = {
        "programme": student.programme.name,
        "existing": student.student_number,
        "first": student.person.first_name,
        "last": student.person.last_name,
        "email": student.person.email,
    }
    return STUDENTS.format(**(values | changes))


def test_students_are_created_with_an_account_without_a_password(world: World) -> None:
    preview = _preview(world, ImportKind.STUDENTS, _students(world))
    assert _statuses(preview) == [RowStatus.NEW, RowStatus.UNCHANGED]
    _commit(world, preview)
    student = StudentProfile.objects.get(institution=world.institution, student_number="N-1")
    person = student.person
    assert (person.last_name, person.email) == ("de Smit", "fleur.smit@example.org")
    assert person.user is not None and not person.user.has_usable_password()
    assert _statuses(_preview(world, ImportKind.STUDENTS, _students(world))) == [
        RowStatus.UNCHANGED,
        RowStatus.UNCHANGED,
    ]


def test_an_existing_account_is_linked(world: World) -> None:
    user = UserFactory(email="fleur.smit@example.org")
    _commit(world, _preview(world, ImportKind.STUDENTS, _students(world)))
    assert Person.objects.get(email="fleur.smit@example.org").user == user
    assert User.objects.filter(email__iexact="fleur.smit@example.org").count() == 1


def test_a_changed_student_shows_each_change(world: World) -> None:
    preview = _preview(world, ImportKind.STUDENTS, _students(world, last="Nieuw"))
    row = preview.rows[1]  # type: ignore[attr-defined]
    assert row.status == RowStatus.CHANGED
    assert [(c.old, c.new) for c in row.changes] == [
        (world.placement.student.person.last_name, "Nieuw")
    ]


def test_an_e_mail_address_of_someone_else_is_an_error(world: World) -> None:
    taken = world.people[Role.MENTOR].email
    text = _students(world).replace("Fleur.Smit@example.org", taken)
    preview = _preview(world, ImportKind.STUDENTS, text)
    assert preview.rows[0].status == RowStatus.ERROR  # type: ignore[attr-defined]
    assert taken in preview.rows[0].errors[0]  # type: ignore[attr-defined]


def test_an_unknown_programme_is_an_error(world: World) -> None:
    preview = _preview(world, ImportKind.STUDENTS, _students(world, programme="Onbekend"))
    assert _statuses(preview) == [RowStatus.ERROR, RowStatus.ERROR]


def test_the_confirmation_plans_again_against_todays_records(world: World) -> None:
    preview = _preview(world, ImportKind.STUDENTS, _students(world))
    PersonFactory(institution=world.institution, email="fleur.smit@example.org")
    with pytest.raises(ImportRejected):
        _commit(world, preview)
    assert not StudentProfile.objects.filter(student_number="N-1").exists()


STAFF = """E-mailadres;Voornaam;Achternaam;Rol;BRIN
m.jong@school.example;Marloes;de Jong;mentor;{school}
m.jong@school.example;Marloes;de Jong;praktijkbegeleider;{school}
d.hoek@school.example;Peter;Hoekstra;directeur;{school}
x.onbekend@school.example;Xander;Onbekend;mentor;00ZZ
"""


def test_staff_get_their_roles_at_their_school(world: World) -> None:
    text = STAFF.format(school=world.school.school_number)
    preview = _preview(world, ImportKind.STAFF, text)
    assert _statuses(preview) == [RowStatus.NEW] * 3 + [RowStatus.ERROR]
    fixed = _preview(world, ImportKind.STAFF, text.rsplit("x.onbekend", 1)[0])
    _commit(world, fixed)
    marloes = Person.objects.get(institution=world.institution, email="m.jong@school.example")
    roles = set(marloes.role_assignments.values_list("role", "school"))
    assert roles == {
        (Role.MENTOR, world.school.pk),
        (Role.PRACTICE_SUPERVISOR, world.school.pk),
    }
    assert marloes.user is None
    assert (
        _statuses(_preview(world, ImportKind.STAFF, text.rsplit("x.onbekend", 1)[0]))
        == [RowStatus.UNCHANGED] * 3
    )


def test_a_new_role_for_a_known_person_is_a_change(world: World) -> None:
    mentor = world.people[Role.MENTOR]
    text = (
        "email;first_name;last_name;role;school_number\n"
        f"{mentor.email};{mentor.first_name};{mentor.last_name};schoolopleider;"
        f"{world.school.school_number}\n"
    )
    preview = _preview(world, ImportKind.STAFF, text)
    assert _statuses(preview) == [RowStatus.CHANGED]
    _commit(world, preview)
    assert RoleAssignment.objects.filter(
        person=mentor, role=Role.SCHOOL_TEACHER_EDUCATOR, school=world.school
    ).exists()


def test_an_excel_workbook_is_read_like_a_csv_file(world: World) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["school_number", "name", "city", "region", "in_partnership"])
    sheet.append([1234, "Excelschool", "Leuven", "BE-VL", 1])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("scholen.xlsx", buffer.getvalue())
    preview = import_preview(institution=world.institution, kind=ImportKind.SCHOOLS, upload=upload)  # type: ignore[arg-type]
    assert _statuses(preview) == [RowStatus.NEW]
    assert preview.rows[0].key == "1234"
    _commit(world, preview)
    assert School.objects.get(school_number="1234").in_partnership


def test_a_csv_file_named_xlsx_is_refused(world: World) -> None:
    upload = SimpleUploadedFile("scholen.xlsx", b"BRIN;Naam\n12AB;X\n")
    with pytest.raises(Exception, match=r"xlsx|Excel|type"):
        import_preview(institution=world.institution, kind=ImportKind.SCHOOLS, upload=upload)  # type: ignore[arg-type]


def test_the_pages_preview_then_import(world: World) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    text = SCHOOLS.format(number="66FF", name="Via de pagina")
    page = client.post(reverse("internships:import"), {"kind": "schools", "file": _csv(text)})
    html = page.content.decode()
    assert page.status_code == 200 and "Via de pagina" in html
    assert not School.objects.filter(school_number="66FF").exists()
    fields = dict(re.findall(r'name="(kind|fmt|token)" value="([^"]+)"', html))
    done = client.post(reverse("internships:import-confirm"), fields)
    assert done.status_code == 302
    assert School.objects.filter(school_number="66FF").exists()


def test_the_preview_page_of_a_bad_file_has_no_import_button(world: World) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    bad = "BRIN;Naam;Plaats;Regio\n66FF;X;Utrecht;maan\n"
    html = client.post(reverse("internships:import"), {"kind": "schools", "file": _csv(bad)})
    assert 'name="token"' not in html.content.decode()


def test_another_institution_cannot_confirm_this_file(world: World, other_world: World) -> None:
    preview = _preview(world, ImportKind.SCHOOLS, SCHOOLS.format(number="55EE", name="X"))
    client = client_for(other_world.people[Role.COORDINATOR])
    fields = {"kind": "schools", "fmt": "csv", "token": preview.token}  # type: ignore[attr-defined]
    response = client.post(reverse("internships:import-confirm"), fields)
    assert response.status_code == 302
    assert not School.objects.filter(school_number__in=["55EE", "77GH"]).exists()


def test_confirming_is_post_only(world: World) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    assert client.get(reverse("internships:import-confirm")).status_code == 405


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.COORDINATOR])
def test_only_the_coordinator_imports(world: World, role: str) -> None:
    client = client_for(world.people[role])
    assert client.get(reverse("internships:import")).status_code == 403
    assert client.post(reverse("internships:import-confirm"), {}).status_code == 403


def test_the_documentation_lists_every_column() -> None:
    document = (Path(settings.BASE_DIR) / "docs" / "import.md").read_text()
    for columns in COLUMNS.values():
        for column in columns:
            assert f"| `{column.name}` |" in document
            for alias in column.aliases:
                assert alias.lower() in document.lower(), alias
