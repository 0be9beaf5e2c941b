"""Credits (*ec*) a student earned, recorded when a component is passed (DOMAIN.md, track NL)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from audit.history import audited
from internships.models import Person, StudentProfile

from .lesson import LessonAssessment


class CreditAward(models.Model):
    class Component(models.TextChoices):
        LIO_INTERNSHIP = "lio_internship", _("LIO internship")

    # DOMAIN.md, credits of track NL: LIO-stage 9.
    CREDITS = {Component.LIO_INTERNSHIP: 9}

    student = models.ForeignKey(
        StudentProfile,
        on_delete=models.CASCADE,
        related_name="credit_awards",
        verbose_name=_("student"),
    )
    component = models.CharField(_("component"), max_length=30, choices=Component.choices)
    credits = models.PositiveSmallIntegerField(_("credits (ec)"))
    awarded_on = models.DateField(_("awarded on"))
    assessment = models.OneToOneField(
        LessonAssessment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_award",
        verbose_name=_("LIO assessment lesson"),
    )
    recorded_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = audited()

    class Meta:
        verbose_name = _("credits")
        verbose_name_plural = _("credits")
        ordering = ["awarded_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "component"], name="assessments_credits_once_per_component"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.student.person}: {self.get_component_display()} {self.credits} ec"
