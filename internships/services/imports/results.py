"""What the import would do with each row: new, changed, unchanged, or an error and why."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class RowStatus(models.TextChoices):
    NEW = "new", _("New")
    CHANGED = "changed", _("Changed")
    UNCHANGED = "unchanged", _("Unchanged")
    ERROR = "error", _("Error")


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


@dataclass
class RowResult:
    line: int
    key: str
    name: str
    status: str = RowStatus.UNCHANGED
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Writes the row; set for new and changed rows, run only when the whole file is valid.
    apply: Callable[[], None] | None = field(default=None, repr=False)

    def fail(self, *messages: str) -> None:
        self.status = RowStatus.ERROR
        self.errors.extend(str(message) for message in messages)
        self.apply = None

    def fail_validation(self, exc: ValidationError, labels: dict[str, str]) -> None:
        """Model validation errors, each prefixed with the column it is about."""
        if hasattr(exc, "error_dict"):
            for name, errors in exc.message_dict.items():
                prefix = f"{labels[name]}: " if name in labels else ""
                self.fail(*(prefix + message for message in errors))
        else:
            self.fail(*exc.messages)

    def get_status_display(self) -> str:
        return str(RowStatus(self.status).label)


def track_changes(
    instance: models.Model, values: dict[str, object], labels: dict[str, str]
) -> list[Change]:
    """Set `values` on `instance`; return what differs from before (nothing for a new one)."""
    if instance.pk is None:
        for name, value in values.items():
            setattr(instance, name, value)
        return []
    changes = []
    for name, new in values.items():
        old = getattr(instance, name)
        if old != new:
            changes.append(Change(labels[name], _display(old), _display(new)))
            setattr(instance, name, new)
    return changes


def saver(*instances: models.Model) -> Callable[[], None]:
    """Save the instances, in order, when the import is confirmed."""

    def save() -> None:
        for instance in instances:
            instance.save()

    return save


def _display(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


@dataclass
class ImportPreview:
    kind: str
    fmt: str
    rows: list[RowResult]
    ignored_columns: list[str] = field(default_factory=list)
    token: str = ""  # names the stored file between the preview and the confirmation

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        return [(status.value, str(status.label), self.count(status)) for status in RowStatus]

    @property
    def new_count(self) -> int:
        return self.count(RowStatus.NEW)

    @property
    def changed_count(self) -> int:
        return self.count(RowStatus.CHANGED)

    @property
    def has_errors(self) -> bool:
        return any(row.status == RowStatus.ERROR for row in self.rows)

    @property
    def has_writes(self) -> bool:
        return any(row.status in (RowStatus.NEW, RowStatus.CHANGED) for row in self.rows)
