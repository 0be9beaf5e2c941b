"""Issue 10, history: every change to a form, a signature or a placement is recorded with who
acted (also a signer from a personal link, by name), and coordinators read it in the portal."""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from internships.models import Placement, Role
from signoffs.models import Signature
from tests.conftest import World, client_for
from tests.factories import stage_follows
from tests.internships.test_start_application import _links, _sign_by_link, _submit, nl

pytestmark = pytest.mark.django_db

Capture = Callable[..., object]
__all__ = ["nl"]


def _history_url(kind: str, pk: int) -> str:
    return reverse(f"audit:{kind}-history", args=[pk])


def test_the_history_user_is_the_requests_user(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    created = application.history.earliest()
    student = nl.people[Role.STUDENT]
    assert created.history_type == "+"
    assert created.history_user == student.user
    assert created.history_person == student


def test_a_mentor_signing_from_a_link_is_recorded_by_name(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    mentor = nl.people[Role.MENTOR]
    _sign_by_link(_links()[mentor.email], django_capture_on_commit_callbacks)
    signature = Signature.objects.get(object_id=application.pk, role=Role.MENTOR)
    row = signature.history.get()
    assert row.history_user is None
    assert row.history_person == mentor

    page = client_for(nl.people[Role.COORDINATOR]).get(
        _history_url("start-application", application.pk)
    )
    row_html = next(r for r in page.content.decode().split("<tr>") if "Handtekening:" in r)
    assert mentor.full_name in row_html
    assert "persoonlijke link" in row_html


def test_the_page_shows_each_changed_field_readably(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    other_mentor = nl.people[Role.PRACTICE_SUPERVISOR]
    application.class_name = "groep 8a"
    application.mentor = other_mentor
    application.save()
    client = client_for(nl.people[Role.COORDINATOR])

    page = client.get(_history_url("start-application", application.pk)).content.decode()

    assert "Klas of groep" in page  # the field's verbose name, translated
    assert "<del>groep 7b</del>" in page and "groep 8a" in page
    assert f"<del>{nl.people[Role.MENTOR].full_name}</del>" in page  # a foreign key by name
    assert other_mentor.full_name in page
    assert "Wacht op handtekeningen" in page  # a choice by its label, not "submitted"


def test_a_placement_change_is_in_its_history(world: World) -> None:
    placement = world.placement
    placement.status = Placement.Status.ACTIVE
    placement.save()
    stage_follows(placement)
    page = client_for(world.people[Role.COORDINATOR]).get(_history_url("placement", placement.pk))
    assert page.status_code == 200
    assert "Actief" in page.content.decode()


@pytest.mark.parametrize(
    "role",
    [
        Role.STUDENT,
        Role.MENTOR,
        Role.DIRECTOR,
        Role.STUDY_COACH,
        Role.GRADUATION_SUPERVISOR,
        Role.ASSESSOR,
        Role.SCHOOL_TEACHER_EDUCATOR,
        Role.PRACTICE_SUPERVISOR,
    ],
)
def test_only_coordinators_read_the_history(world: World, role: str) -> None:
    url = _history_url("placement", world.placement.pk)
    assert client_for(world.people[role]).get(url).status_code == 403


def test_another_institutions_record_is_404(world: World, other_world: World) -> None:
    client = client_for(other_world.people[Role.COORDINATOR])
    assert client.get(_history_url("placement", world.placement.pk)).status_code == 404
    assert client.get("/history/no-such-kind/1/").status_code == 404


def _queries(client: object, url: str) -> int:
    client.get(url)  # type: ignore[attr-defined]  # warm: session, content types
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200  # type: ignore[attr-defined]
    return len(queries)


def test_the_query_count_does_not_grow_with_the_history(
    nl: World, django_capture_on_commit_callbacks: Capture, django_assert_num_queries: Callable
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    for path in _links().values():
        _sign_by_link(path, django_capture_on_commit_callbacks)
    client = client_for(nl.people[Role.COORDINATOR])
    url = _history_url("start-application", application.pk)
    few = _queries(client, url)

    for number in range(12):
        application.refresh_from_db()
        application.class_name = f"groep {number}"
        application.save()
    assert application.history.count() > 12

    client.get(url)
    with django_assert_num_queries(few):
        client.get(url)


def test_the_record_page_links_to_the_history_for_coordinators_only(world: World) -> None:
    url = reverse("internships:placement-detail", args=[world.placement.pk])
    history = _history_url("placement", world.placement.pk)
    assert history in client_for(world.people[Role.COORDINATOR]).get(url).content.decode()
    page = client_for(world.people[Role.STUDY_COACH]).get(url)
    assert page.status_code == 200
    assert history not in page.content.decode()
