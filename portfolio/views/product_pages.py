"""The product page shared by every role: what it shows and which forms each member gets."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from internships.membership import Membership
from internships.models import Role, StudentProfile

from ..forms_product import (
    ApproveForm,
    ExemptionForm,
    PartAssessmentForm,
    ReturnForm,
    VersionReviewForm,
    VersionUploadForm,
)
from ..models import Phase, ProductStatus, ProfessionalProduct
from ..selectors_product import (
    PhaseView,
    graduation_supervisors_with_load,
    product_evaluation,
    product_events,
    product_phases,
)
from ..services.deliverables import PHASE_STATUS
from ..services.products import EDITABLE_START

# Who opens the evaluation form besides the student (once signed); the mentor does not.
_EVALUATION_STAFF = frozenset(
    {Role.COORDINATOR, Role.GRADUATION_SUPERVISOR, Role.PRACTICE_SUPERVISOR}
)
STAFF_READERS = (
    Role.COORDINATOR,
    Role.GRADUATION_SUPERVISOR,
    Role.PRACTICE_SUPERVISOR,
    Role.MENTOR,
)


def _phase_forms(
    phases: list[PhaseView],
    product: ProfessionalProduct,
    *,
    student_self: bool,
    supervisor: bool,
    evaluation_signed: bool,
    bound: dict[str, Any],
) -> None:
    """Give each phase the forms the member may use there (None where they may not): a form
    that failed validation (`bound`, with `part` for an assessment) replaces the empty one."""
    for view in phases:
        is_open = product.status == PHASE_STATUS[view.phase]
        latest = view.latest
        can_review = supervisor and is_open and latest is not None and not _reviewed(latest)
        # Part II is assessed with the practice supervisor's advice at hand.
        advised = view.phase == Phase.EXPLORATION or evaluation_signed
        can_assess = supervisor and view.accepted_on is not None and view.passed is None and advised
        view.upload_form = (  # type: ignore[attr-defined]
            bound.get("upload_form") or VersionUploadForm() if student_self and is_open else None
        )
        view.review_form = (  # type: ignore[attr-defined]
            bound.get("review_form") or VersionReviewForm() if can_review else None
        )
        own_assessment = bound.get("part") == view.phase
        view.assess_form = (  # type: ignore[attr-defined]
            (bound.get("assess_form") if own_assessment else None) or PartAssessmentForm()
            if can_assess
            else None
        )


def _reviewed(version: object) -> bool:
    return hasattr(version, "review")


def product_context(
    membership: Membership,
    student: StudentProfile,
    *,
    bound: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything the product page shows, with the forms the member may use. `bound` holds a
    form that failed validation by its context name (and `part` for an assessment)."""
    person = membership.person
    assert person is not None
    bound = bound or {}
    product: ProfessionalProduct | None = getattr(student, "professional_product", None)
    student_self = student.person_id == person.pk
    supervisor = product is not None and product.graduation_supervisor_id == person.pk
    coordinator = Role.COORDINATOR in membership.roles
    phases = product_phases(product) if product and product.approved_on else []
    evaluation = product_evaluation(product)
    if product is not None:
        _phase_forms(
            phases,
            product,
            student_self=student_self,
            supervisor=supervisor,
            evaluation_signed=evaluation is not None and evaluation.is_signed,
            bound=bound,
        )
    context: dict[str, Any] = {
        "student": student,
        "product": product,
        "status": product.status if product else ProductStatus.NOT_STARTED,
        "phases": phases,
        "credits_total": sum(view.passed.credits for view in phases if view.passed),
        "evaluation": evaluation,
        "events": product_events(product) if product else [],
        "is_student": student_self,
        "is_supervisor": supervisor,
        "is_coordinator": coordinator,
        "can_open_evaluation": evaluation is not None
        and (membership.has_any(_EVALUATION_STAFF) or (student_self and evaluation.is_signed)),
    }
    if coordinator:
        context |= _coordinator_forms(product) | {
            name: form
            for name, form in bound.items()
            if name in {"approve_form", "return_form", "exemption_form"}
        }
    return context


def _coordinator_forms(product: ProfessionalProduct | None) -> dict[str, Any]:
    status = product.status if product else ProductStatus.NOT_STARTED
    forms: dict[str, Any] = {}
    if product is not None and status == ProductStatus.SUBMITTED:
        supervisors = graduation_supervisors_with_load(product.student.institution_id)
        forms["approve_form"] = ApproveForm(supervisors=supervisors)
        forms["return_form"] = ReturnForm()
    if status in EDITABLE_START:
        forms["exemption_form"] = ExemptionForm()
    return forms


def product_page(
    request: HttpRequest,
    membership: Membership,
    student: StudentProfile,
    *,
    template: str = "portfolio/product/detail.html",
    bound: dict[str, Any] | None = None,
) -> HttpResponse:
    context = product_context(membership, student, bound=bound)
    context["page_title"] = _("Professional product of %(name)s") % {
        "name": student.person.full_name
    }
    return render(request, template, context)
