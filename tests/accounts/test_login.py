"""Login with e-mail, role homes after login, logout, password change and reset."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from internships.models import Role
from tests.conftest import World, client_for
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

HOMES = {
    Role.COORDINATOR: "internships:overview",
    Role.STUDENT: "internships:my-lio",
    Role.MENTOR: "internships:my-students",
    Role.DIRECTOR: "internships:my-students",
    Role.STUDY_COACH: "internships:my-students",
    Role.GRADUATION_SUPERVISOR: "internships:my-students",
    Role.ASSESSOR: "internships:my-students",
    Role.SCHOOL_TEACHER_EDUCATOR: "internships:my-students",
    Role.PRACTICE_SUPERVISOR: "internships:my-students",
    Role.QUALIFIED_SUPERVISOR: "internships:my-students",
}


def test_the_login_page_is_dutch_by_default() -> None:
    response = Client().get(reverse("accounts:login"))
    assert response.status_code == 200
    assert '<html lang="nl">' in response.content.decode()


@pytest.mark.parametrize("role", sorted(HOMES))
def test_each_role_lands_on_its_own_home_after_login(world: World, role: str) -> None:
    client = Client()
    response = client.post(
        reverse("accounts:login"),
        {"username": world.people[role].user.email.upper(), "password": TEST_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse(HOMES[role])
    assert response.status_code == 200


def test_a_wrong_password_keeps_the_email_and_explains(world: World) -> None:
    email = world.people[Role.STUDENT].user.email
    response = Client().post(reverse("accounts:login"), {"username": email, "password": "wrong"})
    content = response.content.decode()
    assert response.status_code == 200
    assert f'value="{email}"' in content
    assert "invalid-feedback" in content or "alert-danger" in content


def test_an_account_without_a_role_is_told_so() -> None:
    user = UserFactory()
    client = Client()
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert user.email in response.content.decode()


def test_logout_is_post_only_and_ends_the_session(world: World) -> None:
    client = client_for(world.people[Role.STUDENT])
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    response = client.get(reverse("internships:my-lio"))
    assert response.status_code == 302


def test_password_reset_mail_is_in_the_users_language_and_the_link_works(world: World) -> None:
    user = world.people[Role.MENTOR].user
    user.language = "en"
    user.save()
    response = Client().post(reverse("accounts:password-reset"), {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Choose a new password" in message.subject
    link = re.search(r"https?://\S+/password/reset/\S+/", message.body).group(0)
    client = Client()
    confirm = client.get(link, follow=True)
    assert confirm.status_code == 200
    response = client.post(
        confirm.redirect_chain[-1][0],
        {"new_password1": "a-new-long-pass-2026", "new_password2": "a-new-long-pass-2026"},
    )
    assert response.status_code == 302
    assert Client().login(username=user.email, password="a-new-long-pass-2026")


def test_password_change(world: World) -> None:
    client = client_for(world.people[Role.COORDINATOR])
    response = client.post(
        reverse("accounts:password-change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "another-long-pass-2026",
            "new_password2": "another-long-pass-2026",
        },
    )
    assert response.status_code == 302
    assert Client().login(
        username=world.people[Role.COORDINATOR].user.email, password="another-long-pass-2026"
    )
