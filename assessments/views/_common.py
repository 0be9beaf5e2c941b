"""Helpers shared by the assessment views: who asks, and the record they may open."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from internships.membership import Membership

from ..models import LessonAssessment
from ..selectors import Viewer, lesson_assessments_visible_to, viewer_of


def membership_of(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def visible_assessment(request: HttpRequest, pk: int) -> tuple[LessonAssessment, Membership]:
    """An assessment the member takes part in (or any of the institution for a coordinator)."""
    membership = membership_of(request)
    assessment = get_object_or_404(lesson_assessments_visible_to(membership), pk=pk)
    return assessment, membership


def assessment_for(
    request: HttpRequest, pk: int, *, parts: frozenset[Viewer]
) -> tuple[LessonAssessment, Membership, Viewer]:
    """Like `visible_assessment`, but 403 for someone whose part never uses this page
    (the mentor sees the appointment only)."""
    assessment, membership = visible_assessment(request, pk)
    viewer = viewer_of(assessment, membership)
    if viewer not in parts:
        raise PermissionDenied
    return assessment, membership, viewer


def errors_onto_form(form: Form, exc: ValidationError) -> None:
    """A service's errors go on the fields they name, the rest on the whole form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)
