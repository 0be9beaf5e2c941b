"""Two runs of the daily jobs at once (a retry while the first still runs, or two
schedulers by mistake): each overdue signer is reminded once, not once per run.

Needs real row locks, so it runs on PostgreSQL only (`make test-postgres`).
"""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from internships.models import Role, StartApplication
from signoffs.models import SignatureRequest, SignOffEvent
from signoffs.services import signature_reminders_send
from tests.conftest import build_world

from .race import ROUNDS, THREADS, race, winners
from .worlds import submitted_applications

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locking needs PostgreSQL"),
]


def test_eight_reminder_runs_at_once_remind_each_signer_once() -> None:
    """Each round one mentor's request becomes overdue; eight runs then find it together."""
    world = build_world()
    applications = submitted_applications(world, ROUNDS)
    requests = [
        SignatureRequest.objects.get(object_id=application.pk, role=Role.MENTOR)
        for application in applications
    ]
    now = timezone.now()

    def overdue(round_: int) -> None:
        request = requests[round_]
        request.requested_at = now - timedelta(days=30)
        request.save(update_fields=["requested_at"])

    reminded = [0] * THREADS

    def remind(_round: int, number: int) -> None:
        reminded[number] += signature_reminders_send(now=now)

    assert winners(race(remind, before_round=overdue)) == [THREADS] * ROUNDS
    assert sum(reminded) == ROUNDS
    content_type = ContentType.objects.get_for_model(StartApplication)
    for request in requests:
        request.refresh_from_db()
        assert request.reminder_count == 1
        events = SignOffEvent.objects.filter(
            content_type=content_type,
            object_id=request.object_id,
            action=SignOffEvent.Action.REMINDED,
        )
        assert events.count() == 1
