"""The coordinator's pages: the list, scheduling, confirming, moving, cancelling; assigning the
institution's assessor."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from internships.models import Placement, Role, Track
from internships.permissions import role_required

from ..forms import AssessorAssignForm, CancelForm, VisitForm
from ..models import LessonAssessment
from ..selectors import (
    ASSESSOR_ROLES,
    assessor_choice_for,
    co_assessors_possible,
    lesson_assessments_visible_to,
    placements_to_schedule,
)
from ..services import (
    VisitData,
    assessor_assign,
    lesson_assessment_cancel,
    lesson_assessment_confirm,
    lesson_assessment_reschedule,
    lesson_assessment_schedule,
)
from ._common import errors_onto_form, membership_of, visible_assessment

PAGE_SIZE = 50


@role_required(Role.COORDINATOR, Role.MENTOR, *ASSESSOR_ROLES)
def assessment_list(request: HttpRequest) -> HttpResponse:
    """The coordinator: every visit of the institution and the LIOs still to schedule.
    Assessors and mentors: the visits they take part in."""
    membership = membership_of(request)
    assessments = lesson_assessments_visible_to(membership).order_by("-date", "-start_time")
    status = request.GET.get("status", "")
    if status in LessonAssessment.Status.values:
        assessments = assessments.filter(status=status)
    is_coordinator = Role.COORDINATOR in membership.roles
    page = Paginator(assessments, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "assessments/list.html",
        {
            "assessments": page,
            "page_obj": page,
            "query_string": urlencode({"status": status}) if status else "",
            "to_schedule": (
                placements_to_schedule(institution=membership.institution)  # type: ignore[arg-type]
                if is_coordinator
                else None
            ),
            "is_coordinator": is_coordinator,
            "sees_results": is_coordinator or membership.has_any(ASSESSOR_ROLES),
            "statuses": LessonAssessment.Status.choices,
            "current_status": status,
        },
    )


def visit_data(form: VisitForm) -> VisitData:
    cleaned = form.cleaned_data
    return VisitData(
        date=cleaned["date"],
        start_time=cleaned["start_time"],
        end_time=cleaned["end_time"],
        class_name=cleaned["class_name"],
        co_assessor=cleaned.get("co_assessor"),
    )


def _schedule_page(
    request: HttpRequest,
    *,
    placement: Placement,
    form: VisitForm,
    assessment: LessonAssessment | None,
) -> HttpResponse:
    chosen = form.cleaned_data.get("co_assessor") if form.is_bound and form.is_valid() else None
    return render(
        request,
        "assessments/schedule.html",
        {
            "placement": placement,
            "form": form,
            "assessment": assessment,
            "choice": assessor_choice_for(placement=placement, preferred_co_assessor=chosen),
        },
    )


@role_required(Role.COORDINATOR)
def schedule_new(request: HttpRequest, placement_pk: int) -> HttpResponse:
    """Schedule the visit for an active LIO; the rule shows who assesses and why."""
    membership = membership_of(request)
    placement = get_object_or_404(
        Placement.objects.select_related(
            "student__person", "student__programme", "school", "mentor"
        ),
        pk=placement_pk,
        student__institution=membership.institution,
        student__programme__track=Track.NL,
    )
    form = VisitForm(
        request.POST or None,
        co_assessors=co_assessors_possible(placement=placement),
        initial={"class_name": placement.class_name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment = lesson_assessment_schedule(
                placement=placement,
                data=visit_data(form),
                actor=membership.person,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            errors_onto_form(form, exc)
        else:
            messages.success(request, _("Scheduled: everyone involved gets the appointment."))
            return redirect("assessments:detail", assessment.pk)
    return _schedule_page(request, placement=placement, form=form, assessment=None)


@role_required(Role.COORDINATOR)
def schedule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm the student's proposal, or move a scheduled visit."""
    assessment, membership = visible_assessment(request, pk)
    if assessment.status not in (
        LessonAssessment.Status.PROPOSED,
        LessonAssessment.Status.SCHEDULED,
    ):
        messages.error(request, _("This visit can no longer be changed."))
        return redirect("assessments:detail", pk)
    placement = assessment.placement
    form = VisitForm(
        request.POST or None,
        co_assessors=co_assessors_possible(placement=placement),
        initial={
            name: getattr(assessment, name)
            for name in ("date", "start_time", "end_time", "class_name", "co_assessor")
        },
    )
    if request.method == "POST" and form.is_valid():
        confirm = assessment.status == LessonAssessment.Status.PROPOSED
        service = lesson_assessment_confirm if confirm else lesson_assessment_reschedule
        try:
            service(assessment=assessment, data=visit_data(form), actor=membership.person)  # type: ignore[arg-type]
        except ValidationError as exc:
            errors_onto_form(form, exc)
        else:
            messages.success(request, _("Saved: everyone involved gets the appointment."))
            return redirect("assessments:detail", pk)
    return _schedule_page(request, placement=placement, form=form, assessment=assessment)


@require_POST
@role_required(Role.COORDINATOR)
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    assessment, membership = visible_assessment(request, pk)
    form = CancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the visit is cancelled."))
        return redirect("assessments:detail", pk)
    try:
        lesson_assessment_cancel(
            assessment=assessment,
            reason=form.cleaned_data["reason"],
            actor=membership.person,  # type: ignore[arg-type]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The visit has been cancelled; everyone involved is told."))
    return redirect("assessments:detail", pk)


@role_required(Role.COORDINATOR)
def assessor_assign_view(request: HttpRequest, placement_pk: int) -> HttpResponse:
    """Assign the institution's assessor for a student who is exempt or has not started."""
    membership = membership_of(request)
    placement = get_object_or_404(
        Placement.objects.select_related("student__person", "student__programme", "school"),
        pk=placement_pk,
        student__institution=membership.institution,
        student__programme__track=Track.NL,
    )
    student = placement.student
    current = getattr(student, "assessor_assignment", None)
    form = AssessorAssignForm(
        request.POST or None,
        institution=membership.institution,  # type: ignore[arg-type]
        initial={"assessor": current.assessor if current else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessor_assign(
                student=student,
                assessor=form.cleaned_data["assessor"],
                actor=membership.person,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            errors_onto_form(form, exc)
        else:
            messages.success(request, _("The assessor has been assigned."))
            return redirect(_back(placement))
    context: dict[str, Any] = {
        "placement": placement,
        "form": form,
        "choice": assessor_choice_for(placement=placement),
        "back_url": _back(placement),
    }
    return render(request, "assessments/assign_assessor.html", context)


def _back(placement: Placement) -> str:
    """Back to the open visit of this LIO, or to scheduling one."""
    open_visit = placement.lesson_assessments.filter(
        status__in=LessonAssessment.OPEN_STATUSES
    ).first()
    if open_visit is not None:
        return reverse("assessments:detail", args=[open_visit.pk])
    return reverse("assessments:schedule", args=[placement.pk])
