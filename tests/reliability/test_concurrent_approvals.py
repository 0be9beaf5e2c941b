"""Approvals at the same moment: 8 threads × 50 rounds, no duplicate and no lost write.

Each round eight threads act on one record at once (the issue's "transitions lock their
row"). Needs real row locks, so it runs on PostgreSQL only (`make test-postgres`).
"""

from collections import Counter

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from internships.models import Placement, Role, StartApplication
from internships.services.start_applications import (
    start_application_confirm,
    start_application_return,
    start_application_sign,
)
from portfolio.models import ProductEvent, ProductStatus, ProfessionalProduct
from portfolio.services import product_start_approve, product_start_return
from signoffs.models import Signature, SignatureRequest, SignOffEvent
from signoffs.services import document_hash
from tests.conftest import build_world
from tests.factories import ProfessionalProductFactory

from .race import ROUNDS, race, winners
from .worlds import students, submitted_applications

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locking needs PostgreSQL"),
]

SIGNER_ROLES = (Role.MENTOR, Role.DIRECTOR, Role.STUDY_COACH)


def _events(application: StartApplication) -> Counter[str]:
    history = SignOffEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(application), object_id=application.pk
    )
    return Counter(history.values_list("action", flat=True))


def _race_signing(applications: list[StartApplication], people: dict) -> None:
    """Threads 0, 3, 6 sign as mentor, 1, 4, 7 as director, 2, 5 as study coach."""
    requests = {
        (application.pk, request.role): (request.pk, document_hash(application))
        for application in applications
        for request in SignatureRequest.objects.filter(object_id=application.pk)
    }

    def sign(round_: int, number: int) -> None:
        application = applications[round_]
        role = SIGNER_ROLES[number % 3]
        request_id, seen = requests[(application.pk, role)]
        start_application_sign(
            document=application,
            request_id=request_id,
            signer=people[role],
            method=Signature.Method.LINK,
            seen_hash=seen,
        )

    assert winners(race(sign)) == [3] * ROUNDS


def _assert_signed_once_each(application: StartApplication) -> None:
    application.refresh_from_db()
    assert application.status == StartApplication.Status.SIGNED
    signed_roles = Signature.objects.filter(
        content_type=ContentType.objects.get_for_model(application),
        object_id=application.pk,
        voided_at__isnull=True,
    ).values_list("role", flat=True)
    assert sorted(signed_roles) == sorted(SIGNER_ROLES)
    events = _events(application)
    assert (events["signed"], events["completed"]) == (3, 1)


def _race_deciding(applications: list[StartApplication], coordinator: object) -> None:
    """Even threads confirm, odd threads send back."""

    def decide(round_: int, number: int) -> None:
        application = applications[round_]
        if number % 2:
            start_application_return(
                application=application, coordinator=coordinator, comment="Klas ontbreekt."
            )
        else:
            start_application_confirm(application=application, coordinator=coordinator)

    assert winners(race(decide)) == [1] * ROUNDS


def _assert_decided_once(application: StartApplication) -> None:
    application.refresh_from_db()
    events = _events(application)
    assert events["confirmed"] + events["returned"] == 1
    placement = Placement.objects.get(pk=application.placement_id)
    if events["confirmed"]:
        assert application.status == StartApplication.Status.CONFIRMED
        assert placement.status == Placement.Status.ACTIVE
    else:
        assert application.status == StartApplication.Status.RETURNED
        assert placement.status == Placement.Status.PLANNED


def test_start_applications_are_signed_and_decided_once_each() -> None:
    """Eight threads sign one start application's three requests at once: each request is
    signed once and the last signature completes the form once. Then the coordinator confirms
    and sends back that application at once: one wins, and the application, its placement
    and its history agree on which."""
    world = build_world()
    applications = submitted_applications(world, ROUNDS)
    _race_signing(applications, world.people)
    for application in applications:
        _assert_signed_once_each(application)
    _race_deciding(applications, world.people[Role.COORDINATOR])
    for application in applications:
        _assert_decided_once(application)


def test_the_coordinator_approves_or_sends_back_a_product_start_form_once() -> None:
    """Even threads approve (naming the afstudeerbegeleider), odd threads send back."""
    world = build_world()
    products = [ProfessionalProductFactory(student=s) for s in students(world, ROUNDS)]
    coordinator = world.people[Role.COORDINATOR]
    supervisor = world.people[Role.GRADUATION_SUPERVISOR]

    def decide(round_: int, number: int) -> None:
        product = products[round_]
        if number % 2:
            product_start_return(product=product, coordinator=coordinator, comment="Te breed.")
        else:
            product_start_approve(
                product=product, coordinator=coordinator, graduation_supervisor=supervisor
            )

    assert winners(race(decide)) == [1] * ROUNDS
    for product in ProfessionalProduct.objects.filter(pk__in=[p.pk for p in products]):
        actions = list(product.events.values_list("action", flat=True))
        assert len(actions) == 1
        if actions == [ProductEvent.Action.APPROVED]:
            assert product.status == ProductStatus.PHASE_1
            assert product.graduation_supervisor == supervisor
        else:
            assert actions == [ProductEvent.Action.RETURNED]
            assert product.status == ProductStatus.RETURNED
            assert product.graduation_supervisor is None
