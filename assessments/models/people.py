"""The assessor an institution assigns to a student (DOMAIN.md: for students with an exemption
for the professional product, or who have not started it)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from audit.history import audited
from internships.models import Person, StudentProfile


class AssessorAssignment(models.Model):
    """One assigned assessor per student, chosen by the coordinator among the assessors."""

    student = models.OneToOneField(
        StudentProfile,
        on_delete=models.CASCADE,
        related_name="assessor_assignment",
        verbose_name=_("student"),
    )
    assessor = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="assigned_assessments",
        verbose_name=_("assigned assessor"),
    )
    assigned_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now=True)

    history = audited()

    class Meta:
        verbose_name = _("assigned assessor")
        verbose_name_plural = _("assigned assessors")

    def __str__(self) -> str:
        return f"{self.student.person}: {self.assessor}"

    def clean(self) -> None:
        if not (self.student_id and self.assessor_id):
            return
        if self.assessor.institution_id != self.student.institution_id:
            raise ValidationError({"assessor": _("The assessor belongs to another institution.")})
