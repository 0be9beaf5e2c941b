"""School calendars with the coordinator's overrides, and the LIO planner page."""

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms.calendars import CalendarOverrideForm, PlannerForm, add_planning_error
from .membership import Membership
from .models import CalendarOverride, Institution, Role, School, SchoolYear
from .month_grid import MonthGrid, month_grids
from .permissions import role_required
from .planning import LioPlan, PlanningError
from .selectors import current_school_year
from .selectors_calendar import (
    institution_overrides,
    plan_for_school,
    school_free_days,
    school_free_days_between,
    school_years_of,
    schools_with_override_counts,
)
from .selectors_days import student_placement
from .services.calendars import (
    OverrideData,
    calendar_override_create,
    calendar_override_delete,
    calendar_override_update,
)


def _institution(request: HttpRequest) -> Institution:
    membership: Membership = request.membership  # type: ignore[attr-defined]
    assert membership.institution is not None
    return membership.institution


def _chosen_year(request: HttpRequest, institution: Institution) -> SchoolYear | None:
    """The school year in `?year=`, else the current one."""
    wanted = request.GET.get("year", "")
    if wanted.isdigit():
        return get_object_or_404(SchoolYear, pk=wanted, institution=institution)
    return current_school_year(institution=institution, today=timezone.localdate())


@role_required(Role.COORDINATOR)
def calendar_list(request: HttpRequest) -> HttpResponse:
    """Every school's calendar of a school year, and the overrides for all schools."""
    institution = _institution(request)
    school_year = _chosen_year(request, institution)
    context: dict[str, Any] = {
        "school_year": school_year,
        "school_years": school_years_of(institution=institution),
    }
    if school_year:
        context["schools"] = schools_with_override_counts(
            institution=institution, school_year=school_year
        )
        context["overrides"] = institution_overrides(
            institution=institution, school_year=school_year
        ).filter(school__isnull=True)
    return render(
        request,
        "internships/calendar_list.html",
        context,
    )


@role_required(Role.COORDINATOR)
def school_calendar(request: HttpRequest, school_pk: int, year_pk: int) -> HttpResponse:
    """A school's month grids for one school year: free days with reason and source."""
    institution = _institution(request)
    school = get_object_or_404(School, pk=school_pk, institution=institution)
    school_year = get_object_or_404(SchoolYear, pk=year_pk, institution=institution)
    overrides = list(
        institution_overrides(institution=institution, school_year=school_year).filter(
            Q(school=school) | Q(school__isnull=True)
        )
    )
    free_days = school_free_days(school=school, school_year=school_year)
    return render(
        request,
        "internships/school_calendar.html",
        {
            "school": school,
            "school_year": school_year,
            "school_years": school_years_of(institution=institution),
            "overrides": overrides,
            "free_day_count": len(free_days),
            "months": month_grids(
                first=school_year.start_date,
                last=school_year.end_date,
                free_days=free_days,
                today=timezone.localdate(),
            ),
        },
    )


def _override_data(form: CalendarOverrideForm) -> OverrideData:
    data = form.cleaned_data
    return OverrideData(
        school_year=data["school_year"],
        school=data["school"],
        kind=data["kind"],
        start_date=data["start_date"],
        end_date=data["end_date"],
        label=data["label"],
    )


def _calendar_url(school_id: object, year_id: object) -> str:
    """The school's calendar, or the list of calendars for a change that applies to all."""
    if school_id and year_id:
        return reverse("internships:school-calendar", args=[school_id, year_id])
    query = f"?year={year_id}" if year_id else ""
    return reverse("internships:calendar-list") + query


def _after_override(override: CalendarOverride) -> HttpResponse:
    return redirect(_calendar_url(override.school_id, override.school_year_id))


@role_required(Role.COORDINATOR)
def override_create(request: HttpRequest) -> HttpResponse:
    institution = _institution(request)
    initial = {
        key: request.GET[key]
        for key in ("school", "school_year")
        if request.GET.get(key, "").isdigit()
    }
    form = CalendarOverrideForm(request.POST or None, institution=institution, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            override = calendar_override_create(
                institution=institution,
                data=_override_data(form),
                by=request.membership.person,  # type: ignore[attr-defined]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The calendar has been changed."))
            return _after_override(override)
    back = _calendar_url(initial.get("school"), initial.get("school_year"))
    return render(
        request, "internships/override_form.html", {"form": form, "override": None, "back": back}
    )


@role_required(Role.COORDINATOR)
def override_update(request: HttpRequest, pk: int) -> HttpResponse:
    institution = _institution(request)
    override = get_object_or_404(CalendarOverride, pk=pk, institution=institution)
    initial = {
        "school_year": override.school_year_id,
        "school": override.school_id,
        "kind": override.kind,
        "start_date": override.start_date,
        "end_date": override.end_date,
        "label": override.label,
    }
    form = CalendarOverrideForm(request.POST or None, institution=institution, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            calendar_override_update(
                override=override,
                data=_override_data(form),
                by=request.membership.person,  # type: ignore[attr-defined]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The calendar has been changed."))
            return _after_override(override)
    back = _calendar_url(override.school_id, override.school_year_id)
    return render(
        request,
        "internships/override_form.html",
        {"form": form, "override": override, "back": back},
    )


@require_POST
@role_required(Role.COORDINATOR)
def override_delete(request: HttpRequest, pk: int) -> HttpResponse:
    institution = _institution(request)
    override = get_object_or_404(CalendarOverride, pk=pk, institution=institution)
    calendar_override_delete(override=override, by=request.membership.person)  # type: ignore[attr-defined]
    messages.success(request, _("The change has been removed; the holiday calendar applies again."))
    return _after_override(override)


@role_required(Role.STUDENT, Role.COORDINATOR)
def planner(request: HttpRequest) -> HttpResponse:
    """Pick a school, a first day and the weekly days: the 25 days on the month grid."""
    institution = _institution(request)
    form = PlannerForm(
        request.GET or None, institution=institution, initial=_planner_initial(request)
    )
    context: dict[str, Any] = {"form": form, "plan": None}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            plan = plan_for_school(
                school=data["school"], start=data["start"], weekdays=data["weekdays"]
            )
        except PlanningError as exc:
            add_planning_error(form, exc)
        else:
            context.update(plan=plan, school=data["school"], months=_plan_months(data, plan))
    return render(request, "internships/planner.html", context)


def _plan_months(data: dict[str, Any], plan: LioPlan) -> list[MonthGrid]:
    first = plan.start_date.replace(day=1)
    last = (plan.end_date.replace(day=1) + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    free_days = school_free_days_between(school=data["school"], first=first, last=last)
    return month_grids(
        first=first, last=last, free_days=free_days, plan=plan, today=timezone.localdate()
    )


def _planner_initial(request: HttpRequest) -> dict[str, Any]:
    """A student starts from their own placement's school and days."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    profile = getattr(membership.person, "student_profile", None)
    if profile is None:
        return {}
    placement = student_placement(student=profile)
    if placement is None:
        return {}
    return {
        "school": placement.school_id,
        "start": placement.start_date,
        "weekdays": placement.weekdays,
    }
