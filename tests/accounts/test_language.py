"""Dutch by default; the switch translates the page and is remembered on the account."""

import pytest
from django.test import Client
from django.urls import reverse

from internships.models import Role
from tests.conftest import World, client_for

pytestmark = pytest.mark.django_db


def test_switching_to_english_translates_the_login_page() -> None:
    client = Client()
    dutch = client.get(reverse("accounts:login")).content.decode()
    assert "Inloggen" in dutch
    response = client.post(
        reverse("language-switch"), {"language": "en", "next": reverse("accounts:login")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    english = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="en">' in english
    assert "Log in" in english
    assert "Inloggen" not in english


def test_the_language_is_saved_on_the_account_and_used_at_next_login(world: World) -> None:
    person = world.people[Role.STUDENT]
    client = client_for(person)
    client.post(reverse("language-switch"), {"language": "en", "next": "/"})
    person.user.refresh_from_db()
    assert person.user.language == "en"

    fresh = Client()
    fresh.post(
        reverse("accounts:login"),
        {"username": person.user.email, "password": "correct-horse-battery"},
    )
    page = fresh.get(reverse("internships:my-lio")).content.decode()
    assert "My LIO" in page


def test_an_outside_next_url_is_not_followed() -> None:
    response = Client().post(
        reverse("language-switch"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


@pytest.mark.parametrize("role", [Role.STUDENT, Role.COORDINATOR, Role.MENTOR])
def test_role_homes_have_no_untranslated_english_in_dutch(world: World, role: str) -> None:
    client = client_for(world.people[role])
    page = client.get(reverse("home"), follow=True).content.decode()
    for english in ("My LIO", "My students", "Log out", "Skip to main content", "Placements"):
        assert english not in page


def test_an_english_browser_still_gets_dutch_until_the_user_chooses() -> None:
    page = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").get(reverse("accounts:login"))
    assert '<html lang="nl">' in page.content.decode()


def test_english_chosen_on_the_login_page_survives_logging_in(world: World) -> None:
    person = world.people[Role.MENTOR]
    client = Client()
    client.post(reverse("language-switch"), {"language": "en", "next": "/"})
    client.post(
        reverse("accounts:login"),
        {"username": person.user.email, "password": "correct-horse-battery"},
    )
    assert "My students" in client.get(reverse("internships:my-students")).content.decode()
    person.user.refresh_from_db()
    assert person.user.language == "en"


def test_the_chosen_language_reaches_the_person_record_for_mails_and_pdfs(world: World) -> None:
    """Mails and stored PDFs follow Person.language: switching must update it too."""
    person = world.people[Role.STUDENT]
    client = client_for(person)
    client.post(reverse("language-switch"), {"language": "en", "next": "/"})
    person.refresh_from_db()
    assert person.language == "en"

    client.post(
        reverse("accounts:profile"),
        {
            "first_name": person.user.first_name,
            "last_name": person.user.last_name,
            "language": "nl",
        },
    )
    person.refresh_from_db()
    assert person.language == "nl"


def test_english_chosen_at_login_reaches_the_person_record(world: World) -> None:
    person = world.people[Role.MENTOR]
    client = Client()
    client.post(reverse("language-switch"), {"language": "en", "next": "/"})
    client.post(
        reverse("accounts:login"),
        {"username": person.user.email, "password": "correct-horse-battery"},
    )
    person.refresh_from_db()
    assert person.language == "en"
