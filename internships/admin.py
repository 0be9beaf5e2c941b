from typing import Any

from django.contrib import admin
from django.db.models import QuerySet

from .models import (
    CalendarOverride,
    Institution,
    LioDay,
    Person,
    Placement,
    Programme,
    RoleAssignment,
    School,
    SchoolYear,
    StudentProfile,
)
from .services.action_dates import (
    institution_action_dates_refresh,
    placement_action_dates_refresh,
    placement_action_dates_refresh_one,
)
from .services.lio_days import placement_day_counters_refresh
from .services.pipeline import placement_stage_refresh


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "country"]
    list_filter = ["country"]
    search_fields = ["name", "short_name"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "institution", "track"]
    list_filter = ["track", "institution"]
    search_fields = ["name"]


@admin.register(SchoolYear)
class SchoolYearAdmin(admin.ModelAdmin):
    list_display = ["name", "institution", "start_date", "end_date"]
    list_filter = ["institution"]
    search_fields = ["name"]

    # Placements without dates of their own follow the year's (their observation months).
    def save_model(self, request: Any, obj: SchoolYear, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        placement_action_dates_refresh(placements=Placement.objects.filter(school_year=obj))


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "school_number", "city", "region", "in_partnership", "institution"]
    list_filter = ["institution", "country", "region", "in_partnership"]
    search_fields = ["name", "school_number", "city"]

    # The region is the school's holiday calendar: its placements' action dates follow.
    def save_model(self, request: Any, obj: School, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        placement_action_dates_refresh(placements=Placement.objects.filter(school=obj))


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["school"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "email", "institution", "user"]
    list_filter = ["institution", "role_assignments__role"]
    search_fields = ["first_name", "last_name", "email"]
    raw_id_fields = ["user"]
    inlines = [RoleAssignmentInline]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "school"]
    list_filter = ["role", "person__institution"]
    search_fields = ["person__first_name", "person__last_name", "person__email", "school__name"]
    autocomplete_fields = ["person", "school"]


@admin.register(StudentProfile)
class StudentProfileAdmin(admin.ModelAdmin):
    list_display = ["person", "student_number", "programme", "lio_year", "institution"]
    list_filter = ["institution", "programme__track", "lio_year"]
    search_fields = ["person__first_name", "person__last_name", "student_number"]
    autocomplete_fields = ["person", "programme"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = [
        "student",
        "school",
        "school_year",
        "class_name",
        "status",
        "start_date",
        "end_date",
    ]
    list_filter = ["status", "school_year", "student__institution", "school__region"]
    search_fields = [
        "student__person__first_name",
        "student__person__last_name",
        "student__student_number",
        "school__name",
    ]
    autocomplete_fields = ["student", "school", "mentor", "director", "study_coach"]
    date_hierarchy = "start_date"

    # The pipeline stage follows a status changed here too.
    def save_model(self, request: Any, obj: Placement, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        placement_stage_refresh(obj.pk)
        placement_action_dates_refresh_one(obj.pk)


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = [
        "label",
        "kind",
        "start_date",
        "end_date",
        "school",
        "school_year",
        "institution",
    ]
    list_filter = ["kind", "institution", "school_year"]
    search_fields = ["label", "school__name"]
    autocomplete_fields = ["school"]

    # The placements' action dates follow the calendar changed here too.
    def save_model(self, request: Any, obj: CalendarOverride, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        institution_action_dates_refresh(institution_id=obj.institution_id)

    def delete_model(self, request: Any, obj: CalendarOverride) -> None:
        super().delete_model(request, obj)
        institution_action_dates_refresh(institution_id=obj.institution_id)

    def delete_queryset(self, request: Any, queryset: QuerySet[CalendarOverride]) -> None:
        institutions = set(queryset.values_list("institution_id", flat=True))
        super().delete_queryset(request, queryset)
        for institution_id in institutions:
            institution_action_dates_refresh(institution_id=institution_id)


@admin.register(LioDay)
class LioDayAdmin(admin.ModelAdmin):
    list_display = ["placement", "date", "kind", "confirmed_at"]
    list_filter = ["kind", "placement__student__institution"]
    search_fields = ["placement__student__person__last_name", "note"]
    date_hierarchy = "date"
    raw_id_fields = ["placement", "confirmed_by"]

    # The placement's day-log counters follow every change made here too.
    def save_model(self, request: Any, obj: LioDay, form: Any, change: bool) -> None:
        previous = LioDay.objects.filter(pk=obj.pk).values_list("placement_id", flat=True)
        placement_ids = {obj.placement_id, *previous} if change else {obj.placement_id}
        super().save_model(request, obj, form, change)
        placement_day_counters_refresh(placements=Placement.objects.filter(pk__in=placement_ids))

    def delete_model(self, request: Any, obj: LioDay) -> None:
        super().delete_model(request, obj)
        placement_day_counters_refresh(placements=Placement.objects.filter(pk=obj.placement_id))

    def delete_queryset(self, request: Any, queryset: QuerySet[LioDay]) -> None:
        placement_ids = set(queryset.values_list("placement_id", flat=True))
        super().delete_queryset(request, queryset)
        placement_day_counters_refresh(placements=Placement.objects.filter(pk__in=placement_ids))
