from django.contrib import admin

from .models import AssessorAssignment, CreditAward, LessonAssessment, LessonPreparation


@admin.register(LessonAssessment)
class LessonAssessmentAdmin(admin.ModelAdmin):
    list_display = [
        "placement",
        "date",
        "start_time",
        "status",
        "result",
        "assessor",
        "co_assessor",
    ]
    list_filter = ["status", "result"]
    search_fields = ["placement__student__person__last_name", "placement__student__student_number"]
    raw_id_fields = ["placement", "assessor", "co_assessor", "proposed_by", "scheduled_by"]
    readonly_fields = ["pdf", "version", "ics_sequence", "completed_at"]


@admin.register(LessonPreparation)
class LessonPreparationAdmin(admin.ModelAdmin):
    list_display = ["assessment", "original_name", "uploaded_at"]
    raw_id_fields = ["assessment", "uploaded_by"]


@admin.register(AssessorAssignment)
class AssessorAssignmentAdmin(admin.ModelAdmin):
    list_display = ["student", "assessor", "assigned_at"]
    raw_id_fields = ["student", "assessor", "assigned_by"]


@admin.register(CreditAward)
class CreditAwardAdmin(admin.ModelAdmin):
    list_display = ["student", "component", "credits", "awarded_on"]
    raw_id_fields = ["student", "assessment", "recorded_by"]
