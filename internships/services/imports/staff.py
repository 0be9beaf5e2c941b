"""Import plan for school staff: one row per person, role and school.

A person is keyed on the e-mail address within the institution (one person may have several
rows: a mentor who is also the practice supervisor). School staff get no account: they act
from personal e-mail links (DOMAIN.md "People and roles"). Only school roles are imported;
the schools must exist (import them first).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ...models import SCHOOL_ROLES, Institution, Person, Role, RoleAssignment, School
from .columns import STAFF_COLUMNS, labels
from .results import Change, RowResult, RowStatus
from .table import Table, normalise_header

_ROLE_NAMES = {
    Role.MENTOR: ("mentor", "schoolmentor", "aanvangsbegeleider"),
    Role.DIRECTOR: ("director", "school director", "directeur", "directie", "schooldirecteur"),
    Role.SCHOOL_TEACHER_EDUCATOR: ("schoolopleider", "school-based teacher educator"),
    Role.PRACTICE_SUPERVISOR: ("praktijkbegeleider", "practice supervisor"),
    Role.QUALIFIED_SUPERVISOR: ("gekwalificeerde begeleider", "qualified supervisor"),
}
ROLES = {
    normalise_header(name): role
    for role, names in _ROLE_NAMES.items()
    for name in (role.value, *names)
}


@dataclass
class _PersonPlan:
    """One person of the file, saved once however many rows name them."""

    person: Person
    line: int
    dirty: bool = False

    def save(self) -> None:
        if self.person.pk is None or self.dirty:
            self.person.save()
            self.dirty = False


@dataclass
class _Known:
    people: dict[str, Person]
    student_person_ids: set[int]
    schools: dict[str, School]
    roles: set[tuple[int, str, int]]
    planned: dict[str, _PersonPlan] = field(default_factory=dict)
    planned_roles: dict[tuple[str, str, int], int] = field(default_factory=dict)


def _known(institution: Institution) -> _Known:
    people = Person.objects.filter(institution=institution)
    return _Known(
        people={person.email.lower(): person for person in people},
        student_person_ids=set(
            people.filter(student_profile__isnull=False).values_list("pk", flat=True)
        ),
        schools={
            s.school_number.upper(): s for s in School.objects.filter(institution=institution)
        },
        roles=set(
            RoleAssignment.objects.filter(
                person__institution=institution, school__isnull=False
            ).values_list("person_id", "role", "school_id")
        ),
    )


def plan_staff(*, institution: Institution, table: Table) -> list[RowResult]:
    known = _known(institution)
    results = []
    for line, row in table.rows:
        email = row.get("email", "").lower()
        name = " ".join(
            filter(None, (row.get("first_name"), row.get("name_prefix"), row.get("last_name")))
        )
        result = RowResult(line=line, key=email, name=name)
        results.append(result)
        role, school = _role_and_school(row, known, result)
        if role and school:
            _plan_row(result, row, institution, known, role, school)
    return results


def _role_and_school(
    row: dict[str, str], known: _Known, result: RowResult
) -> tuple[str | None, School | None]:
    role = ROLES.get(normalise_header(row.get("role", "")))
    if role not in SCHOOL_ROLES:
        result.fail(
            _(
                "Unknown role “%(value)s”: use mentor, director, school-based teacher "
                "educator, practice supervisor or qualified supervisor (or the Dutch names)."
            )
            % {"value": row.get("role", "")}
        )
    school = known.schools.get(row.get("school_number", "").upper())
    if school is None:
        result.fail(
            _("No school with number “%(value)s”: import the schools first.")
            % {"value": row.get("school_number", "")}
        )
    return role, school


def _person_plan(
    result: RowResult, row: dict[str, str], institution: Institution, known: _Known
) -> _PersonPlan | None:
    """The person of this row: planned by an earlier row, existing, or new."""
    email = result.key
    values = {
        "first_name": row.get("first_name", ""),
        "last_name": " ".join(filter(None, (row.get("name_prefix"), row.get("last_name")))),
        "phone": row.get("phone", ""),
    }
    plan = known.planned.get(email)
    if plan is not None:
        if any(getattr(plan.person, name) != value for name, value in values.items()):
            result.fail(_("The name or phone differs from line %(line)s.") % {"line": plan.line})
            return None
        return plan
    person = known.people.get(email) or Person(institution=institution, email=email)
    if person.pk in known.student_person_ids:
        result.fail(_("This e-mail address belongs to a student."))
        return None
    plan = _PersonPlan(person=person, line=result.line)
    names = labels(STAFF_COLUMNS)
    result.changes = [
        Change(names[name], str(getattr(person, name) or "—"), value or "—")
        for name, value in values.items()
        if person.pk and getattr(person, name) != value
    ]
    for name, value in values.items():
        setattr(person, name, value)
    plan.dirty = bool(result.changes)
    try:
        person.full_clean(exclude=["user"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        result.fail_validation(exc, names)
        return None
    known.planned[email] = plan
    return plan


def _plan_row(
    result: RowResult,
    row: dict[str, str],
    institution: Institution,
    known: _Known,
    role: str,
    school: School,
) -> None:
    key = (result.key, role, school.pk)
    if key in known.planned_roles:
        result.fail(
            _("The same role is also on line %(line)s.") % {"line": known.planned_roles[key]}
        )
        return
    known.planned_roles[key] = result.line
    plan = _person_plan(result, row, institution, known)
    if plan is None:
        return
    new_role = plan.person.pk is None or (plan.person.pk, role, school.pk) not in known.roles
    if new_role and plan.person.pk is not None:
        result.changes.append(Change(_("role"), "—", f"{Role(role).label} ({school.name})"))
    if plan.person.pk is None:
        result.status = RowStatus.NEW
    elif result.changes:
        result.status = RowStatus.CHANGED
    if result.status == RowStatus.UNCHANGED:
        return

    def apply() -> None:
        plan.save()
        if new_role:
            RoleAssignment.objects.create(person=plan.person, role=role, school=school)

    result.apply = apply
