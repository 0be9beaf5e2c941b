"""The student's side of the professional product (track NL): the start form and the versions
of the deliverables."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from internships.models import Role, StudentProfile, Track
from internships.permissions import role_required

from ..forms_product import StartForm, VersionUploadForm
from ..models import Phase, ProfessionalProduct
from ..selectors_product import product_students_visible_to
from ..services import NewContact, StartFormData, deliverable_upload, product_start_submit
from ..services.products import EDITABLE_START, placement_mentor, placement_school
from ._common import membership_of, own_profile
from .product_pages import product_page


def _own_student(request: HttpRequest) -> StudentProfile:
    """The signed-in student, loaded like the staff pages load a student; track NL only."""
    profile = own_profile(request)
    if profile.programme.track != Track.NL:
        raise Http404
    return product_students_visible_to(membership_of(request)).get(pk=profile.pk)


@role_required(Role.STUDENT)
def my_product(request: HttpRequest) -> HttpResponse:
    """The student's professional product: the start form's state, the phases, the credits."""
    student = _own_student(request)
    return product_page(
        request, membership_of(request), student, template="portfolio/product/mine.html"
    )


def _initial(product: ProfessionalProduct | None, student: StudentProfile) -> dict[str, Any]:
    """The form as last submitted; a first form proposes the mentor as practice supervisor."""
    if product is None or product.practice_supervisor_id is None:
        return {"practice_supervisor": placement_mentor(student)}
    return {
        "title": product.title,
        "question": product.question,
        "expertise_area": product.expertise_area,
        "product_type": product.product_type,
        "practice_supervisor": product.practice_supervisor,
    }


def _data(form: StartForm) -> StartFormData:
    cleaned = form.cleaned_data
    new_contact = None
    if cleaned["practice_supervisor"] is None:
        new_contact = NewContact(
            cleaned["new_first_name"], cleaned["new_last_name"], cleaned["new_email"]
        )
    return StartFormData(
        title=cleaned["title"],
        question=cleaned["question"],
        expertise_area=cleaned["expertise_area"],
        product_type=cleaned["product_type"],
        practice_supervisor=cleaned["practice_supervisor"],
        new_practice_supervisor=new_contact,
    )


@role_required(Role.STUDENT)
def start_form(request: HttpRequest) -> HttpResponse:
    """The student fills in the start form and submits it to the coordinator."""
    student = _own_student(request)
    product: ProfessionalProduct | None = getattr(student, "professional_product", None)
    if product is not None and product.status not in EDITABLE_START:
        return redirect("portfolio:product-mine")
    school = placement_school(student)
    form = StartForm(
        request.POST or None,
        student=student,
        school_id=school.pk if school else None,
        initial=_initial(product, student),
    )
    if request.method == "POST" and form.is_valid():
        try:
            product_start_submit(student=student, data=_data(form), actor=student.person)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your start form has been submitted to the coordinator."))
            return redirect("portfolio:product-mine")
    return render(
        request,
        "portfolio/product/start_form.html",
        {"form": form, "product": product, "school": school},
    )


@require_POST
@role_required(Role.STUDENT)
def version_upload(request: HttpRequest, phase: int) -> HttpResponse:
    """The student adds a version of the open phase's deliverable."""
    if phase not in Phase.values:
        raise Http404
    student = _own_student(request)
    product = getattr(student, "professional_product", None)
    if product is None:
        raise Http404
    form = VersionUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            deliverable_upload(
                product=product,
                phase=phase,
                upload=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
                actor=student.person,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Uploaded: your graduation supervisor has been sent an e-mail.")
            )
            return redirect("portfolio:product-mine")
    return product_page(
        request,
        membership_of(request),
        student,
        template="portfolio/product/mine.html",
        bound={"upload_form": form},
    )
