"""Observation pages for people with an account: placement, observation, the mentor's form."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from signoffs.models import Signature
from signoffs.selectors import signoff_status
from signoffs.services import document_hash

from .forms.observations import AcknowledgeForm, ObservationForm, SignOffForm
from .membership import Membership
from .models import INSTITUTION_ROLES, SCHOOL_ROLES, Observation, Placement, Role
from .permissions import role_required
from .selectors import placements_visible_to
from .selectors_days import student_placement
from .selectors_observations import (
    mentored_placements,
    month_strip,
    month_strips,
    observations_of,
    observations_visible_to,
    short_observation_months,
)
from .services.mentor_links import mentor_link_revoke, mentor_link_send
from .services.observations import (
    ObservationData,
    observation_acknowledge,
    observation_correct,
    observation_create,
    observation_sign_off,
    observation_update,
)

VIEWERS = INSTITUTION_ROLES | SCHOOL_ROLES | {Role.STUDENT}


def _membership(request: HttpRequest) -> Membership:
    return request.membership  # type: ignore[attr-defined,no-any-return]


def observation_data(form: ObservationForm) -> ObservationData:
    return ObservationData(**form.cleaned_data)


def initial_from(observation: Observation) -> dict[str, Any]:
    return {name: getattr(observation, name) for name in ObservationData.__dataclass_fields__}


def _placement_context(request: HttpRequest, placement: Placement) -> dict[str, Any]:
    membership = _membership(request)
    person = membership.person
    assert person is not None
    is_student = placement.student.person_id == person.pk
    return {
        "placement": placement,
        "strip": month_strip(placement=placement, today=timezone.localdate()),
        "observations": observations_of(placement=placement),
        "can_record": placement.mentor_id == person.pk,
        "can_send_link": bool(placement.mentor_id)
        and (is_student or Role.COORDINATOR in membership.roles),
        "is_student": is_student,
    }


@role_required(*VIEWERS)
def placement_observations(request: HttpRequest, pk: int) -> HttpResponse:
    """The month strip and every observation of one placement."""
    placement = get_object_or_404(placements_visible_to(_membership(request)), pk=pk)
    return render(
        request, "internships/observations/placement.html", _placement_context(request, placement)
    )


@role_required(Role.STUDENT)
def my_observations(request: HttpRequest) -> HttpResponse:
    """The student's own observations (the current placement)."""
    student = _membership(request).person.student_profile  # type: ignore[union-attr]
    placement = student_placement(student=student)
    if placement is None:
        return render(request, "internships/observations/placement.html", {"placement": None})
    return render(
        request, "internships/observations/placement.html", _placement_context(request, placement)
    )


@role_required(Role.MENTOR)
def mentor_observations(request: HttpRequest) -> HttpResponse:
    """The mentor's students, each with the month strip (track VL). Constant queries."""
    placements = list(mentored_placements(person=_membership(request).person))
    strips = month_strips(placements=placements, today=timezone.localdate())
    rows = [(placement, strips.get(placement.pk)) for placement in placements]
    return render(request, "internships/observations/mentor_list.html", {"rows": rows})


@role_required(Role.COORDINATOR)
def short_months(request: HttpRequest) -> HttpResponse:
    """Closed months in which a track-VL student was observed fewer than twice."""
    institution = _membership(request).institution
    assert institution is not None
    short = short_observation_months(institution=institution, today=timezone.localdate())
    return render(request, "internships/observations/short_months.html", {"short": short})


@role_required(Role.MENTOR)
def observation_new(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _membership(request)
    placement = get_object_or_404(placements_visible_to(membership), pk=pk)
    if placement.mentor_id != membership.person.pk:  # type: ignore[union-attr]
        raise PermissionDenied
    initial = {"observed_on": timezone.localdate(), "class_name": placement.class_name}
    form = ObservationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            observation = observation_create(
                placement=placement,
                mentor=membership.person,  # type: ignore[arg-type]
                data=observation_data(form),
                today=timezone.localdate(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The observation has been saved as a draft."))
            return redirect("internships:observation-detail", observation.pk)
    return render(
        request,
        "internships/observations/form.html",
        {"form": form, "placement": placement, "correcting": None},
    )


def _visible(request: HttpRequest, pk: int) -> Observation:
    return get_object_or_404(observations_visible_to(_membership(request)), pk=pk)


@role_required(*VIEWERS)
def observation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One observation: content, signatures, history; what the viewer may do with it."""
    observation = _visible(request, pk)
    person = _membership(request).person
    assert person is not None
    current_hash = document_hash(observation)
    is_mentor = observation.placement.mentor_id == person.pk
    is_student = observation.placement.student.person_id == person.pk
    status = signoff_status(observation)
    return render(
        request,
        "internships/observations/detail.html",
        {
            "observation": observation,
            "document": observation,
            "status": status,
            "is_mentor": is_mentor,
            "sign_off_form": SignOffForm(initial={"content_hash": current_hash}),
            "acknowledge_form": AcknowledgeForm(initial={"content_hash": current_hash})
            if is_student and observation.status == Observation.Status.SIGNED
            else None,
            "can_correct": is_mentor and observation.counts and not _has_next(observation),
            "next_version": _next(observation),
        },
    )


def _next(observation: Observation) -> Observation | None:
    return Observation.objects.filter(previous=observation).first()


def _has_next(observation: Observation) -> bool:
    return Observation.objects.filter(previous=observation).exists()


@role_required(Role.MENTOR)
def observation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The mentor changes a draft."""
    observation = _visible(request, pk)
    person = _membership(request).person
    if observation.placement.mentor_id != person.pk:  # type: ignore[union-attr]
        raise PermissionDenied
    if observation.is_locked:
        messages.error(request, _("A signed-off observation is locked. Make a correction instead."))
        return redirect("internships:observation-detail", pk)
    form = ObservationForm(request.POST or None, initial=initial_from(observation))
    if request.method == "POST" and form.is_valid():
        try:
            observation_update(
                observation=observation,
                mentor=person,  # type: ignore[arg-type]
                data=observation_data(form),
                today=timezone.localdate(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The observation has been saved."))
            return redirect("internships:observation-detail", pk)
    return render(
        request,
        "internships/observations/form.html",
        {"form": form, "placement": observation.placement, "observation": observation},
    )


@role_required(Role.MENTOR)
def observation_correct_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The mentor starts a correction of a signed-off observation (a new version)."""
    observation = _visible(request, pk)
    person = _membership(request).person
    if observation.placement.mentor_id != person.pk:  # type: ignore[union-attr]
        raise PermissionDenied
    form = ObservationForm(request.POST or None, initial=initial_from(observation))
    if request.method == "POST" and form.is_valid():
        try:
            correction = observation_correct(
                observation=observation,
                mentor=person,  # type: ignore[arg-type]
                data=observation_data(form),
                today=timezone.localdate(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The correction is a draft. Sign it off to replace the old version."),
            )
            return redirect("internships:observation-detail", correction.pk)
    return render(
        request,
        "internships/observations/form.html",
        {"form": form, "placement": observation.placement, "correcting": observation},
    )


@require_POST
@role_required(Role.MENTOR)
def observation_sign_off_view(request: HttpRequest, pk: int) -> HttpResponse:
    observation = _visible(request, pk)
    form = SignOffForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to sign the observation off."))
        return redirect("internships:observation-detail", pk)
    try:
        observation_sign_off(
            observation=observation,
            mentor=_membership(request).person,  # type: ignore[arg-type]
            method=Signature.Method.ACCOUNT,
            seen_hash=form.cleaned_data["content_hash"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Signed off: the student has been asked to read it."))
    return redirect("internships:observation-detail", pk)


@role_required(Role.STUDENT)
def observation_acknowledge_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The student responds (optionally) and acknowledges; errors re-render with the text."""
    observation = _visible(request, pk)
    if request.method != "POST":
        return redirect("internships:observation-detail", pk)
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        try:
            observation_acknowledge(
                observation=observation,
                student=_membership(request).person,  # type: ignore[arg-type]
                response=form.cleaned_data["response"],
                seen_hash=form.cleaned_data["content_hash"],
                method=Signature.Method.ACCOUNT,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you: you have acknowledged the observation."))
            return redirect("internships:observation-detail", pk)
    return render(
        request,
        "internships/observations/detail.html",
        {
            "observation": observation,
            "document": observation,
            "status": signoff_status(observation),
            "acknowledge_form": form,
        },
    )


def _link_manager_placement(request: HttpRequest, pk: int) -> Placement:
    """The student of the placement or a coordinator sends and withdraws the mentor link."""
    membership = _membership(request)
    placement = get_object_or_404(placements_visible_to(membership), pk=pk)
    is_student = placement.student.person_id == membership.person.pk  # type: ignore[union-attr]
    if not (is_student or Role.COORDINATOR in membership.roles):
        raise PermissionDenied
    return placement


@require_POST
@role_required(Role.STUDENT, Role.COORDINATOR)
def mentor_link_send_view(request: HttpRequest, pk: int) -> HttpResponse:
    placement = _link_manager_placement(request, pk)
    try:
        mentor_link_send(placement=placement, actor=_membership(request).person)  # type: ignore[arg-type]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("A personal link has been sent to %(name)s. Earlier links no longer work.")
            % {"name": placement.mentor},
        )
    return redirect("internships:placement-observations", pk)


@require_POST
@role_required(Role.STUDENT, Role.COORDINATOR)
def mentor_link_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    placement = _link_manager_placement(request, pk)
    revoked = mentor_link_revoke(placement=placement, actor=_membership(request).person)  # type: ignore[arg-type]
    messages.success(request, _("%(count)s mentor link(s) withdrawn.") % {"count": revoked})
    return redirect("internships:placement-observations", pk)
