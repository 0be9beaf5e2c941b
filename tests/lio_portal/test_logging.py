"""Structured logs: JSON lines with the request id and user id, never personal data or secrets."""

import io
import json
import logging
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from internships.models import Role
from lio_portal.logging import JsonFormatter, RequestContextFilter, TextFormatter, redact
from tests.conftest import World, client_for

TOKEN = "Xq3vB9kL_p2mZ7rT-w8nY4cJ6hF1dS5gA0eU2iO9uQk"

LogLines = Callable[[], list[dict[str, Any]]]


@pytest.fixture
def log_lines() -> Iterator[LogLines]:
    """The JSON lines the production handler would write, as dictionaries."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestContextFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(old_level)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (f"/sign/{TOKEN}/", "/sign/<redacted>/"),
        (f"/calendar/{TOKEN}.ics", "/calendar/<redacted>.ics"),
        (
            "/accounts/password/reset/MQ/cnw8x2-4b1e5c0f1c6e2d8f8f2a3d1b0c9e8a7f/",
            "/accounts/password/reset/MQ/<redacted>/",
        ),
        ("/placements/12/days/", "/placements/12/days/"),
        ("/signature-requests/3/act/", "/signature-requests/3/act/"),
        ("/start-applications-for-the-coordinator/", "/start-applications-for-the-coordinator/"),
        ("/commands/send_signature_reminders.py", "/commands/send_signature_reminders.py"),
        ("/migrations/0004_guidance_in_practice.py", "/migrations/0004_guidance_in_practice.py"),
        (
            "/tasks/8a1f3c2e-77b0-4d55-9e21-0c6b2a9d4f13/",
            "/tasks/8a1f3c2e-77b0-4d55-9e21-0c6b2a9d4f13/",
        ),
        ("/students/12345678901234567890/", "/students/12345678901234567890/"),
    ],
)
def test_secrets_in_paths_are_redacted(path: str, expected: str) -> None:
    assert redact(path) == expected


def test_email_addresses_are_masked() -> None:
    assert redact("sent to emma.de-boer+lio@student.pabo.example") == "sent to <email>"


def test_a_record_becomes_one_json_line_with_only_known_fields() -> None:
    record = logging.LogRecord("lio", logging.INFO, __file__, 1, "GET %s", ("/x/",), None)
    record.status = 200
    record.request = object()  # what Django passes along: never copied into the log
    RequestContextFilter().filter(record)

    line = JsonFormatter().format(record)

    assert "\n" not in line
    entry = json.loads(line)
    assert set(entry) == {
        "time",
        "level",
        "logger",
        "message",
        "request_id",
        "user_id",
        "status",
    }
    assert entry["message"] == "GET /x/"
    assert entry["level"] == "INFO"
    assert entry["time"].endswith("+00:00")


def test_exceptions_are_logged_redacted() -> None:
    try:
        raise ValueError(f"no signer for /sign/{TOKEN}/ (j.bakker@school.example)")
    except ValueError:
        record = logging.LogRecord(
            "lio", logging.ERROR, __file__, 1, "failed", (), exc_info=sys.exc_info()
        )
    RequestContextFilter().filter(record)

    for line in (JsonFormatter().format(record), TextFormatter().format(record)):
        assert TOKEN not in line
        assert "j.bakker@school.example" not in line
        assert "ValueError" in line


def test_a_safe_incoming_request_id_is_kept(log_lines: LogLines) -> None:
    response = Client().get(reverse("accounts:login"), HTTP_X_REQUEST_ID="lb-7f3a9c21.42")

    assert response["X-Request-ID"] == "lb-7f3a9c21.42"
    access = [e for e in log_lines() if e["logger"] == "lio_portal.access"]
    assert access == [
        {
            "time": access[0]["time"],
            "level": "INFO",
            "logger": "lio_portal.access",
            "message": f"GET {reverse('accounts:login')} 200",
            "request_id": "lb-7f3a9c21.42",
            "user_id": None,
            "method": "GET",
            "path": reverse("accounts:login"),
            "status": 200,
            "duration_ms": access[0]["duration_ms"],
        }
    ]


@pytest.mark.parametrize("incoming", ["", "short", "evil\r\nSet-Cookie: x=1", "a b c d e f g h"])
def test_an_unsafe_request_id_is_replaced(incoming: str, log_lines: LogLines) -> None:
    response = Client().get(reverse("accounts:login"), HTTP_X_REQUEST_ID=incoming)

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert [e["request_id"] for e in log_lines()] == [response["X-Request-ID"]]


@pytest.mark.django_db
def test_a_personal_link_is_logged_without_its_token(log_lines: LogLines) -> None:
    Client().get(f"/sign/{TOKEN}/?lang=en")

    lines = log_lines()
    assert lines
    assert all(TOKEN not in json.dumps(e) and "lang=en" not in json.dumps(e) for e in lines)
    assert {e["path"] for e in lines} == {"/sign/<redacted>/"}


@pytest.mark.django_db
def test_health_checks_are_logged_at_debug_level(log_lines: LogLines) -> None:
    Client().get(reverse("healthz"))

    assert [e["level"] for e in log_lines() if e["logger"] == "lio_portal.access"] == ["DEBUG"]


@pytest.mark.django_db
def test_a_logged_in_user_appears_by_id_only(world: World, log_lines: LogLines) -> None:
    student = world.people[Role.STUDENT]
    client_for(student).get(reverse("internships:my-lio"))

    access = [e for e in log_lines() if e["logger"] == "lio_portal.access"][-1]
    assert access["user_id"] == student.user.pk
    assert student.user.email not in json.dumps(log_lines())


@pytest.mark.django_db
def test_an_error_is_logged_with_the_user_id_and_no_personal_data(
    world: World, log_lines: LogLines
) -> None:
    student = world.people[Role.STUDENT]
    client = client_for(student)
    client.raise_request_exception = False
    failure = RuntimeError(f"cannot render for {student.user.email}")

    with mock.patch("internships.views.StudentHomeView.get", side_effect=failure):
        response = client.get(reverse("internships:my-lio"))

    assert response.status_code == 500
    lines = log_lines()
    error = next(e for e in lines if e["logger"] == "django.request")
    assert error["level"] == "ERROR"
    assert error["user_id"] == student.user.pk
    assert error["status"] == 500
    assert "RuntimeError" in error["exception"]
    assert error["request_id"] == response["X-Request-ID"]
    dumped = json.dumps(lines)
    for personal in (student.email, student.user.email, student.first_name, student.last_name):
        assert personal not in dumped
