"""Coordinator corrections to the holiday library's calendar: they always win."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.history import audited

from .organisations import Institution, School, SchoolYear
from .people import Person


class CalendarOverride(models.Model):
    class Kind(models.TextChoices):
        FREE_DAY = "free", _("Free day (no school)")
        SCHOOL_DAY = "school", _("School day (the library is wrong)")

    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="calendar_overrides",
        verbose_name=_("institution"),
    )
    school_year = models.ForeignKey(
        SchoolYear,
        on_delete=models.CASCADE,
        related_name="calendar_overrides",
        verbose_name=_("school year"),
    )
    school = models.ForeignKey(
        School,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_overrides",
        verbose_name=_("school"),
        help_text=_("Leave empty to apply the change to every school of the institution."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))
    label = models.CharField(_("label"), max_length=120)
    changed_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = audited()

    class Meta:
        verbose_name = _("calendar change")
        verbose_name_plural = _("calendar changes")
        ordering = ["start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="internships_override_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.start_date} – {self.end_date})"

    def clean(self) -> None:
        errors = {}
        days = (self.start_date, self.end_date)
        year = self.school_year if self.school_year_id else None
        if year and all(days) and not all(map(year.contains, days)):
            errors["end_date"] = _("The days must fall within the school year.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if self.school_id and self.school.institution_id != self.institution_id:
            errors["school"] = _("The school belongs to another institution.")
        if errors:
            raise ValidationError(errors)
