"""Login lockout on the combination of account and address (django-axes).

A school class shares one public address: one pupil's typos must not lock the others out, and
an attacker guessing one account from one address must not lock its owner out elsewhere.
"""

from datetime import timedelta

import pytest
import time_machine
from axes.helpers import get_client_ip_address
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from internships.models import Role
from tests.conftest import World
from tests.factories import TEST_PASSWORD
from tests.security_headers import assert_security_headers

pytestmark = pytest.mark.django_db

SCHOOL = "145.100.1.10"
HOME = "145.200.2.20"


@pytest.fixture(autouse=True)
def _lockout_on(settings: object) -> None:
    settings.AXES_ENABLED = True  # type: ignore[attr-defined]


def _login(email: str, password: str, address: str) -> object:
    client = Client(REMOTE_ADDR=address)
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def _fail(email: str, address: str, times: int = 5) -> None:
    for _attempt in range(times):
        _login(email, "wrong-password", address)


def test_five_wrong_passwords_lock_that_account_from_that_address(world: World) -> None:
    email = world.people[Role.STUDENT].user.email
    _fail(email, SCHOOL, times=4)
    assert _login(email, TEST_PASSWORD, SCHOOL).status_code == 302  # four are forgiven
    _fail(email, SCHOOL)
    response = _login(email, TEST_PASSWORD, SCHOOL)
    assert response.status_code == 429
    assert "_auth_user_id" not in response.wsgi_request.session
    assert "Te veel inlogpogingen" in response.content.decode()


def test_the_lockout_page_is_translated_and_hardened(world: World) -> None:
    email = world.people[Role.STUDENT].user.email
    _fail(email, SCHOOL)
    response = _login(email, TEST_PASSWORD, SCHOOL)
    page = response.content.decode()
    assert response.status_code == 429
    assert "Te veel inlogpogingen" in page
    assert "15 minuten" in page
    assert email not in page
    assert_security_headers(response)


def test_another_account_behind_the_same_address_can_still_log_in(world: World) -> None:
    _fail(world.people[Role.STUDENT].user.email, SCHOOL)
    classmate = world.people[Role.MENTOR].user.email
    assert _login(classmate, TEST_PASSWORD, SCHOOL).status_code == 302


def test_the_locked_account_can_still_log_in_from_another_address(world: World) -> None:
    email = world.people[Role.STUDENT].user.email
    _fail(email, SCHOOL)
    assert _login(email, TEST_PASSWORD, HOME).status_code == 302


def test_capitals_in_the_address_do_not_dodge_the_lockout(world: World) -> None:
    email = world.people[Role.STUDENT].user.email
    for variant in (email, email.upper(), email.title(), f" {email}", email.capitalize()):
        _login(variant, "wrong-password", SCHOOL)
    assert _login(email, TEST_PASSWORD, SCHOOL).status_code == 429


def test_the_lock_lifts_after_the_cool_off(world: World, settings: object) -> None:
    email = world.people[Role.STUDENT].user.email
    _fail(email, SCHOOL)
    assert _login(email, TEST_PASSWORD, SCHOOL).status_code == 429
    later = timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)  # type: ignore[attr-defined]
    with time_machine.travel(later):
        assert _login(email, TEST_PASSWORD, SCHOOL).status_code == 302


def test_behind_one_proxy_the_address_the_proxy_saw_counts(settings: object) -> None:
    """TRUSTED_PROXY_COUNT=1: the right-most X-Forwarded-For entry; anything left is forged."""
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")  # type: ignore[attr-defined]
    settings.AXES_IPWARE_PROXY_COUNT = 0  # type: ignore[attr-defined]
    request = RequestFactory().post(
        "/", REMOTE_ADDR="172.18.0.2", HTTP_X_FORWARDED_FOR=f"8.8.8.8, {SCHOOL}"
    )
    assert get_client_ip_address(request) == SCHOOL


def test_without_a_proxy_a_forwarded_header_is_ignored() -> None:
    request = RequestFactory().post("/", REMOTE_ADDR=SCHOOL, HTTP_X_FORWARDED_FOR="8.8.8.8")
    assert get_client_ip_address(request) == SCHOOL
