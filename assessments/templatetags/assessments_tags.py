"""The student's assessment lesson and LIO credits, for the student's home page."""

from typing import Any

from django import template

from internships.models import StudentProfile, Track

from ..selectors import lio_credits_of, student_assessments

register = template.Library()


@register.inclusion_tag("assessments/_student_card.html")
def lesson_assessment_card(student: StudentProfile) -> dict[str, Any]:
    """Track NL only: the latest visit (without result until both have signed) and the ec."""
    if student.programme.track != Track.NL:
        return {"show": False}
    return {
        "show": True,
        "assessment": student_assessments(student=student).first(),
        "credits": lio_credits_of(student=student),
    }
