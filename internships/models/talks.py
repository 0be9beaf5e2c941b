"""Orientation talks (*verkennend trajectgesprek*, track VL): published slots and bookings."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.history import audited

from .organisations import Programme
from .people import Person


class TalkSlot(models.Model):
    """A time the programme's staff offer for one orientation talk."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="talk_slots", verbose_name=_("programme")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(
        _("place"), max_length=200, help_text=_("A room, or how to join an online talk.")
    )
    created_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = audited()

    class Meta:
        verbose_name = _("talk slot")
        verbose_name_plural = _("talk slots")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="internships_talkslot_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} ({self.place})"


class TalkBooking(models.Model):
    """Someone interested booked a slot, without an account. One active booking per slot."""

    slot = models.ForeignKey(
        TalkSlot, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("slot")
    )
    # The booker as a person of the institution (no account), so the cancel link is personal.
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="talk_bookings", verbose_name=_("person")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    question = models.TextField(_("question"), blank=True)
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cancelled by"),
    )

    history = audited()

    class Meta:
        verbose_name = _("talk booking")
        verbose_name_plural = _("talk bookings")
        ordering = ["slot__starts_at", "pk"]
        constraints = [
            # Two people racing for the same slot: the database lets only one booking stand.
            models.UniqueConstraint(
                fields=["slot"],
                condition=Q(cancelled_at__isnull=True),
                name="internships_talk_one_active_booking_per_slot",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.slot}"

    @property
    def is_active(self) -> bool:
        return self.cancelled_at is None
