"""The feedforward visit (track NL) and intervision sessions (track VL)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms.guidance import AttendanceForm, FeedforwardForm, ReflectionForm, SessionForm
from .membership import Membership
from .models import FeedforwardVisit, IntervisionParticipant, Placement, Role, Track
from .permissions import role_required
from .selectors import placements_visible_to
from .selectors_days import student_placement
from .selectors_guidance import (
    intervision_sessions_of,
    intervisions_of_student,
    missed_intervisions,
    session_participants,
)
from .services.feedforward import (
    feedforward_recorder_role,
    feedforward_visit_record,
    may_record_feedforward,
)
from .services.intervision import (
    SessionData,
    intervision_attendance_record,
    intervision_reflection_save,
    intervision_session_schedule,
)
from .views_observations import VIEWERS

INTERVISION_STAFF = (Role.COORDINATOR, Role.STUDY_COACH)


def _membership(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


# --- feedforward visit ----------------------------------------------------------------------


def _feedforward_page(request: HttpRequest, placement: Placement | None) -> HttpResponse:
    """Show the visit; its visitor records or corrects it (POST)."""
    if placement is None:
        return render(request, "internships/feedforward.html", {"placement": None})
    if placement.student.programme.track != Track.NL:
        raise Http404
    person = _membership(request).person
    may_record = may_record_feedforward(placement=placement, person=person)  # type: ignore[arg-type]
    visit = FeedforwardVisit.objects.filter(placement=placement).select_related("recorded_by")
    visit = visit.first()
    initial = {"visited_on": visit.visited_on, "feedback": visit.feedback} if visit else {}
    form = FeedforwardForm(request.POST or None, initial=initial) if may_record else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                feedforward_visit_record(
                    placement=placement,
                    recorder=person,  # type: ignore[arg-type]
                    today=timezone.localdate(),
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The feedforward visit has been recorded."))
                return redirect("internships:feedforward", placement.pk)
    return render(
        request,
        "internships/feedforward.html",
        {
            "placement": placement,
            "visit": visit,
            "form": form,
            "visitor_role": Role(feedforward_recorder_role(placement)).label,
        },
    )


@role_required(*VIEWERS)
def feedforward(request: HttpRequest, pk: int) -> HttpResponse:
    placement = get_object_or_404(placements_visible_to(_membership(request)), pk=pk)
    return _feedforward_page(request, placement)


@role_required(Role.STUDENT)
def my_feedforward(request: HttpRequest) -> HttpResponse:
    student = _membership(request).person.student_profile  # type: ignore[union-attr]
    return _feedforward_page(request, student_placement(student=student))


# --- intervision ----------------------------------------------------------------------------


@role_required(*INTERVISION_STAFF)
def intervision_list(request: HttpRequest) -> HttpResponse:
    institution = _membership(request).institution
    sessions = intervision_sessions_of(institution=institution)  # type: ignore[arg-type]
    now = timezone.now()
    return render(
        request,
        "internships/intervision/list.html",
        {
            "upcoming": sessions.filter(ends_at__gte=now).order_by("starts_at"),
            "past": sessions.filter(ends_at__lt=now).order_by("-starts_at"),
        },
    )


@role_required(*INTERVISION_STAFF)
def intervision_new(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    form = SessionForm(request.POST or None, institution=membership.institution)  # type: ignore[arg-type]
    if request.method == "POST" and form.is_valid():
        starts_at, ends_at = form.moments()
        data = form.cleaned_data
        try:
            session = intervision_session_schedule(
                data=SessionData(
                    programme=data["programme"],
                    starts_at=starts_at,
                    ends_at=ends_at,
                    place=data["place"],
                    students=list(data["students"]),
                    assignment=data["assignment"],
                    topic=data["topic"],
                ),
                actor=membership.person,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The intervision session has been scheduled."))
            return redirect("internships:intervision-detail", session.pk)
    return render(request, "internships/intervision/form.html", {"form": form})


def _session(request: HttpRequest, pk: int) -> Any:
    institution = _membership(request).institution
    return get_object_or_404(intervision_sessions_of(institution=institution), pk=pk)  # type: ignore[arg-type]


@role_required(*INTERVISION_STAFF)
def intervision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A session: its students, their attendance (recorded here) and reflections."""
    session = _session(request, pk)
    participants = list(session_participants(session=session))
    form = AttendanceForm(request.POST or None, participants=participants)
    if request.method == "POST" and form.is_valid():
        try:
            intervision_attendance_record(
                session=session,
                attendance=form.attendance(),
                actor=_membership(request).person,  # type: ignore[arg-type]
                now=timezone.now(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The attendance has been saved."))
            return redirect("internships:intervision-detail", pk)
    return render(
        request,
        "internships/intervision/detail.html",
        {
            "session": session,
            "participants": participants,
            "rows": [(p, form[f"attendance-{p.pk}"]) for p in participants],
            "form": form,
            "started": session.starts_at <= timezone.now(),
        },
    )


@role_required(Role.COORDINATOR)
def intervision_missed(request: HttpRequest) -> HttpResponse:
    institution = _membership(request).institution
    missed = missed_intervisions(institution=institution)  # type: ignore[arg-type]
    return render(request, "internships/intervision/missed.html", {"missed": missed})


@role_required(Role.STUDENT)
def my_intervisions(request: HttpRequest) -> HttpResponse:
    """The student's sessions, with a reflection form for those that took place."""
    student = _membership(request).person.student_profile  # type: ignore[union-attr]
    participations = list(intervisions_of_student(student=student))
    now = timezone.now()
    rows = [
        (p, ReflectionForm(initial={"reflection": p.reflection}, prefix=f"r{p.pk}"))
        for p in participations
    ]
    return render(request, "internships/intervision/mine.html", {"rows": rows, "now": now})


@require_POST
@role_required(Role.STUDENT)
def intervision_reflect(request: HttpRequest, pk: int) -> HttpResponse:
    person = _membership(request).person
    participant = get_object_or_404(IntervisionParticipant, pk=pk, student__person=person)
    form = ReflectionForm(request.POST, prefix=f"r{participant.pk}")
    try:
        if not form.is_valid():
            raise ValidationError(list(form.errors.get("reflection", [])))
        intervision_reflection_save(
            participant=participant,
            student=person,  # type: ignore[arg-type]
            reflection=form.cleaned_data["reflection"],
            now=timezone.now(),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Your reflection has been saved."))
    return redirect("internships:my-intervisions")
