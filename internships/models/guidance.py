"""Guidance at the school and the institution: the feedforward visit (NL) and intervision (VL)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.history import audited

from .organisations import Programme
from .people import Person, StudentProfile
from .placements import Placement


class FeedforwardVisit(models.Model):
    """The visit of the school teacher educator at the start of a track-NL LIO: no grade."""

    placement = models.OneToOneField(
        Placement,
        on_delete=models.CASCADE,
        related_name="feedforward_visit",
        verbose_name=_("placement"),
    )
    visited_on = models.DateField(_("date of the visit"))
    feedback = models.TextField(_("feedback"))
    recorded_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = audited()

    class Meta:
        verbose_name = _("feedforward visit")
        verbose_name_plural = _("feedforward visits")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.visited_on}: {self.placement.student.person}"


class IntervisionSession(models.Model):
    """A group session at the institution (track VL) that explains a portfolio assignment."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        related_name="intervision_sessions",
        verbose_name=_("programme"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200)
    assignment = models.ForeignKey(
        "portfolio.Assignment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="intervision_sessions",
        verbose_name=_("assignment explained"),
    )
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("scheduled by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = audited()

    class Meta:
        verbose_name = _("intervision session")
        verbose_name_plural = _("intervision sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="internships_intervision_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.starts_at:%Y-%m-%d %H:%M}"


class Attendance(models.TextChoices):
    UNRECORDED = "unrecorded", _("Not recorded yet")
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


class IntervisionParticipant(models.Model):
    """A student invited to a session: attendance and the student's short reflection."""

    session = models.ForeignKey(
        IntervisionSession,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("session"),
    )
    student = models.ForeignKey(
        StudentProfile,
        on_delete=models.CASCADE,
        related_name="intervisions",
        verbose_name=_("student"),
    )
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.UNRECORDED
    )
    attendance_recorded_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("attendance recorded by"),
    )
    attendance_recorded_at = models.DateTimeField(
        _("attendance recorded at"), null=True, blank=True
    )
    reflection = models.TextField(_("reflection"), blank=True)
    reflection_at = models.DateTimeField(_("reflection written at"), null=True, blank=True)

    history = audited()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["student__person__last_name", "student__person__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "student"], name="internships_intervision_student_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student.person} · {self.session}"
