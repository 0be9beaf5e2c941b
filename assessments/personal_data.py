"""Personal records of the assessments: their part of the data export and of retention."""

from django.utils.translation import gettext_lazy as _

from privacy.registry import Section, by, register, via

from .models import AssessorAssignment, CreditAward, LessonAssessment, LessonPreparation

ASSESSORS = ("assessor", "co_assessor")
CRITERIA = ("self_designed", "interactive", "work_forms", "differentiation", "sequence")


def register_personal_data() -> None:
    """Called by the privacy app on start-up."""
    notes = (
        "cancel_reason",
        "lesson_sequence",
        *(f"{criterion}_note" for criterion in CRITERIA),
        "assessors_talk_notes",
        "student_talk_notes",
        "result_motivation",
        "deviation_justification",
        "return_comment",
    )
    register(
        Section(
            name="lesson_assessments",
            model=LessonAssessment,
            description=_("LIO assessment lessons: the visit, the judgement, the result."),
            subject=by("placement__student__person", *ASSESSORS, "proposed_by", "scheduled_by"),
            fields=(
                "id",
                "placement_id",
                "status",
                "version",
                "date",
                "start_time",
                "end_time",
                "class_name",
                "assessor_basis",
                "co_assessor_basis",
                "scheduled_at",
                *(f"{criterion}_met" for criterion in CRITERIA),
                "mentor_absent",
                "mentor_joined_talk",
                "result",
                "completed_at",
                *notes,
            ),
            people=(*ASSESSORS, "proposed_by", "scheduled_by"),
            owner=via("placement__student"),
            free_text=notes,
            file_field="pdf",
            roles=ASSESSORS,
        )
    )
    register(
        Section(
            name="lesson_preparations",
            model=LessonPreparation,
            description=_("The uploaded lesson preparation of an assessment lesson."),
            subject=by("assessment__placement__student__person", "uploaded_by"),
            fields=("id", "assessment_id", "original_name", "content_type", "size", "uploaded_at"),
            people=("uploaded_by",),
            owner=via("assessment__placement__student"),
            file_field="file",
            original_name_field="original_name",
        )
    )
    register(
        Section(
            name="credits",
            model=CreditAward,
            description=_("Credits (ec) awarded."),
            subject=by("student__person", "recorded_by"),
            fields=("component", "credits", "awarded_on", "assessment_id", "recorded_at"),
            people=("recorded_by",),
            owner=via("student"),
        )
    )
    register(
        Section(
            name="assessor_assignments",
            model=AssessorAssignment,
            description=_("The assessor assigned to the student."),
            subject=by("student__person", "assessor", "assigned_by"),
            fields=("assigned_at",),
            people=("assessor", "assigned_by"),
            owner=via("student"),
            roles=("assessor",),
        )
    )
