from django.contrib import admin
from django.http import HttpRequest

from .models import (
    Assignment,
    AssignmentWork,
    Attachment,
    ProfileSketch,
    SketchAssessment,
    SketchImage,
    SketchSection,
    SketchVersion,
    WorkFeedback,
    WorkVersion,
)


class AppendOnlyAdmin(admin.ModelAdmin):
    """Submitted versions and their feedback are history: readable, never changed."""

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "lio_year", "theme", "deadline"]
    list_filter = ["programme__institution", "lio_year", "theme"]
    search_fields = ["title", "description", "programme__name"]
    autocomplete_fields = ["programme"]
    date_hierarchy = "deadline"


@admin.register(AssignmentWork)
class AssignmentWorkAdmin(admin.ModelAdmin):
    list_display = ["assignment", "student", "status", "submitted_at", "updated_at"]
    list_filter = ["status", "assignment__lio_year", "assignment__theme", "student__institution"]
    search_fields = [
        "assignment__title",
        "student__person__first_name",
        "student__person__last_name",
        "student__student_number",
    ]
    raw_id_fields = ["assignment", "student"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "work", "content_type", "size", "uploaded_at", "removed_at"]
    list_filter = ["content_type", "work__student__institution"]
    search_fields = ["original_name", "work__student__person__last_name"]
    raw_id_fields = ["work", "uploaded_by"]
    readonly_fields = ["file", "content_type", "size"]


@admin.register(WorkVersion)
class WorkVersionAdmin(AppendOnlyAdmin):
    list_display = ["work", "number", "submitted_by", "submitted_at"]
    list_filter = ["work__student__institution", "work__assignment__lio_year"]
    search_fields = ["work__assignment__title", "work__student__person__last_name"]
    raw_id_fields = ["work", "submitted_by", "attachments"]


@admin.register(WorkFeedback)
class WorkFeedbackAdmin(AppendOnlyAdmin):
    list_display = ["version", "decision", "coach", "created_at"]
    list_filter = ["decision", "version__work__student__institution"]
    search_fields = ["text", "version__work__student__person__last_name"]
    raw_id_fields = ["version", "coach"]


@admin.register(ProfileSketch)
class ProfileSketchAdmin(admin.ModelAdmin):
    list_display = ["student", "status", "submitted_at", "updated_at"]
    list_filter = ["status", "student__institution"]
    search_fields = ["student__person__first_name", "student__person__last_name"]
    raw_id_fields = ["student"]


@admin.register(SketchSection)
class SketchSectionAdmin(admin.ModelAdmin):
    list_display = ["heading", "sketch", "position"]
    list_filter = ["sketch__student__institution"]
    search_fields = ["heading", "text", "sketch__student__person__last_name"]
    raw_id_fields = ["sketch"]


@admin.register(SketchImage)
class SketchImageAdmin(admin.ModelAdmin):
    list_display = ["original_name", "sketch", "section", "alt_text", "size", "removed_at"]
    list_filter = ["content_type", "sketch__student__institution"]
    search_fields = ["original_name", "alt_text", "caption"]
    raw_id_fields = ["sketch", "section", "uploaded_by"]
    readonly_fields = ["file", "content_type", "size"]


@admin.register(SketchVersion)
class SketchVersionAdmin(AppendOnlyAdmin):
    list_display = ["sketch", "number", "submitted_by", "submitted_at"]
    list_filter = ["sketch__student__institution"]
    search_fields = ["sketch__student__person__last_name"]
    raw_id_fields = ["sketch", "submitted_by", "images"]


@admin.register(SketchAssessment)
class SketchAssessmentAdmin(AppendOnlyAdmin):
    list_display = ["version", "result", "assessor", "created_at"]
    list_filter = ["result", "version__sketch__student__institution"]
    search_fields = ["feedback", "version__sketch__student__person__last_name"]
    raw_id_fields = ["version", "assessor"]
