"""Idle and absolute session timeouts (OWASP ASVS 5.0, V7.3).

Django ends a session at logout (the row is deleted), when the account is deactivated (the
user no longer loads) and after a password change elsewhere (the session's password hash no
longer matches). This middleware adds the two timeouts: SESSION_IDLE_TIMEOUT seconds without
a request, SESSION_ABSOLUTE_TIMEOUT seconds after login, whichever comes first.
"""

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

STARTED_KEY = "_lio_session_started"
LAST_SEEN_KEY = "_lio_session_last_seen"
# Record activity at most once a minute: a request need not write its session every time.
LAST_SEEN_RESOLUTION = 60


class SessionTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        now = int(timezone.now().timestamp())
        if request.user.is_authenticated:
            if session_expired(request.session, now):
                logout(request)
                messages.info(request, _("Your session has ended. Please log in again."))
            else:
                _stamp(request.session, now)
        return self.get_response(request)


def session_start(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """At login (signal `user_logged_in`): the absolute timeout counts from now."""
    if request is not None and hasattr(request, "session"):
        now = int(timezone.now().timestamp())
        request.session[STARTED_KEY] = now
        request.session[LAST_SEEN_KEY] = now


def session_expired(session: SessionBase, now: int) -> bool:
    started = session.get(STARTED_KEY, now)
    last_seen = session.get(LAST_SEEN_KEY, now)
    return (
        now - last_seen >= settings.SESSION_IDLE_TIMEOUT
        or now - started >= settings.SESSION_ABSOLUTE_TIMEOUT
    )


def _stamp(session: SessionBase, now: int) -> None:
    session.setdefault(STARTED_KEY, now)
    if now - session.get(LAST_SEEN_KEY, 0) >= LAST_SEEN_RESOLUTION:
        session[LAST_SEEN_KEY] = now
