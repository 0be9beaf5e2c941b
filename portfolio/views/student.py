"""The student's side of the assignment portfolio (track VL)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from internships.models import Role, StudentProfile, Track
from internships.permissions import role_required

from ..forms import UploadForm, WorkTextForm
from ..models import EDITABLE_STATUSES, Assignment, AssignmentWork, Attachment
from ..selectors import current_attachments, portfolio_overview, version_history
from ..services import (
    assignment_work_save,
    assignment_work_submit,
    attachment_add,
    attachment_remove,
)
from ._common import membership_of, own_profile
from .sketches import sketch_page


@role_required(Role.STUDENT)
def my_portfolio(request: HttpRequest) -> HttpResponse:
    """The student's portfolio: assignments per theme (track VL) or the profile sketch (NL)."""
    profile = own_profile(request)
    if profile.programme.track == Track.NL:
        return sketch_page(request, profile)
    return render(request, "portfolio/overview.html", overview_context(request, profile))


def overview_context(request: HttpRequest, profile: StudentProfile) -> dict[str, Any]:
    """The LIO year asked for (`?year=`), else the student's own, grouped by theme."""
    year = request.GET.get("year", "")
    lio_year = int(year) if year in {"1", "2"} else (profile.lio_year or 1)
    return {
        "profile": profile,
        "lio_year": lio_year,
        "years": [1, 2],
        "themes": portfolio_overview(student=profile, lio_year=lio_year),
        "is_own": membership_of(request).person == profile.person,
    }


def _work_page(
    request: HttpRequest,
    assignment: Assignment,
    profile: StudentProfile,
    *,
    form: WorkTextForm | None = None,
    upload_form: UploadForm | None = None,
) -> HttpResponse:
    work = AssignmentWork.objects.filter(assignment=assignment, student=profile).first()
    return render(
        request,
        "portfolio/assignment_work.html",
        {
            "assignment": assignment,
            "work": work,
            "editable": work is None or work.status in EDITABLE_STATUSES,
            "form": form or WorkTextForm(initial={"text": work.text if work else ""}),
            "upload_form": upload_form or UploadForm(),
            "attachments": current_attachments(work),
            "versions": version_history(work) if work else [],
        },
    )


def _own_assignment(request: HttpRequest, pk: int) -> tuple[Assignment, StudentProfile]:
    profile = own_profile(request)
    return get_object_or_404(Assignment, pk=pk, programme=profile.programme_id), profile


@role_required(Role.STUDENT)
def assignment_work(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the reflection: save it as a draft, or submit it to the study coach."""
    assignment, profile = _own_assignment(request, pk)
    if request.method != "POST":
        return _work_page(request, assignment, profile)
    form = WorkTextForm(request.POST)
    if form.is_valid():
        text = form.cleaned_data["text"]
        try:
            if request.POST.get("action") == "submit":
                assignment_work_submit(
                    assignment=assignment, student=profile, text=text, actor=profile.person
                )
                messages.success(request, _("Submitted to your study coach."))
            else:
                assignment_work_save(assignment=assignment, student=profile, text=text)
                messages.success(request, _("Your draft has been saved."))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("portfolio:assignment-work", pk=assignment.pk)
    return _work_page(request, assignment, profile, form=form)


@require_POST
@role_required(Role.STUDENT)
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    assignment, profile = _own_assignment(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment_add(
                assignment=assignment,
                student=profile,
                upload=form.cleaned_data["file"],
                actor=profile.person,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The file has been added."))
            return redirect("portfolio:assignment-work", pk=assignment.pk)
    return _work_page(request, assignment, profile, upload_form=form)


@require_POST
@role_required(Role.STUDENT)
def attachment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    profile = own_profile(request)
    attachment = get_object_or_404(
        Attachment.objects.select_related("work"), pk=pk, work__student=profile, removed_at=None
    )
    try:
        attachment_remove(attachment=attachment)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The file has been removed from your draft."))
    return redirect("portfolio:assignment-work", pk=attachment.work.assignment_id)
