"""Retention: RETENTION_YEARS after the end of a student's last placement, their files are
deleted and the personal fields anonymised; the anonymous statistics stay.

The rules (docs/decisions.md, "Personal data"):
- a placement is past retention when its end (its end date, else its school year's end) lies
  more than RETENTION_YEARS before today; a student when all of their placements are;
- of a student past retention, every registered section's files are deleted (storage and
  field) and its free text emptied; signatures over that content are voided;
- a person is anonymised (name, e-mail, phone, account) when they are a student past
  retention or staff whose roles in placements (mentor, assessor, …) all belong to students
  past retention; staff with an institution role (coordinator, study coach, …) are kept;
- records, states, results, credits and day counts stay, so the statistics do not change;
- the historical rows (django-simple-history) of anonymised records are deleted.
Running it again changes nothing; `dry_run` reports what would happen and changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.db.models import CharField, Q, QuerySet, Value
from django.db.models.functions import Cast, Coalesce, Concat

from accounts.models import User
from audit.writes import unaudited_writes
from internships.models import Person, Placement, RoleAssignment, StudentProfile

from .models import Anonymisation
from .registry import Section, sections

ANONYMOUS_DOMAIN = "anonymised.invalid"


@dataclass
class RetentionReport:
    cutoff: date
    students: int = 0
    people: int = 0
    files: int = 0
    history_rows: int = 0
    rows: dict[str, int] = field(default_factory=dict)


def retention_cutoff(*, today: date, years: int) -> date:
    """Placements that ended before this day are past retention (29 February → 28th)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def students_past_retention(*, cutoff: date) -> QuerySet[StudentProfile]:
    placements = Placement.objects.annotate(ends=Coalesce("end_date", "school_year__end_date"))
    return StudentProfile.objects.filter(
        pk__in=placements.filter(ends__lt=cutoff).values("student")
    ).exclude(pk__in=placements.filter(ends__gte=cutoff).values("student"))


def people_to_anonymise(*, expired: QuerySet[StudentProfile]) -> QuerySet[Person]:
    """Students past retention, and staff with no role left in a retained placement."""
    retained = StudentProfile.objects.exclude(pk__in=expired)
    expired_staff, retained_staff = set(), set()
    for section in sections():
        if section.owner is None or not section.roles:
            continue
        manager = section.model._default_manager
        for role in section.roles:
            expired_staff |= set(
                manager.filter(section.owner(expired)).values_list(role, flat=True)
            )
            retained_staff |= set(
                manager.filter(section.owner(retained)).values_list(role, flat=True)
            )
    institution_staff = RoleAssignment.objects.filter(school__isnull=True).values("person")
    staff = (
        Person.objects.filter(pk__in=expired_staff - retained_staff - {None})
        .exclude(pk__in=institution_staff)
        .exclude(student_profile__in=retained)
    )
    students = Person.objects.filter(student_profile__in=expired)
    return (students | staff).exclude(anonymisation__isnull=False).distinct()


@transaction.atomic
def retention_apply(*, today: date, years: int, dry_run: bool = False) -> RetentionReport:
    """Apply the retention rules above; with `dry_run` everything is rolled back.

    Bulk writes without history on purpose: the history of these rows is what is erased."""
    with unaudited_writes():
        return _retention_apply(today=today, years=years, dry_run=dry_run)


def _retention_apply(*, today: date, years: int, dry_run: bool) -> RetentionReport:
    report = RetentionReport(cutoff=retention_cutoff(today=today, years=years))
    expired = students_past_retention(cutoff=report.cutoff)
    report.students = expired.count()
    people = list(people_to_anonymise(expired=expired).values_list("pk", flat=True))
    history = _History()
    for section in sections():
        if section.owner is not None:
            rows = section.model._default_manager.filter(section.owner(expired))
            report.rows[section.name] = _anonymise_rows(section, rows, report, history)
        _blank_person_copies(section, people, history)
    report.people = _anonymise_people(people, history)
    report.history_rows = history.purge()
    if dry_run:
        transaction.set_rollback(True)
    return report


def _anonymise_rows(
    section: Section, rows: QuerySet[Any], report: RetentionReport, history: "_History"
) -> int:
    """Void what depends on the content, delete the files, empty the free text."""
    if section.on_expiry is not None:
        section.on_expiry(rows)
    blanks = {name: _blank(section.model, name) for name in section.free_text}
    blanks.update(dict(section.filler))
    if section.file_field:
        report.files += _delete_files(section, rows)
        blanks[section.file_field] = ""
        if section.original_name_field:
            blanks[section.original_name_field] = ""
    if not blanks:
        return 0
    history.add(section.model, rows)
    return rows.exclude(_all_blank(blanks)).update(**blanks)


def _delete_files(section: Section, rows: QuerySet[Any]) -> int:
    """Delete the stored files once the transaction commits (never in a dry run)."""
    file_field = section.file_field or ""
    storage = section.model._meta.get_field(file_field).storage  # type: ignore[union-attr]
    names = list(rows.exclude(**{file_field: ""}).values_list(file_field, flat=True))

    def delete() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)
    return len(names)


def _blank_person_copies(section: Section, people: list[int], history: "_History") -> None:
    """Names and addresses copied from an anonymised person (a signer's name at signing)."""
    for person_field, copies in section.person_copies:
        blanks = {name: _blank(section.model, name) for name in copies}
        rows = section.model._default_manager.filter(**{f"{person_field}__in": people})
        changed = rows.exclude(_all_blank(blanks))
        history.add(section.model, changed)
        changed.update(**blanks)


def _anonymise_people(people: list[int], history: "_History") -> int:
    """Name, e-mail, phone and account of each person; the row stays for the statistics."""
    persons = Person.objects.filter(pk__in=people)
    history.add(Person, persons)
    history.add(StudentProfile, StudentProfile.objects.filter(person__in=people))
    users = User.objects.filter(persons__in=people).exclude(
        persons__in=Person.objects.exclude(pk__in=people).filter(anonymisation__isnull=True)
    )
    users.update(
        email=Concat(Value("user-"), Cast("pk", CharField()), Value(f"@{ANONYMOUS_DOMAIN}")),
        first_name="",
        last_name="",
        is_active=False,
        password=make_password(None),
    )
    StudentProfile.objects.filter(person__in=people).update(
        student_number=Concat(Value("anon-"), Cast("pk", CharField())),
        calendar_feed_token=None,
    )
    count = persons.update(
        first_name="Anon",
        last_name=Concat(Value("#"), Cast("pk", CharField())),
        email=Concat(Value("person-"), Cast("pk", CharField()), Value(f"@{ANONYMOUS_DOMAIN}")),
        phone="",
        user=None,
    )
    Anonymisation.objects.bulk_create([Anonymisation(person_id=pk) for pk in people])
    return count


def _blank(model: type[models.Model], name: str) -> Any:
    model_field = model._meta.get_field(name)
    if isinstance(model_field, models.JSONField):
        return model_field.get_default()
    return None if model_field.null else ""


def _all_blank(blanks: dict[str, Any]) -> Q:
    query = Q()
    for name, value in blanks.items():
        query &= Q(**{f"{name}__isnull": True}) if value is None else Q(**{name: value})
    return query


class _History:
    """The historical rows (django-simple-history) of anonymised records, deleted at the end."""

    def __init__(self) -> None:
        self.ids: dict[type[models.Model], set[int]] = {}

    def add(self, model: type[models.Model], rows: QuerySet[Any]) -> None:
        if _historical_model(model) is not None:
            self.ids.setdefault(model, set()).update(rows.values_list("pk", flat=True))

    def purge(self) -> int:
        deleted = 0
        for model, ids in self.ids.items():
            historical = _historical_model(model)
            if historical is not None and ids:
                deleted += historical._default_manager.filter(id__in=ids).delete()[0]
        return deleted


def _historical_model(model: type[models.Model]) -> type[models.Model] | None:
    if not apps.is_installed("simple_history"):
        return None
    attribute = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, attribute).model if attribute else None
