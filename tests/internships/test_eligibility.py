"""Admission rules of DOMAIN.md: NL entry requirements, VL admission conditions and grades."""

from datetime import date

import pytest

from internships.eligibility import (
    VlAdmission,
    missing_entry_requirements,
    vl_admission_problems,
    vl_grades_problem,
)
from internships.models import EntryRequirement, StartApplication

YEAR_START = date(2026, 8, 1)
GOOD = VlAdmission(
    appointment=StartApplication.Appointment.PRIMARY,
    special_class_pupils=None,
    appointment_for_school_year=True,
    appointment_start=date(2026, 9, 1),
    periods_per_week=6,
    school_confirms_conditions=True,
)


def _problems(**changes: object) -> dict:
    return vl_admission_problems(
        VlAdmission(**{**GOOD.__dict__, **changes}), school_year_start=YEAR_START
    )


def test_all_five_entry_requirements_are_needed() -> None:
    everything = [kind.value for kind in EntryRequirement.Kind]
    assert missing_entry_requirements(everything) == []
    for kind in everything:
        assert missing_entry_requirements(set(everything) - {kind}) == [kind]
    assert len(missing_entry_requirements([])) == 5


def test_a_complete_vl_application_has_no_problems() -> None:
    assert _problems() == {}


def test_vl_needs_an_appointment_as_primary_teacher_or_special_education() -> None:
    assert "appointment" in _problems(appointment=StartApplication.Appointment.NONE)
    assert "appointment" in _problems(appointment="")


@pytest.mark.parametrize(("pupils", "refused"), [(None, True), (5, True), (6, False), (12, False)])
def test_special_education_counts_only_with_six_pupils_or_more(
    pupils: int | None, refused: bool
) -> None:
    problems = _problems(
        appointment=StartApplication.Appointment.SPECIAL, special_class_pupils=pupils
    )
    assert ("special_class_pupils" in problems) is refused


def test_vl_appointment_must_be_for_the_school_year() -> None:
    assert "appointment_for_school_year" in _problems(appointment_for_school_year=False)
    assert "appointment_for_school_year" in _problems(appointment_for_school_year=None)


@pytest.mark.parametrize(
    ("start", "refused"),
    [
        (date(2026, 10, 1), False),
        (date(2026, 10, 2), True),
        (date(2026, 8, 25), False),
        (None, True),
    ],
)
def test_vl_appointment_starts_on_1_october_at_the_latest(
    start: date | None, refused: bool
) -> None:
    assert ("appointment_start" in _problems(appointment_start=start)) is refused


@pytest.mark.parametrize(("periods", "refused"), [(5, True), (6, False), (None, True)])
def test_vl_needs_six_teaching_periods_a_week(periods: int | None, refused: bool) -> None:
    assert ("periods_per_week" in _problems(periods_per_week=periods)) is refused


def test_vl_school_must_confirm_its_conditions() -> None:
    assert "school_confirms_conditions" in _problems(school_confirms_conditions=False)


@pytest.mark.parametrize(
    ("grades", "year", "fits"),
    [
        (["VL2"], 1, True),
        (["VL3"], 1, True),
        (["VL3", "VL4"], 1, True),
        (["VL2", "VL3"], 1, False),
        (["VL1"], 1, False),
        ([], 1, False),
        (["VL1", "VL5"], 2, True),
        (["VL1", "VL5", "VL6"], 2, True),
        (["VL1"], 2, False),
        (["VL5", "VL6"], 2, False),
        (["VL1", "VL2", "VL6"], 2, False),
        (["VL2"], 2, False),
        (["VL2"], None, False),
    ],
)
def test_placement_grades_fit_the_lio_year(grades: list[str], year: int | None, fits: bool) -> None:
    assert (vl_grades_problem(grades, year) is None) is fits
