"""Database constraints and model validation of the foundation."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from internships.models import Country, Placement, Region, Role, RoleAssignment, Track
from tests.factories import (
    InstitutionFactory,
    PersonFactory,
    PlacementFactory,
    ProgrammeFactory,
    SchoolFactory,
    SchoolYearFactory,
    StudentProfileFactory,
    stage_follows,
)

pytestmark = pytest.mark.django_db


def _violates(make: object) -> bool:
    try:
        with transaction.atomic():
            make()  # type: ignore[operator]
    except IntegrityError:
        return True
    return False


def test_student_number_is_unique_per_institution_only() -> None:
    first = StudentProfileFactory(student_number="123")
    assert _violates(
        lambda: StudentProfileFactory(institution=first.institution, student_number="123")
    )
    StudentProfileFactory(student_number="123")  # another institution: fine


def test_one_placement_per_student_and_school_year_unless_cancelled() -> None:
    placement = PlacementFactory()
    again = {
        "student": placement.student,
        "school": placement.school,
        "school_year": placement.school_year,
    }
    assert _violates(lambda: PlacementFactory(**again))
    placement.status = Placement.Status.CANCELLED
    placement.save()
    stage_follows(placement)
    PlacementFactory(**again)  # the cancelled one no longer blocks a new placement


def test_school_region_must_fit_the_country() -> None:
    institution = InstitutionFactory(country=Country.NL)
    assert _violates(
        lambda: SchoolFactory(institution=institution, country=Country.NL, region=Region.BE_VL)
    )
    assert _violates(
        lambda: SchoolFactory(institution=institution, country=Country.BE, region=Region.NL_ZUID)
    )


def test_school_roles_need_a_school_and_institution_roles_none() -> None:
    person = PersonFactory()
    school = SchoolFactory(institution=person.institution)
    assert _violates(lambda: RoleAssignment.objects.create(person=person, role=Role.MENTOR))
    assert _violates(
        lambda: RoleAssignment.objects.create(person=person, role=Role.COORDINATOR, school=school)
    )
    assert _violates(lambda: RoleAssignment.objects.create(person=person, role=Role.STUDENT))


def test_one_person_can_hold_several_roles_but_each_once() -> None:
    person = PersonFactory()
    school = SchoolFactory(institution=person.institution)
    RoleAssignment.objects.create(person=person, role=Role.MENTOR, school=school)
    RoleAssignment.objects.create(person=person, role=Role.PRACTICE_SUPERVISOR, school=school)
    RoleAssignment.objects.create(person=person, role=Role.COORDINATOR)
    assert _violates(lambda: RoleAssignment.objects.create(person=person, role=Role.COORDINATOR))
    assert _violates(
        lambda: RoleAssignment.objects.create(person=person, role=Role.MENTOR, school=school)
    )


def test_person_email_is_unique_per_institution_ignoring_case() -> None:
    person = PersonFactory(email="mentor@school.example", user=None)
    assert _violates(
        lambda: PersonFactory(
            institution=person.institution, email="Mentor@School.example", user=None
        )
    )
    PersonFactory(email="mentor@school.example", user=None)  # another institution: fine


def test_school_year_must_end_after_it_starts() -> None:
    assert _violates(
        lambda: SchoolYearFactory(start_date=date(2026, 8, 1), end_date=date(2026, 7, 31))
    )


def test_placement_refuses_a_school_of_another_institution() -> None:
    placement = PlacementFactory.build(
        student=StudentProfileFactory(), school=SchoolFactory(), school_year=SchoolYearFactory()
    )
    with pytest.raises(ValidationError) as excinfo:
        placement.full_clean()
    assert {"school", "school_year"} <= set(excinfo.value.message_dict)


def test_placement_grades_must_exist_in_the_schools_country() -> None:
    placement = PlacementFactory()
    placement.grades = ["VL2"]
    with pytest.raises(ValidationError) as excinfo:
        placement.full_clean()
    assert "grades" in excinfo.value.message_dict


def test_flemish_students_need_a_lio_year_and_dutch_students_none() -> None:
    vl = ProgrammeFactory(institution=InstitutionFactory(country=Country.BE), track=Track.VL)
    student = StudentProfileFactory.build(
        institution=vl.institution,
        programme=vl,
        person=PersonFactory(institution=vl.institution),
        lio_year=None,
    )
    with pytest.raises(ValidationError) as excinfo:
        student.full_clean()
    assert "lio_year" in excinfo.value.message_dict

    nl = ProgrammeFactory(track=Track.NL)
    student = StudentProfileFactory.build(
        institution=nl.institution,
        programme=nl,
        person=PersonFactory(institution=nl.institution),
        lio_year=1,
    )
    with pytest.raises(ValidationError) as excinfo:
        student.full_clean()
    assert "lio_year" in excinfo.value.message_dict
