"""Structured logging: one JSON object per line on standard output, with the request id.

A log line never carries personal data: the user appears as an id, e-mail addresses are masked,
and secrets in personal links (`/sign/<token>/`, `/calendar/<token>.ics`, password-reset links)
are replaced by `<redacted>`. Only the fields listed in `_EXTRA_FIELDS` are copied from a
record, so an object passed in `extra` (Django passes the whole request) never reaches the log.
"""

import json
import logging
import re
from contextvars import ContextVar, Token
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject, empty

REDACTED = "<redacted>"
_EXTRA_FIELDS = ("method", "path", "status", "duration_ms", "job")
# A secret in a URL path is a long run of URL-safe characters after a "/" (query strings are
# never logged) that has capitals (random tokens, signed values) or a long hexadecimal part
# (password-reset tokens). Page names, module paths in tracebacks and UUIDs have neither.
_TOKEN_CANDIDATE = re.compile(r"(?<=/)[A-Za-z0-9_\-:~]{20,}")
_HEX_RUN = re.compile(r"[0-9a-f]{16,}")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")


# The request this thread is serving; its `request_id` attribute is set by the middleware.
_current: ContextVar[HttpRequest | None] = ContextVar("lio_request", default=None)


def bind_request(request: HttpRequest) -> Token[HttpRequest | None]:
    """Tag every record logged while this request is served (undo with `unbind_request`)."""
    return _current.set(request)


def unbind_request(token: Token[HttpRequest | None]) -> None:
    _current.reset(token)


def redact(text: str) -> str:
    """Mask URL secrets and e-mail addresses in a message, a path or a traceback."""
    text = _TOKEN_CANDIDATE.sub(_mask_token, text)
    return _EMAIL.sub("<email>", text)


def _mask_token(match: re.Match[str]) -> str:
    return REDACTED if _looks_secret(match.group()) else match.group()


def _looks_secret(candidate: str) -> bool:
    if any(character.isupper() for character in candidate):
        return True
    return any(not run.isdigit() and not run.isalpha() for run in _HEX_RUN.findall(candidate))


def user_id_of(request: object) -> int | None:
    """The id of the logged-in user, without loading the user when the request never did."""
    user = getattr(request, "user", None)
    if user is None or (isinstance(user, SimpleLazyObject) and user._wrapped is empty):
        return None
    return user.pk if user.is_authenticated else None


class RequestContextFilter(logging.Filter):
    """Add `request_id`, `user_id` (and, for Django's request errors, method and path)."""

    def filter(self, record: logging.LogRecord) -> bool:
        # Django logs a 4xx response after the middleware is done, passing the request along.
        request = getattr(record, "request", None)
        if not isinstance(request, HttpRequest):
            request = _current.get()
        record.request_id = getattr(request, "request_id", None)
        record.user_id = user_id_of(request)
        if request is not None and not hasattr(record, "path"):
            record.method = request.method
            record.path = redact(request.path)
        if hasattr(record, "status_code") and not hasattr(record, "status"):
            record.status = record.status_code
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request and user ids, extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": _timestamp(record),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            "request_id": getattr(record, "request_id", None),
            "user_id": getattr(record, "user_id", None),
        }
        for field in _EXTRA_FIELDS:
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def _timestamp(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds")


class TextFormatter(logging.Formatter):
    """Readable lines for development, redacted like the JSON ones."""

    def __init__(self) -> None:
        super().__init__(
            "%(asctime)s %(levelname)s %(name)s [%(request_id)s user=%(user_id)s] %(message)s"
        )

    def format(self, record: logging.LogRecord) -> str:
        record.__dict__.setdefault("request_id", None)
        record.__dict__.setdefault("user_id", None)
        return redact(super().format(record))
