"""Demo data: a Flemish university college (track VL) and a Dutch pabo (track NL).

Everything is keyed on natural keys, so running it again updates instead of duplicating.
"""

from dataclasses import dataclass
from datetime import date

from accounts.models import User

from .models import (
    Country,
    Institution,
    Person,
    Placement,
    Programme,
    Region,
    Role,
    RoleAssignment,
    School,
    SchoolYear,
    StudentProfile,
    Track,
)
from .planning import plan_lio_period
from .services.action_dates import placement_action_dates_refresh
from .services.pipeline import placement_stages_refresh

DEMO_PASSWORD = "lio-demo-2026"  # noqa: S105 - printed for the demo logins on purpose  # nosec B105

Login = tuple[str, str]


@dataclass(frozen=True)
class _StaffSpec:
    first_name: str
    last_name: str
    email: str
    roles: tuple[tuple[str, str | None], ...]  # (role, school number or None)
    has_account: bool = True


@dataclass(frozen=True)
class _StudentSpec:
    first_name: str
    last_name: str
    number: str
    school: str | None  # school number; None = no placement yet
    status: str = Placement.Status.PLANNED
    grades: tuple[str, ...] = ()
    class_name: str = ""
    lio_year: int | None = None
    start: date | None = None
    weekdays: tuple[int, ...] = ()


_NL_SCHOOLS = [
    ("OBS De Regenboog", "12AB", "Rotterdam", "Kralingseweg 12", "3062 CE", Region.NL_MIDDEN, True),
    ("CBS Het Kompas", "23BC", "Delft", "Buitenhofdreef 8", "2625 XR", Region.NL_MIDDEN, True),
    ("Basisschool De Vlinder", "34CD", "Breda", "Haagweg 150", "4814 GH", Region.NL_ZUID, False),
    ("OBS De Starter", "45DE", "Groningen", "Paterswoldseweg 3", "9726 BA", Region.NL_NOORD, False),
]
_VL_SCHOOLS = [
    ("Vrije Basisschool De Horizon", "012345", "Hasselt", "Kempische Steenweg 40", "3500", True),
    ("Gemeentelijke Basisschool Klimop", "023456", "Genk", "Stalenstraat 5", "3600", True),
    ("Basisschool Sint-Jan", "034567", "Leuven", "Naamsestraat 60", "3000", False),
]

_NL_STAFF = [
    _StaffSpec(
        "Marieke", "de Vries", "coordinator@pabo-zuidwest.example", ((Role.COORDINATOR, None),)
    ),
    _StaffSpec("Jeroen", "Bakker", "j.bakker@pabo-zuidwest.example", ((Role.STUDY_COACH, None),)),
    _StaffSpec("Sanne", "Visser", "s.visser@pabo-zuidwest.example", ((Role.STUDY_COACH, None),)),
    _StaffSpec(
        "Femke",
        "Jansen",
        "f.jansen@pabo-zuidwest.example",
        ((Role.GRADUATION_SUPERVISOR, None),),
    ),
    _StaffSpec("Pieter", "van Dijk", "p.vandijk@pabo-zuidwest.example", ((Role.ASSESSOR, None),)),
    _StaffSpec(
        "Ingrid",
        "Smit",
        "i.smit@deregenboog.example",
        ((Role.MENTOR, "12AB"), (Role.PRACTICE_SUPERVISOR, "12AB")),
    ),
    _StaffSpec("Ahmed", "El Amrani", "a.elamrani@deregenboog.example", ((Role.MENTOR, "12AB"),)),
    _StaffSpec("Hans", "Mulder", "directie@deregenboog.example", ((Role.DIRECTOR, "12AB"),)),
    _StaffSpec(
        "Lotte",
        "Hendriks",
        "l.hendriks@deregenboog.example",
        ((Role.SCHOOL_TEACHER_EDUCATOR, "12AB"), (Role.SCHOOL_TEACHER_EDUCATOR, "23BC")),
    ),
    _StaffSpec("Bram", "Willems", "b.willems@hetkompas.example", ((Role.MENTOR, "23BC"),), False),
    _StaffSpec("Yvonne", "Kok", "directie@hetkompas.example", ((Role.DIRECTOR, "23BC"),), False),
    _StaffSpec(
        "Noor",
        "de Graaf",
        "n.degraaf@hetkompas.example",
        ((Role.PRACTICE_SUPERVISOR, "23BC"),),
    ),
    _StaffSpec("Tim", "Peters", "t.peters@devlinder.example", ((Role.MENTOR, "34CD"),), False),
    _StaffSpec(
        "Esther", "van Leeuwen", "directie@devlinder.example", ((Role.DIRECTOR, "34CD"),), False
    ),
    _StaffSpec(
        "Karin",
        "Bos",
        "k.bos@devlinder.example",
        ((Role.QUALIFIED_SUPERVISOR, "34CD"),),
    ),
    _StaffSpec("Rik", "Dekker", "r.dekker@destarter.example", ((Role.MENTOR, "45DE"),), False),
    _StaffSpec("Wilma", "Meijer", "directie@destarter.example", ((Role.DIRECTOR, "45DE"),), False),
    _StaffSpec(
        "Gert",
        "Postma",
        "g.postma@destarter.example",
        ((Role.QUALIFIED_SUPERVISOR, "45DE"),),
        False,
    ),
]
_VL_STAFF = [
    _StaffSpec("An", "Peeters", "coordinator@kempenland.example", ((Role.COORDINATOR, None),)),
    _StaffSpec("Koen", "Janssens", "k.janssens@kempenland.example", ((Role.STUDY_COACH, None),)),
    _StaffSpec("Els", "Maes", "e.maes@dehorizon.example", ((Role.MENTOR, "012345"),)),
    _StaffSpec("Dirk", "Claes", "directie@dehorizon.example", ((Role.DIRECTOR, "012345"),)),
    _StaffSpec("Sofie", "Wouters", "s.wouters@klimop.example", ((Role.MENTOR, "023456"),), False),
    _StaffSpec("Luc", "Goossens", "directie@klimop.example", ((Role.DIRECTOR, "023456"),), False),
    _StaffSpec("Hilde", "Mertens", "h.mertens@sintjan.example", ((Role.MENTOR, "034567"),), False),
    _StaffSpec("Bart", "Jacobs", "directie@sintjan.example", ((Role.DIRECTOR, "034567"),), False),
]

_ACTIVE, _PLANNED, _DONE = (
    Placement.Status.ACTIVE,
    Placement.Status.PLANNED,
    Placement.Status.COMPLETED,
)
_MON_TUE_WED, _WED_THU_FRI, _MON_TO_THU = (0, 1, 2), (2, 3, 4), (0, 1, 2, 3)
_NL_STUDENTS = [
    _StudentSpec(
        "Emma",
        "de Boer",
        "NL-500101",
        "12AB",
        _ACTIVE,
        ("NL7",),
        "groep 7a",
        None,
        date(2026, 11, 2),
        _MON_TUE_WED,
    ),
    _StudentSpec(
        "Daan",
        "Vermeulen",
        "NL-500102",
        "12AB",
        _ACTIVE,
        ("NL4",),
        "groep 4",
        None,
        date(2026, 10, 5),
        _MON_TO_THU,
    ),
    _StudentSpec(
        "Julia",
        "Koster",
        "NL-500103",
        "23BC",
        _ACTIVE,
        ("NL5",),
        "groep 5b",
        None,
        date(2026, 11, 4),
        _WED_THU_FRI,
    ),
    _StudentSpec(
        "Lucas",
        "Prins",
        "NL-500104",
        "34CD",
        _ACTIVE,
        ("NL8",),
        "groep 8",
        None,
        date(2026, 11, 9),
        (4, 0, 1),
    ),
    _StudentSpec(
        "Sophie",
        "Huisman",
        "NL-500105",
        "45DE",
        _ACTIVE,
        ("NL3",),
        "groep 3",
        None,
        date(2026, 10, 26),
        (0, 1, 2, 3, 4),
    ),
    _StudentSpec(
        "Milan",
        "Brouwer",
        "NL-500106",
        "12AB",
        _DONE,
        ("NL6",),
        "groep 6",
        None,
        date(2026, 9, 1),
        (1, 2, 3, 4),
    ),
    _StudentSpec(
        "Tess",
        "Kuipers",
        "NL-500107",
        "23BC",
        _DONE,
        ("NL2",),
        "groep 1-2",
        None,
        date(2026, 9, 7),
        (0, 1, 2, 3, 4),
    ),
    _StudentSpec(
        "Sem",
        "van der Berg",
        "NL-500108",
        "34CD",
        _PLANNED,
        ("NL6",),
        "groep 6",
        None,
        date(2027, 1, 11),
        _MON_TUE_WED,
    ),
    _StudentSpec("Anna", "Dijkstra", "NL-500109", "45DE", _PLANNED, ("NL5",), "groep 5"),
    _StudentSpec("Levi", "Bosman", "NL-500110", "23BC", _PLANNED),
    _StudentSpec("Zoë", "Veenstra", "NL-500111", None),
    _StudentSpec("Noah", "Schouten", "NL-500112", None),
]
_VL_STUDENTS = [
    _StudentSpec("Lotte", "Vermeersch", "r0811201", "012345", _ACTIVE, ("VL2",), "2A", 1),
    _StudentSpec("Arne", "De Smet", "r0811202", "023456", _ACTIVE, ("VL3", "VL4"), "3-4", 1),
    _StudentSpec("Fien", "Willaert", "r0811203", "034567", _ACTIVE, ("VL4",), "4B", 1),
    _StudentSpec("Jonas", "Lambrechts", "r0811204", "012345", _PLANNED, ("VL2",), "2B", 1),
    _StudentSpec("Lore", "Van Damme", "r0811205", "023456", _ACTIVE, ("VL1", "VL5"), "1 en 5", 2),
    _StudentSpec("Wout", "Segers", "r0811206", "034567", _ACTIVE, ("VL1", "VL6"), "1A en 6", 2),
    _StudentSpec("Nina", "Hermans", "r0811207", "012345", _PLANNED, (), "", 2),
    _StudentSpec("Seppe", "Michiels", "r0811208", None, lio_year=2),
]


DEMO_ADMIN_EMAIL = "admin@lio-portal.example"


def seed_demo() -> list[Login]:
    """Create or refresh both demo institutions; return (role, e-mail) of every login."""
    admin, _ = User.objects.get_or_create(
        email=DEMO_ADMIN_EMAIL, defaults={"is_staff": True, "is_superuser": True}
    )
    admin.set_password(DEMO_PASSWORD)
    admin.save(update_fields=["password"])
    logins: list[Login] = [("admin", DEMO_ADMIN_EMAIL)]
    logins += _seed_institution(
        name="Pabo Zuid-West",
        short_name="Pabo ZW",
        country=Country.NL,
        programme=("Pabo voltijd – afstudeerfase", Track.NL),
        schools=[
            (name, number, city, street, postal, region, partner, Country.NL)
            for name, number, city, street, postal, region, partner in _NL_SCHOOLS
        ],
        staff=_NL_STAFF,
        students=_NL_STUDENTS,
        student_domain="student.pabo-zuidwest.example",
    )
    logins += _seed_institution(
        name="Hogeschool Kempenland",
        short_name="HS Kempenland",
        country=Country.BE,
        programme=("Educatieve bachelor lager onderwijs – LIO-stagepakket", Track.VL),
        schools=[
            (name, number, city, street, postal, Region.BE_VL, partner, Country.BE)
            for name, number, city, street, postal, partner in _VL_SCHOOLS
        ],
        staff=_VL_STAFF,
        students=_VL_STUDENTS,
        student_domain="student.kempenland.example",
    )
    placement_stages_refresh(placements=Placement.objects.all())
    placement_action_dates_refresh(placements=Placement.objects.all())
    return logins


def _seed_institution(
    *,
    name: str,
    short_name: str,
    country: str,
    programme: tuple[str, str],
    schools: list[tuple[str, str, str, str, str, str, bool, str]],
    staff: list[_StaffSpec],
    students: list[_StudentSpec],
    student_domain: str,
) -> list[Login]:
    institution, _ = Institution.objects.update_or_create(
        name=name, defaults={"short_name": short_name, "country": country}
    )
    programme_obj, _ = Programme.objects.update_or_create(
        institution=institution, name=programme[0], defaults={"track": programme[1]}
    )
    year, _ = SchoolYear.objects.update_or_create(
        institution=institution,
        start_date=date(2026, 8, 1),
        defaults={"name": "2026-2027", "end_date": date(2027, 7, 31)},
    )
    school_by_number = {}
    for s_name, number, city, street, postal, region, partner, s_country in schools:
        school_by_number[number], _ = School.objects.update_or_create(
            institution=institution,
            school_number=number,
            defaults={
                "name": s_name,
                "city": city,
                "street": street,
                "postal_code": postal,
                "region": region,
                "in_partnership": partner,
                "country": s_country,
            },
        )
    logins: list[Login] = []
    people: dict[tuple[str, str | None], Person] = {}
    for spec in staff:
        person = _person(institution, spec.first_name, spec.last_name, spec.email, spec.has_account)
        for role, number in spec.roles:
            school = school_by_number[number] if number else None
            RoleAssignment.objects.get_or_create(person=person, role=role, school=school)
            people.setdefault((role, number), person)
            if spec.has_account:
                logins.append((role, spec.email))
    for spec in students:
        email = (
            f"{spec.first_name}.{spec.last_name}".lower().replace(" ", "") + f"@{student_domain}"
        )
        email = email.replace("ë", "e")
        profile = _student(institution, programme_obj, spec, email)
        logins.append((Role.STUDENT, email))
        if spec.school:
            _placement(profile, school_by_number[spec.school], year, spec, people)
    return list(dict.fromkeys(logins))


def _person(
    institution: Institution, first_name: str, last_name: str, email: str, has_account: bool
) -> Person:
    user = None
    if has_account:
        user, _ = User.objects.get_or_create(
            email=email, defaults={"first_name": first_name, "last_name": last_name}
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    person, _ = Person.objects.update_or_create(
        institution=institution,
        email=email,
        defaults={"first_name": first_name, "last_name": last_name, "user": user},
    )
    return person


def _student(
    institution: Institution, programme: Programme, spec: _StudentSpec, email: str
) -> StudentProfile:
    person = _person(institution, spec.first_name, spec.last_name, email, has_account=True)
    profile, _ = StudentProfile.objects.update_or_create(
        person=person,
        defaults={
            "institution": institution,
            "programme": programme,
            "student_number": spec.number,
            "lio_year": spec.lio_year,
        },
    )
    return profile


def _placement(
    profile: StudentProfile,
    school: School,
    year: SchoolYear,
    spec: _StudentSpec,
    people: dict[tuple[str, str | None], Person],
) -> Placement:
    start, end = _period(school, spec, year)
    placement, _ = Placement.objects.update_or_create(
        student=profile,
        school_year=year,
        defaults={
            "school": school,
            "class_name": spec.class_name,
            "grades": list(spec.grades),
            "status": spec.status,
            "mentor": people.get((Role.MENTOR, school.school_number)),
            "director": people.get((Role.DIRECTOR, school.school_number)),
            "study_coach": people.get((Role.STUDY_COACH, None)),
            "weekdays": list(spec.weekdays),
            "start_date": start,
            "end_date": end,
        },
    )
    return placement


def _period(
    school: School, spec: _StudentSpec, year: SchoolYear
) -> tuple[date | None, date | None]:
    """Track NL: the planner's 25-day period; track VL: the placement runs all school year."""
    if spec.start and spec.weekdays:
        plan = plan_lio_period(spec.start, set(spec.weekdays), school.region)
        return plan.start_date, plan.end_date
    if school.country == Country.BE and spec.status != Placement.Status.PLANNED:
        return date(2026, 9, 1), date(2027, 6, 30)
    return None, None
