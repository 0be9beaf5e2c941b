"""Institutions, their programmes and school years, and the schools they place students at."""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    NL = "NL", _("the Netherlands")
    BE = "BE", _("Belgium")


class Track(models.TextChoices):
    VL = "VL", _("LIO internship package (Flanders)")
    NL = "NL", _("LIO internship, graduation phase (Netherlands)")


class Region(models.TextChoices):
    """The holiday region of a school: NL school-holiday regions, or Flanders."""

    NL_NOORD = "NL-noord", _("Netherlands, region North")
    NL_MIDDEN = "NL-midden", _("Netherlands, region Middle")
    NL_ZUID = "NL-zuid", _("Netherlands, region South")
    BE_VL = "BE-VL", _("Flanders")


class Institution(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="programmes",
        verbose_name=_("institution"),
    )
    name = models.CharField(_("name"), max_length=200)
    track = models.CharField(_("track"), max_length=2, choices=Track.choices)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["institution", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "name"], name="internships_programme_unique_name"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SchoolYear(models.Model):
    """A school year of one institution, by default 1 August to 31 July."""

    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="school_years",
        verbose_name=_("institution"),
    )
    name = models.CharField(_("name"), max_length=20, help_text=_("For example 2026-2027."))
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))

    class Meta:
        verbose_name = _("school year")
        verbose_name_plural = _("school years")
        ordering = ["institution", "-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "start_date"], name="internships_schoolyear_unique_start"
            ),
            models.CheckConstraint(
                condition=Q(end_date__gt=models.F("start_date")),
                name="internships_schoolyear_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def contains(self, day: date) -> bool:
        return self.start_date <= day <= self.end_date


class School(models.Model):
    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="schools", verbose_name=_("institution")
    )
    name = models.CharField(_("name"), max_length=200)
    school_number = models.CharField(
        _("official school number"),
        max_length=20,
        help_text=_("BRIN number in the Netherlands, institution number in Flanders."),
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    region = models.CharField(_("holiday region"), max_length=10, choices=Region.choices)
    in_partnership = models.BooleanField(
        _("training school in the partnership"),
        default=False,
        help_text=_(
            "Part of the institution's partnership of training schools (opleidingsschool)."
        ),
    )

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "school_number"], name="internships_school_unique_number"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        country=Country.NL,
                        region__in=[Region.NL_NOORD, Region.NL_MIDDEN, Region.NL_ZUID],
                    )
                    | Q(country=Country.BE, region=Region.BE_VL)
                ),
                name="internships_school_region_in_country",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"
