"""The study coach's and coordinator's side of the assignment portfolio (track VL)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from internships.models import Role, Track
from internships.permissions import role_required
from lio_portal.uploads import protected_file_response

from ..forms import ReviewForm
from ..models import AssignmentWork, WorkFeedback, WorkStatus
from ..pdf import portfolio_pdf
from ..selectors import (
    attachments_visible_to,
    coach_queue,
    current_attachments,
    is_study_coach_of,
    students_visible_to,
    version_history,
    with_portfolio_progress,
    works_visible_to,
)
from ..services import assignment_work_approve, assignment_work_request_revision
from ._common import membership_of, pdf_response
from .student import overview_context

WORK_READERS = (Role.STUDENT, Role.STUDY_COACH, Role.COORDINATOR)


@role_required(Role.STUDY_COACH)
def feedback_queue(request: HttpRequest) -> HttpResponse:
    """Submissions waiting for the coach's feedback, oldest first, and the coach's students."""
    membership = membership_of(request)
    assert membership.person is not None
    students = students_visible_to(membership).filter(programme__track=Track.VL)
    return render(
        request,
        "portfolio/feedback_queue.html",
        {
            "queue": coach_queue(membership),
            "students": with_portfolio_progress(
                students.exclude(person=membership.person)
            ).order_by("person__last_name", "person__first_name"),
        },
    )


@role_required(Role.STUDY_COACH, Role.COORDINATOR)
def student_portfolio(request: HttpRequest, pk: int) -> HttpResponse:
    """A student's assignment portfolio, read-only, per theme."""
    student = get_object_or_404(
        students_visible_to(membership_of(request)), pk=pk, programme__track=Track.VL
    )
    return render(request, "portfolio/overview.html", overview_context(request, student))


def _work_page(
    request: HttpRequest, work: AssignmentWork, *, form: ReviewForm | None = None
) -> HttpResponse:
    membership = membership_of(request)
    can_review = (
        work.status == WorkStatus.SUBMITTED
        and membership.person is not None
        and Role.STUDY_COACH in membership.roles
        and is_study_coach_of(person=membership.person, student=work.student)
    )
    return render(
        request,
        "portfolio/work_detail.html",
        {
            "work": work,
            "assignment": work.assignment,
            "attachments": current_attachments(work),
            "versions": version_history(work),
            "form": form or (ReviewForm() if can_review else None),
        },
    )


@role_required(Role.STUDY_COACH, Role.COORDINATOR)
def work_detail(request: HttpRequest, pk: int) -> HttpResponse:
    work = get_object_or_404(works_visible_to(membership_of(request)), pk=pk)
    return _work_page(request, work)


@require_POST
@role_required(Role.STUDY_COACH)
def work_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Feedback from the study coach: approve, or ask for a revision."""
    membership = membership_of(request)
    work = get_object_or_404(works_visible_to(membership), pk=pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        review = (
            assignment_work_approve
            if form.cleaned_data["decision"] == WorkFeedback.Decision.APPROVED
            else assignment_work_request_revision
        )
        try:
            review(work=work, coach=membership.person, feedback=form.cleaned_data["feedback"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your feedback has been sent to the student."))
            return redirect("portfolio:feedback-queue")
    return _work_page(request, work, form=form)


@role_required(*WORK_READERS)
def attachment_download(request: HttpRequest, pk: int) -> HttpResponse:
    """An attachment, to the student, their study coach and the coordinator only; images are
    shown inline, documents downloaded."""
    attachment = get_object_or_404(attachments_visible_to(membership_of(request)), pk=pk)
    return protected_file_response(
        file=attachment.file,
        content_type=attachment.content_type,
        filename=attachment.original_name,
        inline=True,
    )


@role_required(*WORK_READERS)
def student_portfolio_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    student = get_object_or_404(students_visible_to(membership_of(request)), pk=pk)
    if student.programme.track != Track.VL:
        raise Http404
    return pdf_response(portfolio_pdf(student=student))
