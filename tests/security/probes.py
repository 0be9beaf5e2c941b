"""Helpers of the security tests: the client for a role, a POST that leaves the client's
session as it was, a snapshot of every row of the portal's apps, and the figures to report."""

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookies import SimpleCookie
from typing import Any

from django.apps import apps
from django.test import Client

from tests.security.routes import ANONYMOUS, LINK_HOLDER, target_of
from tests.security.worlds import SecurityWorld
from tests.security_headers import assert_security_headers

# The apps whose rows a refused request must leave alone.
PORTAL_APPS = (
    "accounts",
    "internships",
    "portfolio",
    "assessments",
    "signoffs",
    "audit",
    "privacy",
)
# Bookkeeping that opening a page may update.
VOLATILE_FIELDS = {"last_used_at", "last_login"}
# What the tests tried, for the figures in docs/security.md (printed after the run).
FIGURES: Counter[str] = Counter()
# Sent with every POST a role may not make: fields a form must never take from the browser.
HOSTILE_FIELDS = {
    "action": "sign",
    "confirm": "on",
    "status": "confirmed",
    "result": "fail",
    "signed_at": "2031-01-01T09:00",
    "start_date": "2031-01-01",
    "end_date": "2031-06-30",
    "date": "2031-01-01",
    "approved_on": "2031-01-01",
}


UPLOAD_CSP = "default-src 'none'; sandbox"


def assert_headers(response: Any) -> None:
    """The page headers on every page; a stored file served back carries its own stricter
    policy (no content at all, sandboxed), `nosniff` and a file name."""
    if response.headers.get("Content-Security-Policy") != UPLOAD_CSP:
        assert_security_headers(response)
        return
    where = f"{response.status_code} {response.wsgi_request.path}"
    assert response.headers["X-Content-Type-Options"] == "nosniff", where
    assert response.headers["X-Frame-Options"] == "DENY", where
    assert response.headers["Referrer-Policy"] == "same-origin", where
    assert "filename=" in response.headers["Content-Disposition"], where


def client_for_role(sessions: Any, name: str, role: str) -> tuple[Client, bool]:
    """The client of `role` in the route's world, and whether it carries the real token."""
    if role == ANONYMOUS:
        return Client(), False
    if role == LINK_HOLDER:
        return sessions.link_holder, True
    return sessions.owners[target_of(name).world][role], False


@contextmanager
def same_session(client: Client) -> Iterator[Client]:
    """Whatever the request does to the cookies (a logout, a new language), the client keeps
    its own session afterwards."""
    saved = SimpleCookie(client.cookies)
    try:
        yield client
    finally:
        client.cookies = saved


Rows = dict[tuple[str, object], dict[str, object]]


def snapshot() -> Rows:
    """Every row of the portal's apps (history tables included), keyed by model and key."""
    rows: Rows = {}
    for app in PORTAL_APPS:
        for model in apps.get_app_config(app).get_models():
            names = [
                f.attname for f in model._meta.concrete_fields if f.name not in VOLATILE_FIELDS
            ]
            pk = model._meta.pk.attname
            for values in model._default_manager.order_by(pk).values(*names):
                rows[(model._meta.label, values[pk])] = values
    return rows


def changed_rows(before: Rows, after: Rows | None = None) -> list[tuple[str, object]]:
    after = snapshot() if after is None else after
    return sorted(
        (key for key in before.keys() | after.keys() if before.get(key) != after.get(key)),
        key=str,
    )


def other_world(sessions: Any, key: str) -> SecurityWorld:
    return next(w for k, w in sessions.worlds.items() if k != key)
