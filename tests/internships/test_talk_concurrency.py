"""Eight people booking the same slot at the same moment: exactly one booking.

Needs real row locks, so it runs on PostgreSQL only (`make test-postgres`).
"""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from internships.models import TalkBooking
from internships.services.talks import talk_booking_create
from tests.factories import TalkSlotFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locking needs PostgreSQL"),
]


@pytest.mark.parametrize("round_", range(5))
def test_eight_simultaneous_bookings_of_one_slot_make_exactly_one(round_: int) -> None:
    start = timezone.now() + timedelta(days=3)
    slot = TalkSlotFactory(starts_at=start, ends_at=start + timedelta(minutes=30))
    barrier = threading.Barrier(8)
    outcomes: list[str] = []

    def book(number: int) -> None:
        barrier.wait()
        try:
            talk_booking_create(
                programme=slot.programme,
                slot_id=slot.pk,
                name=f"Persoon {number}",
                email=f"persoon{number}@example.org",
                question="",
                language="nl",
            )
            outcomes.append("booked")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked"] + ["refused"] * 7
    assert TalkBooking.objects.filter(slot=slot, cancelled_at__isnull=True).count() == 1
