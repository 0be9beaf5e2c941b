"""The coordinator's round: overview with real counts, the students of a stage, placements by
status, a school. Journey 4: from the dashboard to a filtered student list, exported as CSV and
Excel with exactly the rows shown, and a bulk import whose preview stops a bad row before
anything is written."""

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from internships.models import Placement, StudentProfile

from .support import ROOT, Logins, assert_accessible, download, log_in, screenshot

STUDENTS_CSV = ROOT / "docs" / "import-examples" / "students.csv"
PROGRAMME = "Pabo voltijd – afstudeerfase"

pytestmark = pytest.mark.usefixtures("demo")


def _nl_placements() -> object:
    return Placement.objects.filter(student__institution__name="Pabo Zuid-West")


def test_coordinator_overview_placements_and_schools(page: Page) -> None:
    log_in(page, Logins.COORDINATOR_NL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Pabo Zuid-West")
    active = _nl_placements().filter(status=Placement.Status.ACTIVE).count()
    active_card = page.get_by_role("link", name=re.compile(r"^\d+ Actief$"))
    expect(active_card).to_have_accessible_name(f"{active} Actief")
    assert_accessible(page)
    screenshot(page, "coordinator-overview", docs=True)

    active_card.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Studenten")
    expect(page.get_by_label("Fase")).to_have_value("active")
    expect(page.locator("tbody tr")).to_have_count(active)
    assert_accessible(page)

    navigation = page.get_by_role("navigation", name="Hoofdnavigatie")
    navigation.get_by_role("button", name="Studenten").click()
    navigation.get_by_role("link", name="Stageplaatsen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stageplaatsen")
    assert_accessible(page)
    page.get_by_label("Status").select_option(Placement.Status.ACTIVE)
    page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stageplaatsen")
    expect(page.locator("tbody tr")).to_have_count(active)
    assert_accessible(page)
    screenshot(page, "placement-list", docs=True)

    planned = _nl_placements().filter(status=Placement.Status.PLANNED).count()
    page.get_by_label("Status").select_option(Placement.Status.PLANNED)
    page.get_by_role("button", name="Filteren").click()
    expect(page).to_have_url(re.compile(r"status=planned"))
    expect(page.locator("tbody tr")).to_have_count(planned)
    assert_accessible(page)

    page.get_by_role("link", name="Sem van der Berg", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("LIO-stage van Sem van der Berg")
    expect(page.get_by_text("Basisschool De Vlinder, Breda")).to_be_visible()
    assert_accessible(page)

    navigation.get_by_role("button", name="Schooljaar").click()
    navigation.get_by_role("link", name="Scholen").click()
    expect(page.locator("tbody tr")).to_have_count(4)
    assert_accessible(page)
    page.get_by_role("link", name="OBS De Regenboog", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("OBS De Regenboog")
    assert_accessible(page)

    page.get_by_role("link", name="Emma de Boer", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("LIO-stage van Emma de Boer")
    assert_accessible(page)
    screenshot(page, "placement-detail", docs=True)


def _shown_student_numbers(page: Page) -> list[str]:
    """The student numbers of the list's rows, in the order shown (second column)."""
    return page.locator("tbody tr td:nth-child(2)").all_inner_texts()


def _exported(page: Page) -> tuple[list[str], list[str]]:
    """The student numbers in the CSV and in the Excel download of the list, in their order."""
    name, data = download(page, page.get_by_role("link", name="Downloaden als CSV"))
    assert name.endswith(".csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Studentnummer"
    name, data = download(page, page.get_by_role("link", name="Downloaden als Excel"))
    assert name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(data), read_only=True).active
    cells = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == "Studentnummer"
    return [row[0] for row in rows[1:]], [str(cell) for cell in cells[1:]]


def _check_the_file(page: Page, content: str) -> None:
    navigation = page.get_by_role("navigation", name="Hoofdnavigatie")
    navigation.get_by_role("button", name="Schooljaar").click()
    navigation.get_by_role("link", name="Importeren").click()
    assert_accessible(page)
    page.get_by_role("radio", name="Studenten").check()
    upload = {"name": "studenten.csv", "mimeType": "text/csv", "buffer": content.encode()}
    page.locator("#id_file").set_input_files(upload)
    page.get_by_role("button", name="Bestand controleren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import controleren: Studenten")
    assert_accessible(page)


def test_coordinator_filters_exports_and_imports_students(page: Page) -> None:
    log_in(page, Logins.COORDINATOR_NL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Pabo Zuid-West")
    assert_accessible(page)
    navigation = page.get_by_role("navigation", name="Hoofdnavigatie")
    navigation.get_by_role("button", name="Studenten").click()
    navigation.get_by_role("link", name="Studenten", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Studenten")
    assert_accessible(page)
    page.get_by_label("School", exact=True).select_option(label="OBS De Regenboog")
    page.get_by_role("button", name="Filteren").click()
    expect(page).to_have_url(re.compile(r"school=\d+"))
    assert_accessible(page)
    shown = _shown_student_numbers(page)
    assert shown, "the filter should leave some students"
    expected = StudentProfile.objects.filter(placements__school__name="OBS De Regenboog")
    assert sorted(shown) == sorted(expected.values_list("student_number", flat=True))
    csv_numbers, xlsx_numbers = _exported(page)
    assert csv_numbers == shown and xlsx_numbers == shown

    students = StudentProfile.objects.filter(institution__name="Pabo Zuid-West")
    before = students.count()
    good = STUDENTS_CSV.read_text(encoding="utf-8")
    bad = good.replace(
        f"Benali;youssef.benali@student.pabo-zuidwest.example;{PROGRAMME}",
        "Benali;youssef.benali@student.pabo-zuidwest.example;Pabo deeltijd",
    )
    assert bad != good
    _check_the_file(page, bad)
    expect(page.get_by_text("Sommige regels bevatten fouten.")).to_be_visible()
    error_row = page.get_by_role("row").filter(has_text="NL-500202")
    expect(error_row).to_contain_text("Onbekende opleiding “Pabo deeltijd”")
    expect(page.get_by_role("button", name=re.compile("^Importeren"))).to_have_count(0)
    screenshot(page, "import-preview-with-an-error", docs=True)
    assert students.count() == before

    _check_the_file(page, good)
    page.get_by_role("button", name="Importeren: 2 nieuw, 0 gewijzigd").click()
    expect(page.get_by_text("Geïmporteerd: 2 nieuw, 0 gewijzigd, 1 ongewijzigd.")).to_be_visible()
    assert_accessible(page)
    assert students.count() == before + 2

    _check_the_file(page, good)
    expect(
        page.get_by_text("Niets te wijzigen: elke regel staat al in het portaal.")
    ).to_be_visible()
    assert students.count() == before + 2
