"""The professional product for the coordinator, the graduation supervisor, the practice
supervisor and the mentor: the list, the product page and its transitions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from internships.models import Role, StudentProfile
from internships.permissions import role_required
from lio_portal.uploads import protected_file_response

from ..forms_product import (
    ApproveForm,
    ExemptionForm,
    PartAssessmentForm,
    ReturnForm,
    VersionReviewForm,
)
from ..models import DeliverableReview, Phase, ProductStatus, ProfessionalProduct
from ..selectors_product import (
    graduation_supervisors_with_load,
    product_rows,
    product_students_visible_to,
    versions_visible_to,
)
from ..services import (
    deliverable_review,
    part_assess,
    product_exemption_record,
    product_exemption_withdraw,
    product_start_approve,
    product_start_return,
)
from ._common import membership_of
from .product_pages import STAFF_READERS, product_page


@role_required(*STAFF_READERS)
def product_list(request: HttpRequest) -> HttpResponse:
    """The Dutch-track students the member follows, with their product's status and due date."""
    membership = membership_of(request)
    status = request.GET.get("status", "")
    rows = product_rows(product_students_visible_to(membership), status=status)
    return render(
        request,
        "portfolio/product/list.html",
        {
            "rows": rows,
            "statuses": ProductStatus.choices,
            "current_status": status,
            "waiting": [row for row in rows if row.waiting_for_review],
            "is_coordinator": Role.COORDINATOR in membership.roles,
        },
    )


def _student(request: HttpRequest, pk: int) -> StudentProfile:
    return get_object_or_404(product_students_visible_to(membership_of(request)), pk=pk)


@role_required(*STAFF_READERS)
def product_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return product_page(request, membership_of(request), _student(request, pk))


def _product_of(student: StudentProfile) -> ProfessionalProduct:
    product = getattr(student, "professional_product", None)
    if product is None:
        raise Http404
    return product


@require_POST
@role_required(Role.COORDINATOR)
def product_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """The coordinator approves the start form and assigns the graduation supervisor."""
    membership = membership_of(request)
    student = _student(request, pk)
    product = _product_of(student)
    form = ApproveForm(
        request.POST, supervisors=graduation_supervisors_with_load(student.institution_id)
    )
    if form.is_valid():
        try:
            product_start_approve(
                product=product,
                coordinator=membership.person,  # type: ignore[arg-type]
                graduation_supervisor=form.cleaned_data["graduation_supervisor"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Approved: phase I has started."))
            return redirect("portfolio:product-detail", pk)
    return product_page(request, membership, student, bound={"approve_form": form})


@require_POST
@role_required(Role.COORDINATOR)
def product_return(request: HttpRequest, pk: int) -> HttpResponse:
    membership = membership_of(request)
    student = _student(request, pk)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            product_start_return(
                product=_product_of(student),
                coordinator=membership.person,  # type: ignore[arg-type]
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The start form has been sent back to the student."))
            return redirect("portfolio:product-detail", pk)
    return product_page(request, membership, student, bound={"return_form": form})


@require_POST
@role_required(Role.COORDINATOR)
def product_exemption(request: HttpRequest, pk: int) -> HttpResponse:
    membership = membership_of(request)
    student = _student(request, pk)
    form = ExemptionForm(request.POST)
    if form.is_valid():
        try:
            product_exemption_record(
                student=student,
                coordinator=membership.person,  # type: ignore[arg-type]
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The exemption has been recorded."))
            return redirect("portfolio:product-detail", pk)
    return product_page(request, membership, student, bound={"exemption_form": form})


@require_POST
@role_required(Role.COORDINATOR)
def product_exemption_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    membership = membership_of(request)
    student = _student(request, pk)
    try:
        product_exemption_withdraw(
            product=_product_of(student),
            coordinator=membership.person,  # type: ignore[arg-type]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The exemption has been withdrawn."))
    return redirect("portfolio:product-detail", pk)


@role_required(Role.STUDENT, *STAFF_READERS)
def version_download(request: HttpRequest, pk: int) -> HttpResponse:
    """A version of a deliverable, to those who may open the product only."""
    version = get_object_or_404(versions_visible_to(membership_of(request)), pk=pk)
    return protected_file_response(
        file=version.file, content_type=version.content_type, filename=version.original_name
    )


@require_POST
@role_required(Role.GRADUATION_SUPERVISOR)
def version_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The graduation supervisor gives feedback on the latest version, or accepts it."""
    membership = membership_of(request)
    version = get_object_or_404(
        versions_visible_to(membership).select_related("product__student"), pk=pk
    )
    student = _student(request, version.product.student_id)
    form = VersionReviewForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == DeliverableReview.Decision.ACCEPTED
        try:
            deliverable_review(
                version=version,
                reviewer=membership.person,  # type: ignore[arg-type]
                feedback=form.cleaned_data["feedback"],
                accept=accept,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Accepted: the phase is closed.")
                if accept
                else _("Your feedback has been sent."),
            )
            return redirect("portfolio:product-detail", student.pk)
    return product_page(request, membership, student, bound={"review_form": form})


@require_POST
@role_required(Role.GRADUATION_SUPERVISOR)
def part_assess_view(request: HttpRequest, pk: int, part: int) -> HttpResponse:
    """The graduation supervisor records the result of part I or II."""
    if part not in Phase.values:
        raise Http404
    membership = membership_of(request)
    student = _student(request, pk)
    form = PartAssessmentForm(request.POST)
    if form.is_valid():
        try:
            part_assess(
                product=_product_of(student),
                part=part,
                assessor=membership.person,  # type: ignore[arg-type]
                **form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The result has been recorded."))
            return redirect("portfolio:product-detail", pk)
    return product_page(request, membership, student, bound={"assess_form": form, "part": part})
