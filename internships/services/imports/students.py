"""Import plan for students, keyed on the student number within the institution.

A new student gets a person record and an account without a password (they choose one with
"Forgot your password?"); an account that already exists with that e-mail address is linked
instead. A changed e-mail address changes the person's contact address, not the login of an
existing account.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from accounts.models import User

from ...models import Institution, Person, Programme, StudentProfile
from .columns import STUDENT_COLUMNS, labels
from .results import RowResult, RowStatus, saver, track_changes
from .table import Table


@dataclass
class _Known:
    """What the institution already has, loaded once for the whole file."""

    students: dict[str, StudentProfile]
    person_ids_by_email: dict[str, int]
    programmes: dict[str, Programme]
    users: dict[str, User]
    linked_user_ids: set[int]


def _known(institution: Institution, table: Table) -> _Known:
    people = Person.objects.filter(institution=institution)
    emails = {row.get("email", "").lower() for _line, row in table.rows}
    return _Known(
        students={
            profile.student_number: profile
            for profile in StudentProfile.objects.filter(institution=institution).select_related(
                "person", "programme"
            )
        },
        person_ids_by_email={email.lower(): pk for pk, email in people.values_list("pk", "email")},
        programmes={p.name.lower(): p for p in Programme.objects.filter(institution=institution)},
        users={
            user.email.lower(): user
            for user in User.objects.annotate(lower=Lower("email")).filter(lower__in=emails)
        },
        linked_user_ids=set(people.exclude(user=None).values_list("user_id", flat=True)),
    )


def plan_students(*, institution: Institution, table: Table) -> list[RowResult]:
    known = _known(institution, table)
    seen_numbers: dict[str, int] = {}
    seen_emails: dict[str, int] = {}
    results = []
    for line, row in table.rows:
        number, email = row.get("student_number", ""), row.get("email", "").lower()
        name = " ".join(
            filter(None, (row.get("first_name"), row.get("name_prefix"), row.get("last_name")))
        )
        result = RowResult(line=line, key=number, name=name)
        results.append(result)
        for value, seen, message in (
            (number, seen_numbers, _("Student number %(value)s is also on line %(line)s.")),
            (email, seen_emails, _("E-mail address %(value)s is also on line %(line)s.")),
        ):
            if value and value in seen:
                result.fail(message % {"value": value, "line": seen[value]})
            seen.setdefault(value, line)
        if not result.errors:
            _plan_student(result, row, institution, known)
    return results


def _programme(row: dict[str, str], known: _Known, result: RowResult) -> Programme | None:
    name = row.get("programme", "")
    if not name and len(known.programmes) == 1:
        return next(iter(known.programmes.values()))
    programme = known.programmes.get(name.lower())
    if programme is None:
        result.fail(
            _("Unknown programme “%(value)s”: use one of %(known)s.")
            % {"value": name, "known": ", ".join(p.name for p in known.programmes.values())}
        )
    return programme


def _lio_year(row: dict[str, str], result: RowResult) -> int | None:
    value = row.get("lio_year", "")
    if value in ("", "1", "2"):
        return int(value) if value else None
    result.fail(_("LIO year: write 1, 2 or leave it empty."))
    return None


def _plan_student(
    result: RowResult, row: dict[str, str], institution: Institution, known: _Known
) -> None:
    programme, lio_year = _programme(row, known, result), _lio_year(row, result)
    if result.errors:
        return
    email = row.get("email", "").lower()
    last_name = " ".join(filter(None, (row.get("name_prefix"), row.get("last_name"))))
    profile = known.students.get(result.key)
    person = profile.person if profile else Person(institution=institution)
    if known.person_ids_by_email.get(email, person.pk) != person.pk:
        result.fail(
            _("Another person of the institution has the e-mail address %(email)s.")
            % {"email": email}
        )
        return
    names = labels(STUDENT_COLUMNS)
    changes = track_changes(
        person,
        {"first_name": row.get("first_name", ""), "last_name": last_name, "email": email},
        names,
    )
    if profile is None:
        profile = StudentProfile(institution=institution, student_number=result.key)
    changes += track_changes(profile, {"programme": programme, "lio_year": lio_year}, names)
    try:
        person.full_clean(exclude=["user"], validate_unique=False, validate_constraints=False)
        profile.full_clean(exclude=["person"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        result.fail_validation(exc, names)
        return
    if person.pk is None:
        result.status, result.apply = RowStatus.NEW, _creator(person, profile, known)
    elif changes:
        result.status, result.changes = RowStatus.CHANGED, changes
        result.apply = saver(person, profile)


def _creator(person: Person, profile: StudentProfile, known: _Known) -> Callable[[], None]:
    def create() -> None:
        user = known.users.get(person.email)
        if user is None:
            user = User(
                email=person.email, first_name=person.first_name, last_name=person.last_name
            )
            user.set_unusable_password()
            user.save()
        if user.pk not in known.linked_user_ids:
            person.user = user
        person.save()
        profile.person = person
        profile.save()

    return create
