"""The professional product's start (DOMAIN.md, track NL, *beroepsproduct*): the student
submits a start form; the coordinator sends it back or approves it and assigns an
*afstudeerbegeleider*; or records an exemption (*vrijstelling*).

not started / sent back → submitted → phase I (approved) ; not started / submitted / sent back
→ exempt → not started (exemption withdrawn).
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import Person, Placement, Role, School, StudentProfile, Track
from internships.services.people import school_contact_ensure

from ..models import (
    ExpertiseArea,
    ProductEvent,
    ProductStatus,
    ProductType,
    ProfessionalProduct,
)
from .product_notify import notify_start_approved, notify_start_returned

# The student may (re)submit the start form until the coordinator approves it.
EDITABLE_START = frozenset(
    {ProductStatus.NOT_STARTED, ProductStatus.SUBMITTED, ProductStatus.RETURNED}
)


@dataclass(frozen=True)
class NewContact:
    first_name: str
    last_name: str
    email: str


@dataclass(frozen=True)
class StartFormData:
    """What the student fills in. The practice supervisor is a known contact at the placement
    school (the mentor, for instance) or a new contact by name and e-mail."""

    title: str
    question: str
    expertise_area: ExpertiseArea
    product_type: ProductType
    practice_supervisor: Person | None = None
    new_practice_supervisor: NewContact | None = None


def product_event(
    *,
    product: ProfessionalProduct,
    action: str,
    actor: Person | None,
    comment: str = "",
    phase: int | None = None,
) -> ProductEvent:
    """Append to the product's history."""
    return ProductEvent.objects.create(
        product=product, action=action, actor=actor, comment=comment, phase=phase
    )


def locked_product(product: ProfessionalProduct) -> ProfessionalProduct:
    return (
        ProfessionalProduct.objects.select_for_update(of=("self",))
        .select_related("student__person", "student__programme")
        .get(pk=product.pk)
    )


def _current_placement(student: StudentProfile) -> Placement | None:
    return (
        Placement.objects.filter(student=student)
        .exclude(status=Placement.Status.CANCELLED)
        .select_related("school", "mentor")
        .order_by("-school_year__start_date")
        .first()
    )


def placement_school(student: StudentProfile) -> School | None:
    """The school of the student's current (not cancelled) placement: the practice the
    professional product improves, where the practice supervisor works."""
    placement = _current_placement(student)
    return placement.school if placement else None


def placement_mentor(student: StudentProfile) -> Person | None:
    """DOMAIN.md: the practice supervisor may be the mentor; proposed on a first start form."""
    placement = _current_placement(student)
    return placement.mentor if placement else None


def _require_dutch(student: StudentProfile) -> None:
    if student.programme.track != Track.NL:
        raise ValidationError(_("Only students of the Dutch track make a professional product."))


def _practice_supervisor(student: StudentProfile, data: StartFormData) -> Person:
    school = placement_school(student)
    if school is None:
        raise ValidationError(
            _("You have no placement school yet: your practice supervisor works there.")
        )
    contact = data.new_practice_supervisor
    if contact is None and data.practice_supervisor is None:
        raise ValidationError(
            {"practice_supervisor": _("Choose your practice supervisor or add a new contact.")}
        )
    if contact is None:
        person = data.practice_supervisor
        assert person is not None
        if person.institution_id != student.institution_id:
            raise PermissionDenied
        contact = NewContact(person.first_name, person.last_name, person.email)
    return school_contact_ensure(
        school=school,
        role=Role.PRACTICE_SUPERVISOR,
        first_name=contact.first_name,
        last_name=contact.last_name,
        email=contact.email,
    )


def _check_lists(student: StudentProfile, data: StartFormData) -> None:
    for name, entry in (
        ("expertise_area", data.expertise_area),
        ("product_type", data.product_type),
    ):
        if entry.institution_id != student.institution_id:
            raise PermissionDenied
        if not entry.active:
            raise ValidationError({name: _("This choice is no longer offered; choose another.")})


@transaction.atomic
def product_start_submit(
    *, student: StudentProfile, data: StartFormData, actor: Person
) -> ProfessionalProduct:
    """The student submits (or changes before the coordinator decides) the start form."""
    _require_dutch(student)
    if actor.pk != student.person_id:
        raise PermissionDenied
    product, _created = ProfessionalProduct.objects.select_for_update().get_or_create(
        student=student
    )
    if product.status == ProductStatus.EXEMPT:
        raise ValidationError(_("You have an exemption for the professional product."))
    if product.status not in EDITABLE_START:
        raise ValidationError(_("Your start form has been approved; it can no longer be changed."))
    if not data.title.strip() or not data.question.strip():
        raise ValidationError(_("Fill in the working title and the question from practice."))
    _check_lists(student, data)
    product.practice_supervisor = _practice_supervisor(student, data)
    product.title = data.title.strip()
    product.question = data.question.strip()
    product.expertise_area = data.expertise_area
    product.product_type = data.product_type
    product.status = ProductStatus.SUBMITTED
    product.submitted_at = timezone.now()
    product.return_comment = ""
    product.save()
    product_event(product=product, action=ProductEvent.Action.SUBMITTED, actor=actor)
    return product


def _require_coordinator(coordinator: Person, student: StudentProfile) -> None:
    if coordinator.institution_id != student.institution_id or not (
        coordinator.role_assignments.filter(role=Role.COORDINATOR).exists()
    ):
        raise PermissionDenied


@transaction.atomic
def product_start_return(
    *, product: ProfessionalProduct, coordinator: Person, comment: str
) -> ProfessionalProduct:
    """The coordinator sends the start form back to the student with a comment."""
    product = locked_product(product)
    _require_coordinator(coordinator, product.student)
    if product.status != ProductStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted start form can be sent back."))
    if not comment.strip():
        raise ValidationError({"comment": _("Explain what needs to change.")})
    product.status = ProductStatus.RETURNED
    product.return_comment = comment.strip()
    product.save(update_fields=["status", "return_comment", "updated_at"])
    product_event(
        product=product,
        action=ProductEvent.Action.RETURNED,
        actor=coordinator,
        comment=product.return_comment,
    )
    notify_start_returned(product=product, coordinator=coordinator)
    return product


@transaction.atomic
def product_start_approve(
    *,
    product: ProfessionalProduct,
    coordinator: Person,
    graduation_supervisor: Person,
    today: date | None = None,
) -> ProfessionalProduct:
    """DOMAIN.md: on approval an afstudeerbegeleider is assigned; phase I starts that day."""
    product = locked_product(product)
    _require_coordinator(coordinator, product.student)
    if product.status != ProductStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted start form can be approved."))
    is_supervisor = graduation_supervisor.role_assignments.filter(
        role=Role.GRADUATION_SUPERVISOR
    ).exists()
    if graduation_supervisor.institution_id != product.student.institution_id or not is_supervisor:
        raise ValidationError(
            {"graduation_supervisor": _("Choose a graduation supervisor of your institution.")}
        )
    product.status = ProductStatus.PHASE_1
    product.approved_on = today or timezone.localdate()
    product.graduation_supervisor = graduation_supervisor
    product.save(update_fields=["status", "approved_on", "graduation_supervisor", "updated_at"])
    product_event(
        product=product,
        action=ProductEvent.Action.APPROVED,
        actor=coordinator,
        comment=graduation_supervisor.full_name,
    )
    notify_start_approved(product=product)
    return product


@transaction.atomic
def product_exemption_record(
    *, student: StudentProfile, coordinator: Person, reason: str
) -> ProfessionalProduct:
    """The coordinator records an exemption (*vrijstelling*): the student makes no professional
    product, and an assessor assigned by the institution assesses the LIO lesson."""
    _require_dutch(student)
    _require_coordinator(coordinator, student)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the exemption.")})
    product, _created = ProfessionalProduct.objects.select_for_update().get_or_create(
        student=student
    )
    if product.status not in EDITABLE_START:
        raise ValidationError(
            _("The professional product has started or is exempt already; no exemption now.")
        )
    product.status = ProductStatus.EXEMPT
    product.exemption_reason = reason.strip()
    product.save(update_fields=["status", "exemption_reason", "updated_at"])
    product_event(
        product=product, action=ProductEvent.Action.EXEMPTED, actor=coordinator, comment=reason
    )
    return product


@transaction.atomic
def product_exemption_withdraw(
    *, product: ProfessionalProduct, coordinator: Person
) -> ProfessionalProduct:
    """Withdraw an exemption: the student starts again with the start form."""
    product = locked_product(product)
    _require_coordinator(coordinator, product.student)
    if product.status != ProductStatus.EXEMPT:
        raise ValidationError(_("This student has no exemption."))
    product.status = ProductStatus.NOT_STARTED
    product.exemption_reason = ""
    product.save(update_fields=["status", "exemption_reason", "updated_at"])
    product_event(product=product, action=ProductEvent.Action.EXEMPTION_REVOKED, actor=coordinator)
    return product
