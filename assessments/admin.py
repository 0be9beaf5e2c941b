from typing import Any

from django.contrib import admin
from django.db.models import QuerySet

from internships.models import Placement
from internships.services.pipeline import placement_stage_refresh, placement_stages_refresh

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

    # The placement's pipeline stage ("assessed") follows a change made here too.
    def save_model(self, request: Any, obj: LessonAssessment, form: Any, change: bool) -> None:
        previous = LessonAssessment.objects.filter(pk=obj.pk).values_list("placement", flat=True)
        placement_ids = {obj.placement_id, *previous} if change else {obj.placement_id}
        super().save_model(request, obj, form, change)
        placement_stages_refresh(placements=Placement.objects.filter(pk__in=placement_ids))

    def delete_model(self, request: Any, obj: LessonAssessment) -> None:
        super().delete_model(request, obj)
        placement_stage_refresh(obj.placement_id)

    def delete_queryset(self, request: Any, queryset: QuerySet[LessonAssessment]) -> None:
        placement_ids = set(queryset.values_list("placement_id", flat=True))
        super().delete_queryset(request, queryset)
        placement_stages_refresh(placements=Placement.objects.filter(pk__in=placement_ids))


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
