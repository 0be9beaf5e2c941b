"""The mentor link: one placement from a personal e-mail link, nothing else."""

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from internships.models import Country, LioDay, Observation, Role
from internships.services.mentor_links import MENTOR, mentor_link_issue
from signoffs.links import SIGN, link_issue
from signoffs.models import PersonalLink, Signature
from tests.conftest import World, build_world, client_for
from tests.factories import LioDayFactory, ObservationFactory, PersonFactory, PlacementFactory
from tests.internships.support_days import activate, frozen_today
from tests.internships.support_guidance import vl_world

pytestmark = pytest.mark.django_db

Capture = Callable[..., object]
TODAY = date(2026, 11, 20)


@pytest.fixture
def vl() -> Iterator[World]:
    with frozen_today(TODAY):
        yield vl_world()


def _token(world: World) -> str:
    url = mentor_link_issue(placement=world.placement, mentor=world.people[Role.MENTOR])
    return url.rstrip("/").rsplit("/", 1)[-1]


def _sent_path() -> str:
    found = re.search(r"https?://[^/\s]+(/mentor/[^/\s]+/)", mail.outbox[-1].body)
    assert found, mail.outbox[-1].body
    return found.group(1)


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.STUDENT])
def test_the_student_or_a_coordinator_mails_the_mentor_a_link(
    vl: World, role: str, django_capture_on_commit_callbacks: Capture
) -> None:
    client = client_for(vl.people[role])
    url = reverse("internships:mentor-link-send", args=[vl.placement.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    first = _sent_path()
    assert mail.outbox[-1].to == [vl.people[Role.MENTOR].email]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)  # sending again withdraws the earlier link
    assert Client().get(first).status_code == 404
    assert Client().get(_sent_path()).status_code == 200
    link = PersonalLink.objects.filter(purpose=MENTOR, revoked_at__isnull=True).get()
    assert (link.expires_at - link.created_at).days == 30


@pytest.mark.parametrize(
    "role", [Role.MENTOR, Role.DIRECTOR, Role.STUDY_COACH, Role.SCHOOL_TEACHER_EDUCATOR]
)
def test_others_cannot_send_or_withdraw_the_link(vl: World, role: str) -> None:
    client = client_for(vl.people[role])
    for name in ("internships:mentor-link-send", "internships:mentor-link-revoke"):
        assert client.post(reverse(name, args=[vl.placement.pk])).status_code == 403
    assert not mail.outbox


def test_withdrawing_stops_every_link(vl: World) -> None:
    token = _token(vl)
    client = client_for(vl.people[Role.COORDINATOR])
    client.post(reverse("internships:mentor-link-revoke", args=[vl.placement.pk]))
    assert Client().get(reverse("internships:mentor-page", args=[token])).status_code == 404


def test_the_link_age_follows_the_setting(vl: World, settings: object) -> None:
    settings.MENTOR_LINK_MAX_AGE_DAYS = 3  # type: ignore[attr-defined]
    token = _token(vl)
    url = reverse("internships:mentor-page", args=[token])
    with time_machine.travel(timezone.now() + timedelta(days=2, hours=23)):
        assert Client().get(url).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=3, minutes=1)):
        assert Client().get(url).status_code == 404


def test_the_mentor_records_and_signs_off_from_the_link(
    vl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    token = _token(vl)
    client = Client()
    with frozen_today(TODAY):
        page = client.get(reverse("internships:mentor-page", args=[token]))
        assert page.status_code == 200
        assert 'data-status="in_progress"' in page.content.decode()
        response = client.post(
            reverse("internships:mentor-observation-new", args=[token]),
            {
                "observed_on": "2026-11-18",
                "class_name": "2A",
                "subject": "Lezen",
                "focus": "Leesbegrip",
                "went_well": "Goede vragen.",
                "to_improve": "Wachttijd.",
            },
        )
        observation = Observation.objects.get()
        url = reverse("internships:mentor-observation", args=[token, observation.pk])
        assert response["Location"] == url
        page = client.get(url).content.decode()
        seen = re.search(r'name="content_hash" value="(\w+)"', page).group(1)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                url, {"action": "sign_off", "content_hash": seen, "confirm": "on"}
            )
    assert response.status_code == 302
    observation.refresh_from_db()
    assert observation.status == Observation.Status.SIGNED
    assert Signature.objects.get(role=Role.MENTOR).method == Signature.Method.LINK
    assert mail.outbox[-1].to == [vl.people[Role.STUDENT].email]


def test_a_draft_is_changed_from_the_link_with_errors_kept(vl: World) -> None:
    token = _token(vl)
    observation = ObservationFactory(placement=vl.placement)
    url = reverse("internships:mentor-observation", args=[token, observation.pk])
    response = Client().post(
        url, {"action": "save", "observed_on": "2030-01-01", "subject": "Taal nieuw"}
    )
    assert response.status_code == 200
    assert 'value="Taal nieuw"' in response.content.decode()
    observation.refresh_from_db()
    assert observation.subject == "Wiskunde: breuken"


def test_the_link_opens_nothing_else(vl: World) -> None:
    token = _token(vl)
    same_school = PlacementFactory(
        student__institution=vl.institution,
        student__programme=vl.placement.student.programme,
        school=vl.school,
        school_year=vl.school_year,
        mentor=vl.people[Role.MENTOR],
        status="active",
    )
    theirs = ObservationFactory(placement=same_school)  # same mentor, another student
    other_institution = build_world(Country.BE)
    foreign = ObservationFactory(placement=other_institution.placement)
    client = Client()
    for observation in (theirs, foreign):
        for name in ("internships:mentor-observation", "internships:mentor-observation-correct"):
            assert client.get(reverse(name, args=[token, observation.pk])).status_code == 404
    # The account pages stay behind the login.
    response = client.get(reverse("internships:observation-detail", args=[theirs.pk]))
    assert response.status_code == 302
    assert (
        client.get(reverse("internships:placement-detail", args=[vl.placement.pk])).status_code
        == 302
    )


def test_a_signing_link_is_not_a_mentor_link(vl: World) -> None:
    observation = ObservationFactory(placement=vl.placement)
    token = link_issue(person=vl.people[Role.MENTOR], purpose=SIGN, document=observation)
    assert Client().get(reverse("internships:mentor-page", args=[token])).status_code == 404
    assert Client().get(reverse("internships:mentor-page", args=["made-up"])).status_code == 404


def test_a_replaced_mentor_loses_access(vl: World) -> None:
    token = _token(vl)
    vl.placement.mentor = PersonFactory(institution=vl.institution)
    vl.placement.save()
    response = Client().get(reverse("internships:mentor-page", args=[token]))
    assert response.status_code == 404


def test_a_mentor_without_account_confirms_lio_days_from_the_link(world: World) -> None:
    """Track NL: the week confirmation of the day log works from the link too."""
    activate(world.placement)
    mentor = world.people[Role.MENTOR]
    mentor.user = None
    mentor.save()
    LioDayFactory(placement=world.placement, date=date(2026, 11, 2))
    LioDayFactory(placement=world.placement, date=date(2026, 11, 3))
    token = _token(world)
    client = Client()
    page = client.get(reverse("internships:mentor-page", args=[token])).content.decode()
    assert 'name="week" value="2026-11-02"' in page
    response = client.post(
        reverse("internships:mentor-days-confirm", args=[token]), {"week": "2026-11-02"}
    )
    assert response.status_code == 302
    assert LioDay.objects.filter(confirmed_by=mentor).count() == 2
    assert client.get(reverse("internships:mentor-days-confirm", args=[token])).status_code == 405
