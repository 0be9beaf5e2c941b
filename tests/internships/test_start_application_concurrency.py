"""Two signers at the same moment, or one signer clicking twice: no duplicate, nothing lost.

These need real row locks, so they run on PostgreSQL only (`make test-postgres`).
"""

import threading
from collections.abc import Callable
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from internships.models import EntryRequirement, Role, StartApplication
from internships.services.start_applications import (
    StartApplicationData,
    start_application_save,
    start_application_sign,
    start_application_submit,
)
from signoffs.models import Signature, SignatureRequest
from signoffs.services import document_hash
from tests.conftest import build_world

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locking needs PostgreSQL"),
]


def _submitted() -> tuple[StartApplication, dict]:
    world = build_world()
    student = world.placement.student
    for kind in EntryRequirement.Kind:
        EntryRequirement.objects.create(student=student, kind=kind)
    data = StartApplicationData(
        school=world.school,
        class_name="groep 7",
        grades=["NL7"],
        mentor=world.people[Role.MENTOR],
        director=world.people[Role.DIRECTOR],
        study_coach=world.people[Role.STUDY_COACH],
        weekdays=[0, 1, 2],
        start_date=date(2027, 1, 11),
    )
    application = start_application_save(student=student, data=data, actor=student.person)
    start_application_submit(application=application, actor=student.person)
    return application, world.people


def _race(workers: list[Callable[[], None]]) -> list[str]:
    barrier = threading.Barrier(len(workers))
    outcomes: list[str] = []

    def run(work: Callable[[], None]) -> None:
        barrier.wait()
        try:
            work()
            outcomes.append("signed")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(work,)) for work in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def _signing(application: StartApplication, people: dict, role: str) -> Callable[[], None]:
    request = SignatureRequest.objects.get(object_id=application.pk, role=role)
    seen = document_hash(application)
    return lambda: start_application_sign(
        document=application,
        request_id=request.pk,
        signer=people[role],
        method=Signature.Method.LINK,
        seen_hash=seen,
    )


@pytest.mark.parametrize("round_", range(10))
def test_eight_simultaneous_clicks_make_exactly_one_signature(round_: int) -> None:
    application, people = _submitted()
    outcomes = _race([_signing(application, people, Role.MENTOR)] * 8)
    assert sorted(outcomes) == ["refused"] * 7 + ["signed"]
    assert Signature.objects.filter(object_id=application.pk).count() == 1


@pytest.mark.parametrize("round_", range(10))
def test_three_signers_at_once_all_count_and_complete_the_form(round_: int) -> None:
    application, people = _submitted()
    roles = (Role.MENTOR, Role.DIRECTOR, Role.STUDY_COACH)
    outcomes = _race([_signing(application, people, role) for role in roles])
    assert outcomes == ["signed"] * 3
    application.refresh_from_db()
    assert application.status == StartApplication.Status.SIGNED
    assert Signature.objects.filter(object_id=application.pk, voided_at__isnull=True).count() == 3
