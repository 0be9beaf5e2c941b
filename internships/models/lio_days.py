"""The LIO day log: what the student did on each day of the LIO (track NL)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from audit.history import audited

from .people import Person
from .placements import Placement


class Responsibility(models.TextChoices):
    PARENT_MEETING = "parent_meeting", _("Parent meeting")
    PUPIL_TRACKING = "pupil_tracking", _("Pupil tracking system")
    STAFF_MEETING = "staff_meeting", _("Staff meeting")
    OTHER = "other", _("Other")


class LioDay(models.Model):
    class Kind(models.TextChoices):
        LESSON = "lesson", _("Lesson day")
        SCHOOL_TRIP = "school_trip", _("School trip")
        STUDY_DAY = "study_day", _("Study day")
        ABSENT_ILL = "absent_ill", _("Absent: ill")
        ABSENT_OTHER = "absent_other", _("Absent: other reason")

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="lio_days", verbose_name=_("placement")
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind of day"), max_length=20, choices=Kind.choices)
    responsibilities = models.JSONField(_("responsibilities carried"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="confirmed_lio_days",
        verbose_name=_("confirmed by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = audited()

    class Meta:
        verbose_name = _("LIO day")
        verbose_name_plural = _("LIO days")
        ordering = ["date"]
        indexes = [
            # The days a mentor has not confirmed yet, per placement (the dashboard's list).
            models.Index(
                fields=["placement", "date"],
                condition=models.Q(confirmed_at__isnull=True),
                name="internships_liodays_open",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "date"], name="internships_liodays_one_per_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.get_kind_display()}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    def get_responsibilities_display(self) -> str:
        labels = dict(Responsibility.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.responsibilities)
