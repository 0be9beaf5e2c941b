"""Sessions: a new key at login, idle and absolute timeouts, and no way back after logout,
deactivation or a password change (OWASP ASVS 5.0, V7)."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from internships.models import Role
from tests.conftest import World, client_for
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

MY_LIO = reverse("internships:my-lio")


def _logged_in(response: object) -> bool:
    return response.status_code == 200  # type: ignore[attr-defined]


def test_login_gives_a_new_session_key(world: World) -> None:
    client = Client()
    before = client.session.session_key
    client.post(
        reverse("accounts:login"),
        {"username": world.people[Role.STUDENT].user.email, "password": TEST_PASSWORD},
    )
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()


def test_an_idle_session_ends_after_the_idle_timeout(world: World) -> None:
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = client_for(world.people[Role.STUDENT])
        clock.shift(timedelta(seconds=settings.SESSION_IDLE_TIMEOUT - 60))
        assert _logged_in(client.get(MY_LIO))
        clock.shift(timedelta(seconds=settings.SESSION_IDLE_TIMEOUT + 60))
        response = client.get(MY_LIO, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session
    assert "Je sessie is verlopen" in response.content.decode()


def test_activity_keeps_a_session_until_the_absolute_timeout(world: World) -> None:
    step = timedelta(seconds=settings.SESSION_IDLE_TIMEOUT // 2)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = client_for(world.people[Role.STUDENT])
        elapsed = timedelta(0)
        while elapsed + step < timedelta(seconds=settings.SESSION_ABSOLUTE_TIMEOUT):
            clock.shift(step)
            elapsed += step
            assert _logged_in(client.get(MY_LIO)), elapsed
        clock.shift(step)
        assert client.get(MY_LIO).status_code == 302


def test_the_timeouts_follow_the_settings(world: World, settings: object) -> None:
    settings.SESSION_IDLE_TIMEOUT = 5 * 60  # type: ignore[attr-defined]
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client = client_for(world.people[Role.STUDENT])
        clock.shift(timedelta(minutes=6))
        assert client.get(MY_LIO).status_code == 302


def test_the_session_cookie_lasts_no_longer_than_the_absolute_timeout() -> None:
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_ABSOLUTE_TIMEOUT
    assert settings.SESSION_IDLE_TIMEOUT <= settings.SESSION_ABSOLUTE_TIMEOUT


def test_a_session_cannot_be_reused_after_logout(world: World) -> None:
    client = client_for(world.people[Role.STUDENT])
    stolen = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("accounts:logout"))
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = stolen
    assert replay.get(MY_LIO).status_code == 302


def test_a_deactivated_account_loses_its_session(world: World) -> None:
    client = client_for(world.people[Role.STUDENT])
    assert _logged_in(client.get(MY_LIO))
    user = world.people[Role.STUDENT].user
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert client.get(MY_LIO).status_code == 302


def test_a_password_change_ends_the_other_sessions(world: World) -> None:
    student = world.people[Role.STUDENT]
    laptop, phone = client_for(student), client_for(student)
    response = laptop.post(
        reverse("accounts:password-change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "a-new-long-pass-2026",
            "new_password2": "a-new-long-pass-2026",
        },
    )
    assert response.status_code == 302
    assert _logged_in(laptop.get(MY_LIO))
    assert phone.get(MY_LIO).status_code == 302
