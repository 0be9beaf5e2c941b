"""Security headers and cookies on a representative set of pages (the role × URL matrix will
run `assert_security_headers` on every route)."""

import pytest
from django.test import Client
from django.urls import reverse

from internships.models import Role, StartApplication
from signoffs.links import SIGN, link_issue
from tests.accounts.test_login import HOMES
from tests.conftest import World, client_for
from tests.factories import TEST_PASSWORD, stage_follows
from tests.security_headers import CSP_DIRECTIVES, assert_security_headers, csp_directives

pytestmark = pytest.mark.django_db


def test_the_login_page_sends_every_security_header() -> None:
    assert_security_headers(Client().get(reverse("accounts:login")))


def test_the_csp_allows_only_our_own_files_and_no_inline_code() -> None:
    header = Client().get(reverse("accounts:login")).headers["Content-Security-Policy"]
    directives = csp_directives(header)
    assert directives == CSP_DIRECTIVES
    assert directives["object-src"] == directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


@pytest.mark.parametrize("role", sorted(HOMES))
def test_each_roles_home_sends_every_security_header(world: World, role: str) -> None:
    response = client_for(world.people[role]).get(reverse(HOMES[role]))
    assert response.status_code == 200
    assert_security_headers(response)


def test_a_detail_page_sends_every_security_header(world: World) -> None:
    url = reverse("internships:placement-detail", args=[world.placement.pk])
    response = client_for(world.people[Role.COORDINATOR]).get(url)
    assert response.status_code == 200
    assert_security_headers(response)


def test_a_personal_link_page_sends_every_security_header(world: World) -> None:
    application = StartApplication.objects.create(
        placement=world.placement,
        school=world.school,
        class_name="groep 7",
        mentor=world.people[Role.MENTOR],
        status=StartApplication.Status.SUBMITTED,
    )
    stage_follows(world.placement)
    token = link_issue(person=world.people[Role.MENTOR], purpose=SIGN, document=application)
    response = Client().get(reverse("signoffs:link", args=[token]))
    assert response.status_code == 200
    assert_security_headers(response)


def test_the_not_found_and_no_access_pages_send_every_security_header(world: World) -> None:
    student = client_for(world.people[Role.STUDENT])
    missing = student.get("/no-such-page/")
    forbidden = student.get(reverse("internships:placement-list"))
    assert (missing.status_code, forbidden.status_code) == (404, 403)
    assert_security_headers(missing)
    assert_security_headers(forbidden)


def test_https_responses_carry_hsts(settings: object) -> None:
    settings.SECURE_HSTS_SECONDS = 31536000  # type: ignore[attr-defined]
    response = Client().get(reverse("accounts:login"), secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert_security_headers(response)


def test_secure_cookies_are_host_prefixed_http_only_and_same_site(
    world: World, settings: object
) -> None:
    """With SECURE_COOKIES on, settings.py names the cookies __Host-…; browsers then refuse
    them unless Secure, for path / and without a domain."""
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True  # type: ignore[attr-defined]
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"  # type: ignore[attr-defined]
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"  # type: ignore[attr-defined]
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"), secure=True)
    csrf = client.cookies["__Host-csrftoken"]
    response = client.post(
        reverse("accounts:login"),
        {
            "username": world.people[Role.STUDENT].user.email,
            "password": TEST_PASSWORD,
            "csrfmiddlewaretoken": csrf.value,
        },
        secure=True,
        headers={"referer": "https://testserver/accounts/login/"},
    )
    assert response.status_code == 302
    session = response.cookies["__Host-sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert not cookie["domain"]
        assert cookie["samesite"] == "Lax"
    assert session["httponly"] is True
