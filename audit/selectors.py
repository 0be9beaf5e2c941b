"""The readable history of a record: who acted, when, and which fields changed how.

Reads the history tables of django-simple-history. Each source (the record itself, its
signature requests and signatures, …) costs one query, and the names behind foreign keys
one query per related model: the count does not grow with the number of history rows.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from .history import audited_field_names
from .values import display_value

# Bookkeeping every row has; showing it would only repeat the entry's time or the page.
_HIDDEN = frozenset({"id", "created_at", "updated_at", "content_type", "object_id"})


@dataclass(frozen=True)
class Source:
    """One model whose history rows matching `filters` belong to the record."""

    model: type[models.Model]
    filters: dict[str, Any]


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    who: str
    by_link: bool
    subject: str
    action: str
    changes: tuple[FieldChange, ...]


def record_history(*, sources: Sequence[Source]) -> list[HistoryEntry]:
    """Every recorded change of the sources, newest first."""
    entries: list[HistoryEntry] = []
    for source in sources:
        history = getattr(source.model, source.model._meta.simple_history_manager_attribute)  # type: ignore[attr-defined]
        rows = list(
            history.filter(**source.filters)
            .select_related("history_person", "history_user")
            .order_by("history_date", "history_id")
        )
        fields = _shown_fields(source.model)
        names = _related_names(fields, rows)
        entries += _entries(source.model, fields, rows, names)
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries


def _shown_fields(model: type[models.Model]) -> list[models.Field]:
    kept = audited_field_names(model)
    return [
        field
        for field in model._meta.concrete_fields
        if field.name in kept and field.name not in _HIDDEN
    ]


def _related_names(
    fields: Iterable[models.Field], rows: Sequence[Any]
) -> dict[tuple[type[models.Model], Any], str]:
    """The names of every object a foreign key of the rows points at, one query per model."""
    wanted: dict[type[models.Model], set[Any]] = defaultdict(set)
    for field in fields:
        if field.is_relation and field.related_model is not None:
            wanted[field.related_model] |= {getattr(row, field.attname) for row in rows} - {None}
    names = {}
    for model, pks in wanted.items():
        if pks:
            for pk, obj in model._default_manager.select_related().in_bulk(pks).items():
                names[(model, pk)] = str(obj)
    return names


def _entries(
    model: type[models.Model],
    fields: Sequence[models.Field],
    rows: Sequence[Any],
    names: dict[tuple[type[models.Model], Any], str],
) -> list[HistoryEntry]:
    actions = {"+": _("created"), "~": _("changed"), "-": _("deleted")}
    previous: dict[Any, Any] = {}
    entries = []
    for row in rows:
        before = previous.get(row.id)
        previous[row.id] = row
        changes = () if row.history_type == "-" else _changes(fields, before, row, names)
        if row.history_type == "~" and before is not None and not changes:
            continue
        entries.append(
            HistoryEntry(
                when=row.history_date,
                who=_who(row),
                by_link=row.history_person_id is not None and row.history_user_id is None,
                subject=str(model._meta.verbose_name),
                action=str(actions[row.history_type]),
                changes=changes,
            )
        )
    return entries


def _changes(
    fields: Sequence[models.Field],
    before: Any,
    after: Any,
    names: dict[tuple[type[models.Model], Any], str],
) -> tuple[FieldChange, ...]:
    """The fields whose value differs; without an earlier row, every field that has one."""
    changes = []
    for field in fields:
        new = getattr(after, field.attname)
        old = getattr(before, field.attname) if before is not None else None
        if new == old or (before is None and new in (None, "", [], {})):
            continue
        changes.append(
            FieldChange(
                label=str(field.verbose_name),
                old=display_value(field, old, names) if before is not None else "",
                new=display_value(field, new, names),
            )
        )
    return tuple(changes)


def _who(row: Any) -> str:
    if row.history_person is not None:
        return row.history_person.full_name
    if row.history_user is not None:
        return str(row.history_user)
    return _("the portal (automatic)")
