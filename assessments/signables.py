"""The assessment lesson goes through the sign-off mechanism: assessor and co-assessor sign."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from internships.models import Role
from signoffs.registry import SignableKind, register

from .models import LessonAssessment
from .services.form import (
    lesson_assessment_content,
    lesson_assessment_send_back,
    lesson_assessment_sign,
)


def _can_manage(assessment: LessonAssessment, membership: Any) -> bool:
    """The coordinators and the assessor may re-send or withdraw the co-assessor's links."""
    person = membership.person
    if person is None or person.institution_id != assessment.placement.student.institution_id:
        return False
    return Role.COORDINATOR in membership.roles or assessment.assessor_id == person.pk


def register_signables() -> None:
    register(
        SignableKind(
            model=LessonAssessment,
            content=lesson_assessment_content,
            content_template="assessments/_form_content.html",
            title=lambda assessment: (
                _("LIO assessment lesson of %(name)s")
                % {"name": assessment.placement.student.person.full_name}
            ),
            detail_url=lambda assessment: reverse("assessments:detail", args=[assessment.pk]),
            sign=lesson_assessment_sign,
            send_back=lesson_assessment_send_back,
            can_manage=_can_manage,
        )
    )
