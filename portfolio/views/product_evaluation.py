"""The practice supervisor's evaluation form: filled in and signed from a personal link or
logged in, read by the graduation supervisor and the coordinator, and its PDF."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from internships.models import Person, Role
from internships.permissions import role_required
from lio_portal.uploads import protected_file_response
from signoffs.forms import SignForm
from signoffs.links import SIGN, LinkError, link_resolve
from signoffs.models import Signature, SignatureRequest
from signoffs.selectors import signoff_status
from signoffs.services import document_hash

from ..forms_product import EvaluationFillForm
from ..models import EVALUATION_QUESTIONS, EvaluationForm, Phase
from ..pdf import evaluation_form_pdf
from ..selectors_product import product_students_visible_to
from ..services import EvaluationData, evaluation_form_save, evaluation_link_resend
from ..services.evaluation import evaluation_form_sign
from ._common import membership_of, pdf_response

EVALUATION_READERS = (
    Role.STUDENT,
    Role.COORDINATOR,
    Role.GRADUATION_SUPERVISOR,
    Role.PRACTICE_SUPERVISOR,
)
_FIELDS = [name for name, _question in EVALUATION_QUESTIONS] + ["advice"]


def _initial(form: EvaluationForm) -> dict[str, Any]:
    return {
        field: getattr(form, field) for name in _FIELDS for field in (name, f"{name}_motivation")
    }


def _context(
    form: EvaluationForm, signer: Person | None, fill_form: EvaluationFillForm | None = None
) -> dict[str, Any]:
    """The page's content; the fill-in and sign forms only for the practice supervisor while
    the form is open (`signer` is the person acting, None for a reader)."""
    status = signoff_status(form)
    pending: SignatureRequest | None = status.request_of(signer.pk) if signer else None
    can_fill = (
        signer is not None and signer.pk == form.practice_supervisor_id and not form.is_signed
    )
    return {
        "document": form,
        "evaluation": form,
        "product": form.product,
        "status": status,
        "pending": pending,
        "fill_form": (fill_form or EvaluationFillForm(initial=_initial(form)))
        if can_fill
        else None,
        "sign_form": SignForm(initial={"content_hash": document_hash(form)}) if pending else None,
        "report": form.product.versions.filter(phase=Phase.DESIGN).order_by("-number").first(),
    }


def _data(fill_form: EvaluationFillForm) -> EvaluationData:
    return EvaluationData(**{name: fill_form.cleaned_data[name] for name in fill_form.fields})


def _save(request: HttpRequest, form: EvaluationForm, actor: Person) -> EvaluationFillForm | None:
    """Save the posted answers; the bound form when it has to be shown again, else None."""
    fill_form = EvaluationFillForm(request.POST)
    if fill_form.is_valid():
        try:
            evaluation_form_save(form=form, data=_data(fill_form), actor=actor)
        except ValidationError as exc:
            fill_form.add_error(None, exc)
        else:
            messages.success(request, _("The evaluation form has been saved."))
            return None
    return fill_form


def _evaluation_of(request: HttpRequest, pk: int) -> EvaluationForm:
    """The evaluation form of a student the member may follow; the student sees it once signed."""
    membership = membership_of(request)
    student = get_object_or_404(product_students_visible_to(membership), pk=pk)
    form = get_object_or_404(
        EvaluationForm.objects.select_related("product__student__person", "practice_supervisor"),
        product__student=student,
    )
    is_student = student.person_id == membership.person.pk  # type: ignore[union-attr]
    if is_student and not form.is_signed:
        raise Http404
    return form


@role_required(*EVALUATION_READERS)
def evaluation_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The form for everyone who may read it; the practice supervisor fills it in here."""
    form = _evaluation_of(request, pk)
    person = membership_of(request).person
    fill_form = None
    if request.method == "POST":
        if person is None or person.pk != form.practice_supervisor_id:
            raise Http404
        fill_form = _save(request, form, person)
        if fill_form is None:
            return redirect("portfolio:product-evaluation", pk)
    context = _context(form, person, fill_form)
    membership = membership_of(request)
    context["can_resend"] = not form.is_signed and (
        Role.COORDINATOR in membership.roles or form.product.graduation_supervisor_id == person.pk  # type: ignore[union-attr]
    )
    return render(request, "portfolio/product/evaluation.html", context)


@require_POST
@role_required(Role.COORDINATOR, Role.GRADUATION_SUPERVISOR)
def evaluation_resend(request: HttpRequest, pk: int) -> HttpResponse:
    form = _evaluation_of(request, pk)
    try:
        evaluation_link_resend(form=form, actor=membership_of(request).person)  # type: ignore[arg-type]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("A new link has been sent to %(name)s.") % {"name": form.practice_supervisor},
        )
    return redirect("portfolio:product-evaluation", pk)


@role_required(*EVALUATION_READERS)
def evaluation_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return pdf_response(evaluation_form_pdf(form=_evaluation_of(request, pk)))


def _link_form(token: str) -> tuple[EvaluationForm, Person]:
    link = link_resolve(token=token, purpose=SIGN)
    document = link.document
    if not isinstance(document, EvaluationForm):
        raise LinkError(_("This link is not valid."))
    return document, link.person


def _sign(request: HttpRequest, form: EvaluationForm, signer: Person) -> SignForm | None:
    """Sign from the link; the bound sign form when it has to be shown again, else None."""
    sign_form = SignForm(request.POST)
    pending = signoff_status(form).request_of(signer.pk)
    if pending is None:
        raise Http404
    if sign_form.is_valid():
        try:
            evaluation_form_sign(
                document=form,
                request_id=pending.pk,
                signer=signer,
                method=Signature.Method.LINK,
                seen_hash=sign_form.cleaned_data["content_hash"],
            )
        except ValidationError as exc:
            sign_form.add_error(None, exc)
        else:
            return None
    return sign_form


@login_not_required
def evaluation_link(request: HttpRequest, token: str) -> HttpResponse:
    """The practice supervisor's page from the e-mail: fill in, save, sign. No account needed."""
    try:
        form, person = _link_form(token)
    except LinkError as exc:
        return render(request, "signoffs/link_invalid.html", {"message": exc.message}, status=404)
    fill_form = sign_form = None
    if request.method == "POST" and request.POST.get("action") == "sign":
        sign_form = _sign(request, form, person)
        if sign_form is None:
            messages.success(request, _("Thank you: your signature has been recorded."))
            return redirect("signoffs:done")
    elif request.method == "POST":
        fill_form = _save(request, form, person)
        if fill_form is None:
            return redirect("portfolio:evaluation-link", token)
    context = _context(form, person, fill_form)
    if sign_form is not None:
        context["sign_form"] = sign_form
    context |= {"via_link": True, "token": token, "person": person}
    return render(request, "portfolio/product/evaluation.html", context)


@login_not_required
def evaluation_link_report(request: HttpRequest, token: str) -> HttpResponse:
    """The final report, for the practice supervisor who evaluates it from the link."""
    try:
        form, _person = _link_form(token)
    except LinkError as exc:
        return render(request, "signoffs/link_invalid.html", {"message": exc.message}, status=404)
    version = form.product.versions.filter(phase=Phase.DESIGN).order_by("-number").first()
    if version is None:
        raise Http404
    return protected_file_response(
        file=version.file, content_type=version.content_type, filename=version.original_name
    )
