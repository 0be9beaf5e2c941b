"""Orientation talks (*verkennend trajectgesprek*, track VL): staff publish slots, anyone
interested books one without an account.

Rules (seed 000, DOMAIN.md "Track VL rules"): the booker gets a confirmation with a calendar
file and a personal link to cancel. A slot is never booked twice: the slot row is locked while
booking, and a partial unique constraint allows one active booking per slot.
"""

import math
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from lio_portal.mail import Attachment, mail_send
from signoffs.links import link_issue, links_revoke

from ..models import Person, Programme, TalkBooking, TalkSlot, Track

BOOKING_CANCEL = "booking-cancel"
PRODID = "-//LIO-portaal//Orientation talk//NL"


@transaction.atomic
def talk_slot_publish(
    *, programme: Programme, starts_at: datetime, ends_at: datetime, place: str, actor: Person
) -> TalkSlot:
    """Offer a time for one orientation talk of a track-VL programme."""
    if programme.institution_id != actor.institution_id:
        raise PermissionDenied
    if programme.track != Track.VL:
        raise ValidationError(_("Orientation talks belong to the LIO internship package."))
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The talk must end after it starts.")})
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": _("Choose a time in the future.")})
    return TalkSlot.objects.create(
        programme=programme,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        created_by=actor,
    )


@transaction.atomic
def talk_slot_withdraw(*, slot: TalkSlot, actor: Person) -> None:
    """Take a free slot offline; a booked slot must have its booking cancelled first."""
    slot = (
        TalkSlot.objects.select_for_update(of=("self",)).select_related("programme").get(pk=slot.pk)
    )
    if slot.programme.institution_id != actor.institution_id:
        raise PermissionDenied
    if slot.bookings.filter(cancelled_at__isnull=True).exists():
        raise ValidationError(_("This time is booked. Cancel the booking first."))
    slot.bookings.all().delete()
    slot.delete()


def _booker(programme: Programme, name: str, email: str, language: str) -> Person:
    """The booker as a person of the institution (no account); an existing one is not changed."""
    existing = Person.objects.filter(
        institution=programme.institution_id, email__iexact=email
    ).first()
    if existing is not None:
        return existing
    first_name, _space, last_name = name.strip().partition(" ")
    return Person.objects.create(
        institution_id=programme.institution_id,
        first_name=first_name[:100],
        last_name=last_name[:100],
        email=email,
        language=language,
    )


@transaction.atomic
def talk_booking_create(
    *,
    programme: Programme,
    slot_id: int,
    name: str,
    email: str,
    question: str,
    language: str,
) -> TalkBooking:
    """Book a free, future slot; mail a confirmation with an .ics file and a cancel link."""
    slot = TalkSlot.objects.select_for_update().filter(pk=slot_id, programme=programme).first()
    taken = _("Someone has just booked this time. Choose another one.")
    if slot is None or slot.starts_at <= timezone.now():
        raise ValidationError(_("This time can no longer be booked. Choose another one."))
    if slot.bookings.filter(cancelled_at__isnull=True).exists():
        raise ValidationError(taken)
    if not name.strip():
        raise ValidationError({"name": _("Fill in your name.")})
    person = _booker(programme, name, email, language)
    try:
        with transaction.atomic():
            booking = TalkBooking.objects.create(
                slot=slot,
                person=person,
                name=name.strip(),
                email=email,
                question=question.strip(),
                language=language,
            )
    except IntegrityError as exc:
        raise ValidationError(taken) from exc
    _mail_confirmation(booking)
    return booking


def _mail_confirmation(booking: TalkBooking) -> None:
    days = math.ceil((booking.slot.ends_at - timezone.now()) / timedelta(days=1)) + 1
    token = link_issue(
        person=booking.person, purpose=BOOKING_CANCEL, document=booking, max_age_days=days
    )
    mail_send(
        template="internships/email/talk_booked",
        recipient=booking,
        context={
            "booking": booking,
            "slot": booking.slot,
            "cancel_url": settings.SITE_URL + reverse("internships:talk-cancel", args=[token]),
        },
        attachments=[_ics_attachment(booking)],
    )


def _ics_attachment(booking: TalkBooking) -> Attachment:
    with translation.override(booking.language or settings.LANGUAGE_CODE):
        return Attachment("gesprek.ics", booking_ics(booking), "text/calendar")


@transaction.atomic
def talk_booking_cancel(*, booking: TalkBooking, by: Person | None) -> bool:
    """Cancel a booking (by the booker's link, or by staff with a mail to the booker).

    Idempotent: cancelling a cancelled booking changes nothing and returns False.
    """
    booking = (
        TalkBooking.objects.select_for_update(of=("self", "slot"))
        .select_related("slot__programme")
        .get(pk=booking.pk)
    )
    if by is not None and booking.slot.programme.institution_id != by.institution_id:
        raise PermissionDenied
    if booking.cancelled_at is not None:
        return False
    booking.cancelled_at = timezone.now()
    booking.cancelled_by = by
    booking.save(update_fields=["cancelled_at", "cancelled_by"])
    if by is not None:
        links_revoke(document=booking, person=booking.person, purpose=BOOKING_CANCEL)
        mail_send(
            template="internships/email/talk_cancelled",
            recipient=booking,
            context={"booking": booking, "slot": booking.slot},
            attachments=[_ics_attachment(booking)],
        )
    return True


def booking_ics(booking: TalkBooking) -> str:
    """The talk as an iCalendar event; a cancelled booking cancels the event."""
    slot = booking.slot
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if booking.cancelled_at else "PUBLISH")
    event = Event()
    event.add("uid", f"talk-booking-{booking.pk}@lio-portal")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", slot.starts_at)
    event.add("dtend", slot.ends_at)
    event.add("summary", _("Orientation talk: %(programme)s") % {"programme": slot.programme})
    event.add("location", slot.place)
    event.add("sequence", 1 if booking.cancelled_at else 0)
    event.add("status", "CANCELLED" if booking.cancelled_at else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical().decode()
