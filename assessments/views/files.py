"""Files of an assessment: the lesson preparation, the signed PDF, the appointment (.ics)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from internships.models import Role
from internships.permissions import role_required
from lio_portal.uploads import protected_file_response

from ..forms import PreparationForm
from ..ics import REQUEST, appointment_ics
from ..models import LessonAssessment, LessonPreparation
from ..pdf import lesson_assessment_pdf
from ..selectors import VIEWER_ROLES, Viewer
from ..services import lesson_preparation_save
from ._common import assessment_for, errors_onto_form
from .assessment import detail_context

_ALL_BUT_MENTOR = frozenset(
    {Viewer.COORDINATOR, Viewer.ASSESSOR, Viewer.CO_ASSESSOR, Viewer.STUDENT}
)


@require_POST
@role_required(Role.STUDENT)
def preparation_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """The student uploads (or replaces) the lesson preparation before the visit."""
    assessment, membership, _viewer = assessment_for(request, pk, parts=frozenset({Viewer.STUDENT}))
    form = PreparationForm(
        request.POST,
        request.FILES,
        replacing=LessonPreparation.objects.filter(assessment=assessment).exists(),
    )
    if form.is_valid():
        try:
            lesson_preparation_save(
                assessment=assessment,
                upload=form.cleaned_data["file"],
                lesson_sequence=form.cleaned_data["lesson_sequence"],
                actor=membership.person,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            errors_onto_form(form, exc)
        else:
            messages.success(request, _("Your lesson preparation has been saved."))
            return redirect("assessments:detail", pk)
    context = detail_context(request, assessment, preparation_form=form)
    return render(request, "assessments/detail.html", context)


@role_required(*VIEWER_ROLES)
def preparation_download(request: HttpRequest, pk: int) -> HttpResponse:
    assessment, _membership, _viewer = assessment_for(request, pk, parts=_ALL_BUT_MENTOR)
    preparation = LessonPreparation.objects.filter(assessment=assessment).first()
    if preparation is None:
        raise Http404
    return protected_file_response(
        file=preparation.file,
        content_type=preparation.content_type,
        filename=preparation.original_name,
    )


@role_required(*VIEWER_ROLES)
def assessment_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The signed form; only once both assessors have signed."""
    assessment, _membership, _viewer = assessment_for(request, pk, parts=_ALL_BUT_MENTOR)
    if not assessment.is_locked:
        raise Http404
    document = lesson_assessment_pdf(assessment)
    response = HttpResponse(document.data, content_type=document.content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@role_required(*VIEWER_ROLES)
def assessment_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """The appointment again, for whoever lost the e-mail."""
    assessment, _membership, _viewer = assessment_for(request, pk, parts=frozenset(Viewer))
    if assessment.status not in LessonAssessment.SCHEDULED_STATUSES:
        raise Http404
    ics = appointment_ics(assessment=assessment, method=REQUEST, now=timezone.now())
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="lio-assessment.ics"'
    return response
