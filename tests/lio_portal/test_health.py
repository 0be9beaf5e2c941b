"""/healthz: database reachable and migrations applied; no login, no data, no cookies."""

from collections.abc import Iterator
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries, Settings

from lio_portal import health

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts like a new process that has not checked the migrations yet."""
    monkeypatch.setattr(health, "_migrations_applied", False)
    yield


def test_it_answers_ok_without_login_and_without_cookies() -> None:
    response = Client().get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_after_the_first_check_it_costs_one_query(
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    client = Client()
    client.get(reverse("healthz"))

    with django_assert_num_queries(1):
        assert client.get(reverse("healthz")).status_code == 200


def test_it_answers_503_when_the_database_fails() -> None:
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("down")):
        response = Client().get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_it_answers_503_while_migrations_are_missing() -> None:
    with mock.patch.object(health, "MigrationExecutor") as executor:
        executor.return_value.migration_plan.return_value = [("internships", False)]
        response = Client().get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert health._migrations_applied is False


def test_it_is_not_redirected_to_https(settings: Settings) -> None:
    settings.SECURE_SSL_REDIRECT = True

    assert Client().get(reverse("healthz")).status_code == 200


def test_it_refuses_post() -> None:
    assert Client().post(reverse("healthz")).status_code == 405
