"""The LIO day log: the student logs days, the mentor confirms weeks, a private iCalendar feed."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from .forms.lio_days import LioDayForm, WeekForm
from .ics_feed import lio_calendar
from .membership import Membership
from .models import INSTITUTION_ROLES, SCHOOL_ROLES, Placement, Role, StudentProfile
from .month_grid import month_grids
from .permissions import role_required
from .selectors import placements_visible_to
from .selectors_days import DayLog, day_log_for, has_day_log, student_placement
from .services.calendar_feed import calendar_feed_renew, calendar_feed_revoke
from .services.lio_days import lio_day_record, lio_days_confirm_week

STAFF_AND_COORDINATOR = INSTITUTION_ROLES | SCHOOL_ROLES


def _student(request: HttpRequest) -> StudentProfile:
    membership: Membership = request.membership  # type: ignore[attr-defined]
    return membership.person.student_profile  # type: ignore[union-attr]


def _log_context(log: DayLog, today: date) -> dict[str, object]:
    plan = log.progress.plan
    first = log.placement.start_date
    last = max([plan.end_date] if plan else [first, *(day.date for day in log.days)])
    return {
        "log": log,
        "placement": log.placement,
        "progress": log.progress,
        "today": today,
        "months": month_grids(
            first=first, last=last, free_days=log.free_days, plan=plan, today=today
        ),
    }


@role_required(Role.STUDENT)
def day_log(request: HttpRequest) -> HttpResponse:
    """The student's own log: progress, the calendar of the period, every day and the feed."""
    student = _student(request)
    placement = student_placement(student=student)
    context: dict[str, object] = {"student": student, "placement": placement}
    if has_day_log(placement):
        today = timezone.localdate()
        context.update(_log_context(day_log_for(placement=placement, today=today), today))
        if student.calendar_feed_token:
            context["feed_url"] = request.build_absolute_uri(
                reverse("internships:lio-feed", args=[student.calendar_feed_token])
            )
    return render(request, "internships/day_log.html", context)


@role_required(Role.STUDENT)
def day_edit(request: HttpRequest, day: str) -> HttpResponse:
    """Log one day, or change it while the mentor has not confirmed it."""
    try:
        the_day = date.fromisoformat(day)
    except ValueError as exc:
        raise Http404 from exc
    student = _student(request)
    placement = student_placement(student=student)
    if not has_day_log(placement):
        raise Http404
    existing = placement.lio_days.filter(date=the_day).first()
    initial = (
        {
            "kind": existing.kind,
            "responsibilities": existing.responsibilities,
            "note": existing.note,
        }
        if existing
        else {}
    )
    form = LioDayForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            lio_day_record(
                placement=placement,
                student=student,
                day=the_day,
                today=timezone.localdate(),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The day has been logged."))
            return redirect("internships:day-log")
    return render(
        request,
        "internships/day_form.html",
        {"form": form, "day": the_day, "existing": existing, "placement": placement},
    )


@role_required(*STAFF_AND_COORDINATOR)
def placement_days(request: HttpRequest, pk: int) -> HttpResponse:
    """A placement's day log for the mentor (who confirms weeks) and the other staff."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    placement = get_object_or_404(placements_visible_to(membership), pk=pk)
    if not has_day_log(placement):
        raise Http404
    today = timezone.localdate()
    context = _log_context(day_log_for(placement=placement, today=today), today)
    context["can_confirm"] = (
        placement.mentor_id is not None and placement.mentor_id == membership.person.pk  # type: ignore[union-attr]
    )
    return render(request, "internships/placement_days.html", context)


@require_POST
@role_required(Role.MENTOR)
def placement_days_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The placement's mentor confirms one week of logged days."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    placement: Placement = get_object_or_404(placements_visible_to(membership), pk=pk)
    form = WeekForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a week to confirm."))
        return redirect("internships:placement-days", pk=placement.pk)
    try:
        count = lio_days_confirm_week(
            placement=placement,
            mentor=membership.person,  # type: ignore[arg-type]
            monday=form.cleaned_data["week"],
            now=timezone.now(),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        message = ngettext("%(count)s day confirmed.", "%(count)s days confirmed.", count)
        messages.success(request, message % {"count": count})
    return redirect("internships:placement-days", pk=placement.pk)


@require_POST
@role_required(Role.STUDENT)
def feed_renew(request: HttpRequest) -> HttpResponse:
    calendar_feed_renew(student=_student(request))
    messages.success(
        request, _("Your calendar link has been made. A previous link no longer works.")
    )
    return redirect("internships:day-log")


@require_POST
@role_required(Role.STUDENT)
def feed_revoke(request: HttpRequest) -> HttpResponse:
    calendar_feed_revoke(student=_student(request))
    messages.success(request, _("Your calendar link has been switched off."))
    return redirect("internships:day-log")


@login_not_required
@require_GET
def lio_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private iCalendar feed: the token is the only credential; unknown or revoked → 404."""
    student = get_object_or_404(
        StudentProfile.objects.select_related("person"), calendar_feed_token=token
    )
    placement = student_placement(student=student)
    if not has_day_log(placement):
        raise Http404
    log = day_log_for(placement=placement, today=timezone.localdate())
    with translation.override(student.person.language):
        body = lio_calendar(log=log, now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lio.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
