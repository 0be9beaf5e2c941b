"""A field's value as people read it: choices by label, foreign keys by name, dates localised."""

from datetime import date, datetime, time
from pathlib import PurePosixPath
from typing import Any

from django.db import models
from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from internships.models import Responsibility, Role

# Fields that store a value of a known list without declaring `choices`.
_LABELS: dict[str, dict[Any, Any]] = {
    "role": dict(Role.choices),
    "weekdays": dict(WEEKDAYS),
    "responsibilities": dict(Responsibility.choices),
}

EMPTY = "—"


def display_value(
    field: models.Field, value: Any, names: dict[tuple[type[models.Model], Any], str]
) -> str:
    """`value` of `field` for the history page; `names` holds the names of related objects."""
    if value is None or value == "" or value == []:
        return EMPTY
    if field.is_relation and field.related_model is not None:
        return names.get((field.related_model, value), _("(removed)"))
    if isinstance(value, list):
        return ", ".join(_choice(field, item) for item in value)
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(field, models.FileField) or field.name == "file":
        return PurePosixPath(str(value)).name
    return _choice(field, value)


def _choice(field: models.Field, value: Any) -> str:
    choices = dict(field.flatchoices) if field.choices else _LABELS.get(field.name, {})
    if value in choices:
        return str(choices[value])
    if isinstance(value, datetime):
        return formats.localize(timezone.localtime(value))
    if isinstance(value, date | time):
        return formats.localize(value)
    return str(value)
