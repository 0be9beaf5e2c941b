"""The start application: fill in, submit, sign from e-mail links, void on change, confirm."""

import re
from collections.abc import Callable
from datetime import date, timedelta
from io import BytesIO

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from internships.models import EntryRequirement, Placement, Role, StartApplication
from internships.pipeline import PipelineStage, stage_of_rank
from signoffs.models import PersonalLink, Signature, SignatureRequest
from signoffs.services import signature_reminders_send
from tests.conftest import World, client_for

pytestmark = pytest.mark.django_db

Capture = Callable[..., object]


@pytest.fixture
def nl(world: World) -> World:
    """The world's student meets every entry requirement."""
    for kind in EntryRequirement.Kind:
        EntryRequirement.objects.create(student=world.placement.student, kind=kind)
    return world


def _form(world: World, **changes: object) -> dict[str, object]:
    data = {
        "school": world.school.pk,
        "class_name": "groep 7b",
        "grades": ["NL7"],
        "mentor": world.people[Role.MENTOR].pk,
        "director": world.people[Role.DIRECTOR].pk,
        "study_coach": world.people[Role.STUDY_COACH].pk,
        "weekdays": ["0", "1", "2"],
        "start_date": "2027-01-11",
        "action": "submit",
    }
    data.update(changes)
    return data


def _submit(world: World, capture: Capture, **changes: object) -> StartApplication:
    client = client_for(world.people[Role.STUDENT])
    with capture(execute=True):
        response = client.post(
            reverse("internships:start-application-edit"), _form(world, **changes)
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    return StartApplication.objects.get(placement=world.placement)


def _stage(world: World) -> PipelineStage:
    return stage_of_rank(Placement.objects.get(pk=world.placement.pk).stage_rank)


def _links() -> dict[str, str]:
    """E-mail address → the personal link path in the latest mail to it."""
    links = {}
    for message in mail.outbox:
        found = re.search(r"https?://[^/\s]+(/sign/[^/\s]+/)", message.body)
        if found:
            links[message.to[0]] = found.group(1)
    return links


def _sign_by_link(path: str, capture: Capture) -> object:
    client = Client()
    page = client.get(path)
    assert page.status_code == 200
    content_hash = re.search(r'name="content_hash" value="([0-9a-f]{64})"', page.content.decode())
    with capture(execute=True):
        return client.post(
            path, {"action": "sign", "content_hash": content_hash.group(1), "confirm": "on"}
        )


def test_submitting_sends_each_signer_a_personal_link(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    assert application.status == StartApplication.Status.SUBMITTED
    assert application.end_date == date(2027, 3, 15)  # 8 weeks + 1 day, plus the spring break
    signers = {nl.people[r].email for r in (Role.MENTOR, Role.DIRECTOR, Role.STUDY_COACH)}
    assert set(_links()) == signers
    assert SignatureRequest.objects.filter(status="pending").count() == 3


def test_three_signatures_then_the_coordinator_confirms_and_the_lio_is_active(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    assert _stage(nl) == PipelineStage.SIGNING
    for path in _links().values():
        response = _sign_by_link(path, django_capture_on_commit_callbacks)
        assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == StartApplication.Status.SIGNED
    assert _stage(nl) == PipelineStage.SIGNING
    assert Signature.objects.filter(voided_at__isnull=True, method="link").count() == 3
    coordinator = nl.people[Role.COORDINATOR]
    assert any(coordinator.email in m.to for m in mail.outbox)

    client = client_for(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("internships:start-application-confirm", args=[application.pk])
        )
    assert response.status_code == 302
    placement = Placement.objects.get(pk=nl.placement.pk)
    assert placement.status == Placement.Status.ACTIVE
    assert (placement.start_date, placement.end_date) == (date(2027, 1, 11), date(2027, 3, 15))
    assert placement.weekdays == [0, 1, 2]
    assert stage_of_rank(placement.stage_rank) == PipelineStage.ACTIVE
    assert "bevestigd" in mail.outbox[-1].subject.lower()


def test_missing_entry_requirements_block_submission_and_are_named(
    world: World, django_capture_on_commit_callbacks: Capture
) -> None:
    EntryRequirement.objects.create(
        student=world.placement.student, kind=EntryRequirement.Kind.PROPAEDEUTIC
    )
    client = client_for(world.people[Role.STUDENT])
    response = client.post(reverse("internships:start-application-edit"), _form(world))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Jonge Kind" in page and "Passend Onderwijs" in page
    assert 'value="groep 7b"' in page  # nothing typed is lost
    application = StartApplication.objects.get(placement=world.placement)
    assert application.status == StartApplication.Status.DRAFT
    assert not SignatureRequest.objects.exists()


def test_a_planner_error_appears_next_to_the_field(nl: World) -> None:
    client = client_for(nl.people[Role.STUDENT])
    response = client.post(
        reverse("internships:start-application-edit"),
        _form(nl, weekdays=["0", "2", "4"]),
    )
    assert response.status_code == 200
    assert "aaneengesloten" in response.content.decode()
    assert StartApplication.objects.get().status == StartApplication.Status.DRAFT


def test_changing_the_form_after_a_signature_voids_it_visibly(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    mentor_link = _links()[nl.people[Role.MENTOR].email]
    _sign_by_link(mentor_link, django_capture_on_commit_callbacks)
    assert Signature.objects.filter(voided_at__isnull=True).count() == 1
    mail.outbox.clear()

    _submit(nl, django_capture_on_commit_callbacks, class_name="groep 8")
    application.refresh_from_db()
    signature = Signature.objects.get()
    assert signature.voided_at is not None and "versie 2" in signature.void_reason
    assert application.version == 2
    assert application.status == StartApplication.Status.SUBMITTED
    assert nl.people[Role.MENTOR].email in {m.to[0] for m in mail.outbox}  # asked again
    page = client_for(nl.people[Role.STUDENT]).get(
        reverse("internships:start-application-detail", args=[application.pk])
    )
    assert "<del>" in page.content.decode()


def test_saving_without_a_change_keeps_the_signatures(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    _submit(nl, django_capture_on_commit_callbacks)
    _sign_by_link(_links()[nl.people[Role.MENTOR].email], django_capture_on_commit_callbacks)
    _submit(nl, django_capture_on_commit_callbacks)
    assert Signature.objects.get().voided_at is None


def test_a_signer_sends_the_form_back_with_a_comment(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    path = _links()[nl.people[Role.DIRECTOR].email]
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(path, {"action": "send_back", "comment": "Klas klopt niet."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == StartApplication.Status.RETURNED
    assert _stage(nl) == PipelineStage.APPLICATION
    assert application.return_comment == "Klas klopt niet."
    assert "Klas klopt niet." in mail.outbox[-1].body
    assert mail.outbox[-1].to == [nl.people[Role.STUDENT].email]


def test_sending_back_needs_a_comment(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    path = _links()[nl.people[Role.DIRECTOR].email]
    response = Client().post(path, {"action": "send_back", "comment": ""})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == StartApplication.Status.SUBMITTED


def test_a_double_click_never_makes_two_signatures(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    _submit(nl, django_capture_on_commit_callbacks)
    path = _links()[nl.people[Role.MENTOR].email]
    client = Client()
    page = client.get(path).content.decode()
    content_hash = re.search(r'name="content_hash" value="([0-9a-f]{64})"', page).group(1)
    payload = {"action": "sign", "content_hash": content_hash, "confirm": "on"}
    client.post(path, payload)
    second = client.post(path, payload)
    assert second.status_code == 404  # the link was used up by the first signature
    assert Signature.objects.count() == 1


def test_signing_content_that_changed_meanwhile_is_refused(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    _submit(nl, django_capture_on_commit_callbacks)
    path = _links()[nl.people[Role.MENTOR].email]
    response = Client().post(path, {"action": "sign", "content_hash": "0" * 64, "confirm": "on"})
    assert response.status_code == 200
    assert "gewijzigd" in response.content.decode()
    assert not Signature.objects.exists()


def test_an_expired_link_cannot_be_used(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    _submit(nl, django_capture_on_commit_callbacks)
    path = _links()[nl.people[Role.MENTOR].email]
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        response = Client().get(path)
    assert response.status_code == 404
    assert "verlopen" in response.content.decode()


def test_a_revoked_link_cannot_be_used_and_a_resent_one_works(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    mentor = nl.people[Role.MENTOR]
    old_path = _links()[mentor.email]
    request = SignatureRequest.objects.get(person=mentor)
    student = client_for(nl.people[Role.STUDENT])
    student.post(reverse("signoffs:request-revoke", args=[request.pk]))
    assert Client().get(old_path).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        student.post(reverse("signoffs:request-resend", args=[request.pk]))
    new_path = _links()[mentor.email]
    assert new_path != old_path
    assert _sign_by_link(new_path, django_capture_on_commit_callbacks).status_code == 302
    assert application.pk == Signature.objects.get().object_id


def test_an_unknown_or_foreign_token_opens_nothing(nl: World) -> None:
    assert Client().get(reverse("signoffs:link", args=["not-a-real-token"])).status_code == 404


@pytest.mark.unaudited_writes
def test_a_link_for_another_purpose_cannot_sign(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    _submit(nl, django_capture_on_commit_callbacks)
    PersonalLink.objects.update(purpose="calendar")
    path = _links()[nl.people[Role.MENTOR].email]
    assert Client().get(path).status_code == 404


def test_a_signer_with_an_account_signs_on_the_form_page(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    coach = client_for(nl.people[Role.STUDY_COACH])
    url = reverse("internships:start-application-detail", args=[application.pk])
    page = coach.get(url).content.decode()
    content_hash = re.search(r'name="content_hash" value="([0-9a-f]{64})"', page).group(1)
    request = SignatureRequest.objects.get(role=Role.STUDY_COACH)
    with django_capture_on_commit_callbacks(execute=True):
        coach.post(
            reverse("signoffs:request-act", args=[request.pk]),
            {"action": "sign", "content_hash": content_hash, "confirm": "on"},
        )
    assert Signature.objects.get().method == Signature.Method.ACCOUNT


def test_nobody_else_can_sign_someone_elses_request(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    _submit(nl, django_capture_on_commit_callbacks)
    request = SignatureRequest.objects.get(role=Role.MENTOR)
    for role in (Role.STUDENT, Role.DIRECTOR, Role.COORDINATOR):
        response = client_for(nl.people[role]).post(
            reverse("signoffs:request-act", args=[request.pk]),
            {"action": "sign", "content_hash": "x", "confirm": "on"},
        )
        assert response.status_code == 404
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.STUDENT, 200),
        (Role.COORDINATOR, 200),
        (Role.MENTOR, 200),
        (Role.DIRECTOR, 200),
        (Role.STUDY_COACH, 200),
        (Role.ASSESSOR, 403),
        (Role.GRADUATION_SUPERVISOR, 403),
        (Role.PRACTICE_SUPERVISOR, 403),
    ],
)
def test_who_may_see_the_start_application(
    nl: World, django_capture_on_commit_callbacks: Capture, role: str, status: int
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    url = reverse("internships:start-application-detail", args=[application.pk])
    assert client_for(nl.people[role]).get(url).status_code == status


def test_another_institution_gets_404(
    nl: World, other_world: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    for name in ("start-application-detail", "start-application-pdf"):
        url = reverse(f"internships:{name}", args=[application.pk])
        assert client_for(other_world.people[Role.COORDINATOR]).get(url).status_code == 404


@pytest.mark.parametrize("role", [Role.STUDENT, Role.MENTOR, Role.STUDY_COACH])
def test_only_the_coordinator_confirms(
    nl: World, django_capture_on_commit_callbacks: Capture, role: str
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    for path in _links().values():
        _sign_by_link(path, django_capture_on_commit_callbacks)
    url = reverse("internships:start-application-confirm", args=[application.pk])
    assert client_for(nl.people[role]).post(url).status_code == 403
    assert client_for(nl.people[Role.COORDINATOR]).get(url).status_code == 405
    application.refresh_from_db()
    assert application.status == StartApplication.Status.SIGNED


def test_confirming_before_all_signatures_is_refused(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    url = reverse("internships:start-application-confirm", args=[application.pk])
    client_for(nl.people[Role.COORDINATOR]).post(url)
    application.refresh_from_db()
    assert application.status == StartApplication.Status.SUBMITTED


def test_only_the_student_fills_in_the_form(nl: World) -> None:
    for role in (Role.MENTOR, Role.COORDINATOR):
        url = reverse("internships:start-application-edit")
        assert client_for(nl.people[role]).get(url).status_code == 403


def test_posting_extra_fields_changes_nothing_else(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(
        nl,
        django_capture_on_commit_callbacks,
        status="confirmed",
        version="99",
        end_date="2027-01-12",
    )
    assert application.status == StartApplication.Status.SUBMITTED
    assert application.version == 1
    assert application.end_date == date(2027, 3, 15)


def test_the_pdf_shows_the_signatures_and_is_the_same_on_every_download(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    for path in _links().values():
        _sign_by_link(path, django_capture_on_commit_callbacks)
    client = client_for(nl.people[Role.STUDENT])
    url = reverse("internships:start-application-pdf", args=[application.pk])
    response = client.get(url)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    first = b"".join(response.streaming_content)
    second = b"".join(client.get(url).streaming_content)
    assert first == second
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(first)).pages)
    for role in (Role.MENTOR, Role.DIRECTOR, Role.STUDY_COACH):
        assert nl.people[role].last_name in text
    assert "Verificatiecode" in text
    assert re.search(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}", text)


def test_reminders_after_some_days_and_not_too_often(
    nl: World, django_capture_on_commit_callbacks: Capture, settings: object
) -> None:
    _submit(nl, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    start = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert signature_reminders_send(now=start + timedelta(days=1)) == 0
        assert signature_reminders_send(now=start + timedelta(days=3, minutes=1)) == 3
        assert signature_reminders_send(now=start + timedelta(days=5)) == 0
        assert signature_reminders_send(now=start + timedelta(days=7, minutes=2)) == 3
    assert len(mail.outbox) == 6
    assert all("Herinnering" in m.subject for m in mail.outbox)
    request = SignatureRequest.objects.get(role=Role.MENTOR)
    assert request.reminder_count == 2 and request.last_reminded_at is not None


def test_mail_is_in_the_signers_language(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    mentor = nl.people[Role.MENTOR]
    mentor.language = "en"
    mentor.save()
    _submit(nl, django_capture_on_commit_callbacks)
    to_mentor = next(m for m in mail.outbox if m.to == [mentor.email])
    assert to_mentor.subject.startswith("Please sign")
    to_director = next(m for m in mail.outbox if m.to == [nl.people[Role.DIRECTOR].email])
    assert to_director.subject.startswith("Graag ondertekenen")


def test_sending_back_withdraws_the_other_open_requests_until_resubmitted(
    nl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    links = _links()
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(
            links[nl.people[Role.DIRECTOR].email], {"action": "send_back", "comment": "Klas?"}
        )
    assert Client().get(links[nl.people[Role.MENTOR].email]).status_code == 404
    assert signature_reminders_send(now=timezone.now() + timedelta(days=10)) == 0
    mail.outbox.clear()
    _submit(nl, django_capture_on_commit_callbacks, class_name="groep 7a")
    application.refresh_from_db()
    assert application.status == StartApplication.Status.SUBMITTED
    assert len(_links()) == 3
    assert SignatureRequest.objects.filter(status="pending").count() == 3


def test_the_coordinator_records_entry_requirements(world: World) -> None:
    student = world.placement.student
    url = reverse("internships:entry-requirements-update", args=[student.pk])
    client = client_for(world.people[Role.COORDINATOR])
    client.post(url, {"met": ["propaedeutic", "young_child"]})
    assert set(student.entry_requirements.values_list("kind", flat=True)) == {
        "propaedeutic",
        "young_child",
    }
    client.post(url, {"met": ["young_child"]})
    assert list(student.entry_requirements.values_list("kind", flat=True)) == ["young_child"]
    page = client.get(reverse("internships:student-detail", args=[student.pk])).content.decode()
    assert "Passend Onderwijs" in page


@pytest.mark.parametrize("role", [Role.STUDENT, Role.STUDY_COACH, Role.MENTOR])
def test_only_the_coordinator_records_entry_requirements(world: World, role: str) -> None:
    url = reverse("internships:entry-requirements-update", args=[world.placement.student.pk])
    assert client_for(world.people[role]).post(url, {"met": ["propaedeutic"]}).status_code == 403
    assert not EntryRequirement.objects.exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.STUDENT, 403),
        (Role.MENTOR, 403),
        (Role.DIRECTOR, 403),
        (Role.STUDY_COACH, 403),
        (Role.ASSESSOR, 403),
    ],
)
def test_only_the_coordinator_sends_the_form_back(
    nl: World, django_capture_on_commit_callbacks: Capture, role: str, status: int
) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    url = reverse("internships:start-application-return", args=[application.pk])
    assert client_for(nl.people[role]).post(url, {"comment": "Nee"}).status_code == status
    application.refresh_from_db()
    assert application.status == StartApplication.Status.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        client_for(nl.people[Role.COORDINATOR]).post(url, {"comment": "Graag de klas aanpassen."})
    application.refresh_from_db()
    assert application.status == StartApplication.Status.RETURNED
    assert application.return_comment == "Graag de klas aanpassen."


@pytest.mark.parametrize("role", [Role.MENTOR, Role.DIRECTOR, Role.STUDY_COACH, Role.ASSESSOR])
def test_only_the_student_and_the_coordinator_manage_the_links(
    nl: World, django_capture_on_commit_callbacks: Capture, role: str
) -> None:
    _submit(nl, django_capture_on_commit_callbacks)
    request = SignatureRequest.objects.get(role=Role.MENTOR)
    links_before = PersonalLink.objects.filter(revoked_at__isnull=True).count()
    client = client_for(nl.people[role])
    for name in ("signoffs:request-resend", "signoffs:request-revoke"):
        assert client.post(reverse(name, args=[request.pk])).status_code in (403, 404)
    assert PersonalLink.objects.filter(revoked_at__isnull=True).count() == links_before
    coordinator = client_for(nl.people[Role.COORDINATOR])
    assert (
        coordinator.post(reverse("signoffs:request-revoke", args=[request.pk])).status_code == 302
    )
    assert PersonalLink.objects.filter(revoked_at__isnull=True).count() == links_before - 1


def test_another_institutions_coordinator_cannot_touch_the_links(
    nl: World, other_world: World, django_capture_on_commit_callbacks: Capture
) -> None:
    _submit(nl, django_capture_on_commit_callbacks)
    request = SignatureRequest.objects.get(role=Role.MENTOR)
    client = client_for(other_world.people[Role.COORDINATOR])
    for name in ("signoffs:request-resend", "signoffs:request-revoke", "signoffs:request-act"):
        assert client.post(reverse(name, args=[request.pk])).status_code == 404


def test_state_changes_refuse_get(nl: World, django_capture_on_commit_callbacks: Capture) -> None:
    application = _submit(nl, django_capture_on_commit_callbacks)
    request = SignatureRequest.objects.get(role=Role.MENTOR)
    coordinator = client_for(nl.people[Role.COORDINATOR])
    for url in (
        reverse("internships:start-application-confirm", args=[application.pk]),
        reverse("internships:start-application-return", args=[application.pk]),
        reverse("signoffs:request-resend", args=[request.pk]),
        reverse("signoffs:request-revoke", args=[request.pk]),
        reverse("signoffs:request-act", args=[request.pk]),
    ):
        assert coordinator.get(url).status_code == 405, url
