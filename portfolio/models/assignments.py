"""The assignment portfolio of track VL (*opdrachtenportfolio*): assignments per programme and
LIO year, the student's work on each, and every submitted version with the coach's feedback."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.history import audited
from internships.models import Person, Programme, StudentProfile, Track
from lio_portal.uploads import StoredUpload

from .status import WorkStatus


class Theme(models.TextChoices):
    LEARNING_ENVIRONMENT = "learning_environment", _("Powerful learning environment")
    TEAMWORK = "teamwork", _("Teamwork")
    SCHOOL_COLLABORATION = "school_collaboration", _("Collaboration within the school")
    CARE_POLICY = "care_policy", _("Pupil care policy")
    PUPIL_MONITORING = "pupil_monitoring", _("Pupil monitoring systems")
    EXTERNAL_PARTNERS = "external_partners", _("Collaboration with external partners")


# DOMAIN.md, track VL: the themes of the assignment portfolio per LIO year, in this order.
THEMES_BY_YEAR: dict[int, tuple[Theme, ...]] = {
    1: (Theme.LEARNING_ENVIRONMENT, Theme.TEAMWORK, Theme.SCHOOL_COLLABORATION),
    2: (
        Theme.LEARNING_ENVIRONMENT,
        Theme.CARE_POLICY,
        Theme.PUPIL_MONITORING,
        Theme.EXTERNAL_PARTNERS,
    ),
}
LIO_YEARS = [(1, _("LIO year 1")), (2, _("LIO year 2"))]


class Assignment(models.Model):
    """An assignment the coordinator sets for one programme and LIO year, on one theme."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("programme")
    )
    lio_year = models.PositiveSmallIntegerField(_("LIO year"), choices=LIO_YEARS)
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = audited()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["programme", "lio_year", "deadline", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "lio_year", "title"], name="portfolio_assignment_unique_title"
            ),
            models.CheckConstraint(
                condition=Q(lio_year=1, theme__in=THEMES_BY_YEAR[1])
                | Q(lio_year=2, theme__in=THEMES_BY_YEAR[2]),
                name="portfolio_assignment_theme_of_year",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.programme_id and self.programme.track != Track.VL:
            errors["programme"] = _("Only programmes of the Flemish track have assignments.")
        if self.lio_year in THEMES_BY_YEAR and self.theme not in THEMES_BY_YEAR[self.lio_year]:
            errors["theme"] = _("This theme is not part of the portfolio of this LIO year.")
        if errors:
            raise ValidationError(errors)


class AssignmentWork(models.Model):
    """One student's work on one assignment: the current text and files, and its status."""

    assignment = models.ForeignKey(
        Assignment, on_delete=models.PROTECT, related_name="works", verbose_name=_("assignment")
    )
    student = models.ForeignKey(
        StudentProfile,
        on_delete=models.CASCADE,
        related_name="assignment_works",
        verbose_name=_("student"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=WorkStatus.choices, default=WorkStatus.NOT_STARTED
    )
    text = models.TextField(_("reflection"), blank=True)
    submitted_at = models.DateTimeField(_("last submitted"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = audited()

    class Meta:
        verbose_name = _("assignment work")
        verbose_name_plural = _("assignment works")
        ordering = ["assignment", "student"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "student"], name="portfolio_work_one_per_student"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment} · {self.student.person}"

    def clean(self) -> None:
        if (
            self.assignment_id
            and self.student_id
            and self.assignment.programme_id != self.student.programme_id
        ):
            raise ValidationError(_("The assignment belongs to another programme."))


class Attachment(StoredUpload):
    """A file of the work (lesson plan, photo, document). Kept while a version refers to it."""

    work = models.ForeignKey(
        AssignmentWork,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("work"),
    )
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
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]


class WorkVersion(models.Model):
    """A submitted version: text and attachments as they were. Append-only."""

    work = models.ForeignKey(
        AssignmentWork, on_delete=models.CASCADE, related_name="versions", verbose_name=_("work")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("reflection"), blank=True)
    attachments = models.ManyToManyField(
        Attachment, blank=True, related_name="versions", verbose_name=_("attachments")
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
        verbose_name = _("submitted version")
        verbose_name_plural = _("submitted versions")
        ordering = ["work", "number"]
        constraints = [
            models.UniqueConstraint(fields=["work", "number"], name="portfolio_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.work} · v{self.number}"


class WorkFeedback(models.Model):
    """The study coach's written feedback on one version, with the decision. Append-only."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Approved")
        REVISE = "revise", _("Revision requested")

    version = models.OneToOneField(
        WorkVersion, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("version")
    )
    coach = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("study coach"),
    )
    text = models.TextField(_("feedback"))
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    created_at = models.DateTimeField(_("given at"), auto_now_add=True)

    history = audited()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.version}: {self.get_decision_display()}"
