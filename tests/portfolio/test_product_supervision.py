"""The interface the LIO lesson assessment uses: exemption, start and graduation supervisor."""

import pytest
from django.utils import timezone

from internships.models import Role
from portfolio.models import ProductStatus
from portfolio.selectors import ProductSupervision, product_supervision
from tests.conftest import World
from tests.factories import ProfessionalProductFactory


def _student(world: World) -> object:
    return world.people[Role.STUDENT].student_profile  # type: ignore[attr-defined]


def test_no_product_yet_is_neither_exempt_nor_started(world: World) -> None:
    assert product_supervision(student=_student(world)) == ProductSupervision(
        exempt=False, started=False, graduation_supervisor=None
    )


@pytest.mark.parametrize(
    "status", [ProductStatus.NOT_STARTED, ProductStatus.SUBMITTED, ProductStatus.RETURNED]
)
def test_a_start_form_not_yet_approved_has_not_started(world: World, status: str) -> None:
    ProfessionalProductFactory(student=_student(world), status=status)
    supervision = product_supervision(student=_student(world))
    assert supervision.started is False
    assert supervision.exempt is False
    assert supervision.graduation_supervisor is None


@pytest.mark.parametrize(
    "status",
    [
        ProductStatus.PHASE_1,
        ProductStatus.PHASE_2,
        ProductStatus.DELIVERED,
        ProductStatus.COMPLETED,
    ],
)
def test_an_approved_product_has_started_with_its_supervisor(world: World, status: str) -> None:
    supervisor = world.people[Role.GRADUATION_SUPERVISOR]
    ProfessionalProductFactory(
        student=_student(world),
        status=status,
        approved_on=timezone.localdate(),
        graduation_supervisor=supervisor,
    )
    supervision = product_supervision(student=_student(world))
    assert supervision == ProductSupervision(
        exempt=False, started=True, graduation_supervisor=supervisor
    )


def test_an_exempt_student_has_no_supervisor(world: World) -> None:
    ProfessionalProductFactory(student=_student(world), status=ProductStatus.EXEMPT)
    supervision = product_supervision(student=_student(world))
    assert supervision.exempt is True
    assert supervision.started is False
    assert supervision.graduation_supervisor is None


def test_it_takes_one_query(world: World, django_assert_num_queries: object) -> None:
    ProfessionalProductFactory(
        student=_student(world),
        status=ProductStatus.PHASE_1,
        approved_on=timezone.localdate(),
        graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR],
    )
    student = _student(world)
    with django_assert_num_queries(1):  # type: ignore[operator]
        supervision = product_supervision(student=student)
        assert supervision.graduation_supervisor is not None
        str(supervision.graduation_supervisor)
