"""What each app holds about a person: the sections of the data export and of retention.

Every app lists its personal records in a module `<app>/personal_data.py` that calls
`register(...)` (and `exclude(...)` for a model it deliberately leaves out); the privacy app
imports those modules on start-up. A test fails when a model with a foreign key to a person,
a student or a user is in neither list, so a new app adds its records in one place.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet

# The rows of one person's export (their own records and the ones they wrote).
Subject = Callable[[Any], Q]
# The rows that belong to the records of these students (for retention).
Owner = Callable[[QuerySet[Any]], Q]


@dataclass(frozen=True)
class Section:
    """One kind of record: exported as `<name>.json`, anonymised by the retention job.

    - `fields`: exported values (lookups allowed); `people`: person foreign keys exported as
      the person's full name under `<field>_full_name`;
    - `owner`: the rows that belong to given students (retention); None for records that
      belong to no student (their personal fields go with the person, see `person_copies`);
    - `free_text`: fields written by or about the student, emptied by the retention job
      (`filler` gives a neutral value for a free-text field that may not be empty);
    - `file_field`: the uploaded or generated file: exported under files/, deleted by retention;
    - `roles`: person foreign keys that give their holder a role in the student's placement;
    - `person_copies`: per person foreign key, fields that copy that person's name or address,
      emptied when that person is anonymised;
    - `on_expiry`: called with the rows of expired students before they are anonymised (e.g.
      signatures over content that is about to change are voided).
    """

    name: str
    model: type[models.Model]
    description: Any  # lazily translated, listed in the export's README.txt
    subject: Subject
    fields: tuple[str, ...]
    people: tuple[str, ...] = ()
    owner: Owner | None = None
    free_text: tuple[str, ...] = ()
    filler: tuple[tuple[str, str], ...] = ()
    file_field: str | None = None
    original_name_field: str | None = None
    roles: tuple[str, ...] = ()
    person_copies: tuple[tuple[str, tuple[str, ...]], ...] = ()
    on_expiry: Callable[[QuerySet[Any]], object] | None = None


_SECTIONS: dict[str, Section] = {}
_EXCLUDED: dict[type[models.Model], str] = {}


def register(section: Section) -> None:
    _SECTIONS[section.name] = section


def exclude(model: type[models.Model], *, reason: str) -> None:
    """Declare a model with a person foreign key that is deliberately not exported."""
    _EXCLUDED[model] = reason


def sections() -> list[Section]:
    return sorted(_SECTIONS.values(), key=lambda section: section.name)


def section_for(model: type[models.Model]) -> Section | None:
    return next((s for s in _SECTIONS.values() if s.model is model), None)


def excluded_models() -> dict[type[models.Model], str]:
    return dict(_EXCLUDED)


def by(*lookups: str) -> Subject:
    """A subject: rows where any of these lookups points at the person."""

    def subject(person: Any) -> Q:
        query = Q(pk__in=[])
        for lookup in lookups:
            query |= Q(**{lookup: person.pk})
        return query

    return subject


def via(lookup: str) -> Owner:
    """An owner: rows whose `lookup` (a student profile) is one of the given students."""

    def owner(students: QuerySet[Any]) -> Q:
        return Q(**{f"{lookup}__in": students})

    return owner
