"""Bulk writes on audited models bypass the history (no `save()`, no row per change).

Services never use them; the test suite fails any `QuerySet.update`, `bulk_update` or
`bulk_create` on an audited model (tests/conftest.py). Code that deliberately writes without
history, only the demo seeders, says so with `unaudited_writes()`.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .history import audited_field_names, is_audited

_allowed: ContextVar[bool] = ContextVar("unaudited_writes", default=False)


@contextmanager
def unaudited_writes() -> Iterator[None]:
    """Allow bulk writes without history inside this block (demo and load-test data only)."""
    token = _allowed.set(True)
    try:
        yield
    finally:
        _allowed.reset(token)


def unaudited_writes_allowed() -> bool:
    return _allowed.get()


class UnauditedWriteError(AssertionError):
    """A bulk write would change an audited model's history fields without a history row."""


def bulk_write_check(*, model: type, operation: str, fields: Iterable[str] | None) -> None:
    """Refuse `operation` (update, bulk_update, bulk_create) on an audited model.

    Rule (issue 10): every change to a form, a signature or a placement is in its history, so
    services save row by row. Allowed: writes that touch only fields the history leaves out
    (caches such as the day-log counters), and blocks marked `unaudited_writes()`.
    """
    if not is_audited(model) or unaudited_writes_allowed():
        return
    meta = model._meta  # type: ignore[attr-defined]
    if fields is not None:
        names = {meta.get_field(name).name for name in fields}
        if not names & audited_field_names(model):
            return
    raise UnauditedWriteError(
        f"{operation}() on {meta.label} leaves no history: save() each row, or use "
        "simple-history's *_with_history utilities."
    )
