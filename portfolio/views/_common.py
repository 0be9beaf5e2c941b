"""Small helpers shared by the portfolio views."""

from django.http import HttpRequest, HttpResponse

from internships.membership import Membership
from internships.models import StudentProfile
from lio_portal.pdf import PdfDocument


def membership_of(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def own_profile(request: HttpRequest) -> StudentProfile:
    """The signed-in student's profile (the view already required the student role)."""
    person = membership_of(request).person
    assert person is not None
    return person.student_profile


def pdf_response(document: PdfDocument) -> HttpResponse:
    response = HttpResponse(document.data, content_type=document.content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
