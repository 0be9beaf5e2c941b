"""Observations: the mentor records and signs off, the student acknowledges, corrections."""

import re
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from internships.models import Observation, Role
from internships.services.observations import (
    ObservationData,
    observation_acknowledge,
    observation_correct,
    observation_create,
    observation_sign_off,
    observation_update,
)
from signoffs.models import Signature, SignatureRequest, SignOffEvent
from signoffs.services import document_hash
from signoffs.verification import signatures_verify
from tests.conftest import World, client_for
from tests.factories import ObservationFactory, stage_follows
from tests.internships.support_days import frozen_today
from tests.internships.support_guidance import vl_world

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 20)
Capture = Callable[..., object]


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Service messages are matched in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def vl() -> Iterator[World]:
    with frozen_today(TODAY):
        yield vl_world()


def _data(**changes: object) -> ObservationData:
    values = {
        "observed_on": date(2026, 11, 10),
        "class_name": "2A",
        "subject": "Wiskunde: breuken",
        "focus": "Instructie en klasmanagement",
        "went_well": "Heldere uitleg.",
        "to_improve": "Meer differentiatie.",
        "agreements": "Niveaugroepen uitproberen.",
    }
    values.update(changes)
    return ObservationData(**values)  # type: ignore[arg-type]


def _create(world: World, **changes: object) -> Observation:
    return observation_create(
        placement=world.placement,
        mentor=world.people[Role.MENTOR],
        data=_data(**changes),
        today=TODAY,
    )


def _sign_off(world: World, observation: Observation) -> Observation:
    return observation_sign_off(
        observation=observation,
        mentor=world.people[Role.MENTOR],
        method=Signature.Method.ACCOUNT,
        seen_hash=document_hash(observation),
    )


# --- the services ---------------------------------------------------------------------------


def test_the_mentor_records_a_draft_and_may_change_it(vl: World) -> None:
    observation = _create(vl)
    assert observation.status == Observation.Status.DRAFT
    observation_update(
        observation=observation,
        mentor=vl.people[Role.MENTOR],
        data=_data(subject="Taal"),
        today=TODAY,
    )
    observation.refresh_from_db()
    assert observation.subject == "Taal"
    actions = SignOffEvent.objects.filter(object_id=observation.pk).values_list("action", flat=True)
    assert list(actions) == ["created", "edited"]


@pytest.mark.parametrize(
    "role",
    [Role.DIRECTOR, Role.STUDY_COACH, Role.COORDINATOR, Role.STUDENT, Role.SCHOOL_TEACHER_EDUCATOR],
)
def test_only_the_placements_mentor_records_observations(vl: World, role: str) -> None:
    with pytest.raises(PermissionDenied):
        observation_create(
            placement=vl.placement, mentor=vl.people[role], data=_data(), today=TODAY
        )


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2026, 11, 21), "future"),
        (date(2026, 8, 31), "within the placement"),
    ],
)
def test_the_date_must_lie_within_the_placement_and_not_in_the_future(
    vl: World, day: date, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        _create(vl, observed_on=day)


def test_required_texts_cannot_be_blank(vl: World) -> None:
    with pytest.raises(ValidationError):
        _create(vl, went_well="   ")


def test_a_planned_placement_has_no_observations_yet(vl: World) -> None:
    vl.placement.status = "planned"
    vl.placement.save()
    stage_follows(vl.placement)
    with pytest.raises(ValidationError, match="started"):
        _create(vl)


def test_sign_off_locks_the_observation_and_asks_the_student(
    vl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    observation = _create(vl)
    with django_capture_on_commit_callbacks(execute=True):
        _sign_off(vl, observation)
    observation.refresh_from_db()
    assert observation.status == Observation.Status.SIGNED
    assert observation.counts
    mentor_signature = Signature.objects.get(object_id=observation.pk)
    assert (mentor_signature.role, mentor_signature.signer) == (
        Role.MENTOR,
        vl.people[Role.MENTOR],
    )
    student_request = SignatureRequest.objects.get(object_id=observation.pk, role=Role.STUDENT)
    assert student_request.status == SignatureRequest.Status.PENDING
    assert [m.to for m in mail.outbox] == [[vl.people[Role.STUDENT].email]]
    with pytest.raises(ValidationError, match="locked"):
        observation_update(
            observation=observation, mentor=vl.people[Role.MENTOR], data=_data(), today=TODAY
        )
    with pytest.raises(ValidationError, match="already"):
        _sign_off(vl, observation)


def test_sign_off_refuses_content_that_changed_since_it_was_read(vl: World) -> None:
    observation = _create(vl)
    seen = document_hash(observation)
    observation_update(
        observation=observation,
        mentor=vl.people[Role.MENTOR],
        data=_data(subject="Taal"),
        today=TODAY,
    )
    with pytest.raises(ValidationError, match="changed"):
        observation_sign_off(
            observation=observation,
            mentor=vl.people[Role.MENTOR],
            method=Signature.Method.ACCOUNT,
            seen_hash=seen,
        )
    observation.refresh_from_db()
    assert observation.status == Observation.Status.DRAFT


def test_the_student_acknowledges_with_a_response_that_the_signature_covers(vl: World) -> None:
    observation = _sign_off(vl, _create(vl))
    student = vl.people[Role.STUDENT]
    observation_acknowledge(
        observation=observation,
        student=student,
        response="Dank je, ik probeer de niveaugroepen.",
        seen_hash=document_hash(observation),
        method=Signature.Method.ACCOUNT,
    )
    observation.refresh_from_db()
    assert observation.status == Observation.Status.ACKNOWLEDGED
    assert observation.student_response.startswith("Dank je")
    signature = Signature.objects.get(object_id=observation.pk, role=Role.STUDENT)
    assert signature.content_hash == document_hash(observation)
    with pytest.raises(ValidationError):
        observation_acknowledge(
            observation=observation,
            student=student,
            response="Nog iets",
            seen_hash=document_hash(observation),
            method=Signature.Method.ACCOUNT,
        )


def _acknowledged_with_a_response(world: World) -> Observation:
    observation = _sign_off(world, _create(world))
    observation_acknowledge(
        observation=observation,
        student=world.people[Role.STUDENT],
        response="Dank je, ik probeer de niveaugroepen.",
        seen_hash=document_hash(observation),
        method=Signature.Method.ACCOUNT,
    )
    return observation


def _reported_roles() -> list[str]:
    return sorted(m.signature.role for m in signatures_verify().mismatches)


def test_the_response_does_not_touch_what_the_mentor_signed(vl: World) -> None:
    """Each signature covers what its signer signed: the mentor signed before the response."""
    observation = _acknowledged_with_a_response(vl)
    observation.refresh_from_db()
    mentor = Signature.objects.get(object_id=observation.pk, role=Role.MENTOR)
    assert mentor.content_hash == document_hash(observation, Role.MENTOR)
    assert mentor.content_hash != document_hash(observation)
    assert mentor.voided_at is None
    assert _reported_roles() == []


@pytest.mark.unaudited_writes
def test_a_response_changed_behind_the_apps_back_breaks_the_students_signature(
    vl: World,
) -> None:
    observation = _acknowledged_with_a_response(vl)
    Observation.objects.filter(pk=observation.pk).update(student_response="Iets anders.")
    assert _reported_roles() == [Role.STUDENT]


@pytest.mark.unaudited_writes
def test_the_text_changed_behind_the_apps_back_breaks_both_signatures(vl: World) -> None:
    observation = _acknowledged_with_a_response(vl)
    Observation.objects.filter(pk=observation.pk).update(went_well="Alles ging goed.")
    assert _reported_roles() == [Role.MENTOR, Role.STUDENT]


def test_nobody_else_acknowledges_for_the_student(vl: World) -> None:
    observation = _sign_off(vl, _create(vl))
    with pytest.raises(PermissionDenied):
        observation_acknowledge(
            observation=observation,
            student=vl.people[Role.MENTOR],
            response="",
            seen_hash=document_hash(observation),
            method=Signature.Method.ACCOUNT,
        )


def test_a_draft_cannot_be_acknowledged(vl: World) -> None:
    observation = _create(vl)
    with pytest.raises(ValidationError, match="not waiting"):
        observation_acknowledge(
            observation=observation,
            student=vl.people[Role.STUDENT],
            response="",
            seen_hash=document_hash(observation),
            method=Signature.Method.ACCOUNT,
        )


def test_a_correction_is_a_new_version_that_supersedes_the_old_one_when_signed_off(
    vl: World,
) -> None:
    old = _sign_off(vl, _create(vl))
    correction = observation_correct(
        observation=old,
        mentor=vl.people[Role.MENTOR],
        data=_data(to_improve="Meer differentiatie en betere timing."),
        today=TODAY,
    )
    assert (correction.version, correction.previous, correction.status) == (2, old, "draft")
    old.refresh_from_db()
    assert old.counts  # the old version still counts while the correction is a draft
    _sign_off(vl, correction)
    old.refresh_from_db()
    assert old.is_superseded and not old.counts
    assert old.to_improve == "Meer differentiatie."  # the signed text stays as it was
    assert Observation.objects.filter(placement=vl.placement).count() == 2


def test_one_correction_at_a_time_and_only_of_signed_off_observations(vl: World) -> None:
    draft = _create(vl)
    with pytest.raises(ValidationError, match="draft"):
        observation_correct(
            observation=draft, mentor=vl.people[Role.MENTOR], data=_data(), today=TODAY
        )
    old = _sign_off(vl, draft)
    observation_correct(observation=old, mentor=vl.people[Role.MENTOR], data=_data(), today=TODAY)
    with pytest.raises(ValidationError, match="already has a correction"):
        observation_correct(
            observation=old, mentor=vl.people[Role.MENTOR], data=_data(), today=TODAY
        )


# --- the pages ------------------------------------------------------------------------------


def _post_observation(client: object, world: World, day: str) -> Observation:
    response = client.post(  # type: ignore[attr-defined]
        reverse("internships:observation-new", args=[world.placement.pk]),
        {
            "observed_on": day,
            "class_name": "2A",
            "subject": "Lezen",
            "focus": "Leesbegrip",
            "went_well": "Goede vragen.",
            "to_improve": "Wachttijd.",
            "agreements": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return Observation.objects.latest("pk")


def _strip_status(page: str, month: str) -> str:
    found = re.search(rf'data-month="{month}" data-status="(\w+)"', page)
    assert found, page
    return found.group(1)


def test_a_mentor_records_two_observations_and_the_month_turns_green(
    vl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    url = reverse("internships:placement-observations", args=[vl.placement.pk])
    with frozen_today(TODAY):
        client = client_for(vl.people[Role.MENTOR])
        assert _strip_status(client.get(url).content.decode(), "2026-11") == "in_progress"
        for day in ("2026-11-09", "2026-11-17"):
            observation = _post_observation(client, vl, day)
            page = client.get(reverse("internships:observation-detail", args=[observation.pk]))
            seen = re.search(r'name="content_hash" value="(\w+)"', page.content.decode()).group(1)
            with django_capture_on_commit_callbacks(execute=True):
                client.post(
                    reverse("internships:observation-sign-off", args=[observation.pk]),
                    {"content_hash": seen, "confirm": "on"},
                )
        page = client.get(url).content.decode()
    assert _strip_status(page, "2026-11") == "met"
    assert _strip_status(page, "2026-10") == "short"
    assert Observation.objects.filter(status="signed").count() == 2


def test_the_student_acknowledges_on_the_page_and_an_error_keeps_the_response(vl: World) -> None:
    observation = _sign_off(vl, _create(vl))
    client = client_for(vl.people[Role.STUDENT])
    url = reverse("internships:observation-acknowledge", args=[observation.pk])
    response = client.post(
        url, {"content_hash": document_hash(observation), "response": "Mijn reactie"}
    )
    assert response.status_code == 200
    assert "Mijn reactie" in response.content.decode()
    response = client.post(
        url,
        {"content_hash": document_hash(observation), "response": "Mijn reactie", "confirm": "on"},
    )
    assert response.status_code == 302
    observation.refresh_from_db()
    assert observation.status == Observation.Status.ACKNOWLEDGED
    assert observation.student_response == "Mijn reactie"


def test_the_mentor_corrects_from_the_page_and_both_versions_stay_visible(vl: World) -> None:
    old = _sign_off(vl, _create(vl))
    client = client_for(vl.people[Role.MENTOR])
    form = client.get(reverse("internships:observation-correct", args=[old.pk])).content.decode()
    assert "Meer differentiatie." in form  # the form starts from the signed text
    response = client.post(
        reverse("internships:observation-correct", args=[old.pk]),
        {
            "observed_on": "2026-11-10",
            "class_name": "2A",
            "subject": "Wiskunde: breuken",
            "focus": "Instructie",
            "went_well": "Heldere uitleg.",
            "to_improve": "Timing.",
        },
    )
    correction = Observation.objects.get(previous=old)
    assert response["Location"] == reverse("internships:observation-detail", args=[correction.pk])
    _sign_off(vl, correction)
    listing = client.get(
        reverse("internships:placement-observations", args=[vl.placement.pk])
    ).content.decode()
    assert listing.count("Wiskunde: breuken") == 2
    old_page = client.get(reverse("internships:observation-detail", args=[old.pk]))
    assert "Meer differentiatie." in old_page.content.decode()


def test_a_signed_observation_cannot_be_edited_from_the_page(vl: World) -> None:
    observation = _sign_off(vl, _create(vl))
    client = client_for(vl.people[Role.MENTOR])
    response = client.post(
        reverse("internships:observation-edit", args=[observation.pk]), {"subject": "x"}
    )
    assert response.status_code == 302
    observation.refresh_from_db()
    assert observation.subject == "Wiskunde: breuken"


def test_sign_off_is_post_only(vl: World) -> None:
    observation = _create(vl)
    client = client_for(vl.people[Role.MENTOR])
    url = reverse("internships:observation-sign-off", args=[observation.pk])
    assert client.get(url).status_code == 405


def test_list_pages_use_a_fixed_number_of_queries(
    vl: World, django_assert_max_num_queries: Callable[..., object]
) -> None:
    for day in (3, 4, 5, 6):
        ObservationFactory(placement=vl.placement, observed_on=date(2026, 10, day), status="signed")
    mentor = client_for(vl.people[Role.MENTOR])
    coordinator = client_for(vl.people[Role.COORDINATOR])
    counts = {}
    for client, name, args in (
        (mentor, "internships:placement-observations", [vl.placement.pk]),
        (mentor, "internships:mentor-observations", []),
        (coordinator, "internships:short-months", []),
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name, args=args)).status_code == 200
        counts[name] = len(queries)
    for day in (7, 8, 9, 10):
        ObservationFactory(placement=vl.placement, observed_on=date(2026, 9, day), status="signed")
    for client, name, args in (
        (mentor, "internships:placement-observations", [vl.placement.pk]),
        (mentor, "internships:mentor-observations", []),
        (coordinator, "internships:short-months", []),
    ):
        with django_assert_max_num_queries(counts[name]):
            client.get(reverse(name, args=args))
