"""Test-time guard: QuerySet.update / bulk_update / bulk_create on an audited model fail.

Installed for every test by tests/conftest.py; `@pytest.mark.unaudited_writes` marks a test
that changes records behind the app's back on purpose. simple-history's own *_with_history
utilities may write in bulk (they record the history rows themselves), and so may Django's
delete collector when it sets the references to a deleted record to NULL.
"""

import sys
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from django.db.models import QuerySet

from audit.writes import bulk_write_check

_ALLOWED = ("simple_history.", "django.db.models.deletion")
_PASS_THROUGH = ("django.", __name__)


def _allowed_caller() -> bool:
    """True when simple-history's bulk utilities or Django's delete collector (the SET_NULL of
    rows that point at a deleted record, whose delete is in its history) make the write."""
    frame = sys._getframe(2)
    while frame is not None:
        name = str(frame.f_globals.get("__name__", ""))
        if name.startswith(_ALLOWED):
            return True
        if not name.startswith(_PASS_THROUGH):
            return False
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _guarded(operation: str, fields_of: Callable[..., Iterable[str] | None]) -> Callable[..., Any]:
    original = getattr(QuerySet, operation)

    def guarded(self: QuerySet, *args: Any, **kwargs: Any) -> Any:
        if not _allowed_caller():
            bulk_write_check(
                model=self.model, operation=operation, fields=fields_of(*args, **kwargs)
            )
        return original(self, *args, **kwargs)

    return guarded


def _update_fields(**kwargs: Any) -> Iterable[str]:
    return kwargs.keys()


def _bulk_update_fields(objs: Any, fields: Iterable[str], *args: Any, **kwargs: Any) -> Any:
    return fields


def _bulk_create_fields(*args: Any, **kwargs: Any) -> None:
    return None


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QuerySet, "update", _guarded("update", _update_fields))
    monkeypatch.setattr(QuerySet, "bulk_update", _guarded("bulk_update", _bulk_update_fields))
    monkeypatch.setattr(QuerySet, "bulk_create", _guarded("bulk_create", _bulk_create_fields))
