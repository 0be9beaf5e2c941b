"""The start application (*aanvraagformulier start LIO*) and the NL entry requirements."""

from datetime import date

from django.db import models
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from audit.history import audited

from .organisations import School
from .people import Person, StudentProfile
from .placements import Placement, grades_display


class EntryRequirement(models.Model):
    """One entry requirement (*ingangseis*) of track NL that a student has met."""

    class Kind(models.TextChoices):
        PROPAEDEUTIC = "propaedeutic", _("Propaedeutic diploma obtained")
        YOUNG_CHILD = "young_child", _("Module Young Child (Jonge Kind) completed")
        OLDER_CHILD = "older_child", _("Module Older Child (Oudere Kind) completed")
        INCLUSIVE_EDUCATION = (
            "inclusive",
            _("Module Inclusive Education (Passend Onderwijs) completed"),
        )
        MAIN_PHASE = "main_phase", _("All assessments of the main phase passed")

    student = models.ForeignKey(
        StudentProfile,
        on_delete=models.CASCADE,
        related_name="entry_requirements",
        verbose_name=_("student"),
    )
    kind = models.CharField(_("requirement"), max_length=20, choices=Kind.choices)
    met_on = models.DateField(_("met on"), default=date.today)
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
        verbose_name = _("entry requirement")
        verbose_name_plural = _("entry requirements")
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "kind"], name="internships_entry_requirement_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())


class StartApplication(models.Model):
    """The form a student fills in to start the LIO; signed by mentor, director, study coach."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for signatures")
        SIGNED = "signed", _("Signed, waiting for the coordinator")
        RETURNED = "returned", _("Sent back to the student")
        CONFIRMED = "confirmed", _("Confirmed")

    class Appointment(models.TextChoices):
        PRIMARY = "primary", _("Primary-school teacher (leraar lager onderwijs) in Flanders")
        SPECIAL = "special", _("Special education (buitengewoon onderwijs), diploma-oriented class")
        NONE = "none", _("Neither")

    placement = models.OneToOneField(
        Placement,
        on_delete=models.CASCADE,
        related_name="start_application",
        verbose_name=_("placement"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="+", verbose_name=_("school")
    )
    class_name = models.CharField(_("class or group"), max_length=60)
    grades = models.JSONField(_("grades"), default=list)
    mentor = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("mentor")
    )
    director = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("school director"),
    )
    study_coach = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("study coach"),
    )
    weekdays = models.JSONField(_("LIO days of the week"), default=list, blank=True)
    start_date = models.DateField(_("planned start date"), null=True, blank=True)
    end_date = models.DateField(_("planned end date"), null=True, blank=True)
    # Track VL: admission conditions of the student and the conditions of the placement school.
    appointment = models.CharField(
        _("appointment"), max_length=10, choices=Appointment.choices, blank=True
    )
    special_class_pupils = models.PositiveSmallIntegerField(
        _("pupils in the special-education class"), null=True, blank=True
    )
    appointment_for_school_year = models.BooleanField(
        _("appointed for the whole school year"), null=True, blank=True
    )
    appointment_start = models.DateField(_("appointment starts on"), null=True, blank=True)
    periods_per_week = models.PositiveSmallIntegerField(
        _("teaching periods a week in the same class"), null=True, blank=True
    )
    learning_areas = models.CharField(_("learning areas taught"), max_length=300, blank=True)
    school_confirms_conditions = models.BooleanField(
        _("the school confirms its conditions"), default=False
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    return_comment = models.TextField(_("comment when sent back"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to="start-applications/", blank=True)
    pdf_state = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = audited(excluded_fields=["pdf", "pdf_state"])

    class Meta:
        verbose_name = _("start application")
        verbose_name_plural = _("start applications")
        ordering = ["-updated_at"]
        # "What needs action" reads the applications waiting for signatures or confirmation.
        indexes = [
            models.Index(
                fields=["status"],
                include=["placement", "updated_at"],
                name="internships_startapp_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name}: {self.placement.student.person}"

    def get_grades_display(self) -> str:
        return grades_display(self.grades)

    def get_weekdays_display(self) -> str:
        return ", ".join(str(WEEKDAYS[day]) for day in self.weekdays if day in WEEKDAYS)

    @property
    def is_editable(self) -> bool:
        """The student can change the form until the coordinator has confirmed it."""
        return self.status != self.Status.CONFIRMED
