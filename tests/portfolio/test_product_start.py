"""The start of the professional product (DOMAIN.md, *beroepsproduct*): the student's start
form, the coordinator's approval with the graduation supervisor, sending back, exemptions."""

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from internships.models import Person, Placement, Role, RoleAssignment
from internships.services.pipeline import placement_stages_refresh
from portfolio.models import ProductEvent, ProductStatus, ProfessionalProduct
from portfolio.selectors import product_supervision
from portfolio.selectors_product import graduation_supervisors_with_load
from portfolio.services import (
    NewContact,
    product_exemption_record,
    product_exemption_withdraw,
    product_start_approve,
    product_start_return,
    product_start_submit,
)
from tests.conftest import World
from tests.factories import ExpertiseAreaFactory, PersonFactory, RoleAssignmentFactory
from tests.portfolio.conftest import student_of
from tests.portfolio.products import in_phase_1, start_data, submitted

pytestmark = pytest.mark.django_db


def test_submitting_the_start_form_records_it(world: World) -> None:
    product = submitted(world)
    assert product.status == ProductStatus.SUBMITTED
    assert product.submitted_at is not None
    assert product.practice_supervisor == world.people[Role.PRACTICE_SUPERVISOR]
    assert list(product.events.values_list("action", flat=True)) == ["submitted"]


def test_the_mentor_may_be_the_practice_supervisor(world: World) -> None:
    """DOMAIN.md: the praktijkbegeleider may be the mentor; they get that role at the school."""
    student = student_of(world)
    mentor = world.people[Role.MENTOR]
    product = product_start_submit(
        student=student, data=start_data(world, practice_supervisor=mentor), actor=student.person
    )
    assert product.practice_supervisor == mentor
    assert RoleAssignment.objects.filter(
        person=mentor, role=Role.PRACTICE_SUPERVISOR, school=world.school
    ).exists()


def test_a_new_school_contact_becomes_the_practice_supervisor(world: World) -> None:
    student = student_of(world)
    data = start_data(
        world,
        practice_supervisor=None,
        new_practice_supervisor=NewContact("Mila", "Bakker", "m.bakker@school.example"),
    )
    product = product_start_submit(student=student, data=data, actor=student.person)
    person = Person.objects.get(email="m.bakker@school.example")
    assert product.practice_supervisor == person
    assert person.institution_id == world.institution.pk
    assert person.role_assignments.filter(
        role=Role.PRACTICE_SUPERVISOR, school=world.school
    ).exists()


@pytest.mark.unaudited_writes
def test_a_practice_supervisor_needs_a_placement_school(world: World) -> None:
    Placement.objects.filter(student=student_of(world)).update(status=Placement.Status.CANCELLED)
    placement_stages_refresh(placements=Placement.objects.filter(student=student_of(world)))
    with pytest.raises(ValidationError):
        submitted(world)


def test_a_deactivated_expertise_area_is_refused(world: World) -> None:
    student = student_of(world)
    area = ExpertiseAreaFactory(institution=world.institution, active=False)
    with pytest.raises(ValidationError) as exc:
        product_start_submit(
            student=student, data=start_data(world, expertise_area=area), actor=student.person
        )
    assert "expertise_area" in exc.value.message_dict


def test_a_list_entry_of_another_institution_is_refused(world: World, other_world: World) -> None:
    student = student_of(world)
    foreign = ExpertiseAreaFactory(institution=other_world.institution)
    with pytest.raises(PermissionDenied):
        product_start_submit(
            student=student, data=start_data(world, expertise_area=foreign), actor=student.person
        )


def test_only_the_student_submits_their_own_form(world: World) -> None:
    with pytest.raises(PermissionDenied):
        product_start_submit(
            student=student_of(world),
            data=start_data(world),
            actor=world.people[Role.COORDINATOR],
        )


def test_a_flemish_student_makes_no_professional_product(other_world: World) -> None:
    student = student_of(other_world)
    with pytest.raises(ValidationError):
        product_start_submit(student=student, data=start_data(other_world), actor=student.person)


def test_the_coordinator_sends_the_form_back_with_a_comment(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    product = submitted(world)
    coordinator = world.people[Role.COORDINATOR]
    with pytest.raises(ValidationError):
        product_start_return(product=product, coordinator=coordinator, comment=" ")
    with django_capture_on_commit_callbacks(execute=True):
        product = product_start_return(
            product=product, coordinator=coordinator, comment="Concreter."
        )
    assert product.status == ProductStatus.RETURNED
    assert product.return_comment == "Concreter."
    assert [m.to for m in mail.outbox] == [[student_of(world).person.email]]
    assert "Concreter." in mail.outbox[0].body


def test_a_form_sent_back_can_be_submitted_again(world: World) -> None:
    product = submitted(world)
    product_start_return(
        product=product, coordinator=world.people[Role.COORDINATOR], comment="Concreter."
    )
    product = submitted(world)
    assert product.status == ProductStatus.SUBMITTED
    assert product.return_comment == ""


def test_approval_assigns_the_graduation_supervisor_and_starts_phase_1(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    product = submitted(world)
    supervisor = world.people[Role.GRADUATION_SUPERVISOR]
    with django_capture_on_commit_callbacks(execute=True):
        product = product_start_approve(
            product=product,
            coordinator=world.people[Role.COORDINATOR],
            graduation_supervisor=supervisor,
            today=date(2026, 9, 14),
        )
    assert product.status == ProductStatus.PHASE_1
    assert product.approved_on == date(2026, 9, 14)
    assert product.graduation_supervisor == supervisor
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [student_of(world).person.email, supervisor.email]
    )
    supervision = product_supervision(student=student_of(world))
    assert supervision.started and supervision.graduation_supervisor == supervisor


def test_only_a_graduation_supervisor_can_be_assigned(world: World) -> None:
    with pytest.raises(ValidationError):
        product_start_approve(
            product=submitted(world),
            coordinator=world.people[Role.COORDINATOR],
            graduation_supervisor=world.people[Role.STUDY_COACH],
        )


def test_a_graduation_supervisor_of_another_institution_cannot_be_assigned(
    world: World, other_world: World
) -> None:
    with pytest.raises(ValidationError):
        product_start_approve(
            product=submitted(world),
            coordinator=world.people[Role.COORDINATOR],
            graduation_supervisor=other_world.people[Role.GRADUATION_SUPERVISOR],
        )


@pytest.mark.parametrize("role", [Role.GRADUATION_SUPERVISOR, Role.STUDY_COACH, Role.STUDENT])
def test_only_the_coordinator_approves_or_sends_back(world: World, role: str) -> None:
    product = submitted(world)
    with pytest.raises(PermissionDenied):
        product_start_approve(
            product=product,
            coordinator=world.people[role],
            graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR],
        )
    with pytest.raises(PermissionDenied):
        product_start_return(product=product, coordinator=world.people[role], comment="x")


def test_a_coordinator_of_another_institution_may_not_approve(
    world: World, other_world: World
) -> None:
    with pytest.raises(PermissionDenied):
        product_start_approve(
            product=submitted(world),
            coordinator=other_world.people[Role.COORDINATOR],
            graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR],
        )


def test_an_approved_form_can_no_longer_change_or_be_approved_again(world: World) -> None:
    product = in_phase_1(world)
    with pytest.raises(ValidationError):
        submitted(world)
    with pytest.raises(ValidationError):
        product_start_approve(
            product=product,
            coordinator=world.people[Role.COORDINATOR],
            graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR],
        )
    with pytest.raises(ValidationError):
        product_start_return(
            product=product, coordinator=world.people[Role.COORDINATOR], comment="x"
        )


def test_the_coordinator_records_an_exemption(world: World) -> None:
    student = student_of(world)
    product = product_exemption_record(
        student=student, coordinator=world.people[Role.COORDINATOR], reason="Elders behaald."
    )
    assert product.status == ProductStatus.EXEMPT
    supervision = product_supervision(student=student)
    assert supervision.exempt and not supervision.started
    assert supervision.graduation_supervisor is None
    with pytest.raises(ValidationError):
        submitted(world)


def test_an_exemption_needs_a_reason_and_a_coordinator(world: World) -> None:
    student = student_of(world)
    with pytest.raises(ValidationError):
        product_exemption_record(
            student=student, coordinator=world.people[Role.COORDINATOR], reason=""
        )
    with pytest.raises(PermissionDenied):
        product_exemption_record(
            student=student, coordinator=world.people[Role.GRADUATION_SUPERVISOR], reason="x"
        )


def test_a_started_product_gets_no_exemption(world: World) -> None:
    in_phase_1(world)
    with pytest.raises(ValidationError):
        product_exemption_record(
            student=student_of(world), coordinator=world.people[Role.COORDINATOR], reason="x"
        )


def test_withdrawing_the_exemption_lets_the_student_start(world: World) -> None:
    coordinator = world.people[Role.COORDINATOR]
    product = product_exemption_record(
        student=student_of(world), coordinator=coordinator, reason="Elders behaald."
    )
    product = product_exemption_withdraw(product=product, coordinator=coordinator)
    assert product.status == ProductStatus.NOT_STARTED
    assert submitted(world).status == ProductStatus.SUBMITTED
    actions = list(product.events.values_list("action", flat=True))
    assert actions == [
        ProductEvent.Action.EXEMPTED,
        ProductEvent.Action.EXEMPTION_REVOKED,
        ProductEvent.Action.SUBMITTED,
    ]


@pytest.mark.unaudited_writes
def test_a_started_product_needs_a_supervisor_in_the_database(world: World) -> None:
    """The check constraint: a started product always has its supervisor and approval date."""
    product = submitted(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProfessionalProduct.objects.filter(pk=product.pk).update(status=ProductStatus.PHASE_1)


@pytest.mark.unaudited_writes
def test_the_supervisor_load_counts_active_products_only(world: World) -> None:
    supervisor = world.people[Role.GRADUATION_SUPERVISOR]
    colleague = RoleAssignmentFactory(
        person=PersonFactory(institution=world.institution), role=Role.GRADUATION_SUPERVISOR
    ).person
    in_phase_1(world)
    loads = {p.pk: p.active_products for p in graduation_supervisors_with_load(world.institution)}
    assert loads == {supervisor.pk: 1, colleague.pk: 0}
    ProfessionalProduct.objects.update(status=ProductStatus.COMPLETED)
    loads = {p.pk: p.active_products for p in graduation_supervisors_with_load(world.institution)}
    assert loads[supervisor.pk] == 0
