from .form import (
    FORM_FIELDS,
    AssessmentFormData,
    form_problems,
    lesson_assessment_content,
    lesson_assessment_form_save,
    lesson_assessment_send_back,
    lesson_assessment_sign,
    lesson_assessment_submit,
)
from .preparation import lesson_preparation_save, preparation_open
from .scheduling import (
    VisitData,
    assessor_assign,
    lesson_assessment_cancel,
    lesson_assessment_confirm,
    lesson_assessment_propose,
    lesson_assessment_reschedule,
    lesson_assessment_schedule,
    visit_problems,
)

__all__ = [
    "FORM_FIELDS",
    "AssessmentFormData",
    "VisitData",
    "assessor_assign",
    "form_problems",
    "lesson_assessment_cancel",
    "lesson_assessment_confirm",
    "lesson_assessment_content",
    "lesson_assessment_form_save",
    "lesson_assessment_propose",
    "lesson_assessment_reschedule",
    "lesson_assessment_schedule",
    "lesson_assessment_send_back",
    "lesson_assessment_sign",
    "lesson_assessment_submit",
    "lesson_preparation_save",
    "preparation_open",
    "visit_problems",
]
