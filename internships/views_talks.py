"""Orientation talks: the public booking page, the cancel link, and the staff's slots."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from signoffs.links import LinkError, link_resolve

from .forms.guidance import BookingForm, TalkSlotForm
from .membership import Membership
from .models import Programme, TalkBooking, TalkSlot, Track
from .permissions import role_required
from .selectors_guidance import (
    cancelled_bookings_of,
    free_talk_slots,
    talk_slots_of,
    vl_programmes_of,
)
from .services.talks import (
    BOOKING_CANCEL,
    talk_booking_cancel,
    talk_booking_create,
    talk_slot_publish,
    talk_slot_withdraw,
)
from .views_guidance import INTERVISION_STAFF

TALK_STAFF = INTERVISION_STAFF


def _programme(pk: int) -> Programme:
    return get_object_or_404(Programme.objects.select_related("institution"), pk=pk, track=Track.VL)


@login_not_required
def talk_booking_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Anyone interested books a free slot: name, e-mail address, question. No account."""
    programme = _programme(pk)
    form = BookingForm(
        request.POST or None, slots=free_talk_slots(programme=programme, now=timezone.now())
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            talk_booking_create(
                programme=programme,
                slot_id=data["slot"].pk,
                name=data["name"],
                email=data["email"],
                question=data["question"],
                language=translation.get_language() or "nl",
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("internships:talk-booked", programme.pk)
    return render(request, "internships/talks/book.html", {"programme": programme, "form": form})


@login_not_required
def talk_booked(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "internships/talks/booked.html", {"programme": _programme(pk)})


@login_not_required
def talk_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """The booker's cancel link: shows the booking; cancelling (POST) can be repeated."""
    try:
        link = link_resolve(token=token, purpose=BOOKING_CANCEL)
    except LinkError as exc:
        return render(request, "signoffs/link_invalid.html", {"message": exc.message}, status=404)
    booking = get_object_or_404(
        TalkBooking.objects.select_related("slot__programme"), pk=link.object_id
    )
    if request.method == "POST":
        talk_booking_cancel(booking=booking, by=None)
        messages.success(request, _("Your booking has been cancelled."))
        return redirect("internships:talk-cancel", token)
    return render(request, "internships/talks/cancel.html", {"booking": booking})


def _institution(request: HttpRequest) -> object:
    membership: Membership = request.membership  # type: ignore[attr-defined]
    return membership.institution


@role_required(*TALK_STAFF)
def talk_slots(request: HttpRequest) -> HttpResponse:
    """The staff's slots and bookings; publish a new slot."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    institution = membership.institution
    form = TalkSlotForm(request.POST or None, institution=institution)  # type: ignore[arg-type]
    if request.method == "POST" and form.is_valid():
        starts_at, ends_at = form.moments()
        try:
            talk_slot_publish(
                programme=form.cleaned_data["programme"],
                starts_at=starts_at,
                ends_at=ends_at,
                place=form.cleaned_data["place"],
                actor=membership.person,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The time has been published."))
            return redirect("internships:talk-slots")
    since = timezone.now() - timedelta(days=1)
    return render(
        request,
        "internships/talks/slots.html",
        {
            "form": form,
            "slots": talk_slots_of(institution=institution, since=since),  # type: ignore[arg-type]
            "cancelled": cancelled_bookings_of(institution=institution, since=since),  # type: ignore[arg-type]
            "programmes": vl_programmes_of(institution=institution),  # type: ignore[arg-type]
        },
    )


@require_POST
@role_required(*TALK_STAFF)
def talk_slot_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    slot = get_object_or_404(TalkSlot, pk=pk, programme__institution=_institution(request))
    try:
        talk_slot_withdraw(slot=slot, actor=request.membership.person)  # type: ignore[attr-defined]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The time has been withdrawn."))
    return redirect("internships:talk-slots")


@require_POST
@role_required(*TALK_STAFF)
def talk_booking_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    booking = get_object_or_404(
        TalkBooking, pk=pk, slot__programme__institution=_institution(request)
    )
    if talk_booking_cancel(booking=booking, by=request.membership.person):  # type: ignore[attr-defined]
        messages.success(
            request,
            _("The booking of %(name)s has been cancelled and they have been told.")
            % {"name": booking.name},
        )
    return redirect("internships:talk-slots")
