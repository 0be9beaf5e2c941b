"""Observations of the student by the mentor, and the reminders sent about the cadence rule."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.history import audited

from .people import Person
from .placements import Placement


class Observation(models.Model):
    """One lesson observed by the mentor: signed off by the mentor, acknowledged by the student.

    A signed observation is locked; a correction is a new row (`previous` → the old one) and
    the old one stays visible, marked superseded once the correction is signed off.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SIGNED = "signed", _("Signed off, waiting for the student")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged by the student")

    placement = models.ForeignKey(
        Placement,
        on_delete=models.CASCADE,
        related_name="observations",
        verbose_name=_("placement"),
    )
    observer = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("observed by")
    )
    observed_on = models.DateField(_("date"))
    class_name = models.CharField(_("class"), max_length=60)
    subject = models.CharField(_("subject"), max_length=120)
    focus = models.TextField(_("focus"))
    went_well = models.TextField(_("what went well"))
    to_improve = models.TextField(_("points to work on"))
    agreements = models.TextField(_("agreements"), blank=True)
    student_response = models.TextField(_("response of the student"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_version",
        verbose_name=_("corrects"),
    )
    signed_at = models.DateTimeField(_("signed off at"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = audited()

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["-observed_on", "-pk"]
        indexes = [models.Index(fields=["placement", "observed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(superseded_at__isnull=True) | ~Q(status="draft"),
                name="internships_observation_only_signed_superseded",
            ),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.observed_on}: {self.placement.student.person}"

    @property
    def is_locked(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def is_superseded(self) -> bool:
        return self.superseded_at is not None

    @property
    def counts(self) -> bool:
        """Signed off and not replaced by a correction: it counts for the cadence rule."""
        return self.is_locked and not self.is_superseded


class ObservationReminder(models.Model):
    """A cadence mail that was sent, so the daily command sends it once per month."""

    class Kind(models.TextChoices):
        MENTOR_MONTH_ENDING = "mentor", _("mentor: the month ends short")
        COORDINATOR_MONTH_SHORT = "coordinator", _("coordinator: a month closed short")

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="+", verbose_name=_("placement")
    )
    month = models.DateField(_("month"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("observation reminder")
        verbose_name_plural = _("observation reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "month", "kind"], name="internships_obs_reminder_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.placement_id} {self.month:%Y-%m} {self.kind}"
