"""The assessment page for everyone involved, the student's own page, and the assessor's form.

What each part sees: the coordinator and both assessors everything; the student the appointment
and the preparation, and the form and result only once both assessors have signed; the mentor
the appointment only.
"""

from dataclasses import fields
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.membership import Membership
from internships.models import Role
from internships.permissions import role_required
from signoffs.forms import SendBackForm, SignForm
from signoffs.registry import kind_for
from signoffs.selectors import signoff_status
from signoffs.services import document_hash

from ..forms import AssessmentForm, CancelForm, PreparationForm, VisitForm
from ..models import CreditAward, LessonAssessment, LessonPreparation
from ..selectors import (
    VIEWER_ROLES,
    Viewer,
    active_nl_placement_of,
    assessor_choice_for,
    lesson_assessments_visible_to,
    lio_credits_of,
    student_assessments,
    viewer_of,
)
from ..services import (
    AssessmentFormData,
    lesson_assessment_form_save,
    lesson_assessment_propose,
    lesson_assessment_submit,
    preparation_open,
)
from ._common import errors_onto_form, membership_of
from .scheduling import visit_data

_INFORMED = frozenset({Viewer.COORDINATOR, Viewer.ASSESSOR, Viewer.CO_ASSESSOR})


def detail_context(
    request: HttpRequest, assessment: LessonAssessment, **forms: Any
) -> dict[str, Any]:
    """Everything the page shows, narrowed to what this member's part may see."""
    membership = membership_of(request)
    person = membership.person
    assert person is not None
    viewer = viewer_of(assessment, membership)
    completed = assessment.is_locked
    informed = viewer in _INFORMED
    return {
        "assessment": assessment,
        "document": assessment,
        "viewer": viewer,
        "status_label": (
            assessment.get_status_display()
            if informed or completed
            else assessment.student_status_label
        ),
        "show_ics": assessment.status in LessonAssessment.SCHEDULED_STATUSES,
        "can_fill": assessment.assessor_id == person.pk
        and assessment.status in _FILLABLE
        and timezone.localdate() >= assessment.date,
        "cancel_form": CancelForm() if viewer == Viewer.COORDINATOR else None,
        "credits": (
            CreditAward.objects.filter(assessment=assessment).first()
            if completed and viewer != Viewer.MENTOR
            else None
        ),
        **_preparation_part(assessment, viewer, forms.get("preparation_form")),
        **_signing_part(
            assessment,
            membership,
            sees_form=informed or (viewer == Viewer.STUDENT and completed),
        ),
    }


def _preparation_part(
    assessment: LessonAssessment, viewer: Viewer, form: PreparationForm | None
) -> dict[str, Any]:
    """Everyone but the mentor sees the preparation; the student changes it before the visit."""
    if viewer == Viewer.MENTOR:
        return {"sees_preparation": False, "preparation": None, "preparation_form": None}
    preparation = LessonPreparation.objects.filter(assessment=assessment).first()
    if (
        form is None
        and viewer == Viewer.STUDENT
        and preparation_open(assessment, timezone.localdate())
    ):
        form = PreparationForm(
            initial={"lesson_sequence": assessment.lesson_sequence},
            replacing=preparation is not None,
        )
    return {"sees_preparation": True, "preparation": preparation, "preparation_form": form}


def _signing_part(
    assessment: LessonAssessment, membership: Membership, *, sees_form: bool
) -> dict[str, Any]:
    """The form, the signatures and the history: for the assessors and the coordinator, and
    for the student once both have signed."""
    person = membership.person
    assert person is not None
    status = signoff_status(assessment) if sees_form else None
    signing = assessment.status == LessonAssessment.Status.SIGNING
    kind = kind_for(assessment)
    return {
        "sees_form": sees_form,
        "status": status,
        "pending": status.request_of(person.pk) if status and signing else None,
        "sign_form": SignForm(initial={"content_hash": document_hash(assessment)}),
        "back_form": SendBackForm(),
        "can_send_back": kind.send_back is not None,
        "manage": kind.can_manage(assessment, membership),
    }


_FILLABLE = (
    LessonAssessment.Status.SCHEDULED,
    LessonAssessment.Status.ASSESSING,
    LessonAssessment.Status.SIGNING,
)


@role_required(*VIEWER_ROLES)
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_object_or_404(lesson_assessments_visible_to(membership_of(request)), pk=pk)
    return render(request, "assessments/detail.html", detail_context(request, assessment))


@role_required(Role.STUDENT)
def my_assessment(request: HttpRequest) -> HttpResponse:
    """The student's page: the visits so far, the credits, and a proposal for a visit."""
    person = membership_of(request).person
    assert person is not None
    student = person.student_profile
    assessments = list(student_assessments(student=student))
    placement = active_nl_placement_of(student=student)
    may_propose = placement is not None and not any(a.is_open or a.is_passed for a in assessments)
    form = VisitForm(
        request.POST or None, initial={"class_name": placement.class_name if placement else ""}
    )
    if request.method == "POST" and may_propose and form.is_valid():
        try:
            assessment = lesson_assessment_propose(
                student=student, data=visit_data(form), actor=person
            )
        except ValidationError as exc:
            errors_onto_form(form, exc)
        else:
            messages.success(request, _("Proposed: the internship coordinator confirms the visit."))
            return redirect("assessments:detail", assessment.pk)
    return render(
        request,
        "assessments/mine.html",
        {
            "student": student,
            "assessments": assessments,
            "placement": placement,
            "form": form if may_propose else None,
            "choice": assessor_choice_for(placement=placement) if may_propose else None,
            "credits": lio_credits_of(student=student),
        },
    )


def _form_data(form: AssessmentForm) -> AssessmentFormData:
    cleaned = form.cleaned_data
    return AssessmentFormData(**{f.name: cleaned[f.name] for f in fields(AssessmentFormData)})


def _initial(assessment: LessonAssessment) -> dict[str, Any]:
    return {f.name: getattr(assessment, f.name) for f in fields(AssessmentFormData)}


@role_required(Role.ASSESSOR, Role.GRADUATION_SUPERVISOR)
def assessment_form(request: HttpRequest, pk: int) -> HttpResponse:
    """The assessor fills in the form: save, or save and ask both for their signatures."""
    membership = membership_of(request)
    assessment = get_object_or_404(
        lesson_assessments_visible_to(membership), pk=pk, assessor=membership.person
    )
    if assessment.status not in _FILLABLE:
        return redirect("assessments:detail", pk)
    form = AssessmentForm(request.POST or None, initial=_initial(assessment))
    if request.method == "POST" and form.is_valid():
        try:
            assessment = lesson_assessment_form_save(
                assessment=assessment,
                data=_form_data(form),
                actor=membership.person,  # type: ignore[arg-type]
            )
            if request.POST.get("action") == "submit" and assessment.status == (
                LessonAssessment.Status.ASSESSING
            ):
                lesson_assessment_submit(assessment=assessment, actor=membership.person)  # type: ignore[arg-type]
                messages.success(request, _("Sent to both assessors for their signatures."))
                return redirect("assessments:detail", pk)
        except ValidationError as exc:
            errors_onto_form(form, exc)
        else:
            messages.success(request, _("The form has been saved."))
            return redirect("assessments:form", pk)
    return render(
        request,
        "assessments/form.html",
        {
            "assessment": assessment,
            "form": form,
            "preparation": LessonPreparation.objects.filter(assessment=assessment).first(),
            "too_early": timezone.localdate() < assessment.date,
        },
    )
