"""The mentor's pages behind a personal link: one placement, no account, phone-friendly.

Every view resolves the link first; the observation in the URL must belong to the link's
placement (404 otherwise), so a link opens that one placement and nothing else.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from signoffs.links import LinkError
from signoffs.models import Signature
from signoffs.selectors import signoff_status
from signoffs.services import document_hash

from .forms.lio_days import WeekForm
from .forms.observations import ObservationForm, SignOffForm
from .models import Observation, Person, Placement
from .selectors_days import day_log_for, has_day_log
from .selectors_observations import month_strip, observations_of
from .services.lio_days import lio_days_confirm_week
from .services.mentor_links import mentor_link_open
from .services.observations import (
    observation_correct,
    observation_create,
    observation_sign_off,
    observation_update,
)
from .views_observations import initial_from, observation_data

LinkView = Callable[..., HttpResponse]


def mentor_link_required(view: LinkView) -> LinkView:
    """Open the link (or show why it cannot be used) and pass its mentor and placement."""

    @login_not_required
    @wraps(view)
    def wrapper(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            mentor, placement = mentor_link_open(token=token)
        except LinkError as exc:
            return render(
                request, "signoffs/link_invalid.html", {"message": exc.message}, status=404
            )
        return view(request, token, mentor, placement, *args, **kwargs)

    return wrapper


@mentor_link_required
def mentor_page(
    request: HttpRequest, token: str, mentor: Person, placement: Placement
) -> HttpResponse:
    """The month strip, the observations and (track NL) the LIO days to confirm."""
    today = timezone.localdate()
    return render(
        request,
        "internships/mentor_link/page.html",
        {
            "token": token,
            "mentor": mentor,
            "placement": placement,
            "strip": month_strip(placement=placement, today=today),
            "observations": observations_of(placement=placement),
            "log": day_log_for(placement=placement, today=today)
            if has_day_log(placement)
            else None,
        },
    )


@mentor_link_required
def mentor_observation_new(
    request: HttpRequest, token: str, mentor: Person, placement: Placement
) -> HttpResponse:
    initial = {"observed_on": timezone.localdate(), "class_name": placement.class_name}
    form = ObservationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            observation = observation_create(
                placement=placement,
                mentor=mentor,
                data=observation_data(form),
                today=timezone.localdate(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The observation has been saved as a draft."))
            return redirect("internships:mentor-observation", token, observation.pk)
    return render(
        request,
        "internships/mentor_link/form.html",
        {"token": token, "placement": placement, "form": form},
    )


def _own(placement: Placement, pk: int) -> Observation:
    return get_object_or_404(observations_of(placement=placement), pk=pk)


@mentor_link_required
def mentor_observation(
    request: HttpRequest, token: str, mentor: Person, placement: Placement, pk: int
) -> HttpResponse:
    """Read an observation; change a draft and sign it off."""
    observation = _own(placement, pk)
    form = ObservationForm(initial=initial_from(observation))
    sign_off_form = SignOffForm(initial={"content_hash": document_hash(observation)})
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "save":
            form = ObservationForm(request.POST)
            if form.is_valid() and _try(
                form,
                lambda: observation_update(
                    observation=observation,
                    mentor=mentor,
                    data=observation_data(form),
                    today=timezone.localdate(),
                ),
            ):
                messages.success(request, _("The observation has been saved."))
                return redirect("internships:mentor-observation", token, pk)
        elif action == "sign_off":
            sign_off_form = SignOffForm(request.POST)
            if sign_off_form.is_valid() and _try(
                sign_off_form,
                lambda: observation_sign_off(
                    observation=observation,
                    mentor=mentor,
                    method=Signature.Method.LINK,
                    seen_hash=sign_off_form.cleaned_data["content_hash"],
                ),
            ):
                messages.success(request, _("Signed off: the student has been asked to read it."))
                return redirect("internships:mentor-page", token)
    return render(
        request,
        "internships/mentor_link/observation.html",
        {
            "token": token,
            "placement": placement,
            "observation": observation,
            "document": observation,
            "status": signoff_status(observation),
            "form": form,
            "sign_off_form": sign_off_form,
            "can_correct": observation.counts
            and not Observation.objects.filter(previous=observation).exists(),
        },
    )


def _try(form: Any, action: Callable[[], object]) -> bool:
    """Run a service; its ValidationError goes onto the form. True when it succeeded."""
    try:
        action()
    except ValidationError as exc:
        form.add_error(None, exc)
        return False
    return True


@mentor_link_required
def mentor_observation_correct(
    request: HttpRequest, token: str, mentor: Person, placement: Placement, pk: int
) -> HttpResponse:
    observation = _own(placement, pk)
    form = ObservationForm(request.POST or None, initial=initial_from(observation))
    if request.method == "POST" and form.is_valid():
        try:
            correction = observation_correct(
                observation=observation,
                mentor=mentor,
                data=observation_data(form),
                today=timezone.localdate(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("The correction is a draft. Sign it off to replace the old version.")
            )
            return redirect("internships:mentor-observation", token, correction.pk)
    return render(
        request,
        "internships/mentor_link/form.html",
        {"token": token, "placement": placement, "form": form, "correcting": observation},
    )


@require_POST
@mentor_link_required
def mentor_days_confirm(
    request: HttpRequest, token: str, mentor: Person, placement: Placement
) -> HttpResponse:
    """Track NL: the mentor confirms one week of logged LIO days from the link."""
    form = WeekForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a week to confirm."))
        return redirect("internships:mentor-page", token)
    try:
        count = lio_days_confirm_week(
            placement=placement, mentor=mentor, monday=form.cleaned_data["week"], now=timezone.now()
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        message = ngettext("%(count)s day confirmed.", "%(count)s days confirmed.", count)
        messages.success(request, message % {"count": count})
    return redirect("internships:mentor-page", token)
