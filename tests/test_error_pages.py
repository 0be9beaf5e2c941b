"""Error pages: in the house style, translated, and they give nothing away."""

import pytest
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.test import Client
from django.urls import include, path, reverse
from django.utils import translation

from internships.models import Role
from tests.conftest import World, client_for
from tests.security_headers import assert_security_headers

SECRET_DETAIL = "database password is hunter2"


@login_not_required
def _crash(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(SECRET_DETAIL)


@login_not_required
def _suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation(SECRET_DETAIL)


urlpatterns = [
    path("crash/", _crash),
    path("suspicious/", _suspicious),
    path("", include("lio_portal.urls")),
]


@pytest.fixture
def crashing_site(settings: object) -> Client:
    settings.ROOT_URLCONF = __name__  # type: ignore[attr-defined]
    settings.DEBUG = False  # type: ignore[attr-defined]
    client = Client()
    client.raise_request_exception = False
    return client


def _assert_no_leak(page: str) -> None:
    for leak in (SECRET_DETAIL, "Traceback", "RuntimeError", "SuspiciousOperation", "settings"):
        assert leak not in page


@pytest.mark.django_db
def test_an_exception_gives_the_generic_500_page_without_a_traceback(
    crashing_site: Client,
) -> None:
    response = crashing_site.get("/crash/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in page
    assert page.count("<h1") == 1
    _assert_no_leak(page)
    assert_security_headers(response)


@pytest.mark.django_db
def test_the_500_page_is_english_for_who_chose_english(crashing_site: Client) -> None:
    crashing_site.cookies["django_language"] = "en"
    page = crashing_site.get("/crash/").content.decode()
    assert "Something went wrong" in page
    assert '<html lang="en">' in page


def test_the_500_page_needs_no_database() -> None:
    """handler500 renders it without a request: no context processor, no query (a database that
    is down must not turn the error page into a second error)."""
    with translation.override("nl"):
        page = render_to_string("500.html")
    assert "Er ging iets mis" in page


@pytest.mark.django_db
def test_a_suspicious_request_gives_the_generic_400_page(crashing_site: Client) -> None:
    response = crashing_site.get("/suspicious/")
    assert response.status_code == 400
    assert "Ongeldig verzoek" in response.content.decode()
    _assert_no_leak(response.content.decode())


@pytest.mark.django_db
def test_the_404_page_keeps_the_navigation_and_does_not_echo_the_path(world: World) -> None:
    response = client_for(world.people[Role.COORDINATOR]).get("/no-such-<b>page</b>/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Pagina niet gevonden" in page
    assert "<b>page</b>" not in page  # only the language switch keeps the path, escaped
    assert reverse("internships:placement-list") in page  # the coordinator's navigation


@pytest.mark.django_db
def test_the_403_page_explains_without_details(world: World) -> None:
    response = client_for(world.people[Role.STUDENT]).get(reverse("internships:placement-list"))
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


@pytest.mark.django_db
def test_a_form_without_its_csrf_token_gets_the_house_style_page() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "Het formulier is verlopen" in page
    assert "<style" not in page
    assert_security_headers(response)
