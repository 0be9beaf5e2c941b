"""The profile sketch of track NL (LUK *Beschouwing op jezelf als startbekwaam leerkracht*):
sections of text and images, submitted to a graduation supervisor who gives feedback and a
result. Every submitted version is kept with its assessment."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.history import audited
from internships.models import Person, StudentProfile, Track
from lio_portal.uploads import StoredUpload

from .status import WorkStatus


class ProfileSketch(models.Model):
    """Who the student is and wants to become as a starting teacher, in text and images."""

    student = models.OneToOneField(
        StudentProfile,
        on_delete=models.CASCADE,
        related_name="profile_sketch",
        verbose_name=_("student"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=WorkStatus.choices, default=WorkStatus.NOT_STARTED
    )
    submitted_at = models.DateTimeField(_("last submitted"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = audited()

    class Meta:
        verbose_name = _("profile sketch")
        verbose_name_plural = _("profile sketches")
        ordering = ["student__person__last_name", "student__person__first_name"]

    def __str__(self) -> str:
        return str(self.student.person)

    def clean(self) -> None:
        if self.student_id and self.student.programme.track != Track.NL:
            raise ValidationError(_("Only students of the Dutch track write a profile sketch."))


class SketchSection(models.Model):
    sketch = models.ForeignKey(
        ProfileSketch,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("profile sketch"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    heading = models.CharField(_("heading"), max_length=200)
    text = models.TextField(_("text"), blank=True)

    history = audited()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["sketch", "position", "pk"]

    def __str__(self) -> str:
        return self.heading


class SketchImage(StoredUpload):
    """An image shown inline in a section; the alt text is required. Kept while a version
    refers to it, also after it was taken out of the draft."""

    sketch = models.ForeignKey(
        ProfileSketch,
        on_delete=models.CASCADE,
        related_name="images",
        verbose_name=_("profile sketch"),
    )
    section = models.ForeignKey(
        SketchSection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="images",
        verbose_name=_("section"),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    removed_at = models.DateTimeField(_("removed from the draft"), null=True, blank=True)

    history = audited()

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["uploaded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(alt_text=""), name="portfolio_sketchimage_alt_text_required"
            ),
        ]


class SketchVersion(models.Model):
    """A submitted version: the sections as they were (`content`) and their images.
    Append-only. `content` is a list of {heading, text, images: [{id, alt_text, caption}]}."""

    sketch = models.ForeignKey(
        ProfileSketch,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("profile sketch"),
    )
    number = models.PositiveSmallIntegerField(_("version"))
    content = models.JSONField(_("content"), default=list)
    images = models.ManyToManyField(
        SketchImage, blank=True, related_name="versions", verbose_name=_("images")
    )
    submitted_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"))

    history = audited()

    class Meta:
        verbose_name = _("submitted profile sketch")
        verbose_name_plural = _("submitted profile sketches")
        ordering = ["sketch", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["sketch", "number"], name="portfolio_sketchversion_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sketch} · v{self.number}"


class SketchAssessment(models.Model):
    """The graduation supervisor's feedback and result on one version. Append-only."""

    class Result(models.TextChoices):
        PASSED = "passed", _("Passed")
        NOT_PASSED = "not_passed", _("Not passed yet: revise")

    version = models.OneToOneField(
        SketchVersion,
        on_delete=models.CASCADE,
        related_name="assessment",
        verbose_name=_("version"),
    )
    assessor = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("graduation supervisor"),
    )
    feedback = models.TextField(_("feedback"))
    result = models.CharField(_("result"), max_length=20, choices=Result.choices)
    created_at = models.DateTimeField(_("assessed at"), auto_now_add=True)

    history = audited()

    class Meta:
        verbose_name = _("assessment of a profile sketch")
        verbose_name_plural = _("assessments of profile sketches")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.version}: {self.get_result_display()}"
