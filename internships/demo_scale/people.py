"""Schools, school staff, study coaches and students of a scale batch (bulk_create)."""

import math
import unicodedata
from datetime import date

from ..models import (
    Country,
    Institution,
    Person,
    Programme,
    Region,
    Role,
    RoleAssignment,
    School,
    SchoolYear,
    StudentProfile,
    Track,
)
from .batch import ScaleBatch

STUDENT_PREFIX = "X"  # student numbers of scale students: X000001, X000002, ...
STUDENTS_PER_SCHOOL = 20
STUDENTS_PER_COACH = 80
MENTORS_PER_SCHOOL = 3
_BATCH = 1000

_FIRST_NAMES = {
    Country.NL: [
        "Anouk",
        "Bram",
        "Daan",
        "Eva",
        "Fenna",
        "Gijs",
        "Hanna",
        "Isa",
        "Jesse",
        "Julia",
        "Lars",
        "Lieke",
        "Luuk",
        "Maud",
        "Milan",
        "Noa",
        "Olivier",
        "Roos",
        "Sam",
        "Sara",
        "Thijs",
        "Tim",
        "Vera",
        "Yara",
        "Zoë",
    ],
    Country.BE: [
        "Arne",
        "Axelle",
        "Bas",
        "Charlotte",
        "Elias",
        "Emma",
        "Febe",
        "Jana",
        "Jens",
        "Kobe",
        "Lena",
        "Lotte",
        "Louis",
        "Marie",
        "Mathis",
        "Nora",
        "Robbe",
        "Sien",
        "Stan",
        "Tuur",
        "Ward",
        "Wout",
        "Yentl",
        "Zita",
    ],
}
_LAST_NAMES = {
    Country.NL: [
        "Bakker",
        "de Boer",
        "Bos",
        "Dekker",
        "van Dijk",
        "Hendriks",
        "de Jong",
        "Kok",
        "Meijer",
        "Mulder",
        "Peters",
        "Smit",
        "van der Meer",
        "Visser",
        "de Vries",
        "Willems",
        "Jansen",
        "de Graaf",
        "Vos",
        "van Leeuwen",
    ],
    Country.BE: [
        "Peeters",
        "Janssens",
        "Maes",
        "Jacobs",
        "Mertens",
        "Willems",
        "Claes",
        "Goossens",
        "Wouters",
        "De Smet",
        "Dubois",
        "Lambrechts",
        "Vermeulen",
        "Van Damme",
        "Hermans",
        "Michiels",
        "Segers",
        "Desmet",
        "Verstraete",
    ],
}
_CITIES = {
    Country.NL: [
        ("Rotterdam", Region.NL_MIDDEN),
        ("Utrecht", Region.NL_MIDDEN),
        ("Breda", Region.NL_ZUID),
        ("Tilburg", Region.NL_ZUID),
        ("Groningen", Region.NL_NOORD),
        ("Zwolle", Region.NL_NOORD),
    ],
    Country.BE: [
        ("Hasselt", Region.BE_VL),
        ("Genk", Region.BE_VL),
        ("Leuven", Region.BE_VL),
        ("Mechelen", Region.BE_VL),
    ],
}
_SCHOOL_NAMES = [
    "De Regenboog",
    "Het Kompas",
    "De Vlinder",
    "De Linde",
    "Het Palet",
    "De Wegwijzer",
    "Sint-Jozef",
    "De Klimop",
    "Het Anker",
    "De Boomgaard",
]


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return plain.lower().replace(" ", "")


def _name(country: str, n: int) -> tuple[str, str]:
    firsts, lasts = _FIRST_NAMES[country], _LAST_NAMES[country]
    return firsts[n % len(firsts)], lasts[(n // len(firsts)) % len(lasts)]


def _domain(institution: Institution) -> str:
    return f"scale.{_ascii(institution.short_name)}.example"


def seed_people(*, institution: Institution, count: int, today: date) -> ScaleBatch:
    programme = Programme.objects.filter(institution=institution).order_by("pk").first()
    school_year = SchoolYear.objects.get(institution=institution, start_date=date(2026, 8, 1))
    assert programme is not None
    first = StudentProfile.objects.filter(
        institution=institution, student_number__startswith=STUDENT_PREFIX
    ).count()
    batch = ScaleBatch(
        institution=institution,
        programme=programme,
        school_year=school_year,
        today=today,
        first_number=first + 1,
        coordinator=Person.objects.filter(
            institution=institution, role_assignments__role=Role.COORDINATOR
        ).first(),
    )
    _schools(batch, math.ceil(count / STUDENTS_PER_SCHOOL))
    _staff(batch, math.ceil(count / STUDENTS_PER_COACH))
    _students(batch, count)
    return batch


def _schools(batch: ScaleBatch, count: int) -> None:
    country = batch.institution.country
    first = School.objects.filter(institution=batch.institution).count()
    schools = []
    for n in range(first, first + count):
        city, region = _CITIES[country][n % len(_CITIES[country])]
        schools.append(
            School(
                institution=batch.institution,
                name=f"Basisschool {_SCHOOL_NAMES[n % len(_SCHOOL_NAMES)]} {n}",
                school_number=f"S{n:05d}",
                city=city,
                country=country,
                region=region,
                in_partnership=n % 3 != 0,
            )
        )
    batch.schools = School.objects.bulk_create(schools, batch_size=_BATCH)


def _staff_person(batch: ScaleBatch, n: int, label: str) -> Person:
    first_name, last_name = _name(batch.institution.country, n)
    return Person(
        institution=batch.institution,
        first_name=first_name,
        last_name=last_name,
        email=f"{label}.{batch.first_number}.{n}@{_domain(batch.institution)}",
    )


def _staff(batch: ScaleBatch, coach_count: int) -> None:
    """Mentors and a director per school, and the study coaches; school staff have no account.
    Track NL adds a co-assessor per school, graduation supervisors and assessors."""
    people: list[tuple[Person, str, School | None]] = []
    dutch = batch.programme.track == Track.NL
    for school in batch.schools:
        for _k in range(MENTORS_PER_SCHOOL):
            people.append((_staff_person(batch, len(people), "mentor"), Role.MENTOR, school))
        people.append((_staff_person(batch, len(people), "directie"), Role.DIRECTOR, school))
        if dutch:
            role = Role.SCHOOL_TEACHER_EDUCATOR
            role = role if school.in_partnership else Role.QUALIFIED_SUPERVISOR
            people.append((_staff_person(batch, len(people), "opleider"), role, school))
    for _k in range(coach_count):
        people.append((_staff_person(batch, len(people), "coach"), Role.STUDY_COACH, None))
    if dutch:
        for _k in range(coach_count * 2):
            label, role = "afstudeer", Role.GRADUATION_SUPERVISOR
            people.append((_staff_person(batch, len(people), label), role, None))
        for _k in range(max(1, coach_count // 2)):
            people.append((_staff_person(batch, len(people), "assessor"), Role.ASSESSOR, None))
    Person.objects.bulk_create([person for person, _role, _school in people], batch_size=_BATCH)
    RoleAssignment.objects.bulk_create(
        [RoleAssignment(person=p, role=role, school=school) for p, role, school in people],
        batch_size=_BATCH,
    )
    for person, role, school in people:
        _remember(batch, person, role, school)


def _remember(batch: ScaleBatch, person: Person, role: str, school: School | None) -> None:
    if role == Role.MENTOR:
        batch.mentors.setdefault(school.pk, []).append(person)  # type: ignore[union-attr]
    elif role == Role.DIRECTOR:
        batch.directors[school.pk] = person  # type: ignore[union-attr]
    elif role in (Role.SCHOOL_TEACHER_EDUCATOR, Role.QUALIFIED_SUPERVISOR):
        batch.educators[school.pk] = person  # type: ignore[union-attr]
    elif role == Role.GRADUATION_SUPERVISOR:
        batch.graduation_supervisors.append(person)
    elif role == Role.ASSESSOR:
        batch.assessors.append(person)
    else:
        batch.coaches.append(person)


def _students(batch: ScaleBatch, count: int) -> None:
    institution, flemish = batch.institution, batch.programme.track == Track.VL
    people = []
    for n in range(batch.first_number, batch.first_number + count):
        first_name, last_name = _name(institution.country, n)
        email = f"{_ascii(first_name)}.{_ascii(last_name)}.{n}@student.{_domain(institution)}"
        people.append(
            Person(institution=institution, first_name=first_name, last_name=last_name, email=email)
        )
    Person.objects.bulk_create(people, batch_size=_BATCH)
    batch.students = StudentProfile.objects.bulk_create(
        [
            StudentProfile(
                person=person,
                institution=institution,
                programme=batch.programme,
                student_number=f"{STUDENT_PREFIX}{batch.first_number + k:06d}",
                lio_year=(1 + k % 2) if flemish else None,
            )
            for k, person in enumerate(people)
        ],
        batch_size=_BATCH,
    )
