"""The log of data exports and the mark of an anonymised person."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from internships.models import Institution, Person


class DataExport(models.Model):
    """A coordinator downloaded a person's data: kept so coordinators can see it later."""

    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="+", verbose_name=_("institution")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="data_exports", verbose_name=_("person")
    )
    exported_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("exported by"),
    )
    exported_at = models.DateTimeField(_("exported at"), auto_now_add=True)
    records = models.PositiveIntegerField(_("records"), default=0)
    files = models.PositiveIntegerField(_("files"), default=0)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-exported_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.person} · {self.exported_at:%Y-%m-%d %H:%M}"


class Anonymisation(models.Model):
    """The retention job anonymised this person (their row stays for the statistics)."""

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, related_name="anonymisation", verbose_name=_("person")
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), auto_now_add=True)

    class Meta:
        verbose_name = _("anonymisation")
        verbose_name_plural = _("anonymisations")

    def __str__(self) -> str:
        return f"{self.person_id} · {self.anonymised_at:%Y-%m-%d}"
