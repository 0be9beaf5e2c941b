"""A signed start application's PDF is rendered once, at signing, and stored: its download is a
file read (issue #12); a form still being filled in is rendered on request and not stored."""

from collections.abc import Callable
from io import BytesIO

import pytest
import weasyprint
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from internships.models import EntryRequirement, Role, StartApplication
from tests.conftest import World, client_for
from tests.internships.test_start_application import _links, _sign_by_link, _submit

pytestmark = pytest.mark.django_db

Capture = Callable[..., object]


def _no_render(*args: object, **kwargs: object) -> bytes:
    raise AssertionError("the download rendered the PDF")


def _signed(world: World, capture: Capture) -> StartApplication:
    for kind in EntryRequirement.Kind:
        EntryRequirement.objects.create(student=world.placement.student, kind=kind)
    application = _submit(world, capture)
    for path in _links().values():
        _sign_by_link(path, capture)
    application.refresh_from_db()
    assert application.status == StartApplication.Status.SIGNED
    return application


def _download(client: Client, application: StartApplication, language: str) -> bytes:
    client.cookies["django_language"] = language
    url = reverse("internships:start-application-pdf", args=[application.pk])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_the_last_signature_stores_the_pdf_and_every_download_reads_it(
    world: World, django_capture_on_commit_callbacks: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    application = _signed(world, django_capture_on_commit_callbacks)
    assert application.pdf and application.pdf_state.startswith("signed:")
    with application.pdf.open("rb") as file:
        stored = file.read()
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", _no_render)
    for role in (Role.STUDENT, Role.COORDINATOR):
        for language in ("nl", "en"):
            assert _download(client_for(world.people[role]), application, language) == stored


def test_confirming_stores_the_confirmed_form_once(
    world: World, django_capture_on_commit_callbacks: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    application = _signed(world, django_capture_on_commit_callbacks)
    coordinator = client_for(world.people[Role.COORDINATOR])
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(reverse("internships:start-application-confirm", args=[application.pk]))
    application.refresh_from_db()
    assert application.pdf_state.startswith("confirmed:")
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", _no_render)
    assert _download(coordinator, application, "nl") == application.pdf.open("rb").read()


def test_the_pdf_is_in_the_students_language_whoever_downloads_it(
    world: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _signed(world, django_capture_on_commit_callbacks)
    data = _download(client_for(world.people[Role.COORDINATOR]), application, "en")
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    assert "Verificatiecode" in text


def test_a_form_signed_before_storing_is_rendered_once_then_read(
    world: World, django_capture_on_commit_callbacks: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    application = _signed(world, django_capture_on_commit_callbacks)
    StartApplication.objects.filter(pk=application.pk).update(pdf="", pdf_state="")
    client = client_for(world.people[Role.STUDENT])
    first = _download(client, application, "nl")
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", _no_render)
    assert _download(client, application, "nl") == first


def test_a_form_waiting_for_signatures_is_rendered_on_request_and_not_stored(
    world: World, django_capture_on_commit_callbacks: Capture
) -> None:
    for kind in EntryRequirement.Kind:
        EntryRequirement.objects.create(student=world.placement.student, kind=kind)
    application = _submit(world, django_capture_on_commit_callbacks)
    data = _download(client_for(world.people[Role.STUDENT]), application, "nl")
    assert data.startswith(b"%PDF")
    application.refresh_from_db()
    assert not application.pdf
