"""Orientation talks: publish slots, book without an account, cancel by link or by staff."""

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from internships.models import Role, TalkBooking
from tests.conftest import World, client_for
from tests.factories import TalkSlotFactory
from tests.internships.support_guidance import vl_world

pytestmark = pytest.mark.django_db
Capture = Callable[..., object]


@pytest.fixture
def vl() -> World:
    return vl_world()


def _slot(vl: World, days: int = 7) -> object:
    start = timezone.now() + timedelta(days=days)
    return TalkSlotFactory(
        programme=vl.placement.student.programme,
        starts_at=start,
        ends_at=start + timedelta(minutes=30),
    )


def _book(vl: World, slot: object, capture: Capture, email: str = "an@example.org") -> object:
    url = reverse("internships:talk-book", args=[vl.placement.student.programme.pk])
    with capture(execute=True):
        return Client().post(
            url,
            {"slot": slot.pk, "name": "An Verbeke", "email": email, "question": "Wanneer?"},  # type: ignore[attr-defined]
        )


def test_anyone_books_a_slot_and_gets_a_calendar_file_and_cancel_link(
    vl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    slot = _slot(vl)
    page = Client().get(reverse("internships:talk-book", args=[vl.placement.student.programme.pk]))
    assert page.status_code == 200 and "csrfmiddlewaretoken" in page.content.decode()
    response = _book(vl, slot, django_capture_on_commit_callbacks)
    assert response.status_code == 302  # type: ignore[attr-defined]
    booking = TalkBooking.objects.get()
    assert (booking.name, booking.question, booking.person.user) == ("An Verbeke", "Wanneer?", None)
    message = mail.outbox[-1]
    assert message.to == ["an@example.org"]
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("gesprek.ics", "text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == slot.starts_at.replace(microsecond=0)  # type: ignore[attr-defined]
    cancel = re.search(r"https?://[^/\s]+(/talks/cancel/[^/\s]+/)", message.body).group(1)
    client = Client()
    assert client.get(cancel).status_code == 200  # reading the link changes nothing
    assert TalkBooking.objects.get().is_active
    assert client.post(cancel).status_code == 302
    assert client.post(cancel).status_code == 302  # cancelling twice is fine
    assert TalkBooking.objects.get().cancelled_at is not None
    free = Client().get(reverse("internships:talk-book", args=[vl.placement.student.programme.pk]))
    assert f'value="{slot.pk}"' in free.content.decode()  # type: ignore[attr-defined]


def test_a_booked_slot_cannot_be_booked_again(
    vl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    slot = _slot(vl)
    _book(vl, slot, django_capture_on_commit_callbacks)
    response = _book(vl, slot, django_capture_on_commit_callbacks, email="tweede@example.org")
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert TalkBooking.objects.count() == 1


def test_past_slots_and_other_programmes_are_not_offered(vl: World, other_world: World) -> None:
    past = _slot(vl, days=-1)
    foreign = TalkSlotFactory(programme=other_world.placement.student.programme)
    page = Client().get(reverse("internships:talk-book", args=[vl.placement.student.programme.pk]))
    text = page.content.decode()
    assert f'value="{past.pk}"' not in text and f'value="{foreign.pk}"' not in text  # type: ignore[attr-defined]


def test_a_dutch_programme_has_no_booking_page(world: World) -> None:
    url = reverse("internships:talk-book", args=[world.placement.student.programme.pk])
    assert Client().get(url).status_code == 404


def test_staff_publish_a_slot_and_cancel_a_booking_with_a_mail(
    vl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    client = client_for(vl.people[Role.STUDY_COACH])
    day = (timezone.localdate() + timedelta(days=10)).isoformat()
    response = client.post(
        reverse("internships:talk-slots"),
        {
            "programme": vl.placement.student.programme.pk,
            "day": day,
            "starts": "17:00",
            "ends": "17:30",
            "place": "Lokaal B14",
        },
    )
    assert response.status_code == 302
    slot = vl.placement.student.programme.talk_slots.get()
    _book(vl, slot, django_capture_on_commit_callbacks)
    assert "An Verbeke" in client.get(reverse("internships:talk-slots")).content.decode()
    booking = TalkBooking.objects.get()
    coordinator = client_for(vl.people[Role.COORDINATOR])
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(reverse("internships:talk-booking-cancel", args=[booking.pk]))
    booking.refresh_from_db()
    assert booking.cancelled_by == vl.people[Role.COORDINATOR]
    assert mail.outbox[-1].to == ["an@example.org"]
    assert b"CANCEL" in mail.outbox[-1].attachments[0][1].encode()


def test_a_booked_slot_is_not_withdrawn(
    vl: World, django_capture_on_commit_callbacks: Capture
) -> None:
    slot = _slot(vl)
    _book(vl, slot, django_capture_on_commit_callbacks)
    client = client_for(vl.people[Role.COORDINATOR])
    client.post(reverse("internships:talk-slot-withdraw", args=[slot.pk]))  # type: ignore[attr-defined]
    assert TalkBooking.objects.filter(slot=slot).exists()
    free = _slot(vl, days=8)
    client.post(reverse("internships:talk-slot-withdraw", args=[free.pk]))  # type: ignore[attr-defined]
    assert not type(free).objects.filter(pk=free.pk).exists()  # type: ignore[attr-defined]


def test_another_institutions_booking_is_404(vl: World, other_world: World) -> None:
    slot = TalkSlotFactory(programme=other_world.placement.student.programme)
    booking = TalkBooking.objects.create(
        slot=slot,
        person=other_world.people[Role.STUDENT],
        name="X",
        email="x@example.org",
        language="nl",
    )
    client = client_for(vl.people[Role.COORDINATOR])
    assert (
        client.post(reverse("internships:talk-booking-cancel", args=[booking.pk])).status_code
        == 404
    )
    assert client.post(reverse("internships:talk-slot-withdraw", args=[slot.pk])).status_code == 404
